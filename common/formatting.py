"""Numbers and dates written the Vietnamese way, for documents made outside templates."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal


def format_number(value: float | int | Decimal | None, decimals: int = 0) -> str:
    """`1234.5` → `1.234,5`; rounding half up, as people round by hand."""
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    integer, _, fraction = f"{abs(rounded):f}".partition(".")
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    text = ".".join(groups)
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


def format_percent(value: float | None, decimals: int = 1) -> str:
    return "" if value is None else f"{format_number(value, decimals)}%"


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def date_in_words(place: str, value: dt.date) -> str:
    """The date line of an official document (Decree 30/2020): `An Cựu, ngày 05 tháng 01 năm 2027`.

    Days below 10 and the months 1 and 2 take a leading zero.
    """
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"{place}, ngày {value.day:02d} tháng {month} năm {value.year}"
