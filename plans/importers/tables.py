"""Recognising the task appendix table (`STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp |
Thời gian`) by its header, whatever the column order or wording."""

from plans.textkeys import key

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
