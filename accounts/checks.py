"""Startup checks: refuse a configuration that would run unsafely, saying how to fix it."""

import os
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, register

MIN_SECRET_KEY_LENGTH = 50


@register()
def secret_key_is_strong(app_configs, **kwargs) -> list[Error]:
    if settings.DEBUG:
        return []
    key = settings.SECRET_KEY
    if len(key) >= MIN_SECRET_KEY_LENGTH and len(set(key)) >= 5:
        return []
    return [
        Error(
            f"SECRET_KEY is too short or too simple for a server with DEBUG off "
            f"({len(key)} characters, at least {MIN_SECRET_KEY_LENGTH} needed).",
            hint='Generate one with: python -c "import secrets; '
            'print(secrets.token_urlsafe(50))" and set it in the SECRET_KEY variable, '
            "or delete var/secret_key and run `make run` to create a new one.",
            id="truyenthong.E001",
        )
    ]


@register()
def sqlite_folder_is_writable(app_configs, **kwargs) -> list[Error]:
    return sqlite_folder_errors(settings.DATABASES["default"])


def sqlite_folder_errors(database: dict) -> list[Error]:
    if database["ENGINE"] != "django.db.backends.sqlite3" or database["NAME"] == ":memory:":
        return []
    folder = Path(database["NAME"]).parent
    # SQLite in WAL mode writes journal files beside the database, so the folder itself must
    # be writable, not just the file.
    if folder.is_dir() and os.access(folder, os.W_OK):
        return []
    return [
        Error(
            f"The SQLite database folder {folder} is missing or not writable.",
            hint="Create it and give the server's user write access, set TRUYENTHONG_VAR_DIR "
            "to a writable folder, or set DATABASE_URL to a PostgreSQL database.",
            id="truyenthong.E002",
        )
    ]
