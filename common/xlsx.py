"""Cells of the workbooks we write, safe whatever text users typed.

openpyxl turns a string that starts with `=` into a live formula (`=HYPERLINK(...)` in a
person's name would run in the clerk's Excel), and refuses the control characters an .xlsx
cannot hold, failing the whole export. Every value a writer puts in a cell goes through here.
"""

from openpyxl.cell import WriteOnlyCell

from common.text import xml_safe


def clean_value(value):
    """A value openpyxl accepts: strings without the control characters XML forbids."""
    return xml_safe(value) if isinstance(value, str) else value


def as_text(cell):
    """A cell whose string value stays plain text, never a formula."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def text_cell(sheet, value) -> WriteOnlyCell:
    """A write-only cell holding the value safely."""
    return as_text(WriteOnlyCell(sheet, value=clean_value(value)))


def safe_row(sheet, values) -> list:
    """A row for a write-only sheet's `append`: strings become text cells, the rest as is."""
    return [text_cell(sheet, value) if isinstance(value, str) else value for value in values]
