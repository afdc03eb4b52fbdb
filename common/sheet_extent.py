"""A workbook's real extent, measured before any reader allocates it.

Spreadsheet readers (calamine, openpyxl) build the whole rectangle from A1 to the last cell,
and an entry for every merged cell: one value in XFD1048576, or a merge like G3:G1048576, in
a 2 KB file asks for gigabytes and takes the process down. So the sheet XML is streamed once
through the archive and its last row, last column and merges are checked against a budget.
"""

import re
import zipfile
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from common.uploads import UploadRejected

_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"')
_ROW_REF = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]{1,7})"')
_MERGE = re.compile(
    rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"'
)
_CHUNK = 1 << 20
_OVERLAP = 256  # longer than any tag the patterns match, so none is cut between chunks


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _limits() -> tuple[int, int, int]:
    return (
        getattr(settings, "SPREADSHEET_MAX_ROWS", 200_000),
        getattr(settings, "SPREADSHEET_MAX_COLUMNS", 200),
        getattr(settings, "SPREADSHEET_MAX_MERGES", 20_000),
    )


def _scan(stream: IO[bytes]) -> tuple[int, int, int, int]:
    """(last row, last column, merges, rows covered by merges) of one sheet's XML."""
    last_row = last_col = merges = merged_rows = 0
    tail = b""
    while chunk := stream.read(_CHUNK):
        data = tail + chunk
        # A match that starts in the overlap was already counted with the previous chunk.
        start = 0 if not tail else len(tail) - min(len(tail), _OVERLAP)
        for match in _CELL_REF.finditer(data, start):
            last_col = max(last_col, _column_number(match.group(1)))
            last_row = max(last_row, int(match.group(2)))
        for match in _ROW_REF.finditer(data, start):
            last_row = max(last_row, int(match.group(1)))
        for match in _MERGE.finditer(data, start):
            if tail and match.end() <= len(tail):
                continue
            merges += 1
            merged_rows += int(match.group(4)) - int(match.group(2)) + 1
        tail = data[-_OVERLAP:]
    return last_row, last_col, merges, merged_rows


def check_workbook_extent(source) -> None:
    """Refuse (UploadRejected, in Vietnamese) a workbook whose sheets reach past the budget:
    too many rows or columns, or merges that cover more rows than the sheet has."""
    max_rows, max_cols, max_merges = _limits()
    if hasattr(source, "seek"):
        source.seek(0)
    try:
        archive = zipfile.ZipFile(source)
        names = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        for name in names:
            if not name.endswith(".xml"):
                continue
            with archive.open(name) as stream:
                last_row, last_col, merges, merged_rows = _scan(stream)
            _check_sheet(last_row, last_col, merges, merged_rows, max_rows, max_cols, max_merges)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        if isinstance(exc, UploadRejected):
            raise
        raise UploadRejected(
            _("Không đọc được tệp Excel: tệp bị hỏng hoặc sai định dạng.")
        ) from exc
    finally:
        if hasattr(source, "seek"):
            source.seek(0)


def _check_sheet(last_row, last_col, merges, merged_rows, max_rows, max_cols, max_merges):
    if last_row > max_rows:
        raise UploadRejected(
            _(
                "Trang tính có dữ liệu đến dòng %(row)s, vượt giới hạn %(max)s dòng. Hãy xóa các "
                "dòng thừa ở cuối trang hoặc chia thành nhiều tệp."
            )
            % {"row": f"{last_row:,}".replace(",", "."), "max": f"{max_rows:,}".replace(",", ".")}
        )
    if last_col > max_cols:
        raise UploadRejected(
            _(
                "Trang tính có dữ liệu đến cột thứ %(col)s, vượt giới hạn %(max)s cột. Hãy xóa "
                "các ô thừa ở bên phải."
            )
            % {"col": f"{last_col:,}".replace(",", "."), "max": max_cols}
        )
    if merges > max_merges or merged_rows > max(max_rows, 1) * 4:
        raise UploadRejected(
            _("Trang tính có quá nhiều ô gộp (%(count)s vùng gộp). Hãy bỏ gộp ô rồi tải lên lại.")
            % {"count": f"{merges:,}".replace(",", ".")}
        )
