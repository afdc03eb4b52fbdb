"""Status against the time elapsed in the phase: start, middle, end, after, and no data."""

import datetime as dt

import pytest

from indicators.figures import Measure, Status
from indicators.status import elapsed_fraction, target_status

START, END = dt.date(2026, 1, 1), dt.date(2030, 12, 31)


def _status(measured, goal, day):
    elapsed = elapsed_fraction(start=START, end=END, day=day)
    return target_status(measure=Measure(measured, goal), elapsed=elapsed)


def test_at_the_phase_start_nothing_is_expected_yet():
    assert elapsed_fraction(start=START, end=END, day=START) == 0
    assert _status(0, 100, START) == (Status.ON_TRACK, 0.0)


def test_in_the_middle_the_pace_decides():
    middle = dt.date(2028, 7, 2)  # 913 of 1,826 days gone
    assert elapsed_fraction(start=START, end=END, day=middle) == pytest.approx(0.5)
    assert _status(50, 100, middle) == (Status.ON_TRACK, 50.0)
    assert _status(49.9, 100, middle) == (Status.BEHIND, 50.0)
    assert _status(100, 100, middle)[0] == Status.ACHIEVED


def test_at_the_phase_end_only_the_goal_counts():
    assert _status(99.9, 100, END)[0] == Status.ON_TRACK  # the last day is not over yet
    after = END + dt.timedelta(days=1)
    assert elapsed_fraction(start=START, end=END, day=after) == 1
    assert _status(99.9, 100, after) == (Status.BEHIND, 100.0)
    assert _status(100, 100, after) == (Status.ACHIEVED, 100.0)


def test_a_target_with_nothing_to_measure_has_no_data():
    assert _status(None, 100, dt.date(2027, 1, 1)) == (Status.NO_DATA, None)


def test_a_measured_target_without_a_value_is_not_set():
    assert _status(12, None, dt.date(2027, 1, 1)) == (Status.NOT_SET, None)


def test_without_a_phase_the_whole_goal_is_due():
    assert elapsed_fraction(start=None, end=None, day=dt.date(2027, 1, 1)) == 1
