import io
import zipfile

import pytest

from common.uploads import UploadRejected, check_upload


def _zip(entries: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def test_it_detects_kind_by_content_not_name():
    png = io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    assert check_upload(png, {"png", "jpg"}, name="anh.docx").kind == "png"


def test_an_xlsx_renamed_docx_is_refused():
    xlsx = _zip({"xl/workbook.xml": b"<workbook/>", "[Content_Types].xml": b"<x/>"})
    with pytest.raises(UploadRejected, match="không đúng định dạng"):
        check_upload(xlsx, {"docx"}, name="ke-hoach.docx")


def test_a_zip_bomb_is_refused_before_reading():
    bomb = _zip({"word/document.xml": b"0" * (50 * 1024 * 1024)})
    with pytest.raises(UploadRejected, match="zip bomb"):
        check_upload(bomb, {"docx"}, name="bom.docx")


def test_empty_and_oversized_files_are_refused():
    with pytest.raises(UploadRejected, match="rỗng"):
        check_upload(io.BytesIO(b""), {"txt"}, name="a.txt")
    with pytest.raises(UploadRejected, match="quá lớn"):
        check_upload(io.BytesIO(b"x" * 2048), {"txt"}, max_bytes=1024, name="a.txt")


def test_binary_garbage_is_not_text():
    with pytest.raises(UploadRejected):
        check_upload(io.BytesIO(bytes(range(256)) * 10), {"txt"}, name="a.txt")
