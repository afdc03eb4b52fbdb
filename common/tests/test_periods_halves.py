"""A six-month schedule reports on both halves of the year: with the first half only, the
activities from 15/06 to 14/12 fell in no report."""

import datetime as dt

import pytest

from common.periods import (
    PeriodKind,
    parse_period,
    period_of_day,
    periods_ending_between,
    periods_of_year,
    previous_period,
)

D = dt.date


def test_a_year_has_two_halves_that_tile_it():
    first, second = periods_of_year(kind=PeriodKind.HALF_YEAR, year=2026)
    assert (first.code, first.label) == ("2026-H1", "6 tháng đầu năm 2026")
    assert (second.code, second.label) == ("2026-H2", "6 tháng cuối năm 2026")
    assert (first.window.start, first.window.end) == (D(2025, 12, 15), D(2026, 6, 14))
    assert (second.window.start, second.window.end) == (D(2026, 6, 15), D(2026, 12, 14))
    assert parse_period("2026").window.start == first.window.start
    assert parse_period("2026").window.end == second.window.end


def test_the_second_half_is_written_and_read_back():
    assert parse_period("2026-h2") == periods_of_year(kind=PeriodKind.HALF_YEAR, year=2026)[1]


@pytest.mark.parametrize("code", ["2026-H0", "2026-H3"])
def test_there_is_no_third_half(code):
    with pytest.raises(ValueError, match="H1 .* hoặc H2"):
        parse_period(code)


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (D(2026, 6, 14), "2026-H1"),
        (D(2026, 6, 15), "2026-H2"),
        (D(2026, 9, 30), "2026-H2"),
        (D(2026, 12, 14), "2026-H2"),
        (D(2026, 12, 15), "2027-H1"),
    ],
)
def test_every_day_falls_in_the_half_whose_window_holds_it(day, code):
    period = period_of_day(kind=PeriodKind.HALF_YEAR, day=day)
    assert period.code == code
    assert day in period.window


def test_a_year_of_half_year_cut_offs_lists_both_halves():
    found = periods_ending_between(
        kind=PeriodKind.HALF_YEAR, start=D(2026, 1, 1), end=D(2027, 1, 1)
    )
    assert [p.code for p in found] == ["2026-H1", "2026-H2"]


def test_a_half_is_compared_with_the_same_half_of_last_year():
    assert previous_period(parse_period("2026-H2")).code == "2025-H2"
    assert previous_period(parse_period("2026-H1")).code == "2025-H1"
