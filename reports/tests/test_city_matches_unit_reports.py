"""The city's roll-up and the ward's own reports show the same figure for the same ward and
period: the roll-up showed the ward at 0 briefed (0,0%) while the school's report for the same
period showed 26 of 30, once the ward had a second plan."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from indicators.tests.support import build_dataset
from plans.models import Plan
from reports import services
from reports.models import ScheduleKind
from reports.periods import PeriodKind, make_period
from units.models import UnitKind

pytestmark = pytest.mark.django_db


def _briefed(figures: dict) -> list[int]:
    """(people on the roster, people briefed) as the report states them."""
    values = {k["key"]: k["value"] for k in figures["key_figures"]}
    return [values["roster"], values["briefed"]]


def _city_row(html: str, name: str) -> list[str]:
    table = html.split("Tỉ lệ được phổ biến theo đơn vị</caption>")[1].split("</table>")[0]
    row = re.search(rf"<td>{name}</td>(.*?)</tr>", table).group(1)
    return re.findall(r'<td class="text-end">([^<]*)</td>', row)


@pytest.fixture
def reported(world):
    data = build_dataset(world)
    period = make_period(kind=PeriodKind.HALF_YEAR, year=data.period.year, number=1)
    coordinator = world.user("coordinator")
    schedule = services.schedule_create(
        actor=coordinator,
        plan=data.plan,
        name="Báo cáo 6 tháng",
        kind=ScheduleKind.HALF_YEAR,
        working_days=3,
        unit_kinds=[UnitKind.SCHOOL, UnitKind.MASS_ORGANISATION],
    )
    reports = {}
    for unit, user in ((world.school, world.user("focal")), (world.organisation, coordinator)):
        report = services.unit_report_open(
            actor=user, schedule=schedule, period_code=period.code, unit=unit
        )
        services.unit_report_save(actor=user, report=report, results="Đã quán triệt.")
        report = services.unit_report_submit(actor=user, report=report)
        reports[unit.pk] = services.unit_report_accept(actor=coordinator, report=report)
    ward_report = services.ward_report_create(
        actor=coordinator,
        schedule=schedule,
        period_code=period.code,
        issued_on=period.cut_off + dt.timedelta(days=5),
    )
    return period, reports, ward_report


def _check(client, world, period, reports, ward_report) -> None:
    school = _briefed(reports[world.school.pk].figures)
    organisation = _briefed(reports[world.organisation.pk].figures)
    ward = _briefed(ward_report.figures)
    assert school == [6, 3] and organisation == [4, 2]
    assert ward == [school[0] + organisation[0], school[1] + organisation[1]]
    client.force_login(world.user("city"))
    html = client.get(reverse("reports:city_roll_up"), {"period_code": period.code}).content
    assert _city_row(html.decode(), world.ward.name)[:2] == [str(ward[0]), str(ward[1])]


def test_the_city_shows_the_ward_as_its_reports_do(client, world, reported):
    _check(client, world, *reported)


def test_a_second_plan_of_the_ward_does_not_empty_the_city_figures(client, world, reported):
    Plan.objects.create(
        ward=world.ward,
        number="15/KH-UBND",
        title="Kế hoạch truyền thông NQ (nhập lại)",
        issued_on=dt.date.today(),
    )
    _check(client, world, *reported)
