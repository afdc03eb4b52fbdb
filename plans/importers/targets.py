"""Phases and targets: `Giai đoạn 2026 – 2030`, `Đến năm 2030`; `100% cán bộ ...`,
`Phấn đấu 90% ...`, `ít nhất 02 tin, bài ...` with the audience groups a target names."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from plans.importers.headings import bullet_text
from plans.importers.sections import Section
from plans.lexicon import COUNT_UNITS
from plans.textkeys import key, tidy

_YEAR = r"((?:19|20)\d{2})"
_RANGE = re.compile(
    rf"(?:giai đoạn|thời kỳ|từ năm|từ)?\s*{_YEAR}\s*(?:[-–—]|đến năm|đến|tới)\s*{_YEAR}",
    re.IGNORECASE,
)
_UNTIL = re.compile(rf"(?:đến|tới|trước)\s+năm\s+{_YEAR}", re.IGNORECASE)
_SINGLE_YEAR = re.compile(rf"^năm\s+{_YEAR}$", re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,2})?)\s*%")
_COUNT = re.compile(r"(?<![\w/.,\-–])(\d{1,3}(?:\.\d{3})+|\d{1,4})(?![\w/%\-–])\s+(?=\S)")
# A number right after these words is a reference, not a target ("Nghị quyết số 71").
_NOT_A_COUNT = (
    "so",
    "nam",
    "ngay",
    "thang",
    "khoa",
    "dieu",
    "khoan",
    "muc",
    "giai doan",
    "lan thu",
)
_GOAL_WORDS = ("muc tieu", "chi tieu")
_PHASE_LINE_MAX_WORDS = 6
_COUNT_UNIT_PATTERNS = [
    (unit, re.compile(re.escape(unit) + r"(?![a-z0-9])"))
    for unit in sorted(COUNT_UNITS, key=len, reverse=True)
]


@dataclass(frozen=True)
class AudienceGroupSpec:
    code: str
    phrases: tuple[str, ...]


def clean_label(text: str) -> str:
    return tidy(text).rstrip(":.;,").strip()


def split_clauses(text: str) -> list[str]:
    """Split at `;` where a new clause starts with a capital or a figure."""
    clauses, start = [], 0
    for match in re.finditer(r";\s+", text):
        following = text[match.end() : match.end() + 1]
        if following.isupper() or following.isdigit():
            clauses.append(text[start : match.start()])
            start = match.end()
    clauses.append(text[start:])
    return [tidy(c).rstrip(";") for c in clauses if tidy(c).strip(" ;.")]


def item_lines(lines: Iterable[str]) -> list[str]:
    items = []
    for line in lines:
        text = bullet_text(line)
        items.extend(split_clauses(text if text is not None else line))
    return items


def phase_in(text: str, document_year: int | None) -> tuple[str, int, int] | None:
    cleaned = tidy(text)
    match = _RANGE.search(cleaned)
    if match and int(match[1]) <= int(match[2]):
        return cleaned[match.start() : match.end()].strip(), int(match[1]), int(match[2])
    match = _UNTIL.search(cleaned)
    if match:
        end = int(match[1])
        start = document_year if document_year and document_year <= end else end
        return cleaned[match.start() : match.end()].strip(), start, end
    match = _SINGLE_YEAR.match(cleaned)
    if match:
        return cleaned, int(match[1]), int(match[1])
    return None


def _number(text: str) -> int | float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        text = text.replace(".", "")
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def value_in(text: str) -> tuple[int | float | None, str | None]:
    match = _PERCENT.search(text)
    if match:
        return _number(match[1]), "%"
    text_key = key(text)
    for match in _COUNT.finditer(text):
        before = text_key[: match.start()].rstrip().rsplit(" ", 2)
        if any(" ".join(before[-n:]) in _NOT_A_COUNT for n in (1, 2)):
            continue
        after = text_key[match.end() :]
        for unit, pattern in _COUNT_UNIT_PATTERNS:
            if pattern.match(after):
                return _number(match[1]), text[match.end() : match.end() + len(unit)]
    return None, None


class AudienceMatcher:
    def __init__(self, groups: Iterable[AudienceGroupSpec]) -> None:
        phrases = [(key(p), g.code) for g in groups for p in g.phrases if key(p).strip()]
        phrases.sort(key=lambda pc: len(pc[0]), reverse=True)
        self.patterns = [
            (re.compile(r"(?<![a-z0-9])" + re.escape(p) + r"(?![a-z0-9])"), code)
            for p, code in phrases
        ]

    def __call__(self, text: str) -> list[str]:
        text_key = key(tidy(text))
        found: list[tuple[int, str]] = []
        for pattern, code in self.patterns:
            for match in pattern.finditer(text_key):
                found.append((match.start(), code))
                # Blank out the match so a shorter alias inside it is not found again.
                text_key = text_key[: match.start()] + " " * len(match[0]) + text_key[match.end() :]
        codes: list[str] = []
        for _start, code in sorted(found):
            if code not in codes:
                codes.append(code)
        return codes


def _is_label(title: str) -> bool:
    title_key = key(title)
    return any(w in title_key for w in _GOAL_WORDS) or phase_in(title, None) is not None


def goal_sections(roots: list[Section]) -> list[tuple[Section, bool]]:
    """(section, whole subtree?) for each section of goals and targets."""
    matches = [
        s for root in roots for s in root.walk() if any(w in key(s.title) for w in _GOAL_WORDS)
    ]
    chosen = []
    for section in matches:
        inner = any(d in matches for d in section.walk() if d is not section)
        chosen.append((section, not inner))
    return chosen


@dataclass
class TargetReader:
    audiences: AudienceMatcher
    document_year: int | None

    def phases_and_targets(self, roots: list[Section]) -> tuple[list[dict], list[dict]]:
        phases: dict[tuple[int, int], str] = {}
        targets: list[dict] = []
        for root in roots:
            for section in root.walk():
                found = phase_in(section.title, self.document_year)
                if found and _is_label(section.title):
                    phases.setdefault((found[1], found[2]), tidy(section.title))
        goals = goal_sections(roots)
        for section, whole in goals:
            self._read(section, None, whole, phases, targets)
        if not goals:
            for root in roots:
                self._read(root, None, True, phases, targets, numeric_only=True)
        phase_list = [
            {"name": name, "start_year": start, "end_year": end}
            for (start, end), name in phases.items()
        ]
        return phase_list, targets

    def _read(self, section, phase, whole, phases, targets, numeric_only=False) -> None:
        found = phase_in(section.title, self.document_year)
        if found and _is_label(section.title):
            phase = (found[1], found[2])
        clauses = [] if _is_label(section.title) or not section.title else [section.title]
        clauses += item_lines(section.lines)
        for clause in clauses:
            label_phase = phase_in(clause, self.document_year)
            if label_phase and len(clause.split()) <= _PHASE_LINE_MAX_WORDS:
                # "Giai đoạn 2026 - 2027:" on a line of its own: the phase of what follows.
                phase = (label_phase[1], label_phase[2])
                phases.setdefault(phase, clean_label(clause))
                continue
            target = self._target(clause, phase, phases)
            if target and (target["value"] is not None or not numeric_only):
                targets.append(target)
        if whole:
            for child in section.children:
                self._read(child, phase, True, phases, targets, numeric_only)

    def _target(self, clause: str, phase, phases) -> dict | None:
        text = tidy(clause)
        if not text:
            return None
        in_clause = phase_in(text, self.document_year)
        if in_clause and phase is None:
            phase = (in_clause[1], in_clause[2])
            phases.setdefault(phase, in_clause[0][:1].upper() + in_clause[0][1:])
        value, unit = value_in(text)
        subject = text
        if unit == "%" and " được " in text:
            # "100% cán bộ ... được phổ biến đến học sinh": the audience is before "được".
            subject = text.split(" được ", 1)[0]
        return {
            "phase": list(phase) if phase else None,
            "value": value,
            "unit": unit,
            "text": text,
            "audiences": self.audiences(subject),
        }
