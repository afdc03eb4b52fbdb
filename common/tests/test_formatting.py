import datetime as dt

from common.formatting import date_in_words, format_number, format_percent


def test_numbers_use_dot_for_thousands_and_comma_for_decimals():
    assert format_number(1234.5, 1) == "1.234,5"
    assert format_number(1234567) == "1.234.567"
    assert format_number(0.05, 1) == "0,1"
    assert format_number(-1500) == "-1.500"
    assert format_percent(85.25) == "85,3%"


def test_date_line_pads_days_and_the_first_two_months():
    assert date_in_words("Kim Trà", dt.date(2027, 1, 5)) == "Kim Trà, ngày 05 tháng 01 năm 2027"
    assert date_in_words("Kim Trà", dt.date(2026, 3, 20)) == "Kim Trà, ngày 20 tháng 3 năm 2026"
    assert date_in_words("Huế", dt.date(2026, 12, 15)) == "Huế, ngày 15 tháng 12 năm 2026"
