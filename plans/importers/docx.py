"""Word plans (.docx) through python-docx: paragraphs and tables in document order.

Layout tables (the two-column header with issuer and national motto, the footer with
recipients and signer) are read column by column, so they come out as the lines a typed
plan would have; a task table keeps its rows; any other table is kept row by row as text.
"""

import io

from docx import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from common.text import nfc
from plans.importers import Block
from plans.importers.tables import group_typed_tables, is_task_header

# A table this small with two columns is page layout, not data.
_LAYOUT_MAX_ROWS = 4

KINDS = ("docx",)
MAX_BYTES = 20 * 1024 * 1024


def _cell_lines(cell) -> list[str]:
    lines = []
    for paragraph in cell.paragraphs:
        lines.extend(nfc(paragraph.text).replace("\u00a0", " ").split("\n"))
    return lines


def _unique_cells(row) -> list:
    # A merged cell is returned once per grid column it spans.
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(cell)
    return cells


def _table_blocks(table: Table) -> list[Block]:
    rows = [_unique_cells(row) for row in table.rows]
    if not rows:
        return []
    texts = [[" ".join(_cell_lines(cell)).strip() for cell in row] for row in rows]
    if is_task_header(texts[0]):
        return [Block(rows=texts)]
    widths = {len(row) for row in rows}
    if widths <= {1, 2} and len(rows) <= _LAYOUT_MAX_ROWS:
        columns = max(widths)
        return [
            Block(text=line)
            for column in range(columns)
            for row in rows
            if column < len(row)
            for line in _cell_lines(row[column])
        ]
    return [Block(text=" | ".join(cell for cell in row if cell)) for row in texts]


def read(data: bytes) -> list[Block]:
    document = Document(io.BytesIO(data))
    blocks: list[Block] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = nfc(Paragraph(child, document).text).replace("\u00a0", " ")
            blocks.extend(Block(text=line) for line in text.split("\n"))
        elif tag == "tbl":
            blocks.extend(_table_blocks(Table(child, document)))
    return group_typed_tables(blocks)
