import pytest

from common.phones import InvalidPhone, normalize_phone


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0912345678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84912345678", "0912345678"),
        (912345678, "0912345678"),
        (912345678.0, "0912345678"),
        ("912345678", "0912345678"),
        ("02343822123", "02343822123"),
        ("", ""),
        (None, ""),
    ],
)
def test_it_normalises_vietnamese_numbers(raw, expected):
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize("raw", ["123", "0123456789", "abc", "0912345", "09123456789999"])
def test_it_refuses_numbers_that_are_not_vietnamese(raw):
    with pytest.raises(InvalidPhone, match="không hợp lệ"):
        normalize_phone(raw)


def test_a_normalised_number_is_returned_as_it_is_and_a_near_miss_is_refused():
    assert normalize_phone("0387654321") == "0387654321"
    with pytest.raises(InvalidPhone):
        normalize_phone("0187654321")
