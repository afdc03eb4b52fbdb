"""Heading lines of a plan: `I.`, `1.`, `1.1`, `a)`, and bullets `-`, `+` (with or without a
space), and how a heading's number follows the one before it."""

import re
from dataclasses import dataclass

_ROMAN = re.compile(r"^(?P<num>[IVXL]{1,5})\s*(?:[.)/:]|\s-|\s–)\s*(?P<rest>\S.*)?$")
_DOTTED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=\s|$)\s*(?P<rest>.*)$")
_ARABIC = re.compile(r"^(?P<num>\d{1,2})\s*(?P<mark>[.)/])\s*(?P<rest>\S.*)?$")
_LETTER = re.compile(r"^(?P<num>[a-zđ])\s*(?P<mark>\)|\.(?=\s))\s*(?P<rest>\S.*)$")
_BULLET = re.compile(r"^[-–—•+*·▪◦●○]\s*(?=\S)")
_DECORATION = re.compile(r"^(?:\*\*|__|#+\s)\s*|\s*(?:\*\*|__)$")

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_LETTERS = "abcdđeghiklmnopqrstuvxy"


@dataclass(frozen=True)
class Heading:
    kind: str  # roman, arabic, arabic-paren, dotted2.., letter
    number: str
    rest: str


def roman_value(numeral: str) -> int:
    total, previous = 0, 0
    for char in reversed(numeral):
        value = _ROMAN_VALUES[char]
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


def strip_decoration(line: str) -> str:
    return _DECORATION.sub("", line)


def heading_of(line: str) -> Heading | None:
    text = strip_decoration(line)
    match = _ROMAN.match(text)
    if match and roman_value(match["num"]) and (match["rest"] or "").strip():
        return Heading("roman", match["num"], match["rest"].strip())
    match = _DOTTED.match(text)
    if match and match["rest"].strip():
        return Heading(f"dotted{match['num'].count('.') + 1}", match["num"], match["rest"])
    match = _ARABIC.match(text)
    # "15/3/2026" and "1.000 người" start with digits too; a heading's text never does.
    if match and (match["rest"] or "").strip() and not match["rest"][0].isdigit():
        kind = "arabic" if match["mark"] == "." else "arabic-paren"
        return Heading(kind, match["num"], match["rest"].strip())
    match = _LETTER.match(text)
    if match:
        return Heading("letter", match["num"], match["rest"].strip())
    return None


def bullet_text(line: str) -> str | None:
    """The text of a bullet line (`- Text`, `+ Text`, `-Text`), or None."""
    match = _BULLET.match(line)
    if not match or line[:2] in ("--", "-/"):
        return None
    return line[match.end() :].strip()


def ordinal(kind: str, number: str) -> int:
    if kind == "roman":
        return roman_value(number)
    if kind == "letter":
        return _LETTERS.find(number) + 1
    return int(number.split(".")[-1])


def follows(kind: str, previous: str | None, number: str) -> bool:
    """Whether `number` is the next one after `previous` (None: the first of its level)."""
    value = ordinal(kind, number)
    if previous is None:
        return value == 1
    if kind.startswith("dotted") and previous.split(".")[:-1] != number.split(".")[:-1]:
        return value == 1
    step = value - ordinal(kind, previous)
    # Letters: some writers skip "đ" (d, e), others do not (d, đ).
    return step == 1 or (kind == "letter" and step == 2)
