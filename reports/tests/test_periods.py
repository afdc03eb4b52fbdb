import datetime as dt

import pytest

from reports.periods import PeriodKind, parse_period, periods_ending_between, periods_of_year

D = dt.date


@pytest.mark.parametrize(
    ("code", "kind", "label", "start", "end"),
    [
        ("2026-01", PeriodKind.MONTH, "Tháng 01 năm 2026", D(2025, 12, 15), D(2026, 1, 14)),
        ("2026-02", PeriodKind.MONTH, "Tháng 02 năm 2026", D(2026, 1, 15), D(2026, 2, 14)),
        ("2026-07", PeriodKind.MONTH, "Tháng 07 năm 2026", D(2026, 6, 15), D(2026, 7, 14)),
        ("2026-12", PeriodKind.MONTH, "Tháng 12 năm 2026", D(2026, 11, 15), D(2026, 12, 14)),
        ("2026-Q1", PeriodKind.QUARTER, "Quý I năm 2026", D(2025, 12, 15), D(2026, 3, 14)),
        ("2026-Q2", PeriodKind.QUARTER, "Quý II năm 2026", D(2026, 3, 15), D(2026, 6, 14)),
        ("2026-Q3", PeriodKind.QUARTER, "Quý III năm 2026", D(2026, 6, 15), D(2026, 9, 14)),
        ("2026-Q4", PeriodKind.QUARTER, "Quý IV năm 2026", D(2026, 9, 15), D(2026, 12, 14)),
        ("2026-H1", PeriodKind.HALF_YEAR, "6 tháng đầu năm 2026", D(2025, 12, 15), D(2026, 6, 14)),
        ("2026-9M", PeriodKind.NINE_MONTHS, "9 tháng năm 2026", D(2025, 12, 15), D(2026, 9, 14)),
        ("2026", PeriodKind.YEAR, "Năm 2026", D(2025, 12, 15), D(2026, 12, 14)),
        ("2028-02", PeriodKind.MONTH, "Tháng 02 năm 2028", D(2028, 1, 15), D(2028, 2, 14)),
    ],
)
def test_it_parses_each_kind_with_its_cut_off_window(code, kind, label, start, end):
    period = parse_period(code)
    assert period.kind == kind
    assert period.code == code
    assert period.label == label
    assert (period.window.start, period.window.end) == (start, end)
    assert period.cut_off == end


def test_it_accepts_lower_case_and_spaces():
    assert parse_period(" 2026-q3 ").code == "2026-Q3"
    assert parse_period("2026-h1").code == "2026-H1"
    assert parse_period("2026-9m").code == "2026-9M"


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("2026-13", "tháng phải từ 01 đến 12"),
        ("2026-00", "tháng phải từ 01 đến 12"),
        ("2026-Q5", "quý phải từ 1 đến 4"),
        ("2026-Q0", "quý phải từ 1 đến 4"),
        ("2026-H3", "không hợp lệ"),
        ("2026-6M", "không hợp lệ"),
        ("26-01", "không hợp lệ"),
        ("2026/01", "không hợp lệ"),
        ("", "không hợp lệ"),
        ("Quý 1", "không hợp lệ"),
        ("1899", "năm phải từ"),
    ],
)
def test_it_refuses_invalid_codes_in_vietnamese(code, words):
    with pytest.raises(ValueError, match=words):
        parse_period(code)


def test_the_invalid_code_message_shows_the_accepted_forms():
    with pytest.raises(ValueError) as error:
        parse_period("abc")
    assert "“abc”" in str(error.value)
    assert "2026-Q1" in str(error.value)


def test_it_contains_days_of_the_window_only():
    window = parse_period("2026-01").window
    assert D(2025, 12, 15) in window
    assert D(2026, 1, 14) in window
    assert D(2025, 12, 14) not in window
    assert D(2026, 1, 15) not in window


def test_months_of_a_year_tile_the_year_without_gaps():
    months = periods_of_year(kind=PeriodKind.MONTH, year=2026)
    assert len(months) == 12
    for previous, following in zip(months, months[1:], strict=False):
        assert following.window.start == previous.window.end + dt.timedelta(days=1)
    assert months[0].window.start == parse_period("2026").window.start
    assert months[-1].window.end == parse_period("2026").window.end


def test_it_lists_periods_whose_cut_off_falls_in_a_range_across_a_year():
    found = periods_ending_between(kind=PeriodKind.QUARTER, start=D(2025, 11, 1), end=D(2026, 7, 1))
    assert [p.code for p in found] == ["2025-Q4", "2026-Q1", "2026-Q2"]
