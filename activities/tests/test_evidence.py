import io
import os
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from activities.models import Evidence
from activities.services import activity_delete, evidence_add
from common.uploads import UploadRejected

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_it_stores_evidence_outside_the_web_root_under_our_own_name(world, make, settings):
    activity = make.activity()
    evidence = evidence_add(activity=activity, upload=SimpleUploadedFile("../../anh.png", PNG))
    path = evidence.file.path
    assert path.startswith(str(settings.PRIVATE_STORAGE_ROOT))
    assert "anh" not in path.rsplit("/", 1)[-1]
    assert evidence.kind == "png"


def test_a_wrong_type_under_a_right_name_is_refused(world, make):
    activity = make.activity()
    fake = SimpleUploadedFile("bien-ban.pdf", b"MZ\x90\x00 an executable")
    with pytest.raises(UploadRejected, match="không đúng định dạng"):
        evidence_add(activity=activity, upload=fake)
    assert not Evidence.objects.exists()


def test_a_zip_bomb_named_docx_is_refused(world, make):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (50 * 1024 * 1024))
    activity = make.activity()
    with pytest.raises(UploadRejected, match="zip bomb"):
        evidence_add(activity=activity, upload=SimpleUploadedFile("a.docx", buffer.getvalue()))


def test_download_serves_the_file_to_the_unit_and_404s_for_another_unit(client, world, make):
    activity = make.activity()
    evidence = evidence_add(activity=activity, upload=SimpleUploadedFile("anh.png", PNG))
    url = f"/hoat-dong/minh-chung/{evidence.pk}/"
    client.force_login(world.user("focal"))
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    client.force_login(world.user("other_focal"))
    assert client.get(url).status_code == 404


def test_the_upload_page_shows_the_reason_for_a_refusal(client, world, make):
    activity = make.activity()
    client.force_login(world.user("focal"))
    fake = SimpleUploadedFile("anh.jpg", b"plain text pretending")
    response = client.post(f"/hoat-dong/{activity.pk}/minh-chung/", {"file": fake}, follow=True)
    assert "không đúng định dạng" in response.content.decode()


def test_deleting_an_activity_removes_its_files(world, make, django_capture_on_commit_callbacks):
    activity = make.activity()
    evidence = evidence_add(activity=activity, upload=SimpleUploadedFile("anh.png", PNG))
    path = evidence.file.path
    with django_capture_on_commit_callbacks(execute=True):
        activity_delete(activity=activity)

    assert not os.path.exists(path)


def test_a_pdf_is_served_as_a_download_and_images_under_a_sandbox(client, world, make):
    activity = make.activity()
    pdf = evidence_add(
        activity=activity,
        upload=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4\n/JS (app.alert(1))\n%%EOF"),
    )
    image = evidence_add(activity=activity, upload=SimpleUploadedFile("anh.png", PNG))
    client.force_login(world.user("focal"))
    answer = client.get(f"/hoat-dong/minh-chung/{pdf.pk}/")
    assert answer["Content-Disposition"].startswith("attachment")
    answer = client.get(f"/hoat-dong/minh-chung/{image.pk}/")
    assert answer["Content-Disposition"].startswith("inline")
    assert answer["Content-Security-Policy"].startswith("sandbox")
    assert answer["Cache-Control"] == "no-store, private"
