"""Files that are not plans: a clear Vietnamese message, nothing saved."""

import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

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


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DEEP = (
    f"<w:document {_W}><w:body>"
    + "<w:sdt><w:sdtContent>" * 300
    + "</w:sdtContent></w:sdt>" * 300
    + "</w:body></w:document>"
)
_ENTITY_LOOP = (
    '<!DOCTYPE d [<!ENTITY a "&b;"><!ENTITY b "&a;">]>'
    f"<w:document {_W}><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>"
)


def _crafted_docx(document_xml: str) -> bytes:
    """A real Word file whose body part is replaced by a hostile one."""
    original = io.BytesIO()
    Document().save(original)
    buffer = io.BytesIO()
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = document_xml.encode()
            target.writestr(item, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("rong.docx", lambda: b"", "Tệp rỗng"),
        ("lon.txt", lambda: b"a" * (50 * 1024 * 1024), "Tệp quá lớn"),
        ("bom.docx", _zip_bomb, "zip bomb"),
        ("bang-tinh.docx", _workbook, "không đúng định dạng"),
        ("hong.docx", _broken_docx, "Không đọc được tệp kế hoạch"),
        ("dai.txt", lambda: "Dòng kế hoạch\n".encode() * 200_000, "quá dài cho một kế hoạch"),
        ("nhieu-dong.txt", lambda: b"\n" * 40_000, "quá dài cho một kế hoạch"),
        ("long-nhau.docx", lambda: _crafted_docx(_DEEP), "cấu trúc bất thường"),
        ("thuc-the.docx", lambda: _crafted_docx(_ENTITY_LOOP), "cấu trúc bất thường"),
        ("anh.docx", lambda: bytes(range(256)) * 64, "không đúng định dạng"),
    ],
)
def test_it_refuses_with_a_message_and_saves_nothing(world, name, make, message):
    upload = SimpleUploadedFile(name, make())
    with pytest.raises(UploadRejected, match=message):
        plan_import(ward=world.ward, upload=upload, user=world.user("coordinator"))
    assert not PlanDraft.objects.exists() and not Plan.objects.exists()
