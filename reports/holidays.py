"""Days off that move a reporting deadline: weekends and Vietnam's public holidays.

Labour Code 2019, Article 112: 1/1; Tết (5 days, set each year by the Prime Minister); Hùng
Kings' day (10/3 lunar); 30/4; 1/5; 2/9 and one day right before or after it. When a fixed
holiday falls on a weekend, the next working day is a day off in lieu (Article 111(3)).

Lunar dates and the yearly decisions cannot be computed, so they live in the table below.
KEEP IT UP TO DATE: each autumn the Ministry of Home Affairs publishes the next year's Tết and
2/9 schedule for civil servants; add a row for the year. Years missing from the table still
get the fixed days (with 1/9 taken as the day next to National Day), and a ward can add its own
days through the `REPORTS_EXTRA_HOLIDAYS` setting (ISO dates).
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.utils.translation import gettext as _

FIXED_HOLIDAYS = [(1, 1), (4, 30), (5, 1), (9, 2)]


@dataclass(frozen=True)
class YearCalendar:
    tet: tuple[dt.date, dt.date]  # first and last day of the Tết break, weekends included
    hung_kings: dt.date
    # None until the year's decision is known; 1/9 is assumed meanwhile
    national_day_adjacent: dt.date | None = None
    extra_days_off: tuple[dt.date, ...] = field(default=())
    # Saturdays worked to make up for an extra day off (they count as working days)
    make_up_days: tuple[dt.date, ...] = field(default=())


D = dt.date
CALENDARS: dict[int, YearCalendar] = {
    2025: YearCalendar(
        tet=(D(2025, 1, 25), D(2025, 2, 2)),
        hung_kings=D(2025, 4, 7),
        national_day_adjacent=D(2025, 9, 1),
        extra_days_off=(D(2025, 5, 2),),
        make_up_days=(D(2025, 4, 26),),
    ),
    2026: YearCalendar(
        tet=(D(2026, 2, 14), D(2026, 2, 22)),
        hung_kings=D(2026, 4, 26),
    ),
}


def _next_weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def _days_in_lieu(days: list[dt.date], taken: set[dt.date]) -> set[dt.date]:
    extra = set()
    for day in days:
        if day.weekday() >= 5:
            lieu = _next_weekday(day)
            while lieu in taken or lieu in extra:
                lieu = _next_weekday(lieu + dt.timedelta(days=1))
            extra.add(lieu)
    return extra


@cache
def _holidays_of_year(year: int) -> frozenset[dt.date]:
    calendar = CALENDARS.get(year)
    fixed = [D(year, month, day) for month, day in FIXED_HOLIDAYS]
    fixed.append((calendar and calendar.national_day_adjacent) or D(year, 9, 1))
    days = set(fixed)
    if calendar:
        days.add(calendar.hung_kings)
        fixed.append(calendar.hung_kings)
        start, end = calendar.tet
        days.update(start + dt.timedelta(days=n) for n in range((end - start).days + 1))
        days.update(calendar.extra_days_off)
    return frozenset(days | _days_in_lieu(fixed, days))


def _extra_holidays() -> set[dt.date]:
    return {dt.date.fromisoformat(day) for day in getattr(settings, "REPORTS_EXTRA_HOLIDAYS", [])}


def is_working_day(day: dt.date) -> bool:
    calendar = CALENDARS.get(day.year)
    if calendar and day in calendar.make_up_days:
        return True
    if day.weekday() >= 5:
        return False
    return day not in _holidays_of_year(day.year) and day not in _extra_holidays()


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The `count`-th working day after `day` (the day itself does not count)."""
    if count < 1:
        raise ValueError(_("Số ngày làm việc sau ngày chốt số liệu phải từ 1 trở lên."))
    found = 0
    while found < count:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            found += 1
    return day
