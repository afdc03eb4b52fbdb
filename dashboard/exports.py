"""Dashboard tables as .xlsx, written with openpyxl's write-only mode (a city's detail table
runs to thousands of rows).

Numbers stay numbers under Excel's own formats (`#,##0`, `#,##0.0`, `0.0%`), which Excel and
LibreOffice set to Vietnamese show as `1.234,5` and `85,3%`; percentages are stored as
fractions, as that format expects (the same convention as reports.documents.xlsx)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from common.formatting import format_date
from common.xlsx import text_cell
from indicators.figures import Figures, Format, Table

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_FORMATS = {Format.INTEGER: "#,##0", Format.DECIMAL: "#,##0.0", Format.PERCENT: "0.0%"}
_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
HEADER_ROWS = 4  # title, unit and period, blank, column headings


def _cell(sheet, value, column_format: str):
    if column_format == Format.PERCENT and isinstance(value, int | float):
        value = value / 100
    cell = text_cell(sheet, value)
    if column_format in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[column_format]
    return cell


def _sheet_name(index: int, table: Table) -> str:
    return f"{index}. {table.title}".translate(_FORBIDDEN)[:31]


def _caption(figures: Figures) -> str:
    start, end = figures.window
    return _("%(unit)s · số liệu từ %(start)s đến %(end)s") % {
        "unit": figures.root_name,
        "start": format_date(start),
        "end": format_date(figures.day if figures.day < end else end),
    }


def tables_xlsx(figures: Figures, tables: list[Table]) -> bytes:
    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for index, table in enumerate(tables, start=1):
        sheet = book.create_sheet(_sheet_name(index, table))
        sheet.column_dimensions["A"].width = 40
        title = text_cell(sheet, str(table.title))
        title.font = Font(bold=True, size=13)
        sheet.append([title])
        sheet.append([text_cell(sheet, _caption(figures))])
        sheet.append([])
        headings = []
        for column in table.columns:
            heading = text_cell(sheet, str(column.label))
            heading.font = bold
            headings.append(heading)
        sheet.append(headings)
        formats = [c.format for c in table.columns]
        for row in table.rows:
            sheet.append([_cell(sheet, v, f) for v, f in zip(row, formats, strict=True)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
