"""Files that are not plans: a clear Vietnamese message, nothing saved."""

import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from common.uploads import UploadRejected
from plans.models import Plan, PlanDraft
from plans.services import plan_import


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    return buffer.getvalue()


def _workbook() -> bytes:
    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


def _broken_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<khong-phai-word/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("rong.docx", lambda: b"", "Tệp rỗng"),
        ("lon.txt", lambda: b"a" * (50 * 1024 * 1024), "Tệp quá lớn"),
        ("bom.docx", _zip_bomb, "zip bomb"),
        ("bang-tinh.docx", _workbook, "không đúng định dạng"),
        ("hong.docx", _broken_docx, "Không đọc được nội dung tệp"),
        ("anh.docx", lambda: bytes(range(256)) * 64, "không đúng định dạng"),
    ],
)
def test_it_refuses_with_a_message_and_saves_nothing(world, name, make, message):
    upload = SimpleUploadedFile(name, make())
    with pytest.raises(UploadRejected, match=message):
        plan_import(ward=world.ward, upload=upload, user=world.user("coordinator"))
    assert not PlanDraft.objects.exists() and not Plan.objects.exists()
