"""The annex as .xlsx: every table of the document, one sheet each.

Values are written as numbers, never as formatted text, so a clerk can add and chart them.
Their display uses Excel's own number formats (`#,##0`, `#,##0.0`, `0.0%`): in a format code
`,` and `.` are placeholders for the reader's thousands and decimal separators, so Excel or
LibreOffice set to Vietnamese shows `1.234,5` and the file stays correct on any machine. A
format such as `#.##0` would not mean "Vietnamese": it would print the digits wrongly
everywhere. Percentages are stored as fractions (85,3% → 0.853) under `0.0%`.
"""

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from common.formatting import format_date
from common.i18n import in_official_language
from common.xlsx import as_text, clean_value
from reports.documents.content import Cell, ColumnFormat, FigureTable, OfficialDocument

EXTENSION = "xlsx"
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

NUMBER_FORMATS = {
    ColumnFormat.INTEGER: "#,##0",
    ColumnFormat.DECIMAL: "#,##0.0",
    ColumnFormat.PERCENT: "0.0%",
}
FONT = "Times New Roman"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_ROW = 4


def _value(value: Cell, column_format: str):
    if isinstance(value, Decimal):
        value = float(value)
    if column_format == ColumnFormat.PERCENT and isinstance(value, int | float):
        return value / 100
    return value


def _sheet(workbook: Workbook, index: int, table: FigureTable, caption: str) -> None:
    sheet = workbook.create_sheet(title=f"Bảng {index}")
    sheet["A1"] = clean_value(table.title)
    as_text(sheet["A1"])
    sheet["A1"].font = Font(name=FONT, size=13, bold=True)
    sheet["A2"] = clean_value(caption)
    as_text(sheet["A2"])
    sheet["A2"].font = Font(name=FONT, size=12, italic=True)
    for col, heading in enumerate(table.columns, start=1):
        cell = as_text(sheet.cell(row=HEADER_ROW, column=col, value=clean_value(heading)))
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BOX
        width = max([len(heading)] + [len(str(r[col - 1])) for r in table.rows if len(r) >= col])
        sheet.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 10), 60)
    for row_index, row in enumerate(table.rows, start=HEADER_ROW + 1):
        for col in range(1, len(table.columns) + 1):
            raw = row[col - 1] if col <= len(row) else None
            column_format = table.format_of(col - 1, raw)
            cell = as_text(
                sheet.cell(row=row_index, column=col, value=clean_value(_value(raw, column_format)))
            )
            cell.font = Font(name=FONT, size=12)
            cell.border = BOX
            if column_format in NUMBER_FORMATS:
                cell.number_format = NUMBER_FORMATS[column_format]
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=1)


@in_official_language
def render(content: OfficialDocument) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    caption = (
        f"Kèm theo {content.doc_type.capitalize()} số {content.number_text} "
        f"ngày {format_date(content.issued_on)}"
    )
    tables = content.tables
    if not tables:
        sheet = workbook.create_sheet(title="Phụ lục")
        sheet["A1"] = "Chưa có bảng số liệu."
        sheet["A2"] = clean_value(caption)
    for index, table in enumerate(tables, start=1):
        _sheet(workbook, index, table, caption)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
