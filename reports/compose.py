"""The ward report as document content: its text, the figures snapshot, difficulties and who
reported, handed to any format in reports/documents/."""

import re

from django.utils import timezone
from django.utils.translation import gettext as _

from common.formatting import format_date
from reports.documents.content import (
    ColumnFormat,
    FigureTable,
    OfficialDocument,
    Paragraph,
    ParagraphKind,
)
from reports.figures import figure_tables
from reports.models import WardReport
from reports.selectors import difficulties_open, period_completeness
from reports.services import ward_settings_get

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


def _difficulties_table(report: WardReport) -> FigureTable:
    rows = [
        [index, d.unit.name, d.text, d.get_status_display()]
        for index, d in enumerate(difficulties_open(ward=report.ward), start=1)
    ]
    return FigureTable(
        title=_("Khó khăn, vướng mắc chưa được giải quyết"),
        columns=[_("STT"), _("Đơn vị"), _("Nội dung"), _("Tình trạng")],
        rows=rows,
        formats=[ColumnFormat.INTEGER],
    )


def _submissions_table(report: WardReport) -> FigureTable:
    standings = period_completeness(schedule=report.schedule, period_code=report.period_code)
    rows = []
    for index, standing in enumerate(standings, start=1):
        sent = standing.report.first_submitted_at if standing.report else None
        rows.append(
            [
                index,
                standing.unit.name,
                standing.report.get_status_display() if standing.report else _("Chưa có"),
                standing.timeliness_label,
                format_date(timezone.localdate(sent)) if sent else "",
            ]
        )
    return FigureTable(
        title=_("Tình hình gửi báo cáo của các đơn vị"),
        columns=[_("STT"), _("Đơn vị"), _("Trạng thái"), _("Thời hạn"), _("Ngày gửi")],
        rows=rows,
        formats=[ColumnFormat.INTEGER],
    )


def ward_report_document(*, report: WardReport) -> OfficialDocument:
    settings = ward_settings_get(ward=report.ward)
    figures = [FigureTable.from_dict(t) for t in figure_tables(report.figures)]
    annex = [_submissions_table(report)]
    difficulties = _difficulties_table(report)
    if difficulties.rows:
        annex.append(difficulties)
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
