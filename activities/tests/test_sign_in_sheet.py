import io
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from activities.models import Attendance
from activities.services import sheet_import_apply, sheet_import_create
from common.uploads import UploadRejected


def sheet(rows, header=("STT", "Họ và tên", "Số điện thoại", "Đơn vị")) -> SimpleUploadedFile:
    book = Workbook()
    page = book.active
    page.append(["DANH SÁCH KÝ TÊN"])
    page.append(list(header))
    for row in rows:
        page.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("ky-ten.xlsx", buffer.getvalue())


def test_it_matches_nfd_names_extra_spaces_and_phones(world, make):
    activity = make.activity(plan=make.plan())
    anh = make.person(name="Nguyễn Thị Ánh", phone="")
    binh = make.person(name="Trần Văn Bình", phone="0912345678")
    nfd = unicodedata.normalize("NFD", "  Nguyễn   Thị  Ánh ")
    upload = sheet(
        [
            (1, nfd, "", "Trường Tiểu học Kim Trà"),
            (2, "Ai đó", 912345678, ""),  # Excel dropped the leading zero
            (3, "Người Lạ", "", ""),
        ]
    )
    imported = sheet_import_create(activity=activity, upload=upload)
    statuses = {row["row"]: (row["status"], row["person"]) for row in imported.rows}
    assert statuses == {3: ("matched", anh.pk), 4: ("matched", binh.pk), 5: ("unmatched", None)}
    result = sheet_import_apply(sheet_import=imported, choices={})
    assert (result.recorded, result.already, result.skipped) == (2, 0, 1)
    assert set(Attendance.objects.values_list("person_id", flat=True)) == {anh.pk, binh.pk}


def test_ambiguous_names_wait_for_a_choice_and_nothing_is_counted_twice(world, make):
    activity = make.activity(plan=make.plan())
    first = make.person(name="Lê Văn Nam", phone="")
    second = make.person(name="Lê Văn Nam", phone="")
    stranger = make.person(name="Hồ Thị Hoa", unit=world.far_school, phone="")
    upload = sheet([(1, "Lê Văn Nam", "", ""), (2, "Hồ Thị Hoa", "", "Trường THCS Vỹ Dạ")])
    imported = sheet_import_create(activity=activity, upload=upload)
    ambiguous = imported.rows[0]
    assert ambiguous["status"] == "ambiguous"
    assert {c[0] for c in ambiguous["candidates"]} == {first.pk, second.pk}
    # A person of another ward is never offered, even when the form is tampered with.
    result = sheet_import_apply(sheet_import=imported, choices={3: second.pk, 4: stranger.pk})
    assert (result.recorded, result.skipped) == (1, 1)
    assert list(Attendance.objects.values_list("person_id", flat=True)) == [second.pk]
    with pytest.raises(Exception, match="đã được ghi nhận"):
        sheet_import_apply(sheet_import=imported, choices={})


def test_a_sheet_without_a_name_or_phone_column_is_refused(world, make):
    activity = make.activity(plan=make.plan())
    with pytest.raises(UploadRejected, match="Họ và tên"):
        sheet_import_create(activity=activity, upload=sheet([(1, "x")], header=("A", "B")))


def test_a_word_file_named_xlsx_is_refused(world, make):
    activity = make.activity(plan=make.plan())
    upload = SimpleUploadedFile("ky-ten.xlsx", b"%PDF-1.4 not a spreadsheet")
    with pytest.raises(UploadRejected, match="không đúng định dạng"):
        sheet_import_create(activity=activity, upload=upload)


def test_the_review_page_records_the_chosen_rows(client, world, make):
    activity = make.activity(plan=make.plan())
    person = make.person(name="Phan Thị Mai", phone="")
    client.force_login(world.user("focal"))
    url = f"/hoat-dong/{activity.pk}/diem-danh/tai-danh-sach/"
    response = client.post(url, {"file": sheet([(1, "Phan Thi Mai", "", "")])})
    assert response.status_code == 302
    review = client.get(response["Location"])
    assert "Phan Thị Mai" in review.content.decode()
    client.post(response["Location"], {})
    assert Attendance.objects.filter(person=person, source="sheet").exists()
