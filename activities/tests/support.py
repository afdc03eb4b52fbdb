"""URL examples for the project-wide sweep (accounts/tests/test_every_url.py): one activity of
the world's school, with evidence and a sign-in sheet waiting for review."""

import datetime as dt
import io
from functools import cache

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook

from accounts.tests.support import World, register_personal_url, register_url_example
from activities.models import Activity, Channel, Evidence, SheetImport
from activities.services import (
    ActivityData,
    activity_log,
    channels_seed,
    evidence_add,
    sheet_import_create,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _sheet() -> SimpleUploadedFile:
    book = Workbook()
    book.active.append(["Họ và tên", "Số điện thoại"])
    book.active.append(["Nguyễn Văn An", "0912345678"])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("ky-ten.xlsx", buffer.getvalue())


def school_activity(world: World) -> Activity:
    existing = Activity.objects.filter(unit=world.school).first()
    if existing:
        return existing
    channels_seed(ward=world.ward)
    data = ActivityData(
        title="Sinh hoạt chuyên đề",
        starts_at=timezone.make_aware(dt.datetime(2026, 4, 10, 8)),
        channel=Channel.objects.get(ward=world.ward, code="thematic_session"),
    )
    activity = activity_log(unit=world.school, data=data)
    evidence_add(activity=activity, upload=SimpleUploadedFile("anh.png", PNG))
    sheet_import_create(activity=activity, upload=_sheet())
    return activity


def _activity(world: World) -> dict:
    return {"pk": school_activity(world).pk}


def _evidence(world: World) -> dict:
    return {"pk": Evidence.objects.get(activity=school_activity(world)).pk}


def _sheet_review(world: World) -> dict:
    activity = school_activity(world)
    return {"pk": activity.pk, "import_pk": SheetImport.objects.get(activity=activity).pk}


@cache
def _register() -> None:
    for name in (
        "detail", "edit", "delete", "evidence_add", "attendance", "sheet_upload",
        "checkin_setup", "checkin_queue",
    ):  # fmt: skip
        register_url_example(f"activities:{name}", _activity)
    register_url_example("activities:evidence_download", _evidence)
    register_url_example("activities:evidence_delete", _evidence)
    register_url_example("activities:sheet_review", _sheet_review)
    for name in ("not_briefed", "attendance", "checkin_queue"):
        register_personal_url(f"activities:{name}")


_register()
