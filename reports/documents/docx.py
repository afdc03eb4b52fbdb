"""The official document as .docx, in the layout of Decree 30/2020/NĐ-CP, Appendix I.

Sizes, weights and margins follow docs/formats.md ("we use"). Times New Roman is set on every
run for the Latin, East Asian and complex-script slots, because Word falls back to another font
for Vietnamese letters when only the Latin slot is named.
"""

import io
from copy import deepcopy

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from common.formatting import date_in_words, format_date
from common.i18n import in_official_language
from common.text import xml_safe
from reports.documents.cells import cell_text
from reports.documents.content import (
    ColumnFormat,
    FigureTable,
    OfficialDocument,
    Paragraph,
    ParagraphKind,
)

EXTENSION = "docx"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

FONT = "Times New Roman"
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
TEXT_WIDTH = PAGE_WIDTH - MARGINS["left"] - MARGINS["right"]
LEFT_COLUMN = Mm(62)
RIGHT_COLUMN = TEXT_WIDTH - LEFT_COLUMN
BODY_SIZE = Pt(14)
FIRST_LINE_INDENT = Cm(1)
SPACE_AFTER = Pt(6)
LINE_SPACING = 1.15
MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc"
SIGNATURE_ROOM_LINES = 4


def _set_font(run, size: Pt, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = size
    run.font.bold = bold
    run.font.italic = italic
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _add_run(paragraph: DocxParagraph, text: str, size: Pt, bold=False, italic=False):
    run = paragraph.add_run(xml_safe(text))
    _set_font(run, size, bold, italic)
    return run


def _tight(paragraph: DocxParagraph, align=WD_ALIGN_PARAGRAPH.CENTER) -> DocxParagraph:
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.first_line_indent = Pt(0)
    return paragraph


def _estimated_width(text: str, size: Pt, factor: float) -> int:
    """A rough rendered width in EMU; good enough to size a rule under a line of text."""
    return int(len(text) * size * factor)


def _rule(paragraph: DocxParagraph, length: int, column_width: int) -> None:
    """A horizontal rule of `length`, centred in its column: the bottom border of an empty
    paragraph squeezed by equal indents."""
    side = max((column_width - length) // 2, 0)
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    _add_run(paragraph, "", Pt(2))


def _no_borders(table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def _two_columns(document, rows: int = 1):
    table = document.add_table(rows=rows, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = LEFT_COLUMN, RIGHT_COLUMN
    return table


def _cell_paragraph(cell: _Cell, first: bool) -> DocxParagraph:
    return _tight(cell.paragraphs[0] if first else cell.add_paragraph())


def _setup_page(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, BODY_SIZE
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    _page_number(section.header.paragraphs[0])
    # Page 1 carries no number: its own header, present and empty.
    section.first_page_header.is_linked_to_previous = False


def _page_number(paragraph: DocxParagraph) -> None:
    """A PAGE field centred in the header; the first page has its own (empty) header."""
    _tight(paragraph)
    run = _add_run(paragraph, "", Pt(13))
    for tag, attrs, text in (
        ("w:fldChar", {"w:fldCharType": "begin"}, None),
        ("w:instrText", {"xml:space": "preserve"}, " PAGE "),
        ("w:fldChar", {"w:fldCharType": "separate"}, None),
        ("w:t", {}, "2"),
        ("w:fldChar", {"w:fldCharType": "end"}, None),
    ):
        element = OxmlElement(tag)
        for key, value in attrs.items():
            element.set(qn(key), value)
        if text is not None:
            element.text = xml_safe(text)
        run._r.append(element)


def _header(document, content: OfficialDocument) -> None:
    table = _two_columns(document, rows=2)
    left, right = table.rows[0].cells
    first = True
    if content.parent_body:
        _add_run(_cell_paragraph(left, first), content.parent_body.upper(), Pt(13))
        first = False
    for line in content.issuing_body:
        _add_run(_cell_paragraph(left, first), line.upper(), Pt(12), bold=True)
        first = False
    longest = max(content.issuing_body or [""], key=len)
    _rule(left.add_paragraph(), _estimated_width(longest, Pt(12), 0.6) * 2 // 5, LEFT_COLUMN)

    _add_run(_cell_paragraph(right, True), MOTTO, Pt(12), bold=True)
    _add_run(_cell_paragraph(right, False), MOTTO_LINE, Pt(13), bold=True)
    _rule(right.add_paragraph(), _estimated_width(MOTTO_LINE, Pt(13), 0.5), RIGHT_COLUMN)

    number_cell, date_cell = table.rows[1].cells
    paragraph = _cell_paragraph(number_cell, True)
    paragraph.paragraph_format.space_before = Pt(6)
    _add_run(paragraph, f"Số: {content.number_text}", Pt(13))
    paragraph = _cell_paragraph(date_cell, True)
    paragraph.paragraph_format.space_before = Pt(6)
    _add_run(paragraph, date_in_words(content.place, content.issued_on), Pt(13), italic=True)


def _title(document, content: OfficialDocument) -> None:
    paragraph = _tight(document.add_paragraph())
    paragraph.paragraph_format.space_before = Pt(18)
    _add_run(paragraph, content.doc_type.upper(), Pt(14), bold=True)
    paragraph = _tight(document.add_paragraph())
    _add_run(paragraph, content.subject, Pt(14), bold=True)
    _rule(
        _tight(document.add_paragraph()),
        min(_estimated_width(content.subject, Pt(14), 0.5), TEXT_WIDTH) // 3,
        TEXT_WIDTH,
    )
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def _body_paragraph(document, block: Paragraph, text: str) -> None:
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = FIRST_LINE_INDENT
    fmt.space_before = Pt(0)
    fmt.space_after = SPACE_AFTER
    fmt.line_spacing = LINE_SPACING
    if block.kind == ParagraphKind.HEADING:
        _add_run(paragraph, text.upper(), BODY_SIZE, bold=True)
    elif block.kind == ParagraphKind.ITEM:
        _add_run(paragraph, text, BODY_SIZE, bold=True)
    else:
        _add_run(paragraph, text, BODY_SIZE, italic=block.kind == ParagraphKind.BASIS)


class _CellStyle:
    """The paragraph and run properties of a plain table cell, made once by the same helpers
    as every other paragraph and copied into each cell: setting them property by property
    through python-docx costs about half a millisecond a cell, seconds for a ward of 200 units.
    """

    def __init__(self, document) -> None:
        self.paragraph_properties = {}
        for align in (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT):
            sample = _tight(document.add_paragraph(), align)
            run = _add_run(sample, "", Pt(13))
            self.paragraph_properties[align] = deepcopy(sample._p.pPr)
            self.run_properties = deepcopy(run._r.rPr)
            sample._p.getparent().remove(sample._p)

    def fill(self, tc, text: str, align) -> None:
        paragraph = tc.p_lst[0]
        paragraph.insert(0, deepcopy(self.paragraph_properties[align]))
        run = OxmlElement("w:r")
        run.append(deepcopy(self.run_properties))
        if text:
            words = OxmlElement("w:t")
            words.set(qn("xml:space"), "preserve")
            words.text = xml_safe(text)
            run.append(words)
        paragraph.append(run)


def _figure_table(document, table_content: FigureTable, style: _CellStyle) -> None:
    title = _tight(document.add_paragraph())
    title.paragraph_format.space_before = Pt(6)
    title.paragraph_format.space_after = Pt(3)
    _add_run(title, table_content.title, Pt(13), bold=True)
    table = document.add_table(rows=1, cols=len(table_content.columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, heading in zip(table.rows[0].cells, table_content.columns, strict=True):
        _add_run(_tight(cell.paragraphs[0]), heading, Pt(13), bold=True)
    empty_row = table.add_row()._tr
    table._tbl.remove(empty_row)
    for row in table_content.rows:
        tr = deepcopy(empty_row)
        table._tbl.append(tr)
        for index, tc in enumerate(tr.tc_lst):
            value = row[index] if index < len(row) else None
            column_format = table_content.format_of(index, value)
            align = (
                WD_ALIGN_PARAGRAPH.LEFT
                if column_format == ColumnFormat.TEXT
                else WD_ALIGN_PARAGRAPH.RIGHT
            )
            style.fill(tc, cell_text(value, column_format), align)
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def _closing(text: str) -> str:
    """The body ends with `./` (Decree 30/2020)."""
    text = text.rstrip()
    return text if text.endswith("./") else text.rstrip(".;,") + "./"


def _body(document, content: OfficialDocument, style: _CellStyle) -> None:
    last_text = max(
        (i for i, block in enumerate(content.body) if isinstance(block, Paragraph)), default=-1
    )
    for index, block in enumerate(content.body):
        if isinstance(block, FigureTable):
            _figure_table(document, block, style)
        else:
            text = _closing(block.text) if index == last_text else block.text
            _body_paragraph(document, block, text)


def recipient_lines(recipients: list[str], archive_line: str) -> list[str]:
    """`- ...;` for each recipient, the archive line last with a full stop."""
    cleaned = [r.strip().lstrip("-–").strip().rstrip(";.").strip() for r in recipients]
    lines = [f"- {r};" for r in cleaned if r]
    archive = archive_line.strip().lstrip("-–").strip().rstrip(";.")
    return [*lines, f"- {archive}."]


def _signature(document, content: OfficialDocument) -> None:
    table = _two_columns(document)
    left, right = table.rows[0].cells
    paragraph = _cell_paragraph(left, True)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _add_run(paragraph, "Nơi nhận:", Pt(12), bold=True, italic=True)
    for line in recipient_lines(content.recipients, content.archive_line):
        _add_run(_tight(left.add_paragraph(), WD_ALIGN_PARAGRAPH.LEFT), line, Pt(11))
    first = True
    for line in [*content.signer_authority, content.signer_title]:
        if line.strip():
            _add_run(_cell_paragraph(right, first), line.upper(), Pt(14), bold=True)
            first = False
    for _ in range(SIGNATURE_ROOM_LINES):
        _add_run(_cell_paragraph(right, first), "", Pt(14))
        first = False
    _add_run(_cell_paragraph(right, False), content.signer_name, Pt(14), bold=True)


def _annex(document, content: OfficialDocument, style: _CellStyle) -> None:
    if not content.annex_tables:
        return
    paragraph = _tight(document.add_paragraph())
    paragraph.paragraph_format.page_break_before = True
    _add_run(paragraph, "PHỤ LỤC", Pt(14), bold=True)
    caption = (
        f"(Kèm theo {content.doc_type.capitalize()} số {content.number_text} "
        f"ngày {format_date(content.issued_on)})"
    )
    _add_run(_tight(document.add_paragraph()), caption, Pt(13), italic=True)
    for table in content.annex_tables:
        _figure_table(document, table, style)


@in_official_language
def render(content: OfficialDocument) -> bytes:
    document = Document()
    _setup_page(document)
    _header(document, content)
    _title(document, content)
    style = _CellStyle(document)
    _body(document, content, style)
    _signature(document, content)
    _annex(document, content, style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
