import datetime as dt
import zipfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from common.uploads import UploadRejected
from units.models import AudienceGroup, Person
from units.services import roster_import
from units.tests.rosters import BAD_ROWS, DUPLICATE_ROWS, GOOD_ROWS, messy_roster, simple_roster


def _import(world, path, save=True, **options):
    return roster_import(path=path, ward=world.ward, save=save, **options)


def test_a_messy_roster_is_read_row_by_row(world, tmp_path):
    preview = _import(world, messy_roster(tmp_path / "m.xlsx"), save=False).as_dict()
    sheets = {sheet["name"]: sheet for sheet in preview["sheets"]}
    main = sheets["Danh sách"]
    assert main["header_row"] == 4
    assert main["new"] == len(GOOD_ROWS["Danh sách"])
    assert main["bad"] == len(BAD_ROWS["Danh sách"])
    assert main["duplicates"] == len(DUPLICATE_ROWS["Danh sách"])
    assert sheets["Hội LHPN phường"]["new"] == 2
    bad_rows = {p["row"] for p in main["problems"]}
    assert bad_rows == set(BAD_ROWS["Danh sách"])
    reasons = {p["row"]: (p["column"], p["reason"]) for p in main["problems"]}
    assert reasons[9][0] == "SĐT (cột C)" and "12345" in reasons[9][1]
    assert "31/02/1990" in reasons[10][1]
    assert "Trường Không Có" in reasons[14][1]
    assert "10.000 ký tự" in reasons[15][1]
    assert "tiêu đề" in sheets["Ghi chú"]["problems"][0]["reason"]
    assert preview["duplicates"] == [
        {"sheet": "Danh sách", "row": 11, "same_as_sheet": "Danh sách", "same_as_row": 6}
    ]
    assert Person.objects.count() == 0


def test_saving_stores_clean_values(world, tmp_path):
    _import(world, messy_roster(tmp_path / "m.xlsx"))
    assert Person.objects.count() == 6
    an = Person.objects.get(phone="0912345678")
    assert an.full_name == "Nguyễn Văn An"  # NFD in the file, NFC stored
    assert an.unit == world.school
    assert an.audience_group.code == "school_staff"
    assert an.date_of_birth == dt.date(1985, 3, 2)
    assert an.email == "an@example.vn"
    binh = Person.objects.get(full_name="Trần Thị Bình")
    assert binh.phone == "0905123456" and binh.date_of_birth == dt.date(1979, 6, 5)
    assert binh.gender == "female"
    gam = Person.objects.get(full_name="Đỗ Thị Gấm")
    assert gam.unit == world.organisation  # filled from the merged cell above
    khang = Person.objects.get(full_name="Bùi Văn Khang")
    assert khang.unit == world.organisation  # from the sheet's name
    assert khang.date_of_birth == dt.date(1965, 2, 1)
    assert not Person.objects.filter(full_name__icontains="Lập").exists()
    assert not Person.objects.filter(full_name__icontains="Ký").exists()


def test_importing_the_same_file_twice_changes_nothing(world, tmp_path):
    path = messy_roster(tmp_path / "m.xlsx")
    _import(world, path)
    before = list(Person.objects.order_by("pk").values())
    again = _import(world, path)
    assert again.total("new") == 0 and again.total("updated") == 0
    assert again.total("unchanged") == 6
    assert list(Person.objects.order_by("pk").values()) == before


def test_an_updated_file_updates_people_instead_of_duplicating(world, tmp_path):
    simple_roster(
        tmp_path / "v1.xlsx",
        [["Nguyễn Văn An", "0912345678", "Trường Tiểu học Kim Trà", "CBGV"],
         ["Lê Thị Cúc", "", "Trường Tiểu học Kim Trà", "CBGV"]],
    )  # fmt: skip
    _import(world, tmp_path / "v1.xlsx")
    simple_roster(
        tmp_path / "v2.xlsx",
        [["Nguyễn Văn Ân", "0912 345 678", "Trường Mầm non Hoa Sen", "Giáo viên"],
         ["le thi cuc", "0988000111", "Trường Tiểu học Kim Trà", "CBGV"],
         ["Phan Văn Mới", "0988000222", "Trường Tiểu học Kim Trà", "CBGV"]],
    )  # fmt: skip
    result = _import(world, tmp_path / "v2.xlsx")
    assert (result.total("new"), result.total("updated")) == (1, 2)
    assert Person.objects.count() == 3
    an = Person.objects.get(phone="0912345678")
    assert an.full_name == "Nguyễn Văn Ân" and an.unit == world.other_school
    assert Person.objects.get(phone="0988000111").full_name == "le thi cuc"


def test_audience_values_written_several_ways_are_recognised(world, tmp_path):
    group = AudienceGroup.objects.get(ward=world.ward, code="civil_servants")
    rows = [
        [name, f"09120000{i:02d}", "Hội Liên hiệp Phụ nữ phường", value]
        for i, (name, value) in enumerate(
            [("A Một", "Cán bộ, công chức"), ("B Hai", "CBCC"), ("C Ba", "can bo cong chuc"),
             ("D Bốn", "CÁN BỘ, CÔNG CHỨC, NGƯỜI LAO ĐỘNG")]
        )
    ]  # fmt: skip
    result = _import(world, simple_roster(tmp_path / "g.xlsx", rows))
    assert result.total("new") == 4
    assert set(Person.objects.values_list("audience_group", flat=True)) == {group.pk}


def test_units_are_found_by_code_and_default_unit_fills_blanks(world, tmp_path):
    code_suffix = world.school.code.rsplit("-", 1)[-1]
    rows = [["Mai Văn Hai", "", code_suffix, "HS"], ["Lê Văn Ba", "", "", "HS"]]
    result = _import(
        world, simple_roster(tmp_path / "c.xlsx", rows), default_unit=world.other_school
    )
    assert result.total("bad") == 0
    assert Person.objects.get(full_name="Mai Văn Hai").unit == world.school
    assert Person.objects.get(full_name="Lê Văn Ba").unit == world.other_school


def test_another_wards_units_are_not_matched(world, tmp_path):
    rows = [["Mai Văn Hai", "", world.far_school.name, "HS"]]
    result = _import(world, simple_roster(tmp_path / "f.xlsx", rows))
    assert result.total("bad") == 1 and Person.objects.count() == 0


def test_bad_rows_only_skip_themselves(world, tmp_path):
    _import(world, messy_roster(tmp_path / "m.xlsx"))
    assert not Person.objects.filter(full_name="Lê Văn Cường").exists()
    assert Person.objects.filter(full_name="Hoàng Văn Em").exists()


def _bytes(path, content: bytes):
    path.write_bytes(content)
    return path


def _zip_bomb(path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (20 * 1024 * 1024))
    return path


def _no_header(path):
    workbook = Workbook()
    workbook.active.append(["Tên", "Tuổi"])
    workbook.active.append(["An", 30])
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: _bytes(p, b"not an excel file at all"), "không đúng định dạng"),
        (lambda p: _bytes(p, b"PK\x03\x04broken zip"), "hỏng"),
        (_zip_bomb, "zip bomb"),
        (_no_header, "Không tìm thấy dòng tiêu đề"),
    ],
    ids=["not-excel", "corrupt", "zip-bomb", "no-header"],
)
def test_bad_files_are_refused_with_a_message_and_nothing_saved(world, tmp_path, make, message):
    path = make(tmp_path / "bad.xlsx")
    with pytest.raises(UploadRejected, match=message):
        _import(world, path)
    assert Person.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused(world, tmp_path, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    path = messy_roster(tmp_path / "m.xlsx")
    with pytest.raises(UploadRejected, match="quá lớn"):
        _import(world, path)
    assert Person.objects.count() == 0


def test_names_that_look_like_footers_or_signers_are_people(world, tmp_path):
    rows = [
        ["Công Thị Hoa", "0912000101", "Trường Tiểu học Kim Trà", "CBGV"],
        ["Trương Văn Phòng", "0912000102", "Trường Tiểu học Kim Trà", "CBGV"],
        ["Chu Văn Tịch", "0912000103", "Trường Tiểu học Kim Trà", "CBGV"],
        ["Cộng"],
        ["Người sau dòng cộng", "0912000104", "Trường Tiểu học Kim Trà", "CBGV"],
    ]
    result = _import(world, simple_roster(tmp_path / "n.xlsx", rows))
    assert result.total("new") == 3 and result.total("bad") == 0


def test_a_two_row_header_and_section_rows_name_the_unit(world, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["STT", "Họ và tên", "Liên hệ", None, "Nhóm đối tượng"])
    sheet.merge_cells("C1:D1")
    sheet.append([None, None, "SĐT", "Email", None])
    sheet.append(["I. Trường MN Hoa Sen"] * 5)
    sheet.merge_cells("A3:E3")
    sheet.append([1, "Lê Thị Xuân", "0912000201", "xuan@truong.vn", "HS"])
    sheet.append(["II. Trường Tiểu học Kim Trà"])
    sheet.merge_cells("A5:E5")
    sheet.append([1, "Mai Văn Đông", "0912000202", "", "HS"])
    workbook.save(tmp_path / "s.xlsx")
    result = _import(world, tmp_path / "s.xlsx")
    assert result.total("new") == 2 and result.total("bad") == 0
    xuan = Person.objects.get(full_name="Lê Thị Xuân")
    assert (xuan.unit, xuan.phone, xuan.email) == (
        world.other_school,
        "0912000201",
        "xuan@truong.vn",
    )
    assert Person.objects.get(full_name="Mai Văn Đông").unit == world.school


def _import_counting_queries(world, path) -> int:
    ContentType.objects.clear_cache()  # the first import would pay for every later one
    with CaptureQueriesContext(connection) as queries:
        _import(world, path)
    return len(queries)


def _staff(first: int, count: int, unit: str) -> list[list]:
    return [[f"Giáo viên số {i}", f"09880{i:05d}", unit, "CBGV"] for i in range(first, count)]


def test_creating_and_updating_people_costs_queries_that_do_not_grow_with_rows(world, tmp_path):
    """The audit files every person under their unit: looking units up row by row turned an
    update of 100,000 people into 100,000 queries."""
    counts = {}
    for first, count in ((0, 3), (100, 130)):
        for version, unit in enumerate(["Trường Tiểu học Kim Trà", "Trường Mầm non Hoa Sen"]):
            path = simple_roster(tmp_path / f"{count}-{version}.xlsx", _staff(first, count, unit))
            counts.setdefault(version, set()).add(_import_counting_queries(world, path))
    assert Person.objects.filter(unit=world.other_school).count() == 33
    assert len(counts[0]) == 1 and len(counts[1]) == 1, counts


def test_an_update_writes_only_the_columns_that_changed(world, tmp_path):
    rows = _staff(0, 3, "Trường Tiểu học Kim Trà")
    _import(world, simple_roster(tmp_path / "v1.xlsx", rows))
    rows[1][0] = "Giáo viên số Một"
    with CaptureQueriesContext(connection) as queries:
        result = _import(world, simple_roster(tmp_path / "v2.xlsx", rows))
    assert result.update_fields() == ["full_name", "search_key", "sort_key", "updated_at"]
    (update,) = [q["sql"] for q in queries if q["sql"].startswith('UPDATE "units_person"')]
    assert '"full_name" = ' in update and '"unit_id"' not in update
    assert Person.objects.get(phone="0988000001").search_key == "giao vien so mot"


def test_a_sheet_without_a_column_leaves_that_column_on_file(world, tmp_path):
    headings = ["Họ và tên", "Số điện thoại", "Đơn vị", "Nhóm đối tượng", "Chức vụ"]
    school = "Trường Tiểu học Kim Trà"
    simple_roster(
        tmp_path / "v1.xlsx",
        [["Nguyễn Văn An", "0912345678", school, "CBGV", "Hiệu trưởng"],
         ["Lê Thị Cúc", "0988000111", school, "CBGV", "Giáo viên"]],
        headings,
    )  # fmt: skip
    _import(world, tmp_path / "v1.xlsx")
    # One sheet moves An and says nothing of positions; another changes Cúc's position.
    workbook = Workbook()
    moved = workbook.active
    moved.title = "Chuyển đơn vị"
    moved.append(headings[:4])
    moved.append(["Nguyễn Văn An", "0912345678", "Trường Mầm non Hoa Sen", "CBGV"])
    promoted = workbook.create_sheet("Chức vụ mới")
    promoted.append(headings)
    promoted.append(["Lê Thị Cúc", "0988000111", school, "CBGV", "Phó hiệu trưởng"])
    workbook.save(tmp_path / "v2.xlsx")
    result = _import(world, tmp_path / "v2.xlsx")
    assert result.total("updated") == 2
    an, cuc = Person.objects.get(phone="0912345678"), Person.objects.get(phone="0988000111")
    assert (an.unit, an.position) == (world.other_school, "Hiệu trưởng")
    assert (cuc.unit, cuc.position) == (world.school, "Phó hiệu trưởng")
