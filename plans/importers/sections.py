"""The body of a plan as a tree of numbered sections, whatever numbering it uses.

Levels are learnt from the document: the first kind of numbering met is the top level, a new
kind opens a level below, a kind already open closes the levels under it. A numbered line is
taken as a heading only when its number follows its siblings' (so `1. Mục đích.` followed by
`1. Làm cho ...` makes the second an item of the first) and it reads like a title; everything
else is text of the section it stands in, never dropped.
"""

from dataclasses import dataclass, field

from plans.importers import Block
from plans.importers.headings import Heading, follows, heading_of
from plans.textkeys import key, tidy

# A numbered line longer than this, or ending like a clause, is an item, not a title.
_TITLE_MAX_WORDS = 30
_ITEM_TITLE_MAX_WORDS = 6
# "1. Mục đích: Tuyên truyền ..." carries its title and its first text on one line.
_INLINE_TITLE_MAX_WORDS = 10
_CLOSING = ("tren day la", "tren day la ke hoach")


@dataclass
class Section:
    kind: str
    number: str | None
    title: str
    lines: list[str] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    item_kind: str | None = None

    @property
    def text(self) -> str:
        rows = [" | ".join(c for c in row if c) for table in self.tables for row in table]
        return "\n".join(self.lines + rows)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def as_dict(self) -> dict:
        return {
            "number": self.number,
            "title": self.title,
            "text": self.text,
            "children": [child.as_dict() for child in self.children],
        }


def clean_title(text: str) -> str:
    return tidy(text).rstrip(":.;,").strip()


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _split_inline(rest: str) -> tuple[str, str]:
    """(title, text) of `Mục đích: Tuyên truyền ...`; no text when the line is all title."""
    if ":" in rest:
        title, text = rest.split(":", 1)
        if text.strip() and len(title.split()) <= _INLINE_TITLE_MAX_WORDS:
            return clean_title(title), tidy(text)
    return clean_title(rest), ""


def _reads_like_title(rest: str, limit: int) -> bool:
    text = tidy(rest)
    if _is_caps(text):
        return True
    title, _text = _split_inline(text)
    return len(title.split()) <= limit and not text.endswith((";", ","))


class TreeBuilder:
    def __init__(self) -> None:
        self.roots: list[Section] = []
        self.stack: list[Section] = []

    @property
    def current(self) -> Section | None:
        return self.stack[-1] if self.stack else None

    def add_block(self, block: Block) -> None:
        if block.is_table:
            target = self.current or self._preamble()
            target.tables.append(block.rows)
            return
        text = tidy(block.text)
        if not text:
            return
        if key(text).startswith(_CLOSING):
            # "Trên đây là Kế hoạch ..." closes the whole body, not its last sub-section.
            if self.stack:
                del self.stack[1:]
            (self.current or self._preamble()).lines.append(text)
            return
        heading = heading_of(text)
        if heading and self._accepts(heading):
            self._open(heading)
        else:
            (self.current or self._preamble()).lines.append(text)

    def _preamble(self) -> Section:
        if not self.roots or self.roots[0].kind != "preamble":
            self.roots.insert(0, Section("preamble", None, ""))
        return self.roots[0]

    def _level_of(self, kind: str) -> int | None:
        for index, section in enumerate(self.stack):
            if section.kind == kind:
                return index
        return None

    def _previous_sibling(self, level: int | None) -> Section | None:
        if level is None:
            return None
        return self.stack[level]

    def _accepts(self, heading: Heading) -> bool:
        caps = _is_caps(heading.rest)
        level = self._level_of(heading.kind)
        if not self.stack:
            return caps or _reads_like_title(heading.rest, _TITLE_MAX_WORDS)
        previous = self._previous_sibling(level)
        in_sequence = follows(heading.kind, previous.number if previous else None, heading.number)
        if level is not None and caps and heading.kind == "roman":
            return True
        if not in_sequence:
            if level is not None:
                self.current.item_kind = heading.kind
            return False
        limit = _TITLE_MAX_WORDS
        if self.current.item_kind == heading.kind:
            # Items numbered like sections are under way: only a short title breaks out.
            limit = _ITEM_TITLE_MAX_WORDS
        return caps or _reads_like_title(heading.rest, limit)

    def _open(self, heading: Heading) -> None:
        level = self._level_of(heading.kind)
        if level is not None:
            del self.stack[level:]
        title, text = _split_inline(heading.rest)
        section = Section(heading.kind, heading.number, title, lines=[text] if text else [])
        if self.stack:
            self.stack[-1].children.append(section)
        else:
            self.roots.append(section)
        self.stack.append(section)


def build_tree(blocks: list[Block]) -> list[Section]:
    builder = TreeBuilder()
    for block in blocks:
        builder.add_block(block)
    return builder.roots
