"""PDF through LibreOffice, when the server has it; otherwise a clear error the page turns
into instructions."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.documents import docx
from reports.documents.content import OfficialDocument

EXTENSION = "pdf"
CONTENT_TYPE = "application/pdf"
TIMEOUT_SECONDS = 120


class PdfUnavailable(RuntimeError):
    """LibreOffice is missing or failed; the message says what to do."""


HOW_TO_GET_IT = gettext_lazy(
    "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF. Quản trị viên cài bằng lệnh "
    "“apt-get install libreoffice-writer-nogui” (Debian, Ubuntu) rồi tải lại trang; "
    "trong lúc chờ, hãy tải tệp Word (.docx) và lưu thành PDF bằng Word hoặc LibreOffice."
)


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def render(content: OfficialDocument) -> bytes:
    binary = soffice_path()
    if binary is None:
        raise PdfUnavailable(str(HOW_TO_GET_IT))
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "bao-cao.docx"
        source.write_bytes(docx.render(content))
        # A private profile directory: two conversions at once would fight over the default one.
        profile = Path(folder, "profile").as_uri()
        try:
            subprocess.run(
                [
                    binary,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    folder,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
            )
        except (subprocess.SubprocessError, OSError) as exc:
            raise PdfUnavailable(
                _("LibreOffice không chuyển được tệp sang PDF; hãy tải tệp Word (.docx).")
            ) from exc
        result = source.with_suffix(".pdf")
        if not result.exists():
            raise PdfUnavailable(
                _("LibreOffice không chuyển được tệp sang PDF; hãy tải tệp Word (.docx).")
            )
        return result.read_bytes()
