"""Numbers in a table cell, written the Vietnamese way for a text document."""

from common.formatting import format_number, format_percent
from reports.documents.content import Cell, ColumnFormat


def cell_text(value: Cell, column_format: str) -> str:
    if value is None or value == "":
        return ""
    if column_format == ColumnFormat.INTEGER:
        return format_number(value, 0)
    if column_format == ColumnFormat.DECIMAL:
        return format_number(value, 1)
    if column_format == ColumnFormat.PERCENT:
        return format_percent(value, 1)
    return str(value)
