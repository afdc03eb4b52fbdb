"""Plain-text plans (.txt): any line ends, UTF-8 or the Windows Vietnamese code page.

Tables typed as text (cells split by `|` or tabs) become table blocks when their first row is
a task table header, so an appendix pasted from Word is read like the .docx one.
"""

import re

from common.text import nfc
from plans.importers import Block
from plans.importers.tables import is_task_header

_CELL_SPLIT = re.compile(r"\s*\|\s*|\t+")

KINDS = ("txt",)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _cells(line: str) -> list[str]:
    return [cell for cell in _CELL_SPLIT.split(line.strip().strip("|")) if cell is not None]


def _looks_tabular(line: str) -> bool:
    return line.count("|") >= 2 or line.count("\t") >= 2


def read(data: bytes) -> list[Block]:
    text = nfc(_decode(data)).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = text.split("\n")
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _looks_tabular(line) and is_task_header(_cells(line)):
            rows = []
            while index < len(lines) and _looks_tabular(lines[index]):
                if not set(lines[index].strip()) <= set("|-+: \t"):
                    rows.append(_cells(lines[index]))
                index += 1
            blocks.append(Block(rows=rows))
            continue
        blocks.append(Block(text=line))
        index += 1
    return blocks
