"""The ward report as document content: its text and the indicators' tables of its figures
snapshot (coverage, activities, training, who reported, open difficulties), handed to any
format in reports/documents/. Every number comes from the snapshot; none is counted here."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext

from common.i18n import in_official_language
from reports.documents.cells import cell_text
from reports.documents.content import (
    ColumnFormat,
    FigureTable,
    OfficialDocument,
    Paragraph,
    ParagraphKind,
)
from reports.figures import figure_tables
from reports.models import WardReport
from reports.services import ward_settings_read

_HEADING = re.compile(r"^[IVXLC]+\.\s")
_ITEM = re.compile(r"^\d+\.\s")
_ITEM_MAX_LENGTH = 120


def narrative_blocks(narrative: str) -> list[Paragraph]:
    blocks = []
    for line in narrative.splitlines():
        text = line.strip()
        if not text:
            continue
        if _HEADING.match(text):
            kind = ParagraphKind.HEADING
        elif _ITEM.match(text) and len(text) <= _ITEM_MAX_LENGTH:
            kind = ParagraphKind.ITEM
        else:
            kind = ParagraphKind.TEXT
        blocks.append(Paragraph(text, kind))
    return blocks


def _with_tables(blocks: list[Paragraph], tables: list[FigureTable]) -> list:
    """Figure tables go at the end of part I (results), before part II begins."""
    headings = [i for i, b in enumerate(blocks) if b.kind == ParagraphKind.HEADING]
    at = headings[1] if len(headings) > 1 else len(blocks)
    return blocks[:at] + tables + blocks[at:]


# Which of the indicators' tables the ward report carries, by key: the figures of part I in
# the body, the rest in the annex.
BODY_TABLES = ("coverage_by_group", "coverage_by_unit", "activities_by_channel", "trained_by_unit")
ANNEX_TABLES = ("targets", "reports_by_unit", "reports_detail", "difficulties_open")


def tables_by_key(figures: dict, keys: tuple[str, ...]) -> list[FigureTable]:
    found = {table.get("key"): table for table in figure_tables(figures)}
    return [FigureTable.from_dict(found[key]) for key in keys if key in found]


def figures_tables(figures) -> dict:
    """Live indicator figures in the snapshot's shape."""
    return {"tables": [table.as_dict() for table in figures.tables]}


# What a unit's report page shows of its figures snapshot.
UNIT_REPORT_TABLES = (*BODY_TABLES, "targets")


@dataclass
class ShownTable:
    title: str
    columns: list[str]
    rows: list[list[tuple[str, bool]]]  # (text, is a number)


def _in_interface_language(text: str) -> str:
    """A snapshot keeps its labels in the official language, which is the catalog's source
    language, so the Vietnamese label is its own msgid; what the ward typed (unit names,
    targets) has no entry and comes back unchanged. An empty cell must not reach gettext,
    which answers "" with the catalog's header."""
    return gettext(text) if text else text


def shown_tables(figures: dict, keys: tuple[str, ...]) -> list[ShownTable]:
    """Tables of a snapshot as a page prints them: titles, headers and labels in the
    interface language, numbers the Vietnamese way as in the documents."""
    shown = []
    for table in tables_by_key(figures, keys):
        rows = []
        for row in table.rows:
            cells = []
            for index, value in enumerate(row):
                column_format = table.format_of(index, value)
                text = cell_text(value, column_format)
                if column_format == ColumnFormat.TEXT:
                    cells.append((_in_interface_language(text), False))
                else:
                    cells.append((text, True))
            rows.append(cells)
        columns = [_in_interface_language(column) for column in table.columns]
        shown.append(ShownTable(_in_interface_language(table.title), columns, rows))
    return shown


@in_official_language
def ward_report_document(*, report: WardReport) -> OfficialDocument:
    settings = ward_settings_read(ward=report.ward)
    figures = tables_by_key(report.figures, BODY_TABLES)
    annex = tables_by_key(report.figures, ANNEX_TABLES)
    return OfficialDocument(
        parent_body=settings.parent_body,
        issuing_body=[line for line in settings.issuing_body.splitlines() if line.strip()],
        number_text=report.number_text,
        place=report.place,
        issued_on=report.issued_on,
        doc_type="BÁO CÁO",
        subject=report.subject,
        body=_with_tables(narrative_blocks(report.narrative), figures),
        recipients=[line for line in report.recipients.splitlines() if line.strip()],
        archive_line=settings.archive_line,
        signer_authority=[line for line in report.signer_authority.splitlines() if line.strip()],
        signer_title=report.signer_title,
        signer_name=report.signer_name,
        annex_tables=annex,
    )
