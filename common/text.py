"""Vietnamese text: normalisation, search keys and sort keys.

Every string a user gives us goes through `clean_text` (NFC, trimmed, inner white space folded),
so that the same name typed on two machines is the same string in the database.
"""

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
# Control characters break exports (an .xlsx or .docx may not hold them) and bidi overrides or
# zero-width characters let a name display as something it is not: a name written
# "Lý\u202eịhT" reads "Lý Thị" on screen but sorts and searches as something else.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile(
    r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)


def xml_safe(value: str) -> str:
    """Text an .xlsx or .docx can hold: records saved before input was cleaned may still
    carry control characters, and one of them fails the whole document."""
    return _CONTROLS.sub("", value)


def _visible(value: str) -> str:
    """Control characters become spaces, invisible formatting characters go; tab and newline
    stay for the callers that keep lines."""
    return _INVISIBLE.sub("", _CONTROLS.sub(" ", value))


# Letters of the Vietnamese alphabet in their dictionary order; each gets a two-digit code so
# that a sort key is a string of digits, which every database collation orders the same way.
_ALPHABET = list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
_LETTER_CODE = {letter: f"{i + 10:02d}" for i, letter in enumerate(_ALPHABET)}
_DIGIT_CODE = {str(d): f"{d + 60:02d}" for d in range(10)}
_SEPARATOR = "00"
# Tones in the order Vietnamese dictionaries use: level, grave, hook, tilde, acute, dot.
_TONE_CODE = {"": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0301": "5", "\u0323": "6"}
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def clean_text(value: object) -> str:
    """NFC, no surrounding or repeated white space; None becomes ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return _clean_string(value)
    return _SPACES.sub(" ", _visible(nfc(str(value)))).strip()


@lru_cache(maxsize=65_536)
def _clean_string(value: str) -> str:
    # Imports clean the same names, units and groups over and over, often twice (once when a
    # cell is read, once when the record is built).
    return _SPACES.sub(" ", _visible(nfc(value))).strip()


def clean_multiline(value: object) -> str:
    """NFC and trimmed lines, for notes and narratives where line breaks carry meaning."""
    if value is None or value == "":
        return ""
    lines = _visible(nfc(str(value)).replace("\r\n", "\n")).replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def search_key(value: object) -> str:
    """Lower case, no diacritics, đ → d: `Nguyễn Văn Đạt` → `nguyen van dat`."""
    text = clean_text(value).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower()


def _letter_and_tone(char: str) -> tuple[str, str]:
    decomposed = unicodedata.normalize("NFD", char.lower())
    base = decomposed[0]
    marks = decomposed[1:]
    letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _LETTER_MARKS))
    tone = next((m for m in marks if m in _TONE_CODE), "")
    return letter, tone


@lru_cache(maxsize=16_384)
def _word_codes(text: str) -> tuple[str, str]:
    # Names are made of a few thousand syllables; a roster sorts each of them many times.
    primary, tones = [], []
    for char in nfc(text):
        letter, tone = _letter_and_tone(char)
        code = _LETTER_CODE.get(letter) or _DIGIT_CODE.get(letter)
        if code is None:
            continue
        primary.append(code)
        tones.append(_TONE_CODE[tone])
    return "".join(primary), "".join(tones)


def vi_sort_key(text: str) -> str:
    """A key that orders text as a Vietnamese dictionary does (a < ă < â, d < đ, tones last)."""
    parts = [_word_codes(word) for word in clean_text(text).split(" ")]
    primary = _SEPARATOR.join(p for p, _ in parts)
    tones = "".join(t for _, t in parts)
    return f"{primary}{_SEPARATOR}{_SEPARATOR}{tones}"


def split_full_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) of a Vietnamese name: `Nguyễn Thị Minh Khai` → given `Khai`."""
    words = clean_text(full_name).split(" ")
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def person_sort_key(full_name: str) -> str:
    """Vietnamese roster order: given name, then family name, then middle name."""
    family, middle, given = split_full_name(full_name)
    return vi_sort_key(" ".join(part for part in (given, family, middle) if part))


def vi_sorted(items, key=lambda item: item):
    return sorted(items, key=lambda item: vi_sort_key(key(item)))
