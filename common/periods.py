"""Reporting periods and their data cut-off windows (Decree 09/2019/NĐ-CP, Article 12).

A period is written as a short code: `2026-01` (month), `2026-Q1` (quarter), `2026-H1` and
`2026-H2` (first and last six months), `2026-9M` (nine months), `2026` (year). Each period's
data window runs from the 15th of the month before it starts to the 14th of its last month, so
January's window starts in the previous December and the year's window starts on 15/12 of the
previous year. A six-month schedule reports on both halves: the decree names only the first
(15/12 → 14/6), and without the second (15/6 → 14/12) the activities of half the year would
fall in no report.

Shared by reports (schedules, deadlines) and indicators (figures per period), which may not
import each other; reports.periods re-exports this module.
"""

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext as _

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
CUT_OFF_DAY = 14


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    NINE_MONTHS = "nine_months"
    YEAR = "year"


@dataclass(frozen=True)
class DateWindow:
    start: dt.date
    end: dt.date

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    year: int
    number: int  # month 1–12, quarter 1–4, half 1–2; 1 for the other kinds

    @property
    def code(self) -> str:
        return {
            PeriodKind.MONTH: f"{self.year}-{self.number:02d}",
            PeriodKind.QUARTER: f"{self.year}-Q{self.number}",
            PeriodKind.HALF_YEAR: f"{self.year}-H{self.number}",
            PeriodKind.NINE_MONTHS: f"{self.year}-9M",
            PeriodKind.YEAR: f"{self.year}",
        }[self.kind]

    @property
    def label(self) -> str:
        values = {"year": self.year, "number": self.number}
        if self.kind == PeriodKind.MONTH:
            return _("Tháng %(number)02d năm %(year)s") % values
        if self.kind == PeriodKind.QUARTER:
            return _("Quý %(roman)s năm %(year)s") % {**values, "roman": _ROMAN[self.number]}
        if self.kind == PeriodKind.HALF_YEAR and self.number == 2:
            return _("6 tháng cuối năm %(year)s") % values
        if self.kind == PeriodKind.HALF_YEAR:
            return _("6 tháng đầu năm %(year)s") % values
        if self.kind == PeriodKind.NINE_MONTHS:
            return _("9 tháng năm %(year)s") % values
        return _("Năm %(year)s") % values

    @property
    def last_month(self) -> int:
        return {
            PeriodKind.MONTH: self.number,
            PeriodKind.QUARTER: self.number * 3,
            PeriodKind.HALF_YEAR: self.number * 6,
            PeriodKind.NINE_MONTHS: 9,
            PeriodKind.YEAR: 12,
        }[self.kind]

    @property
    def first_month(self) -> int:
        return {
            PeriodKind.MONTH: self.number,
            PeriodKind.QUARTER: self.number * 3 - 2,
            PeriodKind.HALF_YEAR: self.number * 6 - 5,
        }.get(self.kind, 1)

    @property
    def window(self) -> DateWindow:
        """The data cut-off window: 15th of the month before the first month → 14th of the
        last month."""
        start_year, start_month = _previous_month(self.year, self.first_month)
        return DateWindow(
            start=dt.date(start_year, start_month, CUT_OFF_DAY + 1),
            end=dt.date(self.year, self.last_month, CUT_OFF_DAY),
        )

    @property
    def cut_off(self) -> dt.date:
        return self.window.end

    def __str__(self) -> str:
        return self.code


def _previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


_PATTERNS = [
    (re.compile(r"^(\d{4})-(\d{2})$"), PeriodKind.MONTH),
    (re.compile(r"^(\d{4})-Q(\d)$"), PeriodKind.QUARTER),
    (re.compile(r"^(\d{4})-H(\d)$"), PeriodKind.HALF_YEAR),
    (re.compile(r"^(\d{4})-9M$"), PeriodKind.NINE_MONTHS),
    (re.compile(r"^(\d{4})$"), PeriodKind.YEAR),
]
_FORMS = "2026-01, 2026-Q1, 2026-H1, 2026-H2, 2026-9M, 2026"
MIN_YEAR, MAX_YEAR = 2000, 2100


def parse_period(code: str) -> Period:
    """`2026-Q1` → Period(quarter, 2026, 1); anything else → ValueError with a message a user
    can act on."""
    text = (code or "").strip().upper()
    for pattern, kind in _PATTERNS:
        match = pattern.match(text)
        if match:
            return make_period(
                kind=kind,
                year=int(match.group(1)),
                number=int(match.group(2)) if match.lastindex == 2 else 1,
                code=code,
            )
    raise ValueError(
        _("Mã kỳ báo cáo “%(code)s” không hợp lệ. Viết theo một trong các dạng: %(forms)s.")
        % {"code": code, "forms": _FORMS}
    )


def make_period(*, kind: PeriodKind, year: int, number: int = 1, code: str = "") -> Period:
    shown = code or f"{year}"
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(
            _("Kỳ báo cáo “%(code)s”: năm phải từ %(min)s đến %(max)s.")
            % {"code": shown, "min": MIN_YEAR, "max": MAX_YEAR}
        )
    if kind == PeriodKind.MONTH and not 1 <= number <= 12:
        raise ValueError(_("Kỳ báo cáo “%(code)s”: tháng phải từ 01 đến 12.") % {"code": shown})
    if kind == PeriodKind.QUARTER and not 1 <= number <= 4:
        raise ValueError(_("Kỳ báo cáo “%(code)s”: quý phải từ 1 đến 4.") % {"code": shown})
    if kind == PeriodKind.HALF_YEAR and not 1 <= number <= 2:
        raise ValueError(
            _(
                "Kỳ báo cáo “%(code)s” không hợp lệ: kỳ 6 tháng là H1 (6 tháng đầu năm) hoặc H2 "
                "(6 tháng cuối năm)."
            )
            % {"code": shown}
        )
    if kind not in (PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF_YEAR):
        number = 1
    return Period(kind=PeriodKind(kind), year=year, number=number)


def periods_of_year(*, kind: PeriodKind, year: int) -> list[Period]:
    count = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF_YEAR: 2}.get(kind, 1)
    return [make_period(kind=kind, year=year, number=n) for n in range(1, count + 1)]


def periods_ending_between(*, kind: PeriodKind, start: dt.date, end: dt.date) -> list[Period]:
    """Periods of a kind whose cut-off falls in [start, end], oldest first."""
    found = []
    for year in range(start.year, end.year + 1):
        found += [p for p in periods_of_year(kind=kind, year=year) if start <= p.cut_off <= end]
    return found


def previous_period(period: Period) -> Period:
    """The period of the same kind before this one: the month or quarter before, or the same
    part of the previous year for the others (a half against the same half of last year)."""
    if period.kind == PeriodKind.MONTH:
        year, month = _previous_month(period.year, period.number)
        return make_period(kind=period.kind, year=year, number=month)
    if period.kind == PeriodKind.QUARTER and period.number > 1:
        return make_period(kind=period.kind, year=period.year, number=period.number - 1)
    if period.kind == PeriodKind.QUARTER:
        return make_period(kind=period.kind, year=period.year - 1, number=4)
    return make_period(kind=period.kind, year=period.year - 1, number=period.number)


def period_of_day(*, kind: PeriodKind, day: dt.date) -> Period:
    """The period of a kind whose data window holds `day` (from the 15th, data belongs to the
    next month's window)."""
    year, month = day.year, day.month
    if day.day > CUT_OFF_DAY:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if kind == PeriodKind.MONTH:
        return make_period(kind=kind, year=year, number=month)
    if kind == PeriodKind.QUARTER:
        return make_period(kind=kind, year=year, number=(month + 2) // 3)
    if kind == PeriodKind.HALF_YEAR:
        return make_period(kind=kind, year=year, number=(month + 5) // 6)
    return make_period(kind=kind, year=year)


def months_in(window: DateWindow) -> list[tuple[Period, DateWindow]]:
    """The monthly periods whose windows meet `window`, each with the part inside it, oldest
    first: a quarter's window is exactly its three months' windows."""
    months = []
    period = period_of_day(kind=PeriodKind.MONTH, day=window.start)
    while period.window.start <= window.end:
        part = DateWindow(
            max(period.window.start, window.start), min(period.window.end, window.end)
        )
        months.append((period, part))
        year, month = (
            (period.year + 1, 1) if period.number == 12 else (period.year, period.number + 1)
        )
        period = make_period(kind=PeriodKind.MONTH, year=year, number=month)
    return months
