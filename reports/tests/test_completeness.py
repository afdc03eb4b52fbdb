import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reports import services
from reports.models import ReportStatus, ScheduleKind
from reports.selectors import (
    Timeliness,
    completeness_counts,
    period_completeness,
    reports_outstanding,
    schedule_units,
)
from reports.tests.support import make_schedule
from units.models import UnitKind

pytestmark = pytest.mark.django_db


def _submit_on(world, schedule, unit, focal, day: dt.date):
    report = services.unit_report_open(
        actor=focal, schedule=schedule, period_code="2026-Q1", unit=unit
    )
    services.unit_report_save(actor=focal, report=report, results="Đã triển khai.")
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(9)))
    with mock.patch("django.utils.timezone.now", return_value=moment):
        return services.unit_report_submit(actor=focal, report=report)


def test_units_owe_by_kind_and_by_name(world):
    schedule = make_schedule(world, unit_kinds=[UnitKind.SCHOOL], units=[world.organisation])
    owing = set(schedule_units(schedule=schedule))
    assert owing == {world.school, world.other_school, world.organisation}
    assert world.far_school not in owing  # another ward's school


def test_a_unit_of_another_ward_cannot_be_named(world):
    with pytest.raises(ValidationError, match="không thuộc phường"):
        make_schedule(world, units=[world.far_school])


def test_a_schedule_needs_someone_who_owes_it(world):
    with pytest.raises(ValidationError, match="ít nhất một"):
        make_schedule(world, unit_kinds=[])


def test_one_off_reports_need_their_dates(world):
    with pytest.raises(ValidationError, match="ngày bắt đầu"):
        make_schedule(world, kind=ScheduleKind.AD_HOC)
    schedule = make_schedule(
        world,
        kind=ScheduleKind.THEMATIC,
        starts_on=dt.date(2026, 3, 1),
        ends_on=dt.date(2026, 3, 31),
        due_on=dt.date(2026, 4, 3),
    )
    report = services.unit_report_open(
        actor=world.user("focal"), schedule=schedule, period_code="", unit=world.school
    )
    assert (report.window_start, report.due_on) == (dt.date(2026, 3, 1), dt.date(2026, 4, 3))


def test_it_sorts_units_into_on_time_late_and_missing(world):
    schedule = make_schedule(world, kind=ScheduleKind.QUARTER, working_days=2)
    # Q1 2026: cut-off Saturday 14/3, deadline Tuesday 17/3
    _submit_on(world, schedule, world.school, world.user("focal"), dt.date(2026, 3, 17))
    _submit_on(world, schedule, world.other_school, world.user("other_focal"), dt.date(2026, 3, 18))
    standings = {s.unit: s for s in period_completeness(schedule=schedule, period_code="2026-Q1")}
    assert standings[world.school].timeliness == Timeliness.ON_TIME
    assert standings[world.other_school].timeliness == Timeliness.LATE
    counts = completeness_counts(list(standings.values()))
    assert counts == {"on_time": 1, "late": 1, "missing": 0, "owed": 2}


def test_a_draft_counts_as_missing_and_still_owed(world):
    schedule = make_schedule(world, kind=ScheduleKind.QUARTER)
    services.unit_report_open(
        actor=world.user("focal"), schedule=schedule, period_code="2026-Q1", unit=world.school
    )
    standings = period_completeness(schedule=schedule, period_code="2026-Q1")
    assert {s.timeliness for s in standings} == {Timeliness.MISSING}
    owed = reports_outstanding(ward=world.ward, today=dt.date(2026, 4, 20))
    q1 = [o for o in owed if o.period.code == "2026-Q1"]
    assert {o.unit for o in q1} == {world.school, world.other_school}
    assert next(o for o in q1 if o.unit == world.school).report.status == ReportStatus.DRAFT


def test_submitted_reports_no_longer_owe(world):
    schedule = make_schedule(world, kind=ScheduleKind.QUARTER)
    _submit_on(world, schedule, world.school, world.user("focal"), dt.date(2026, 3, 16))
    owed = reports_outstanding(ward=world.ward, today=dt.date(2026, 4, 20))
    assert world.school not in {o.unit for o in owed if o.period.code == "2026-Q1"}
    # The current quarter's window has not closed: nobody owes it yet
    assert "2026-Q2" not in {o.period.code for o in owed}


def test_open_all_creates_a_draft_per_owing_unit_once(world):
    schedule = make_schedule(world)
    coordinator = world.user("coordinator")
    assert (
        services.unit_reports_open_all(actor=coordinator, schedule=schedule, period_code="2026-H1")
        == 2
    )
    assert (
        services.unit_reports_open_all(actor=coordinator, schedule=schedule, period_code="2026-H1")
        == 0
    )
