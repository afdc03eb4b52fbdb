"""Plain-text plans (.txt): any line ends, UTF-8 or the Windows Vietnamese code page.

Tables typed as text (cells split by `|` or tabs) become table blocks when their first row is
a task table header (plans.importers.tables.group_typed_tables).
"""

from common.text import nfc
from plans.importers import Block
from plans.importers.tables import group_typed_tables

KINDS = ("txt",)
MAX_BYTES = 2 * 1024 * 1024


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def read(data: bytes) -> list[Block]:
    text = nfc(_decode(data)).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return group_typed_tables([Block(text=line) for line in text.split("\n")])
