"""Reporting periods live in common.periods, shared with the indicators app; this module keeps
the names reports has always imported."""

from common.periods import (
    CUT_OFF_DAY,
    MAX_YEAR,
    MIN_YEAR,
    DateWindow,
    Period,
    PeriodKind,
    make_period,
    parse_period,
    periods_ending_between,
    periods_of_year,
)

__all__ = [
    "CUT_OFF_DAY",
    "MAX_YEAR",
    "MIN_YEAR",
    "DateWindow",
    "Period",
    "PeriodKind",
    "make_period",
    "parse_period",
    "periods_ending_between",
    "periods_of_year",
]
