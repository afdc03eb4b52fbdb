"""Pages that show a period open on the running one or the latest with data, never on one to
come: on 02/12/2026 the schedule page and the city's roll-up opened on "6 tháng đầu năm 2027",
whose data starts on 15/12/2026."""

import datetime as dt
from unittest import mock

import pytest
from django.urls import reverse

from reports import services
from reports.models import UnitReport
from reports.periods import parse_period
from reports.tests.support import make_schedule

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 12, 2)


@pytest.fixture
def schedule(world):
    schedule = make_schedule(world)
    focal = world.user("focal")
    report = services.unit_report_open(
        actor=focal, schedule=schedule, period_code="2026-H1", unit=world.school
    )
    services.unit_report_save(actor=focal, report=report, results="Đã quán triệt.")
    services.unit_report_submit(actor=focal, report=report)
    # An early draft for the period to come, as one made before reports had to wait for it.
    window = parse_period("2027-H1").window
    UnitReport.objects.create(
        schedule=schedule,
        period_code="2027-H1",
        unit=world.other_school,
        ward=world.ward,
        window_start=window.start,
        window_end=window.end,
        due_on=dt.date(2027, 6, 17),
    )
    return schedule


def _get(client, user, url):
    client.force_login(user)
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        return client.get(url).content.decode()


def test_the_schedule_page_opens_on_the_running_half(client, world, schedule):
    html = _get(
        client, world.user("coordinator"), reverse("reports:schedule_detail", args=[schedule.pk])
    )
    assert '<option value="2026-H2" selected>6 tháng cuối năm 2026</option>' in html
    assert "2027-H1" not in html
    assert "Số liệu từ 15/06/2026 đến 14/12/2026" in html


def test_the_city_opens_on_the_latest_period_with_reports(client, world, schedule):
    html = _get(client, world.user("city"), reverse("reports:city_roll_up"))
    assert 'name="period_code" value="2026-H1"' in html
    assert "Tổng hợp 6 tháng đầu năm 2026" in html
