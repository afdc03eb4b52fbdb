"""The coordinator's "who still owes what" page, the city's roll-up and refreshing a ward
report's figures: content, and every user of the world tried on each."""

import datetime as dt
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.support import assert_access
from reports import services
from reports.models import WardReport
from reports.selectors import Timeliness, reporting_overview
from reports.tests.support import make_schedule

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 7, 1)  # after the cut-off (14/6) and deadline (17/6) of 2026-H1


def _submit(world, schedule, unit, user, day: dt.date, accept: bool = False):
    report = services.unit_report_open(
        actor=user, schedule=schedule, period_code="2026-H1", unit=unit
    )
    services.unit_report_save(actor=user, report=report, results="Đã quán triệt.")
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(9)))
    with mock.patch("django.utils.timezone.now", return_value=moment):
        report = services.unit_report_submit(actor=user, report=report)
    if accept:
        report = services.unit_report_accept(actor=world.user("coordinator"), report=report)
    return report


@pytest.fixture
def made(world):
    schedule = make_schedule(world)
    _submit(world, schedule, world.school, world.user("focal"), dt.date(2026, 6, 16), True)
    _submit(world, schedule, world.other_school, world.user("other_focal"), dt.date(2026, 6, 25))
    ward_report = services.ward_report_create(
        actor=world.user("coordinator"),
        schedule=schedule,
        period_code="2026-H1",
        issued_on=dt.date(2026, 6, 30),
    )
    return schedule, ward_report


def test_completeness_per_period_counts_on_time_late_and_missing(world, made):
    schedule, _ward_report = made
    services.schedule_update(
        actor=world.user("coordinator"),
        schedule=schedule,
        name=schedule.name,
        kind=schedule.kind,
        working_days=schedule.working_days,
        unit_kinds=["school"],
        units=[world.organisation],
    )
    summaries, owing = reporting_overview(ward=world.ward, today=TODAY)
    h1 = next(s for s in summaries if s.period.code == "2026-H1")
    assert h1.counts == {
        Timeliness.ON_TIME: 1,
        Timeliness.LATE: 1,
        Timeliness.MISSING: 1,
        "owed": 3,
    }
    assert [(o.unit, o.period.code) for o in owing if o.period.code == "2026-H1"] == [
        (world.organisation, "2026-H1")
    ]


def test_the_coordinator_sees_who_still_owes(client, world, made):
    client.force_login(world.user("coordinator"))
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        page = client.get(reverse("reports:outstanding"))
    html = page.content.decode()
    completeness, owing = html.split('id="completeness"')[1].split('id="owing"')
    assert "6 tháng đầu năm 2026" in completeness
    # Both schools sent (one of them late); the half before the world began is still owed.
    assert "6 tháng đầu năm 2026" not in owing
    assert "6 tháng cuối năm 2025" in owing


def test_outstanding_page_access(client, world, made):
    assert_access(
        client, world, reverse("reports:outstanding"), {"coordinator", "other_coordinator"}
    )
    url = reverse("reports:outstanding") + f"?phuong={world.ward.pk}"
    assert_access(client, world, url, {"admin", "coordinator", "other_coordinator"})


def test_city_viewer_sees_its_wards_reports_and_the_aggregate(client, world, made):
    _schedule, ward_report = made
    client.force_login(world.user("city"))
    page = client.get(reverse("reports:city_roll_up"), {"period_code": "2026-H1"})
    html = page.content.decode()
    assert world.ward.name in html and world.other_ward.name in html
    assert world.school.name in html and world.other_school.name in html
    assert ward_report.number_text in html
    assert "Tình hình gửi báo cáo theo đơn vị" in html  # the indicators' reporting table
    assert world.far_ward.name not in html
    # The ward report the city sees opens for it.
    export = reverse("reports:ward_report_export", args=[ward_report.pk, "docx"])
    assert client.get(export).status_code == 200


def test_a_city_of_another_province_sees_none_of_them(client, world, made):
    client.force_login(world.user("far_city"))
    page = client.get(reverse("reports:city_roll_up"), {"period_code": "2026-H1"})
    html = page.content.decode()
    assert world.school.name not in html and world.ward.name not in html


def test_a_bad_period_is_named_not_crashed_on(client, world, made):
    client.force_login(world.user("city"))
    page = client.get(reverse("reports:city_roll_up"), {"period_code": "2026-H7"})
    assert page.status_code == 200
    assert "không hợp lệ" in page.content.decode()


def test_city_roll_up_access(client, world, made):
    assert_access(client, world, reverse("reports:city_roll_up"), {"admin", "city", "far_city"})


def test_refreshing_a_ward_reports_figures(client, world, made):
    _schedule, ward_report = made
    url = reverse("reports:ward_report_refresh", args=[ward_report.pk])
    WardReport.objects.filter(pk=ward_report.pk).update(figures={})
    assert_access(client, world, url, {"admin", "coordinator"}, method="post")
    ward_report.refresh_from_db()
    assert ward_report.figures["unit"]["code"] == world.ward.code
    keys = {t["key"] for t in ward_report.figures["tables"]}
    assert "reports_by_unit" in keys


def test_refresh_by_the_wrong_users_changes_nothing(client, world, made):
    _schedule, ward_report = made
    WardReport.objects.filter(pk=ward_report.pk).update(figures={})
    url = reverse("reports:ward_report_refresh", args=[ward_report.pk])
    for name in ("leader", "focal", "other_coordinator", "city"):
        client.force_login(world.user(name))
        assert client.post(url).status_code in (403, 404)
    ward_report.refresh_from_db()
    assert ward_report.figures == {}
