"""The ward report's .docx and .xlsx, opened the way a clerk's software would read them."""

import datetime as dt
import io

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import load_workbook

from reports import services
from reports.compose import ward_report_document
from reports.documents import docx, pdf, xlsx
from reports.documents.content import ColumnFormat, FigureTable, OfficialDocument, Paragraph
from reports.tests.support import make_schedule

pytestmark = pytest.mark.django_db

FIGURES = {
    "tables": [
        {
            "key": "coverage_by_group",
            "title": "Tỉ lệ được quán triệt theo nhóm đối tượng",
            "columns": ["Nhóm đối tượng", "Tổng số", "Đã quán triệt", "Tỉ lệ"],
            "rows": [["Cán bộ, giáo viên", 1234, 1051, 85.17], ["Học sinh", 20500, 19000, 92.7]],
            "formats": ["text", "integer", "integer", "percent"],
        }
    ]
}


def figures_for_test(unit, plan, window) -> dict:
    return FIGURES


@pytest.fixture
def ward_report(world, settings):
    settings.REPORTS_FIGURES_PROVIDER = "reports.tests.test_documents.figures_for_test"
    return _ward_report(world)


@pytest.fixture
def ward_report_real(world):
    """The same report with the indicators module's own figures."""
    return _ward_report(world)


def _ward_report(world):
    schedule = make_schedule(world)
    focal = world.user("focal")
    report = services.unit_report_open(
        actor=focal, schedule=schedule, period_code="2026-H1", unit=world.school
    )
    services.unit_report_save(actor=focal, report=report, results="Tổ chức 3 hội nghị.")
    services.unit_report_accept(
        actor=world.user("coordinator"),
        report=services.unit_report_submit(actor=focal, report=report),
    )
    services.difficulty_raise(actor=focal, unit=world.school, text="Thiếu loa truyền thanh.")
    services.ward_settings_update(
        actor=world.user("coordinator"),
        ward=world.ward,
        default_recipients="UBND thành phố Huế;\n- CT và các PCT phường",
        signer_authority="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        signer_title="Phó Chủ tịch",
        signer_name="Mai Văn Xuân",
    )
    return services.ward_report_create(
        actor=world.user("coordinator"),
        schedule=schedule,
        period_code="2026-H1",
        issued_on=dt.date(2027, 1, 5),
    )


@pytest.fixture
def opened(ward_report):
    return Document(io.BytesIO(docx.render(ward_report_document(report=ward_report))))


def _mm(length) -> float:
    return round(length.mm, 1)


def _runs(cell_or_doc):
    return [run for p in cell_or_doc.paragraphs for run in p.runs if run.text.strip()]


def _run_with(container, text):
    return next(run for run in _runs(container) if run.text == text)


def _assert_font(run, size, bold=False, italic=False):
    assert run.font.name == "Times New Roman"
    fonts = run._element.rPr.rFonts
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(slot)) == "Times New Roman", slot
    assert run.font.size == Pt(size), run.text
    assert bool(run.font.bold) == bold, run.text
    assert bool(run.font.italic) == italic, run.text


def test_page_is_a4_portrait_with_decree_margins(opened):
    section = opened.sections[0]
    # Word stores lengths in twentieths of a point, so compare to a tenth of a millimetre.
    assert (_mm(section.page_width), _mm(section.page_height)) == (210, 297)
    assert section.page_width < section.page_height
    assert (_mm(section.top_margin), _mm(section.bottom_margin)) == (20, 20)
    assert (_mm(section.left_margin), _mm(section.right_margin)) == (30, 15)


def test_header_elements_have_their_sizes_and_weights(opened, world):
    header = opened.tables[0]
    left, right = header.rows[0].cells
    _assert_font(_run_with(left, "ỦY BAN NHÂN DÂN"), 12, bold=True)
    _assert_font(_run_with(left, world.ward.name.upper()), 12, bold=True)
    _assert_font(_run_with(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 12, bold=True)
    _assert_font(_run_with(right, "Độc lập - Tự do - Hạnh phúc"), 13, bold=True)
    number_cell, date_cell = header.rows[1].cells
    _assert_font(_run_with(number_cell, "Số: 01/BC-UBND"), 13)
    place = world.ward.name.removeprefix("Phường ")
    _assert_font(_run_with(date_cell, f"{place}, ngày 05 tháng 01 năm 2027"), 13, italic=True)


def test_header_table_is_borderless_and_rules_are_drawn(opened):
    header = opened.tables[0]
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    left, right = header.rows[0].cells
    for cell in (left, right):
        assert any(
            p._p.pPr.find(qn("w:pBdr")) is not None for p in cell.paragraphs if p._p.pPr is not None
        )


def test_type_subject_and_body_follow_the_decree(opened):
    body = [p for p in opened.paragraphs if p.text.strip()]
    title = next(p for p in body if p.text == "BÁO CÁO")
    _assert_font(title.runs[0], 14, bold=True)
    assert title.alignment == 1  # centred
    subject = body[body.index(title) + 1]
    assert subject.text.startswith("Kết quả triển khai")
    _assert_font(subject.runs[0], 14, bold=True)
    heading = next(p for p in body if p.text == "I. KẾT QUẢ THỰC HIỆN")
    _assert_font(heading.runs[0], 14, bold=True)
    text = next(p for p in body if "Tổ chức 3 hội nghị." in p.text)
    _assert_font(text.runs[0], 14)
    fmt = text.paragraph_format
    assert text.alignment == 3  # justified
    assert _mm(fmt.first_line_indent) in (10, 12.7)
    assert fmt.space_after >= Pt(6)
    assert 1.0 <= fmt.line_spacing <= 1.5
    last_body = [p for p in body if p.paragraph_format.first_line_indent][-1]
    assert last_body.text.endswith("./")


def test_page_numbers_are_in_the_header_from_page_two(opened):
    section = opened.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and "fldChar" in header_xml
    assert section.header.paragraphs[0].alignment == 1
    assert "PAGE" not in section.first_page_header._element.xml


def test_recipients_and_signer_block(opened):
    signer_table = (
        opened.tables[-1]
        if len(opened.tables) == 2
        else next(t for t in opened.tables if "Nơi nhận:" in t.rows[0].cells[0].text)
    )
    left, right = signer_table.rows[0].cells
    _assert_font(_run_with(left, "Nơi nhận:"), 12, bold=True, italic=True)
    lines = [run.text for run in _runs(left)][1:]
    assert lines == ["- UBND thành phố Huế;", "- CT và các PCT phường;", "- Lưu: VT, VHXH."]
    for line in lines:
        _assert_font(_run_with(left, line), 11)
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"):
        _assert_font(_run_with(right, line), 14, bold=True)
    _assert_font(_run_with(right, "Mai Văn Xuân"), 14, bold=True)
    empty = [p for p in right.paragraphs if not p.text.strip()]
    assert len(empty) >= 3  # room for the signature


def test_figures_in_the_docx_equal_the_provider_and_read_the_vietnamese_way(opened):
    table = next(t for t in opened.tables if t.rows[0].cells[0].text == "Nhóm đối tượng")
    assert [c.text for c in table.rows[1].cells] == ["Cán bộ, giáo viên", "1.234", "1.051", "85,2%"]
    assert [c.text for c in table.rows[2].cells] == ["Học sinh", "20.500", "19.000", "92,7%"]
    number = table.rows[1].cells[1].paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    _assert_font(number.runs[0], 13)
    assert table.rows[1].cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_annex_lists_submissions_and_open_difficulties(ward_report_real, world):
    opened = Document(io.BytesIO(docx.render(ward_report_document(report=ward_report_real))))
    texts = {c.text for t in opened.tables for row in t.rows for c in row.cells}
    assert "Thiếu loa truyền thanh." in texts
    assert world.other_school.name in texts and "Chưa gửi" in texts


def test_xlsx_carries_the_same_figures_as_numbers(ward_report):
    book = load_workbook(io.BytesIO(xlsx.render(ward_report_document(report=ward_report))))
    sheet = book["Bảng 1"]
    assert sheet["A1"].value == "Tỉ lệ được quán triệt theo nhóm đối tượng"
    assert "01/BC-UBND" in sheet["A2"].value
    assert [c.value for c in sheet[4]] == ["Nhóm đối tượng", "Tổng số", "Đã quán triệt", "Tỉ lệ"]
    row = [c.value for c in sheet[5]]
    assert row[:3] == ["Cán bộ, giáo viên", 1234, 1051]
    assert row[3] == pytest.approx(0.8517)
    assert sheet["B5"].number_format == "#,##0"
    assert sheet["D5"].number_format == "0.0%"
    assert sheet["B6"].value == 20500


def test_xlsx_annex_sheets_hold_submissions_and_difficulties(ward_report_real):
    content = ward_report_document(report=ward_report_real)
    book = load_workbook(io.BytesIO(xlsx.render(content)))
    titles = [book[name]["A1"].value for name in book.sheetnames]
    assert "Tình hình gửi báo cáo của từng đơn vị" in titles
    assert "Khó khăn, vướng mắc chưa được giải quyết" in titles


def test_without_a_provider_there_are_no_invented_figures(world, settings):
    settings.REPORTS_FIGURES_PROVIDER = ""
    schedule = make_schedule(world)
    report = services.ward_report_create(
        actor=world.user("coordinator"),
        schedule=schedule,
        period_code="2026-H1",
        issued_on=dt.date(2026, 6, 18),
    )
    content = ward_report_document(report=report)
    assert all(t.title != FIGURES["tables"][0]["title"] for t in content.tables)
    opened = Document(io.BytesIO(docx.render(content)))
    assert "Nhóm đối tượng" not in {t.rows[0].cells[0].text for t in opened.tables}


def test_a_parent_body_is_written_in_capitals_not_bold():
    content = OfficialDocument(
        parent_body="Ủy ban nhân dân thành phố Huế",
        issuing_body=["PHÒNG VĂN HÓA – XÃ HỘI"],
        number_text="05/BC-VHXH",
        place="Kim Trà",
        issued_on=dt.date(2026, 3, 9),
        doc_type="Báo cáo",
        subject="Thử",
        body=[Paragraph("Nội dung.")],
    )
    opened = Document(io.BytesIO(docx.render(content)))
    left = opened.tables[0].rows[0].cells[0]
    _assert_font(_run_with(left, "ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ"), 13)
    date_cell = opened.tables[0].rows[1].cells[1]
    assert date_cell.text == "Kim Trà, ngày 09 tháng 3 năm 2026"
    texts = [p.text for p in opened.paragraphs if p.text.strip()]
    assert "Nội dung./" in texts


def test_table_cells_infer_formats_when_not_given():
    table = FigureTable("t", ["a", "b", "c"], [["x", 1500, 2.25]])
    assert table.format_of(1, 1500) == ColumnFormat.INTEGER
    assert table.format_of(2, 2.25) == ColumnFormat.DECIMAL
    assert table.format_of(0, "x") == ColumnFormat.TEXT


def test_pdf_without_libreoffice_says_how_to_get_it(monkeypatch, ward_report):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(pdf.PdfUnavailable, match="LibreOffice"):
        pdf.render(ward_report_document(report=ward_report))


@pytest.mark.skipif(pdf.soffice_path() is None, reason="LibreOffice is not installed")
def test_pdf_through_libreoffice(ward_report):
    assert pdf.render(ward_report_document(report=ward_report)).startswith(b"%PDF-")
