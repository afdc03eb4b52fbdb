"""Recognising the task appendix table (`STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp |
Thời gian`) by its header, whatever the column order or wording."""

import re

from plans.importers import Block
from plans.textkeys import key

_CELL_SPLIT = re.compile(r"\s*\|\s*|\t+")

# Column role → words a header cell of that column contains (search keys).
# Checked in this order: "Thời gian thực hiện" is a timing column, not a lead column.
_COLUMNS = {
    "number": ("stt", "so tt", "tt"),
    "timing": ("thoi gian", "tien do", "thoi han"),
    "cooperating": ("phoi hop",),
    "content": ("noi dung", "nhiem vu", "ten hoat dong", "hoat dong", "cong viec"),
    "lead": ("chu tri", "thuc hien", "phu trach"),
    "result": ("san pham", "ket qua"),
}


def _has_word(text: str, word: str) -> bool:
    return f" {text} ".find(f" {word} ") >= 0


def column_roles(header: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, cell in enumerate(header):
        cell_key = key(cell)
        for role, words in _COLUMNS.items():
            if role in roles:
                continue
            if any(_has_word(cell_key, word) for word in words):
                roles[role] = index
                break
    return roles


def is_task_header(header: list[str]) -> bool:
    roles = column_roles(header)
    return "content" in roles and ("lead" in roles or "cooperating" in roles)


def _cells(line: str) -> list[str]:
    return _CELL_SPLIT.split(line.strip().strip("|"))


def _looks_tabular(block: Block) -> bool:
    return not block.is_table and (block.text.count("|") >= 2 or block.text.count("\t") >= 2)


def _is_rule_row(text: str) -> bool:
    return set(text.strip()) <= set("|-+: \t")


def group_typed_tables(blocks: list[Block]) -> list[Block]:
    """Runs of lines typed as a task table (`| STT | Nội dung | ... |`) made table blocks."""
    grouped: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if _looks_tabular(block) and is_task_header(_cells(block.text)):
            rows = []
            while index < len(blocks) and _looks_tabular(blocks[index]):
                if not _is_rule_row(blocks[index].text):
                    rows.append(_cells(blocks[index].text))
                index += 1
            grouped.append(Block(rows=rows))
            continue
        grouped.append(block)
        index += 1
    return grouped
