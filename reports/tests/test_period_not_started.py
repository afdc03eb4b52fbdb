"""A unit reports on a period only once its data window has begun: on 02/12/2026 the school
was offered "6 tháng đầu năm 2027" (data from 15/12/2026) and could draft, submit and have
it accepted and locked before a single day of it had passed."""

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reports import services
from reports.models import ReportStatus, ScheduleKind, UnitReport
from reports.periods import parse_period
from reports.selectors import schedule_recent_periods
from reports.tests.support import make_schedule

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 2)
FUTURE = "2027-H1"  # data from 15/12/2026


@pytest.fixture
def on_the_day():
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        yield


def test_the_periods_offered_are_the_running_one_and_past_ones(world):
    schedule = make_schedule(world)
    codes = [p.code for p in schedule_recent_periods(schedule=schedule, today=TODAY)]
    assert codes[0] == "2026-H2"
    assert FUTURE not in codes


def test_a_nine_months_schedule_does_not_offer_next_years_period(world):
    schedule = make_schedule(world, kind=ScheduleKind.NINE_MONTHS)
    day = dt.date(2026, 9, 20)  # 2026-9M is over; 2027-9M starts on 15/12/2026
    codes = [p.code for p in schedule_recent_periods(schedule=schedule, today=day)]
    assert codes[0] == "2026-9M" and "2027-9M" not in codes


def test_the_report_page_offers_no_period_that_has_not_begun(client, world, on_the_day):
    make_schedule(world)
    client.force_login(world.user("focal"))
    html = client.get(reverse("reports:my_reports")).content.decode()
    assert "6 tháng cuối năm 2026" in html
    assert "6 tháng đầu năm 2027" not in html


def test_a_report_of_a_period_not_begun_is_not_opened(world, on_the_day):
    schedule = make_schedule(world)
    with pytest.raises(ValidationError, match="chưa bắt đầu.*15/12/2026"):
        services.unit_report_open(
            actor=world.user("focal"), schedule=schedule, period_code=FUTURE, unit=world.school
        )
    with pytest.raises(ValidationError, match="chưa bắt đầu"):
        services.unit_reports_open_all(
            actor=world.user("coordinator"), schedule=schedule, period_code=FUTURE
        )
    assert not UnitReport.objects.exists()


def test_posting_the_open_form_for_a_period_not_begun_says_why(client, world, on_the_day):
    schedule = make_schedule(world)
    client.force_login(world.user("focal"))
    page = client.post(
        reverse("reports:report_open"),
        {"schedule": schedule.pk, "period_code": FUTURE, "unit": world.school.pk},
        follow=True,
    )
    assert "chưa bắt đầu" in page.content.decode()
    assert not UnitReport.objects.exists()


def _early_draft(world, schedule) -> UnitReport:
    """A draft made before the rule existed, as the demo walk-through left one."""
    window = parse_period(FUTURE).window
    return UnitReport.objects.create(
        schedule=schedule,
        period_code=FUTURE,
        unit=world.school,
        ward=world.ward,
        window_start=window.start,
        window_end=window.end,
        due_on=dt.date(2027, 6, 17),
        results="Đã quán triệt.",
    )


def test_a_report_of_a_period_not_begun_is_neither_sent_nor_accepted(world, on_the_day):
    schedule = make_schedule(world)
    report = _early_draft(world, schedule)
    with pytest.raises(ValidationError, match="chưa bắt đầu.*chưa gửi được"):
        services.unit_report_submit(actor=world.user("focal"), report=report)
    UnitReport.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    with pytest.raises(ValidationError, match="chưa bắt đầu.*chưa chấp nhận được"):
        services.unit_report_accept(actor=world.user("coordinator"), report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and not report.versions.exists()


def test_once_the_window_begins_the_report_opens(world):
    schedule = make_schedule(world)
    with mock.patch("django.utils.timezone.localdate", return_value=dt.date(2026, 12, 15)):
        report = services.unit_report_open(
            actor=world.user("focal"), schedule=schedule, period_code=FUTURE, unit=world.school
        )
    assert report.period_code == FUTURE
