"""Reading a sign-in sheet (.xlsx): find the header row, then the name, phone and unit
columns, whatever order and wording the unit used."""

from dataclasses import dataclass

import openpyxl
from django.utils.translation import gettext as _

from common.sheet_extent import check_workbook_extent
from common.text import clean_text, search_key
from common.uploads import UploadRejected

HEADER_SEARCH_ROWS = 15
MAX_ROWS = 5_000
# Header words as people write them, compared without diacritics.
NAME_HEADERS = ("ho va ten", "ho ten", "ten nguoi", "nguoi tham du", "ten")
PHONE_HEADERS = ("so dien thoai", "dien thoai", "sdt", "so dt", "dt", "phone")
UNIT_HEADERS = ("don vi", "co quan", "noi cong tac", "to dan pho")


@dataclass(frozen=True)
class SheetRow:
    number: int
    name: str
    phone_text: str
    unit: str


def _column(headers: list[str], words: tuple[str, ...]) -> int | None:
    for word in words:
        for index, header in enumerate(headers):
            if header == word or header.startswith((word + " ", word + "(")):
                return index
    return None


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(value)


def read_sign_in_sheet(upload) -> list[SheetRow]:
    """Rows of the first sheet that has a name or phone column, in sheet order."""
    check_workbook_extent(upload)
    try:
        book = openpyxl.load_workbook(upload, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise UploadRejected(_("Không đọc được tệp Excel: tệp bị hỏng.")) from error
    try:
        for sheet in book.worksheets:
            rows = _read_sheet_or_refuse(sheet)
            if rows is not None:
                return rows
    finally:
        book.close()
    raise UploadRejected(
        _("Không tìm thấy cột “Họ và tên” hoặc “Số điện thoại” trong %(n)s dòng đầu của tệp.")
        % {"n": HEADER_SEARCH_ROWS}
    )


def _read_sheet_or_refuse(sheet) -> list[SheetRow] | None:
    # openpyxl reads lazily, so a damaged part (a shared-string index out of range, a bad
    # cell) only fails here, while rows are read.
    try:
        return _read_sheet(sheet)
    except UploadRejected:
        raise
    except Exception as error:
        raise UploadRejected(_("Không đọc được tệp Excel: tệp bị hỏng.")) from error


def _read_sheet(sheet) -> list[SheetRow] | None:
    rows = sheet.iter_rows(values_only=True)
    columns = None
    result = []
    for number, values in enumerate(rows, start=1):
        cells = [_cell_text(value) for value in values]
        if columns is None:
            if number > HEADER_SEARCH_ROWS:
                return None
            headers = [search_key(cell) for cell in cells]
            name, phone = _column(headers, NAME_HEADERS), _column(headers, PHONE_HEADERS)
            if name is not None or phone is not None:
                columns = (name, phone, _column(headers, UNIT_HEADERS))
            continue
        if len(result) >= MAX_ROWS:
            raise UploadRejected(
                _("Danh sách dài quá %(n)s dòng; hãy chia thành nhiều tệp.") % {"n": MAX_ROWS}
            )
        picked = [cells[i] if i is not None and i < len(cells) else "" for i in columns]
        if any(picked[:2]):
            result.append(SheetRow(number, picked[0], picked[1], picked[2]))
    return result if columns is not None else None
