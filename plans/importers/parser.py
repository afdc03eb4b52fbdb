"""The one parser every reader feeds: blocks in, the plan's structure out.

`parse` returns a `ParsedPlan` whose `structure` is the plain dict documented in
docs/plan-import.md (document, legal_bases, sections, phases, targets, tasks,
responsibilities, funding, recipients, signature); values are as written in the document,
cleaned. What is not recognised stays as text in the section it stands in.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from plans.importers import Block
from plans.importers.bases import is_basis_paragraph, read_bases
from plans.importers.header import (
    doc_type_of,
    is_motto,
    is_rule,
    read_footer,
    read_header,
)
from plans.importers.headings import heading_of, strip_decoration
from plans.importers.sections import Section, build_tree
from plans.importers.targets import AudienceGroupSpec, AudienceMatcher, TargetReader
from plans.importers.tasks import (
    funding,
    purposes_and_requirements,
    responsibilities,
    tasks_from_sections,
    tasks_from_tables,
)
from plans.textkeys import tidy
from units.services import DEFAULT_AUDIENCE_GROUPS

# Where to look for the document type: it sits under the header, near the top.
_HEADER_SEARCH_LINES = 40
_TITLE_MAX_LINES = 5
_TITLE_LINE_MAX_WORDS = 60
_FOOTER_OPENERS = re.compile(r"^(?:[Nn]ơi nhận\s*:|(?:TM|KT|TL|TUQ|Q)\s*\.|T/M\s|K/T\s)")
_HEADER_LINE = re.compile(r"^(?:số\s*[:.]|[^,]{2,60},\s*ngày\b)", re.IGNORECASE)
_RESOLUTION = re.compile(r"Nghị quyết\s+(?:số\s+)?(\d[\w./\-]*\w)", re.IGNORECASE)


@dataclass
class ParsedPlan:
    structure: dict
    warnings: list[str] = field(default_factory=list)
    parent_issuer: str = ""
    resolution: str = ""
    purposes: str = ""
    requirements: str = ""
    text: str = ""


def _texts(blocks: list[Block]) -> list[str]:
    return ["\n".join(" | ".join(r) for r in b.rows) if b.is_table else b.text for b in blocks]


def _find_doc_type(blocks: list[Block]) -> int | None:
    for index, block in enumerate(blocks[:_HEADER_SEARCH_LINES]):
        if not block.is_table and doc_type_of(block.text):
            return index
    return None


def _is_header_like(text: str) -> bool:
    cleaned = tidy(text)
    return (
        not cleaned
        or is_rule(cleaned)
        or is_motto(cleaned)
        or bool(_HEADER_LINE.match(cleaned))
        or (cleaned == cleaned.upper() and heading_of(cleaned) is None)
    )


def _is_body_start(text: str) -> bool:
    cleaned = tidy(text)
    return bool(heading_of(cleaned)) or is_basis_paragraph(cleaned)


def _footer_start(blocks: list[Block], body_start: int) -> int:
    last_heading = body_start
    for index in range(body_start, len(blocks)):
        if not blocks[index].is_table and heading_of(tidy(blocks[index].text)):
            last_heading = index
    for index in range(last_heading + 1, len(blocks)):
        block = blocks[index]
        if not block.is_table and _FOOTER_OPENERS.match(tidy(block.text).lstrip("*_ ")):
            return index
    return len(blocks)


@dataclass
class _Layout:
    header: list[str]
    doc_type: str | None
    title: str | None
    body: list[Block]
    footer: list[str]


def _layout(blocks: list[Block]) -> _Layout:
    type_index = _find_doc_type(blocks)
    doc_type, title_lines = None, []
    if type_index is not None:
        doc_type, rest = doc_type_of(blocks[type_index].text)
        header = [b.text for b in blocks[:type_index] if not b.is_table]
        title_lines = [rest] if rest else []
        cursor = type_index + 1
        while cursor < len(blocks) and len(title_lines) < _TITLE_MAX_LINES:
            block = blocks[cursor]
            text = tidy(block.text)
            # The line under the type is the title even when it opens like a basis
            # ("Triển khai thực hiện ...").
            if block.is_table or (title_lines and _is_body_start(text)) or heading_of(text):
                break
            if len(text.split()) > _TITLE_LINE_MAX_WORDS:
                break
            cursor += 1
            if is_rule(text) and title_lines:
                break
            if text and not is_rule(text):
                title_lines.append(text)
    else:
        cursor = 0
        while cursor < len(blocks) and not blocks[cursor].is_table:
            if _is_body_start(blocks[cursor].text) or not _is_header_like(blocks[cursor].text):
                break
            cursor += 1
        header = [b.text for b in blocks[:cursor]]
    end = _footer_start(blocks, cursor)
    return _Layout(
        header=header,
        doc_type=doc_type,
        title=" ".join(title_lines).strip(" :") or None,
        body=blocks[cursor:end],
        footer=[b.text for b in blocks[end:] if not b.is_table],
    )


def _preamble(roots: list[Section]) -> tuple[list[str], list[Section]]:
    if roots and roots[0].kind == "preamble":
        return roots[0].lines, roots[1:]
    return [], roots


def _resolution(title: str | None, bases: list[dict]) -> str:
    for text in [title or "", *(b["text"] for b in bases)]:
        match = _RESOLUTION.search(text)
        if match:
            return match[1]
    return ""


def _undecorated(blocks: Iterable[Block]) -> list[Block]:
    """Emphasis typed as `**KẾ HOẠCH**` or `## I. MỤC TIÊU` read as the words it marks."""
    return [b if b.is_table else Block(text=strip_decoration(b.text)) for b in blocks]


def parse(
    blocks: Iterable[Block], audience_groups: Iterable[AudienceGroupSpec] | None = None
) -> ParsedPlan:
    blocks = _undecorated(blocks)
    layout = _layout(blocks)
    header = read_header(layout.header)
    footer = read_footer(layout.footer)
    roots = build_tree(layout.body)
    preamble_lines, numbered = _preamble(roots)
    bases, other_preamble = read_bases(preamble_lines)
    if other_preamble or header.extra:
        roots = [Section("preamble", None, "", lines=header.extra + other_preamble), *numbered]
    else:
        roots = numbered
    if footer.extra and roots:
        roots[-1].lines.extend(footer.extra)
    year = int(header.date[:4]) if header.date else None
    reader = TargetReader(AudienceMatcher(audience_groups or default_audience_groups()), year)
    phases, targets = reader.phases_and_targets(numbered)
    purposes, requirements = purposes_and_requirements(numbered)
    table_tasks = tasks_from_tables(roots)
    title = layout.title
    structure = {
        "document": {
            "type": layout.doc_type,
            "number": header.number,
            "issuer": header.issuer,
            "place": header.place,
            "date": header.date,
            "title": title,
        },
        "legal_bases": bases,
        "sections": [section.as_dict() for section in roots],
        "phases": phases,
        "targets": targets,
        "tasks": tasks_from_sections(numbered, bool(table_tasks)) + table_tasks,
        "responsibilities": responsibilities(numbered),
        "funding": funding(numbered),
        "recipients": footer.recipients,
        "signature": {"authority": footer.authority, "title": footer.title, "name": footer.name},
    }
    return ParsedPlan(
        structure=structure,
        warnings=_warnings(structure, bool(numbered)),
        parent_issuer=header.parent_issuer,
        resolution=_resolution(title, bases),
        purposes=purposes,
        requirements=requirements,
        text="\n".join(_texts(blocks)).strip(),
    )


def _warnings(structure: dict, has_headings: bool) -> list[str]:
    warnings = []
    if not has_headings:
        warnings.append(
            _(
                "Không nhận ra đề mục nào (I., 1., a)...); toàn bộ nội dung được giữ nguyên "
                "dưới dạng văn bản, hãy kiểm tra và nhập các mục cần thiết."
            )
        )
    if not structure["document"]["title"]:
        warnings.append(_("Không tìm thấy loại văn bản và trích yếu (ví dụ “KẾ HOẠCH ...”)."))
    if has_headings and not structure["tasks"]:
        warnings.append(_("Không tìm thấy mục nhiệm vụ, giải pháp."))
    if has_headings and not structure["targets"]:
        warnings.append(_("Không tìm thấy mục tiêu, chỉ tiêu."))
    return warnings


def default_audience_groups() -> list[AudienceGroupSpec]:
    return [
        AudienceGroupSpec(code, (name, *aliases)) for code, name, aliases in DEFAULT_AUDIENCE_GROUPS
    ]
