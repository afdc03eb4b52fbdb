"""Reporting's figures in the indicators registry: completeness, timeliness and open
difficulties, for a ward, a school and a city, as the dashboard and every export read them."""

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from common.periods import parse_period
from indicators.registry import sections
from indicators.scope import scope_build
from indicators.selectors import indicator_figures
from reports import services
from reports.tests.support import make_schedule

pytestmark = pytest.mark.django_db


def _figures(root, plan=None):
    return indicator_figures(
        scope=scope_build(root=root, plan=plan, period=parse_period("2026-H1"))
    )


def _keys(figures) -> dict:
    return {k.key: k.value for k in figures.key_figures}


@pytest.fixture
def schedule(world):
    schedule = make_schedule(world)
    focal = world.user("focal")
    report = services.unit_report_open(
        actor=focal, schedule=schedule, period_code="2026-H1", unit=world.school
    )
    services.unit_report_save(actor=focal, report=report, results="Đã làm.")
    late = timezone.make_aware(dt.datetime(2026, 6, 20, 9))
    with mock.patch("django.utils.timezone.now", return_value=late):
        services.unit_report_submit(actor=focal, report=report)
    return schedule


def test_reporting_registers_its_sections():
    keys = [registered.key for registered in sections()]
    assert "reporting" in keys and "difficulties" in keys


def test_a_wards_completeness_and_timeliness(world, schedule):
    figures = _figures(world.ward, schedule.plan)
    keys = _keys(figures)
    assert (keys["reports_owed"], keys["reports_on_time"], keys["reports_late"]) == (2, 0, 1)
    assert keys["reports_missing"] == 1
    rows = figures.table("reports_by_unit").rows
    assert [world.school.name, 1, 0, 1, 0] in rows
    assert rows[-1] == ["Tổng cộng", 2, 0, 1, 1]
    detail = figures.table("reports_detail").rows
    assert [world.school.name, schedule.name, "17/06/2026", "Đã gửi, chờ duyệt", "Trễ hạn",
            "20/06/2026"] in detail  # fmt: skip


def test_a_school_sees_its_own_standing(world, schedule):
    keys = _keys(_figures(world.school, schedule.plan))
    assert (keys["reports_owed"], keys["reports_late"]) == (1, 1)


def test_a_city_sees_each_ward_as_a_row(world, schedule):
    rows = _figures(world.province).table("reports_by_unit").rows
    assert [world.ward.name, 2, 0, 1, 1] in rows
    assert world.other_ward.name not in [row[0] for row in rows]  # owes nothing


def test_open_difficulties_only_until_resolved(world, schedule):
    difficulty = services.difficulty_raise(
        actor=world.user("focal"), unit=world.school, text="Thiếu loa."
    )
    figures = _figures(world.ward, schedule.plan)
    assert figures.table("difficulties_open").rows == [[1, world.school.name, "Thiếu loa.",
                                                          "Chưa trả lời"]]  # fmt: skip
    services.difficulty_resolve(actor=world.user("coordinator"), difficulty=difficulty)
    assert _figures(world.ward, schedule.plan).table("difficulties_open") is None
