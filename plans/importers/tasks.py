"""Tasks (NHIỆM VỤ VÀ GIẢI PHÁP and task tables), responsibilities (TỔ CHỨC THỰC HIỆN) and
funding sources (KINH PHÍ), with the units or unit kinds each names."""

import re

from plans.importers.sections import Section, clean_title
from plans.importers.tables import column_roles
from plans.importers.targets import item_lines
from plans.lexicon import TASK_MENTION_KINDS, channels_in, unit_kind_of, unit_kind_patterns
from plans.textkeys import key, tidy

_TASK_WORDS = ("nhiem vu", "giai phap", "noi dung tuyen truyen", "hinh thuc tuyen truyen")
_DUTY_WORDS = ("to chuc thuc hien", "phan cong", "trach nhiem")
_FUNDING_WORDS = ("kinh phi",)
_LEAD_LINE = re.compile(
    r"^(?:[-+•]\s*)?(?:đơn vị |cơ quan )?(?:chủ trì|thực hiện|phụ trách)(?: thực hiện)?"
    r"\s*:\s*(.+)$",
    re.IGNORECASE,
)
_COOPERATING_LINE = re.compile(
    r"^(?:[-+•]\s*)?(?:đơn vị |cơ quan )?phối hợp(?: thực hiện)?\s*:\s*(.+)$", re.IGNORECASE
)
_TIMING_LINE = re.compile(
    r"^(?:[-+•]\s*)?(?:thời gian|tiến độ|thời hạn)(?: thực hiện| hoàn thành)?\s*:\s*(.+)$",
    re.IGNORECASE,
)
_PARENTHESIS = re.compile(r"\(([^()]*\b(?:chủ trì|phối hợp)\b[^()]*)\)", re.IGNORECASE)
_LABEL_SPLIT = re.compile(r"\s*[;\n]\s*|\s+và\s+(?=các\s)")
_COMMA = re.compile(r"\s*,\s+")
# Matched on search keys: "phối hợp (với)", "cùng (với)" right before the unit.
_COOPERATION_CUE = re.compile(r"(?:phoi hop(?: voi)?|cung(?: voi)?)\s*$")
_ROLE_WORDS = re.compile(r"^(?:giao|đề nghị)\s+|\s+(?:chủ trì|thực hiện|phụ trách)\b.*$", re.I)
_FUNDING_FROM = re.compile(r"\b(?:từ|bằng|do)\s+(?:các\s+)?(?:nguồn\s+)?(.+)$", re.IGNORECASE)
_FUNDING_TAIL = re.compile(r"\s*(?:theo quy định(?: hiện hành)?|đảm bảo)\s*$", re.IGNORECASE)
_SOURCE_SPLIT = re.compile(
    r"\s*;\s*|\s+và\s+(?=(?:các\s+)?(?:nguồn|ngân sách|kinh phí|xã hội hóa|huy động))"
    r"|,\s+(?=(?:các\s+)?(?:nguồn|ngân sách|kinh phí|xã hội hóa|huy động))",
    re.IGNORECASE,
)
_SHORT_LABEL_WORDS = 12


def find_section(roots: list[Section], words, excluded=()) -> Section | None:
    for root in roots:
        for section in root.walk():
            title_key = key(section.title)
            if any(w in title_key for w in words) and not any(w in title_key for w in excluded):
                return section
    return None


def full_number(parent: Section | None, number: str | None) -> str | None:
    """`III` and `1` → `III.1`; a number that already carries its parent's (`2.1`) stays."""
    if parent is None or not parent.number or not number:
        return number
    if number.startswith(parent.number + "."):
        return number
    return f"{parent.number}.{number}"


def _label_parts(text: str) -> list[str]:
    """Split a list of units at `;` and at commas that start a new name (a capital or
    "các"), not inside one ("Các ban ngành, đoàn thể")."""
    parts = []
    for chunk in _LABEL_SPLIT.split(text):
        pieces = _COMMA.split(chunk)
        merged = pieces[:1]
        for piece in pieces[1:]:
            if piece[:1].isupper() or piece.startswith("các "):
                merged.append(piece)
            else:
                merged[-1] = f"{merged[-1]}, {piece}"
        parts.extend(merged)
    return parts


def assignments_in(text: str) -> list[dict]:
    labels = []
    for part in _label_parts(tidy(text)):
        label = _ROLE_WORDS.sub("", tidy(part).strip(" -+.;:")).strip()
        if label:
            labels.append({"label": label, "unit_kind": unit_kind_of(label)})
    return labels


def _mentions(text: str) -> tuple[list[dict], list[dict]]:
    """Unit kinds a task names in passing: after "phối hợp" they cooperate, else they lead."""
    cleaned = tidy(text)
    text_key = key(cleaned)
    lead, cooperating, seen = [], [], set()
    spans = []
    for phrase in unit_kind_patterns():
        if phrase.value not in TASK_MENTION_KINDS:
            continue
        for match in phrase.pattern.finditer(text_key):
            if not any(s <= match.start() < e for s, e in spans):
                spans.append((match.start(), match.end()))
                start = match.start()
                if text_key[max(0, start - 4) : start] == "cac ":
                    start -= 4
                label = cleaned[start : match.end()]
                role = "cooperating" if _COOPERATION_CUE.search(text_key[:start]) else "lead"
                if (phrase.value, role) not in seen:
                    seen.add((phrase.value, role))
                    entry = {"label": label, "unit_kind": phrase.value}
                    (cooperating if role == "cooperating" else lead).append(entry)
    lead_kinds = {e["unit_kind"] for e in lead}
    return lead, [e for e in cooperating if e["unit_kind"] not in lead_kinds]


def _from_parenthesis(text: str, task: dict) -> str:
    """Read `(Phòng VHXH chủ trì, phối hợp với các trường)` into the task; return the rest."""
    for match in _PARENTHESIS.finditer(text):
        for part in re.split(r"\s*;\s*", match[1]):
            pieces = re.split(r"phối hợp(?:\s+với)?", part, maxsplit=1, flags=re.IGNORECASE)
            if len(pieces) == 2 and pieces[1].strip(" ,.:"):
                task["cooperating"] += assignments_in(pieces[1])
                if "chu tri" in key(pieces[0]):
                    task["lead"] += assignments_in(pieces[0])
            elif len(pieces) == 2:
                task["cooperating"] += assignments_in(pieces[0])
            elif "chu tri" in key(part):
                task["lead"] += assignments_in(part)
    return _PARENTHESIS.sub("", text).strip()


def _task(number: str | None, title: str, lines: list[str]) -> dict:
    task = {
        "number": number,
        "title": "",
        "items": [],
        "lead": [],
        "cooperating": [],
        "channels": [],
        "timing": None,
    }
    task["title"] = clean_title(_from_parenthesis(title, task))
    for line in lines:
        lead, cooperating, timing = (
            _LEAD_LINE.match(line),
            _COOPERATING_LINE.match(line),
            _TIMING_LINE.match(line),
        )
        if lead:
            task["lead"] += assignments_in(lead[1])
        elif cooperating:
            task["cooperating"] += assignments_in(cooperating[1])
        elif timing:
            task["timing"] = tidy(timing[1]).rstrip(".;")
        else:
            task["items"] += item_lines([_from_parenthesis(line, task)])
    text = " ".join([task["title"], *task["items"]])
    if not task["lead"] and not task["cooperating"]:
        task["lead"], task["cooperating"] = _mentions(text)
    task["channels"] = channels_in(text)
    return task


def _flatten(section: Section) -> list[str]:
    lines = list(section.lines)
    for child in section.children:
        heading = (
            f"{child.number}) {child.title}"
            if child.kind == "letter"
            else (f"{child.number}. {child.title}")
        )
        lines.append(heading)
        lines.extend(_flatten(child))
    return lines


def tasks_from_sections(roots: list[Section], tables_hold_tasks: bool = False) -> list[dict]:
    parent = find_section(roots, _TASK_WORDS, excluded=_DUTY_WORDS + _FUNDING_WORDS)
    if parent is None or (tables_hold_tasks and not parent.children):
        # Its paragraphs only point at the task table ("theo phụ lục kèm theo").
        return []
    if parent.children:
        return [
            _task(full_number(parent, child.number), child.title, _flatten(child))
            for child in parent.children
        ]
    return [
        _task(full_number(parent, str(index)), item, [])
        for index, item in enumerate(item_lines(parent.lines), start=1)
    ]


def tasks_from_tables(roots: list[Section]) -> list[dict]:
    tasks = []
    for root in roots:
        for section in root.walk():
            for rows in section.tables:
                tasks.extend(_table_tasks(rows))
    return tasks


def _table_tasks(rows: list[list[str]]) -> list[dict]:
    roles = column_roles(rows[0])

    def cell(row, role):
        index = roles.get(role)
        return tidy(row[index]) if index is not None and index < len(row) else ""

    tasks, group = [], None
    for row in rows[1:]:
        number, content = cell(row, "number"), cell(row, "content")
        lead, cooperating = cell(row, "lead"), cell(row, "cooperating")
        if not content:
            continue
        if not lead and not cooperating and number and not number[0].isdigit():
            group = number  # a group row: "I | Công tác quán triệt"
            continue
        lines = [f"Chủ trì: {lead}"] if lead else []
        lines += [f"Phối hợp: {cooperating}"] if cooperating else []
        lines += [f"Thời gian: {cell(row, 'timing')}"] if cell(row, "timing") else []
        task = _task(f"{group}.{number}" if group and number else number or None, content, lines)
        tasks.append(task)
    return tasks


def responsibilities(roots: list[Section]) -> list[dict]:
    parent = find_section(roots, _DUTY_WORDS)
    if parent is None:
        return []
    if parent.children:
        return [_duty(full_number(parent, c.number), c.title, _flatten(c)) for c in parent.children]
    duties = []
    for index, line in enumerate(item_lines(parent.lines), start=1):
        label, _sep, rest = line.partition(":")
        if rest and len(label.split()) <= _SHORT_LABEL_WORDS and unit_kind_of(label):
            duties.append(_duty(full_number(parent, str(index)), label, [rest]))
    return duties


def _duty(number: str | None, title: str, lines: list[str]) -> dict:
    label = clean_title(title)
    text_lines = list(lines)
    if len(label.split()) > _SHORT_LABEL_WORDS:
        text_lines.insert(0, label)
        mentioned = _mentions(label)[0]
        label = mentioned[0]["label"] if mentioned else label
    return {
        "number": number,
        "unit": label,
        "unit_kind": unit_kind_of(label),
        "duties": "\n".join(tidy(line) for line in text_lines if tidy(line)),
    }


def funding(roots: list[Section]) -> list[str]:
    section = find_section(roots, _FUNDING_WORDS)
    if section is None:
        return []
    sources: list[str] = []
    lines = item_lines(_flatten(section))
    for line in lines:
        for sentence in re.split(r"(?<=\.)\s+", line):
            match = _FUNDING_FROM.search(sentence)
            if not match:
                continue
            body = _FUNDING_TAIL.sub("", match[1].rstrip(" .;"))
            sources += [tidy(s).rstrip(" .;,") for s in _SOURCE_SPLIT.split(body) if tidy(s)]
    return sources or [line.rstrip(" .;") for line in lines]


def _deepest_titled(roots: list[Section], word: str) -> Section | None:
    found = [s for root in roots for s in root.walk() if key(s.title).startswith(word)]
    if not found:
        return None
    inner = [s for s in found[0].walk() if s in found]
    return inner[-1]


def purposes_and_requirements(roots: list[Section]) -> tuple[str, str]:
    """The text of `Mục đích` and of `Yêu cầu` (both in one when the plan joins them)."""
    purposes = _deepest_titled(roots, "muc dich")
    requirements = _deepest_titled(roots, "yeu cau")
    return (
        "\n".join(_flatten(purposes)) if purposes else "",
        "\n".join(_flatten(requirements)) if requirements else "",
    )
