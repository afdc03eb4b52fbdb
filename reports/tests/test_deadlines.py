import datetime as dt

import pytest

from reports.holidays import add_working_days, is_working_day
from reports.periods import parse_period

D = dt.date


def test_weekends_are_not_working_days():
    assert not is_working_day(D(2026, 3, 14))  # Saturday
    assert not is_working_day(D(2026, 3, 15))  # Sunday
    assert is_working_day(D(2026, 3, 16))


@pytest.mark.parametrize(
    "day",
    [
        D(2026, 1, 1),
        D(2026, 4, 30),
        D(2026, 5, 1),
        D(2026, 9, 1),
        D(2026, 9, 2),
        D(2026, 2, 16),  # inside the Tết 2026 break
        D(2026, 2, 20),
        D(2026, 4, 27),  # Hùng Kings' day falls on a Sunday: the Monday is off in lieu
        D(2025, 5, 2),  # 2025: extra day off swapped with Saturday 26/4
    ],
)
def test_public_holidays_are_days_off(day):
    assert not is_working_day(day)


def test_a_make_up_saturday_is_a_working_day():
    assert is_working_day(D(2025, 4, 26))


def test_a_fixed_holiday_on_a_weekend_gives_the_next_monday_off():
    # 1/1/2028 is a Saturday
    assert not is_working_day(D(2028, 1, 3))
    assert is_working_day(D(2028, 1, 4))


def test_years_missing_from_the_table_still_get_the_fixed_days():
    assert not is_working_day(D(2030, 4, 30))
    assert not is_working_day(D(2030, 9, 2))
    assert not is_working_day(D(2030, 9, 3))  # 2/9/2030 is a Monday; 1/9 (Sunday) in lieu


def test_a_ward_can_add_its_own_days_off(settings):
    assert is_working_day(D(2026, 6, 16))
    settings.REPORTS_EXTRA_HOLIDAYS = ["2026-06-16"]
    assert not is_working_day(D(2026, 6, 16))


def test_deadline_counts_working_days_after_the_cut_off():
    # H1 2026 cut-off is Sunday 14/6; the first working day after is Monday 15/6
    cut_off = parse_period("2026-H1").cut_off
    assert add_working_days(cut_off, 1) == D(2026, 6, 15)
    assert add_working_days(cut_off, 3) == D(2026, 6, 17)


def test_deadline_skips_tet():
    # February 2026 cut-off: Saturday 14/2, first day of the Tết break (14/2–22/2)
    cut_off = parse_period("2026-02").cut_off
    assert add_working_days(cut_off, 1) == D(2026, 2, 23)


def test_deadline_skips_the_new_year_across_a_year():
    # Year 2025 cut-off Sunday 14/12/2025 → 5 working days is Friday 19/12
    assert add_working_days(parse_period("2025").cut_off, 5) == D(2025, 12, 19)
    # Friday 31/12/2027 + 1 working day skips the weekend and 1/1 → Monday 3/1/2028 is in lieu
    assert add_working_days(D(2027, 12, 31), 1) == D(2028, 1, 4)


def test_deadline_skips_30_4_and_1_5():
    # 29/4/2026 Wed; 30/4 Thu and 1/5 Fri are off; weekend; Monday 4/5
    assert add_working_days(D(2026, 4, 29), 1) == D(2026, 5, 4)


def test_deadline_needs_at_least_one_working_day():
    with pytest.raises(ValueError, match="ít nhất|từ 1 trở lên"):
        add_working_days(D(2026, 6, 14), 0)
