"""Crafted sign-in sheets get a message, never a crash (issue 18, items 1 and 3)."""

import pytest
from openpyxl import Workbook

from activities.sheets import read_sign_in_sheet
from common.tests.test_sheet_extent import workbook_with_sheet_xml
from common.uploads import UploadRejected


def test_a_value_in_the_last_cell_of_the_grid_is_refused_before_reading(tmp_path):
    path = tmp_path / "xfd.xlsx"
    book = Workbook()
    book.active.append(["Họ và tên", "Số điện thoại"])
    book.active["XFD1048576"] = "x"
    book.save(path)
    with pytest.raises(UploadRejected, match="dòng 1.048.576"), path.open("rb") as upload:
        read_sign_in_sheet(upload)


def test_a_shared_string_out_of_range_gets_a_message(tmp_path):
    xml = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>'
        '<row r="2"><c r="A2" t="s"><v>99999</v></c></row></sheetData></worksheet>'
    )
    path = tmp_path / "strings.xlsx"
    workbook_with_sheet_xml(path, xml)
    with pytest.raises(UploadRejected, match="tệp bị hỏng"), path.open("rb") as upload:
        read_sign_in_sheet(upload)
