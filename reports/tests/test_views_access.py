"""Every page and action of reports, tried by every user of the test world."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.tests.support import assert_access
from reports import services
from reports.models import ReportStatus
from reports.tests.support import make_schedule

pytestmark = pytest.mark.django_db

WARD_MANAGERS = {"admin", "coordinator"}
SEE_SCHOOL = {"admin", "coordinator", "leader", "focal", "city"}


@pytest.fixture
def made(world):
    schedule = make_schedule(world)
    focal = world.user("focal")
    report = services.unit_report_open(
        actor=focal, schedule=schedule, period_code="2026-H1", unit=world.school
    )
    services.unit_report_save(actor=focal, report=report, results="Đã quán triệt.")
    upload = SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4 minh chung")
    attachment = services.unit_report_attach(actor=focal, report=report, upload=upload)
    difficulty = services.difficulty_raise(actor=focal, unit=world.school, text="Thiếu loa.")
    ward_report = services.ward_report_create(
        actor=world.user("coordinator"),
        schedule=schedule,
        period_code="2026-H1",
        issued_on=dt.date(2026, 6, 18),
    )
    return {
        "schedule": schedule,
        "report": report,
        "attachment": attachment,
        "difficulty": difficulty,
        "ward_report": ward_report,
    }


def test_lists_open_to_everyone(client, world, made):
    everyone = set(world.users)
    assert_access(client, world, reverse("reports:my_reports"), everyone)
    assert_access(client, world, reverse("reports:difficulty_list"), everyone)


def test_coordinator_pages(client, world, made):
    managers = {"admin", "coordinator", "other_coordinator"}
    assert_access(client, world, reverse("reports:review_queue"), managers)
    assert_access(client, world, reverse("reports:schedule_list"), managers)
    assert_access(client, world, reverse("reports:ward_report_list"), managers)
    ward_coordinators = {"coordinator", "other_coordinator"}
    assert_access(client, world, reverse("reports:schedule_create"), ward_coordinators)
    assert_access(client, world, reverse("reports:ward_settings"), ward_coordinators)
    schedule = made["schedule"]
    assert_access(
        client, world, reverse("reports:schedule_detail", args=[schedule.pk]), WARD_MANAGERS
    )
    assert_access(
        client,
        world,
        reverse("reports:schedule_open_all", args=[schedule.pk]),
        WARD_MANAGERS,
        method="post",
        data={"period_code": "2026-H1"},
    )


def test_admin_names_the_ward_for_ward_pages(client, world, made):
    client.force_login(world.user("admin"))
    url = reverse("reports:ward_settings") + f"?phuong={world.ward.pk}"
    assert client.get(url).status_code == 200


def test_unit_report_pages(client, world, made):
    report = made["report"]
    assert_access(client, world, reverse("reports:report_detail", args=[report.pk]), SEE_SCHOOL)
    assert_access(
        client,
        world,
        reverse("reports:attachment_download", args=[made["attachment"].pk]),
        SEE_SCHOOL,
    )
    assert_access(
        client,
        world,
        reverse("reports:report_attach", args=[report.pk]),
        {"admin", "coordinator", "focal"},
        method="post",
    )
    assert_access(
        client,
        world,
        reverse("reports:report_open"),
        {"admin", "coordinator", "focal"},
        method="post",
        data={"schedule": made["schedule"].pk, "period_code": "2026-H1", "unit": world.school.pk},
    )


def test_review_actions_only_for_the_wards_coordinator(client, world, made):
    report = made["report"]
    services.unit_report_submit(actor=world.user("focal"), report=report)
    for name in ("review", "reopen"):
        assert_access(
            client,
            world,
            reverse(f"reports:report_{name}", args=[report.pk]),
            WARD_MANAGERS,
            method="post",
            data={"action": "return", "comment": "", "reason": ""},
        )
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED  # nobody's empty comment changed it


def test_difficulty_actions(client, world, made):
    assert_access(
        client,
        world,
        reverse("reports:difficulty_answer", args=[made["difficulty"].pk]),
        WARD_MANAGERS,
        method="post",
        data={"action": "answer", "answer": ""},
    )
    assert_access(
        client,
        world,
        reverse("reports:difficulty_list"),
        {"focal", "other_focal"},
        method="post",
        data={"text": "Thiếu tài liệu."},
    )


def test_ward_report_pages(client, world, made):
    ward_report = made["ward_report"]
    assert_access(
        client, world, reverse("reports:ward_report_edit", args=[ward_report.pk]), WARD_MANAGERS
    )
    for fmt in ("docx", "xlsx"):
        assert_access(
            client,
            world,
            reverse("reports:ward_report_export", args=[ward_report.pk, fmt]),
            {"admin", "coordinator", "leader", "city"},
        )
