"""Readers of plan documents, one module per source format.

A reader module declares `KINDS`, the file kinds `common.uploads.detect_kind` reports that it
reads (`("txt",)`), and exposes `read(data: bytes) -> list[Block]`; `parser.parse` turns the
blocks of any reader into the plan's structure. Adding a format means adding a module here.

A plan is a few pages: a 19 MB text file once took 110 s and 3 GB to parse, and a damaged
Word file a traceback. So the blocks are capped and whatever a reader raises on a hostile file
becomes a message.
"""

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import cache

from django.utils.translation import gettext as _

from common.uploads import UploadRejected

# A long plan with its annexes is under 3,000 lines; ten times that is no plan.
MAX_BLOCKS = 30_000


@dataclass
class Block:
    """A paragraph (`text`, one line as written) or a table (`rows` of cell texts)."""

    text: str = ""
    rows: list[list[str]] = field(default_factory=list)

    @property
    def is_table(self) -> bool:
        return bool(self.rows)


@cache
def readers() -> dict:
    found = {}
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for kind in getattr(module, "KINDS", ()):
            found[kind] = module
    return found


def supported_kinds() -> set[str]:
    return set(readers())


def read_blocks(data: bytes, kind: str) -> list[Block]:
    reader = readers()[kind]
    limit = getattr(reader, "MAX_BYTES", None)
    if limit and len(data) > limit:
        raise UploadRejected(
            _("Tệp quá dài cho một kế hoạch (%(size)s MB); giới hạn là %(limit)s MB.")
            % {"size": round(len(data) / 1024 / 1024, 1), "limit": round(limit / 1024 / 1024)}
        )
    try:
        blocks = reader.read(data)
    except UploadRejected:
        raise
    except Exception as error:  # lxml, zipfile and python-docx each raise their own kinds
        raise UploadRejected(
            _("Không đọc được tệp kế hoạch: tệp bị hỏng hoặc có cấu trúc bất thường.")
        ) from error
    if len(blocks) > MAX_BLOCKS:
        raise UploadRejected(
            _("Tệp có hơn %(n)s dòng, quá dài cho một kế hoạch.")
            % {"n": f"{MAX_BLOCKS:,}".replace(",", ".")}
        )
    return blocks
