"""The parts of an official document around its body (Decree 30/2020): the header with
issuing body, number and date; the document type and title; recipients; the signer block."""

import datetime as dt
import re
from dataclasses import dataclass, field

from plans.importers.headings import bullet_text
from plans.textkeys import key, tidy

DOC_TYPES = (
    "KẾ HOẠCH",
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "CHƯƠNG TRÌNH",
    "HƯỚNG DẪN",
    "ĐỀ ÁN",
    "PHƯƠNG ÁN",
    "KẾ HOẠCH LIÊN TỊCH",
)
_DOC_TYPES_LONGEST_FIRST = sorted(DOC_TYPES, key=len, reverse=True)
_MOTTO_KEYS = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "dang cong")
_NUMBER = re.compile(r"^s[oố]\s*[:.]?\s*(?P<value>.*)$", re.IGNORECASE)
_PLACE_DATE = re.compile(
    r"^(?P<place>[^,]{2,60}),\s*ngày\s*(?P<day>\d{1,2})?[\s.…]*tháng\s*(?P<month>\d{1,2})?"
    r"[\s.…]*năm\s*(?P<year>\d{4})",
    re.IGNORECASE,
)
_PLACE_ONLY = re.compile(r"^(?P<place>[^,]{2,60}),\s*ngày\b", re.IGNORECASE)
_COLUMN_GAP = re.compile(r"\t+|\s{3,}")
_RULE = re.compile(r"^[-_=.*~—–\s]{3,}$")
_AUTHORITY = re.compile(r"^(?:(?:TM|KT|Q|TL|TUQ)\s*\.|T/M|K/T)\s*\S")
_PLACE_WORDS = ("tinh ", "thanh pho ", "huyen ", "quan ", "thi xa ", "dang bo ")
_SIGNED_NOTES = ("(da ky)", "(ky ten", "(ky, ghi ro", "da ky", "(ky va ghi")


_CONTINUES = re.compile(r"^(?:/|tháng\b|năm\b)", re.IGNORECASE)
_OPEN_END = re.compile(r"(?:số\s*:?|ngày)$", re.IGNORECASE)


def columns(line: str) -> list[str]:
    """A line typed as two columns (`ỦY BAN NHÂN DÂN      CỘNG HÒA ...`) split apart; the
    blanks a draft leaves (`Số:      /KH-UBND`, `ngày    tháng 4`) do not split it."""
    parts: list[str] = []
    for part in _COLUMN_GAP.split(line.strip()):
        if not part.strip():
            continue
        if parts and (_CONTINUES.match(part) or _OPEN_END.search(parts[-1])):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return parts


def is_rule(line: str) -> bool:
    return bool(_RULE.match(line)) and not line.strip().startswith("- ")


def is_motto(line: str) -> bool:
    line_key = key(tidy(line))
    return any(line_key.startswith(m) for m in _MOTTO_KEYS)


def doc_type_of(line: str) -> tuple[str, str] | None:
    """(type, rest of the line) when the line opens with a document type in capitals
    (`KẾ HOẠCH`, `KẾ HOẠCH Tuyên truyền ...`), but not a name such as `PHƯỜNG AN CỰU`."""
    parts = columns(line)
    text = tidy(parts[0]) if parts else ""
    for doc_type in _DOC_TYPES_LONGEST_FIRST:
        if text == doc_type or text.startswith(doc_type + " "):
            rest = text[len(doc_type) :].strip(" :-–")
            if rest and rest == rest.upper() and any(c.isalpha() for c in rest):
                return None
            return doc_type, rest
    return None


def parse_date(day: str | None, month: str | None, year: str | None) -> str | None:
    if not (day and month and year):
        return None
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def document_number(value: str) -> str | None:
    """`45/KH-UBND` as written; a draft's blank number (`   /KH-UBND`, `…/KH-UBND`) is None."""
    cleaned = re.sub(r"\s+", "", tidy(value)).strip(".;,")
    cleaned = re.sub(r"^[.…_]+", "", cleaned)
    if not cleaned or not cleaned[0].isalnum() or not re.search(r"\d", cleaned.split("/")[0]):
        return None
    return cleaned


@dataclass
class Header:
    issuer_lines: list[str] = field(default_factory=list)
    number: str | None = None
    place: str | None = None
    date: str | None = None
    extra: list[str] = field(default_factory=list)

    @property
    def issuer(self) -> str | None:
        return " ".join(self._split()[1]) or None

    @property
    def parent_issuer(self) -> str:
        return " ".join(self._split()[0])

    def _split(self) -> tuple[list[str], list[str]]:
        # "ĐẢNG BỘ THÀNH PHỐ HUẾ / ĐẢNG ỦY PHƯỜNG AN CỰU": a first line naming a body of a
        # place (province, city, district) above further lines is the parent body.
        lines = self.issuer_lines
        if len(lines) >= 2 and any(w in key(lines[0]) + " " for w in _PLACE_WORDS):
            return lines[:1], lines[1:]
        return [], lines


def read_header(lines: list[str]) -> Header:
    header = Header()
    numbered = False
    for raw in lines:
        for part in columns(raw):
            text = tidy(part)
            if not text or is_rule(text) or is_motto(text):
                continue
            number = _NUMBER.match(text)
            date = _PLACE_DATE.match(text)
            if number and "/" in number["value"] or number and not number["value"]:
                header.number = document_number(number["value"])
                numbered = True
            elif date:
                header.place = tidy(date["place"])
                header.date = parse_date(date["day"], date["month"], date["year"])
            elif _PLACE_ONLY.match(text):
                header.place = tidy(_PLACE_ONLY.match(text)["place"])
            elif text == text.upper() and not numbered and header.place is None:
                header.issuer_lines.append(text)
            else:
                header.extra.append(text)
    return header


@dataclass
class Footer:
    recipients: list[str] = field(default_factory=list)
    authority: list[str] = field(default_factory=list)
    title: str | None = None
    name: str | None = None
    extra: list[str] = field(default_factory=list)


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[0].isupper() for w in words) and text != text.upper()


def _recipient(text: str) -> str:
    stripped = re.sub(r"^[-–+•*]\s*", "", text).strip()
    return stripped.rstrip(";,.").strip()


def _is_signer_line(text: str, signer_started: bool) -> bool:
    if key(text).startswith("noi nhan") or bullet_text(text) is not None:
        return False
    return signer_started or bool(_AUTHORITY.match(text)) or text == text.upper()


def read_footer(lines: list[str]) -> Footer:
    """Recipients and signer, typed one after the other or side by side in two columns."""
    footer = Footer()
    left: list[str] = []
    right: list[str] = []
    for raw in lines:
        parts = columns(raw)
        if len(parts) >= 2:
            left.append(parts[0])
            right.extend(parts[1:])
        elif parts:
            (right if _is_signer_line(tidy(parts[0]), bool(right)) else left).append(parts[0])
    in_recipients = False
    for raw in left:
        text = tidy(raw)
        if key(text).startswith("noi nhan"):
            in_recipients = True
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            if rest:
                footer.recipients.append(_recipient(rest))
            continue
        if in_recipients and text:
            footer.recipients.append(_recipient(text))
        elif text:
            footer.extra.append(text)
    _read_signer(footer, [tidy(r) for r in right if tidy(r)])
    return footer


def _read_signer(footer: Footer, lines: list[str]) -> None:
    for text in lines:
        text_key = key(text)
        if any(note in text_key for note in _SIGNED_NOTES):
            continue
        if _AUTHORITY.match(text) and footer.title is None:
            footer.authority.append(text)
        elif text == text.upper() and footer.title is None and footer.name is None:
            footer.title = text
        elif _is_name(text) and footer.name is None:
            footer.name = text
        else:
            footer.extra.append(text)
    if footer.title is None and footer.authority:
        # "KT. CHỦ TỊCH" alone with no title line under it: the last authority line is it.
        footer.title = footer.authority[-1]
        footer.authority = footer.authority[:-1]
