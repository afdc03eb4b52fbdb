"""Crafted workbooks that used to take the server down (issue 18, items 1 and 2)."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from common.spreadsheets import read_sheets
from common.uploads import UploadRejected


def workbook_with_sheet_xml(path, sheet_xml: str) -> None:
    """A real openpyxl workbook whose first sheet's XML is replaced: the crafted part alone
    differs from what Excel writes."""
    book = Workbook()
    book.active.append(["Họ và tên", "Số điện thoại"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml.encode()
            target.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)


_HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
_HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>'


def test_a_value_in_the_last_cell_of_the_grid_is_refused_before_reading(tmp_path):
    path = tmp_path / "xfd.xlsx"
    book = Workbook()
    book.active.append(["Họ và tên", "Số điện thoại"])
    book.active["XFD1048576"] = "x"
    book.save(path)
    assert path.stat().st_size < 10_000
    with pytest.raises(UploadRejected, match="dòng 1.048.576"):
        list(read_sheets(path))


def test_a_far_column_is_refused(tmp_path):
    path = tmp_path / "wide.xlsx"
    book = Workbook()
    book.active.append(["Họ và tên"])
    book.active["XFD2"] = "x"
    book.save(path)
    with pytest.raises(UploadRejected, match="cột thứ 16.384"):
        list(read_sheets(path))


def test_a_merged_cell_bomb_is_refused(tmp_path):
    merges = "".join(
        f'<mergeCell ref="{chr(71 + i % 19)}3:{chr(71 + i % 19)}1048576"/>' for i in range(200)
    )
    xml = (
        f'{_HEAD}{_HEADER_ROW}</sheetData><mergeCells count="200">{merges}</mergeCells></worksheet>'
    )
    path = tmp_path / "merges.xlsx"
    workbook_with_sheet_xml(path, xml)
    with pytest.raises(UploadRejected, match="ô gộp"):
        list(read_sheets(path))


def test_a_merge_past_the_data_costs_only_the_rows_that_exist(tmp_path, settings):
    settings.SPREADSHEET_MAX_MERGES = 5
    xml = (
        f'{_HEAD}{_HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>An</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>Trường A</t></is></c></row></sheetData>'
        '<mergeCells count="1"><mergeCell ref="B2:B200000"/></mergeCells></worksheet>'
    )
    path = tmp_path / "long-merge.xlsx"
    workbook_with_sheet_xml(path, xml)
    rows = [row.cells for sheet in read_sheets(path) for row in sheet.rows]
    assert rows[-1][:2] == ["An", "Trường A"]
    assert len(rows) == 2
