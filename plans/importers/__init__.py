"""Readers of plan documents, one module per source format.

A reader module declares `KINDS`, the file kinds `common.uploads.detect_kind` reports that it
reads (`("txt",)`), and exposes `read(data: bytes) -> list[Block]`; `parser.parse` turns the
blocks of any reader into the plan's structure. Adding a format means adding a module here.
"""

import importlib
import pkgutil
from dataclasses import dataclass, field
from functools import cache


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
    return readers()[kind].read(data)
