"""Import previews kept on the server between "upload" and "save": the uploaded file, the
preview and the file of bad rows, in a folder of private storage named by a random token.
The session cookie only ever carries the token in a URL, never the data."""

import json
import re
import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings

SOURCE = "source.xlsx"
PREVIEW = "preview.json"
BAD_ROWS = "bad-rows.xlsx"
SAVED = "saved.json"
KEEP_SECONDS = 24 * 60 * 60
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


def _root() -> Path:
    return Path(settings.PRIVATE_STORAGE_ROOT) / "roster-imports"


def folder_new() -> tuple[str, Path]:
    _forget_old()
    token = secrets.token_urlsafe(24)
    folder = _root() / token
    folder.mkdir(parents=True)
    return token, folder


def folder_for(token: str) -> Path | None:
    if not _TOKEN.match(token or ""):
        return None
    folder = _root() / token
    return folder if (folder / PREVIEW).exists() else None


def preview_write(folder: Path, data: dict) -> None:
    (folder / PREVIEW).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def preview_read(folder: Path) -> dict:
    return json.loads((folder / PREVIEW).read_text(encoding="utf-8"))


def mark_saved(folder: Path, data: dict) -> None:
    """Replace the preview by what was saved, so pressing "Lưu" again after Back is told the
    file is already saved instead of a 404; the uploaded file goes, as after a discard."""
    for path in folder.iterdir():
        path.unlink()
    (folder / SAVED).write_text(json.dumps(data), encoding="utf-8")


def saved_read(token: str) -> dict | None:
    if not _TOKEN.match(token or ""):
        return None
    path = _root() / token / SAVED
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def forget(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _forget_old() -> None:
    """Previews nobody confirmed are dropped after a day."""
    root = _root()
    if not root.exists():
        return
    limit = time.time() - KEEP_SECONDS
    for folder in root.iterdir():
        if folder.is_dir() and folder.stat().st_mtime < limit:
            forget(folder)
