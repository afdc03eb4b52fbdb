import datetime as dt

from common.periods import (
    DateWindow,
    PeriodKind,
    months_in,
    parse_period,
    period_of_day,
    previous_period,
)


def test_it_steps_back_one_period_of_the_same_kind():
    assert previous_period(parse_period("2026-01")).code == "2025-12"
    assert previous_period(parse_period("2026-Q1")).code == "2025-Q4"
    assert previous_period(parse_period("2026-Q3")).code == "2026-Q2"
    assert previous_period(parse_period("2026-H1")).code == "2025-H1"
    assert previous_period(parse_period("2026")).code == "2025"


def test_it_finds_the_period_whose_window_holds_a_day():
    assert period_of_day(kind=PeriodKind.MONTH, day=dt.date(2026, 3, 14)).code == "2026-03"
    assert period_of_day(kind=PeriodKind.MONTH, day=dt.date(2026, 3, 15)).code == "2026-04"
    assert period_of_day(kind=PeriodKind.YEAR, day=dt.date(2026, 12, 20)).code == "2027"
    assert period_of_day(kind=PeriodKind.QUARTER, day=dt.date(2026, 6, 15)).code == "2026-Q3"


def test_a_periods_months_cover_its_window_exactly():
    window = parse_period("2026-H1").window
    months = months_in(window)
    assert [p.code for p, _part in months] == [f"2026-{m:02d}" for m in range(1, 7)]
    assert months[0][1].start == window.start and months[-1][1].end == window.end
    for (_p, part), (_q, following) in zip(months, months[1:], strict=False):
        assert following.start - part.end == dt.timedelta(days=1)


def test_a_free_window_is_cut_at_its_edges():
    months = months_in(DateWindow(dt.date(2026, 1, 1), dt.date(2026, 1, 20)))
    assert [(p.code, part.start, part.end) for p, part in months] == [
        ("2026-01", dt.date(2026, 1, 1), dt.date(2026, 1, 14)),
        ("2026-02", dt.date(2026, 1, 15), dt.date(2026, 1, 20)),
    ]
