"""Messy roster workbooks as wards really send them, built in the tests with openpyxl."""

import datetime as dt
import unicodedata
from pathlib import Path

from openpyxl import Workbook

NFD_NAME = unicodedata.normalize("NFD", "Nguyễn Văn An")
LONG_NAME = "X" * 10_000


def messy_roster(path: Path) -> Path:
    """Sheet 1: title block, merged cells, a column-number row, a blank row, phones as numbers,
    a duplicate, four bad rows, a "Tổng cộng" footer and signer lines. Sheet 2: another
    header variant, dates as text. Sheet 3: notes without a header."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh sách"
    sheet["A1"] = "ỦY BAN NHÂN DÂN PHƯỜNG KIM TRÀ"
    sheet.merge_cells("A1:D1")
    sheet["A2"] = "DANH SÁCH CÁN BỘ, GIÁO VIÊN, HỘI VIÊN"
    sheet.merge_cells("A2:J2")
    headings = ["STT", "Họ tên", "SĐT", "Đơn vị", "Đối tượng", "Chức vụ", "Ngày sinh",
                "Giới tính", "Email", "Ghi chú"]  # fmt: skip
    rows = [
        headings,
        [f"({i})" for i in range(1, 11)],
        [1, NFD_NAME, 912345678, "Trường Tiểu học Kim Trà", "CBGV", "Giáo viên",
         dt.datetime(1985, 3, 2), "Nam", "AN@EXAMPLE.VN", ""],
        [2, "Trần Thị Bình", "0905.123.456", "TH Kim Trà", "Giáo viên", "Hiệu trưởng",
         "05/06/1979", "Nữ", "", ""],
        [],
        [3, "Lê Văn Cường", "12345", "Trường Tiểu học Kim Trà", "CBGV", "", None, "", "", ""],
        [4, "Phạm Thị Dung", "0935123456", "Trường Mầm non Hoa Sen", "Cán bộ, công chức", "",
         "31/02/1990", "Nữ", "", ""],
        [5, "Nguyễn Văn An", "+84 912 345 678", "Trường Tiểu học Kim Trà", "CBGV", "Giáo viên",
         dt.datetime(1985, 3, 2), "Nam", "", ""],
        [6, "Hoàng Văn Em", "0977123456", "Hội Liên hiệp Phụ nữ phường", "Hội viên", "", None,
         "Nam", "", ""],
        [7, "Đỗ Thị Gấm", "0977123457", None, "HV, ĐV", "", None, "Nữ", "", ""],
        [8, "Ngô Văn Hùng", "", "Trường Không Có", "CBGV", "", None, "", "", ""],
        [9, LONG_NAME, "0977123458", "Trường Tiểu học Kim Trà", "CBGV", "", None, "", "", ""],
        ["Tổng cộng", "", "", "", "", "", "", "", "", "9 người"],
        [],
        ["", "Người lập biểu", "", "", "", "", "", "HIỆU TRƯỞNG"],
        ["", "Nguyễn Thị Lập", "", "", "", "", "", "Trần Văn Ký"],
    ]  # fmt: skip
    for offset, values in enumerate(rows):
        for col, value in enumerate(values, start=1):
            sheet.cell(row=4 + offset, column=col, value=value)
    sheet.merge_cells("D12:D13")  # "Hội Liên hiệp Phụ nữ phường" covers rows 12 and 13
    second = workbook.create_sheet("Hội LHPN phường")
    second.append(["Họ và tên", "Điện thoại", "Nhóm đối tượng", "Đơn vị", "Ngày sinh"])
    second.append(["Võ Thị Hoa", "0987654321", "Hội viên, đoàn viên", "Hội LHPN phường",
                   "07/08/1970"])  # fmt: skip
    second.append(["Bùi Văn Khang", "0987654322", "hoi vien", "", "1/2/1965"])
    second.append([])
    second.append(["", "", "", "Người lập danh sách"])
    second.append(["", "", "", "Lê Thị Ký"])
    notes = workbook.create_sheet("Ghi chú")
    notes["A1"] = "Danh sách do các đơn vị gửi ngày 10/3/2026"
    workbook.save(path)
    return path


# Rows of messy_roster by what the importer must make of them.
GOOD_ROWS = {"Danh sách": [6, 7, 12, 13], "Hội LHPN phường": [2, 3]}
BAD_ROWS = {"Danh sách": [9, 10, 14, 15]}
DUPLICATE_ROWS = {"Danh sách": [11]}


def simple_roster(path: Path, rows: list[list], headings: list[str] | None = None) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headings or ["Họ và tên", "Số điện thoại", "Đơn vị", "Nhóm đối tượng"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path
