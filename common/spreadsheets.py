"""Reading the spreadsheets people really send: streamed row by row, merged cells filled in,
header labels and dates as clerks write them.

python-calamine reads an .xlsx about ten times faster than openpyxl (see
bench/roster_import.py) and reports merged ranges, which openpyxl's read-only mode does not.
Check the file with common.uploads first: this module trusts the archive's sizes.
"""

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from common.sheet_extent import check_workbook_extent
from common.text import clean_text, search_key
from common.uploads import UploadRejected

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_PARENTHESES = re.compile(r"\([^)]*\)")
_TEXT_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def loose_key(value: object) -> str:
    """A key that ignores case, diacritics, punctuation and notes in parentheses:
    `Họ, tên (ghi rõ)` → `ho ten`; used to recognise labels and listed values."""
    text = _PARENTHESES.sub(" ", search_key(value))
    return _NOT_WORD.sub(" ", text).strip()


@dataclass
class SheetRow:
    number: int  # as Excel shows it, from 1
    cells: list


@dataclass
class Sheet:
    name: str
    rows: Iterator[SheetRow]


def _merged_fills(sheet, last_row: int) -> dict[int, list[tuple[int, int, int, int]]]:
    """Row → [(first col, last col, source row, source col)] for every merged cell but the
    first: Excel keeps a merged value only in the top-left cell. Merges are cut at the last
    row with data: a merge down to row 1,048,576 must not cost a million entries."""
    fills: dict[int, list[tuple[int, int, int, int]]] = {}
    for (top, left), (bottom, right) in sheet.merged_cell_ranges or []:
        for row in range(top, min(bottom, last_row) + 1):
            fills.setdefault(row, []).append((left, right, top, left))
    return fills


def _rows(sheet) -> Iterator[SheetRow]:
    first_row, first_col = sheet.start or (0, 0)
    fills = _merged_fills(sheet, first_row + sheet.height - 1)
    sources: dict[tuple[int, int], object] = {}
    for offset, values in enumerate(sheet.iter_rows()):
        row = first_row + offset
        cells = [None] * first_col + list(values)
        for left, right, top, source_col in fills.get(row, ()):
            if row == top:
                value = cells[source_col] if source_col < len(cells) else None
                sources[(top, source_col)] = value
            value = sources.get((top, source_col))
            if len(cells) <= right:
                cells.extend([None] * (right + 1 - len(cells)))
            for col in range(left, right + 1):
                if cells[col] in (None, ""):
                    cells[col] = value
        yield SheetRow(number=row + 1, cells=cells)


def read_sheets(path: Path | str) -> Iterator[Sheet]:
    """Every visible worksheet, its rows streamed. Raises UploadRejected for a file that is
    not a readable workbook or reaches past the budget of common.sheet_extent."""
    check_workbook_extent(str(path))
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        metadata = workbook.sheets_metadata
    except Exception as exc:  # calamine raises several unrelated types for a broken file
        raise UploadRejected(
            _("Không đọc được tệp Excel: tệp bị hỏng hoặc sai định dạng.")
        ) from exc
    for meta in metadata:
        if meta.visible != SheetVisibleEnum.Visible or meta.typ != SheetTypeEnum.WorkSheet:
            continue
        try:
            sheet = workbook.get_sheet_by_name(meta.name)
        except Exception as exc:
            raise UploadRejected(
                _("Không đọc được trang tính “%(name)s”: tệp bị hỏng.") % {"name": meta.name}
            ) from exc
        yield Sheet(name=clean_text(meta.name), rows=_rows(sheet))


def parse_date(value: object) -> dt.date | None:
    """A date cell as Excel stores it or as people type it (`05/01/1990`, `5-1-1990`).
    Blank gives None; anything else that is not a date raises ValueError."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = clean_text(value)
    if match := _TEXT_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    if match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
        return dt.date(year, month, day)
    raise ValueError(text)


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without `.0`, dates dd/mm/yyyy."""
    if type(value) is str:  # most cells: the cheapest test first
        return clean_text(value)
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return clean_text(value)
