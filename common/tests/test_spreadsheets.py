import datetime as dt

import pytest
from openpyxl import Workbook

from common.spreadsheets import cell_text, loose_key, parse_date, read_sheets
from common.uploads import UploadRejected


def test_dates_as_excel_stores_them_or_as_people_type_them():
    assert parse_date(dt.datetime(1990, 1, 5, 0, 0)) == dt.date(1990, 1, 5)
    assert parse_date("05/01/1990") == dt.date(1990, 1, 5)
    assert parse_date(" 5-1-1990 ") == dt.date(1990, 1, 5)
    assert parse_date("1990-01-05") == dt.date(1990, 1, 5)
    assert parse_date("") is None
    for bad in ("31/02/1990", "năm 1990", "1990"):
        with pytest.raises(ValueError):
            parse_date(bad)


def test_cells_as_text_and_labels_as_keys():
    assert cell_text(912345678.0) == "912345678"
    assert cell_text(dt.date(2026, 3, 1)) == "01/03/2026"
    assert loose_key("Họ, tên (ghi rõ)") == "ho ten"
    assert loose_key("SĐT") == "sdt"


def test_merged_cells_are_filled_and_broken_files_refused(tmp_path):
    workbook = Workbook()
    workbook.active.append(["Đơn vị", "Tên"])
    workbook.active.append(["Trường A", "An"])
    workbook.active.append([None, "Bình"])
    workbook.active.merge_cells("A2:A3")
    workbook.save(tmp_path / "m.xlsx")
    rows = [row.cells for sheet in read_sheets(tmp_path / "m.xlsx") for row in sheet.rows]
    assert rows[2] == ["Trường A", "Bình"]
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(UploadRejected, match="Không đọc được"):
        list(read_sheets(tmp_path / "x.xlsx"))
