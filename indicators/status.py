"""A target's status, judged against the time elapsed in its phase.

The rule, in full:
- elapsed: the share of the phase's days gone before the measuring day (0 on its first day,
  1 after its last); without a phase there is no schedule to follow, so elapsed is 1;
- expected = goal × elapsed: where a steady pace would be by now;
- achieved when measured ≥ goal; on track when measured ≥ expected; behind otherwise;
- no data when nothing can be measured (nobody on the roster, a channel the ward does not
  have, a target not measured automatically); not set when it is measured but has no value.
"""

import datetime as dt

from indicators.figures import Measure, Status, round_half_up


def phase_days(start_year: int, end_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(start_year, 1, 1), dt.date(end_year, 12, 31)


def elapsed_fraction(*, start: dt.date | None, end: dt.date | None, day: dt.date) -> float:
    if start is None or end is None:
        return 1.0
    total = (end - start).days + 1
    return min(1.0, max(0.0, (day - start).days / total))


def target_status(*, measure: Measure, elapsed: float) -> tuple[Status, float | None]:
    """(status, expected value by now)."""
    if measure.measured is None:
        return Status.NO_DATA, None
    if measure.goal is None:
        return Status.NOT_SET, None
    expected = round_half_up(float(measure.goal) * elapsed)
    if measure.measured >= measure.goal:
        return Status.ACHIEVED, expected
    if measure.measured >= expected:
        return Status.ON_TRACK, expected
    return Status.BEHIND, expected
