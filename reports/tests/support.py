"""Test support for reports: a plan and a schedule in the test world's ward, and the URL
examples of reports for the every-URL sweep."""

import datetime as dt
from functools import cache

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.tests.support import register_url_example
from plans.models import Plan
from reports.models import Difficulty, ReportSchedule, ScheduleKind, WardReport
from reports.services import (
    difficulty_raise,
    schedule_create,
    unit_report_attach,
    unit_report_open,
    ward_report_create,
)
from units.models import UnitKind


def make_plan(ward) -> Plan:
    return Plan.objects.create(
        ward=ward,
        number="15/KH-UBND",
        title="Triển khai thực hiện công tác truyền thông Nghị quyết số 71-NQ/TW",
    )


def make_schedule(world, kind: str = ScheduleKind.HALF_YEAR, **extra) -> ReportSchedule:
    return schedule_create(
        actor=world.user("coordinator"),
        plan=make_plan(world.ward),
        name="Báo cáo kết quả truyền thông",
        kind=kind,
        working_days=extra.pop("working_days", 3),
        unit_kinds=extra.pop("unit_kinds", [UnitKind.SCHOOL]),
        **extra,
    )


# URL examples for the project-wide sweep (accounts/tests/test_every_url.py): a school's report
# with an attachment and a difficulty, the ward's schedule and its ward report.


def _made(world) -> dict:
    schedule = ReportSchedule.objects.filter(plan__ward=world.ward).first() or make_schedule(world)
    focal = world.user("focal")
    report = unit_report_open(
        actor=focal, schedule=schedule, period_code="2026-H1", unit=world.school
    )
    if not report.attachments.exists():
        upload = SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4 minh chung")
        unit_report_attach(actor=focal, report=report, upload=upload)
    difficulty = Difficulty.objects.filter(unit=world.school).first() or difficulty_raise(
        actor=focal, unit=world.school, text="Thiếu tài liệu."
    )
    ward_report = WardReport.objects.filter(schedule=schedule).first() or ward_report_create(
        actor=world.user("coordinator"),
        schedule=schedule,
        period_code="2026-H1",
        issued_on=dt.date(2026, 6, 18),
    )
    return {
        "schedule": schedule,
        "report": report,
        "attachment": report.attachments.first(),
        "difficulty": difficulty,
        "ward_report": ward_report,
    }


@cache
def _register() -> None:
    for name in ("report_detail", "report_review", "report_reopen", "report_attach"):
        register_url_example(f"reports:{name}", lambda w: {"pk": _made(w)["report"].pk})
    register_url_example("reports:attachment_download", lambda w: {"pk": _made(w)["attachment"].pk})
    register_url_example("reports:difficulty_answer", lambda w: {"pk": _made(w)["difficulty"].pk})
    for name in ("schedule_detail", "schedule_open_all"):
        register_url_example(
            f"reports:{name}", lambda w: {"pk": _made(w)["schedule"].pk}, school_record=False
        )
    for name in ("ward_report_edit", "ward_report_refresh"):
        register_url_example(
            f"reports:{name}", lambda w: {"pk": _made(w)["ward_report"].pk}, school_record=False
        )
    register_url_example(
        "reports:ward_report_export",
        lambda w: {"pk": _made(w)["ward_report"].pk, "fmt": "docx"},
        school_record=False,
    )


_register()
