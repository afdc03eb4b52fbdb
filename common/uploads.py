"""Uploaded files: size, type by content (never by name) and zip-bomb limits.

Office files (.docx, .xlsx) are zip archives, so a hostile one can expand to gigabytes; the
archive's directory is read and its declared sizes are checked before anything opens it.
"""

import io
import zipfile
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

MAX_ZIP_ENTRIES = 5_000
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200

KIND_LABELS = {
    "jpg": "JPEG",
    "png": "PNG",
    "pdf": "PDF",
    "docx": "Word (.docx)",
    "xlsx": "Excel (.xlsx)",
    "txt": _lazy("văn bản (.txt)"),
}


class UploadRejected(ValueError):
    """The file cannot be accepted; the message is for the user."""


@dataclass(frozen=True)
class CheckedUpload:
    kind: str
    size: int
    name: str


def _read_head(stream: IO[bytes], count: int = 8192) -> bytes:
    stream.seek(0)
    head = stream.read(count)
    stream.seek(0)
    return head


def _stream_size(stream: IO[bytes]) -> int:
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    return size


def check_zip_limits(stream: IO[bytes]) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UploadRejected(_("Tệp bị hỏng hoặc không phải tệp Office hợp lệ.")) from exc
    entries = archive.infolist()
    if len(entries) > MAX_ZIP_ENTRIES:
        raise UploadRejected(_("Tệp chứa quá nhiều thành phần bên trong; có thể là tệp độc hại."))
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise UploadRejected(_("Tệp khi giải nén quá lớn; có thể là tệp độc hại (zip bomb)."))
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > 1024 * 1024 and ratio > MAX_COMPRESSION_RATIO:
            raise UploadRejected(
                _("Tệp có tỉ lệ nén bất thường; có thể là tệp độc hại (zip bomb).")
            )
    return archive


def _office_kind(stream: IO[bytes]) -> str | None:
    archive = check_zip_limits(stream)
    names = set(archive.namelist())
    stream.seek(0)
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(head) - 4:
            return False
    return True


def detect_kind(stream: IO[bytes]) -> str | None:
    head = _read_head(stream)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(stream)
    if head and _looks_like_text(head):
        return "txt"
    return None


def check_upload(
    upload, allowed: set[str], max_bytes: int | None = None, name: str | None = None
) -> CheckedUpload:
    """Check an uploaded file (Django UploadedFile or binary stream); return its real kind."""
    limit = max_bytes or settings.UPLOAD_MAX_BYTES
    stream = upload.file if hasattr(upload, "file") else upload
    size = getattr(upload, "size", None) or _stream_size(stream)
    filename = name or getattr(upload, "name", "") or ""
    if size == 0:
        raise UploadRejected(_("Tệp rỗng, không có nội dung."))
    if size > limit:
        raise UploadRejected(
            _("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
            % {"size": round(size / 1024 / 1024, 1), "limit": round(limit / 1024 / 1024)}
        )
    kind = detect_kind(stream)
    if kind not in allowed:
        wanted = ", ".join(str(KIND_LABELS[k]) for k in sorted(allowed))
        raise UploadRejected(
            _("Tệp “%(name)s” không đúng định dạng. Chỉ nhận: %(wanted)s.")
            % {"name": filename, "wanted": wanted}
        )
    return CheckedUpload(kind=kind, size=size, name=filename)
