from io import BytesIO

from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from units.models import Person
from units.tests.rosters import messy_roster


def _upload(client, world, path, **extra):
    with open(path, "rb") as stream:
        data = {"ward": world.ward.pk, "file": SimpleUploadedFile(path.name, stream.read())}
    return client.post(reverse("units:roster_upload"), {**data, **extra})


def test_upload_previews_then_saves_the_good_rows(client, world, tmp_path):
    client.force_login(world.user("coordinator"))
    answer = _upload(client, world, messy_roster(tmp_path / "m.xlsx"))
    assert answer.status_code == 302
    preview = client.get(answer.url).content.decode()
    assert "Số điện thoại “12345” không hợp lệ." in preview
    assert "Lưu 6 dòng hợp lệ" in preview
    assert Person.objects.count() == 0
    assert "sessionid" not in answer.cookies or len(answer.cookies["sessionid"].value) < 100
    bad = client.get(answer.url + "dong-loi/")
    sheet = load_workbook(BytesIO(b"".join(bad.streaming_content))).active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == [9, 10, 14, 15]
    saved = client.post(answer.url + "luu/", {"choice": "save"})
    assert saved.status_code == 302 and Person.objects.count() == 6
    created = LogEntry.objects.filter(content_type__model="person", action=LogEntry.Action.CREATE)
    assert set(created.values_list("actor__username", flat=True)) == {"coordinator"}
    assert created.count() == 6


def test_saving_a_saved_file_again_says_it_is_saved_and_links_to_the_result(
    client, world, tmp_path
):
    # Back after "Lưu" shows the old preview; pressing "Lưu" again must not answer 404.
    client.force_login(world.user("coordinator"))
    answer = _upload(client, world, messy_roster(tmp_path / "m.xlsx"))
    client.post(answer.url + "luu/", {"choice": "save"})
    result = f"{reverse('units:person_list')}?ward={world.ward.pk}"
    for again in (client.post(answer.url + "luu/", {"choice": "save"}), client.get(answer.url)):
        page = again.content.decode()
        assert again.status_code == 200
        assert "Tệp này đã được lưu" in page and f'href="{result}"' in page
    assert Person.objects.count() == 6
    client.force_login(world.user("admin"))  # only the one who saved it is told
    assert client.get(answer.url).status_code == 404


def test_choosing_to_save_nothing_saves_nothing(client, world, tmp_path):
    client.force_login(world.user("coordinator"))
    answer = _upload(client, world, messy_roster(tmp_path / "m.xlsx"))
    client.post(answer.url + "luu/", {"choice": "cancel"})
    assert Person.objects.count() == 0
    assert client.get(answer.url).status_code == 404


def test_a_bad_file_shows_the_reason_next_to_the_field(client, world, tmp_path):
    client.force_login(world.user("coordinator"))
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    answer = _upload(client, world, junk)
    assert answer.status_code == 200
    assert "Tệp bị hỏng" in answer.content.decode()
    assert Person.objects.count() == 0


def test_the_template_imports_cleanly_once_filled(client, world, tmp_path):
    client.force_login(world.user("coordinator"))
    template = client.get(reverse("units:roster_template"))
    book = load_workbook(BytesIO(b"".join(template.streaming_content)))
    sheet = book.worksheets[0]
    sheet.append([1, "Hồ Thị Lan", "0912555666", world.school.name, "CBGV"])
    assert any(world.school.name in str(row[0]) for row in book["Hướng dẫn"].values)
    path = tmp_path / "filled.xlsx"
    book.save(path)
    answer = _upload(client, world, path)
    client.post(answer.url + "luu/", {"choice": "save"})
    assert Person.objects.get().full_name == "Hồ Thị Lan"


def test_export_reimports_without_changes(client, world, tmp_path):
    client.force_login(world.user("coordinator"))
    _upload_and_save = _upload(client, world, messy_roster(tmp_path / "m.xlsx"))
    client.post(_upload_and_save.url + "luu/", {"choice": "save"})
    exported = tmp_path / "export.xlsx"
    exported.write_bytes(b"".join(client.get(reverse("units:roster_export")).streaming_content))
    answer = _upload(client, world, exported)
    preview = client.get(answer.url).content.decode()
    assert Person.objects.count() == 6
    assert "Lưu 0 dòng" not in preview and "Không có dòng nào cần lưu" in preview
