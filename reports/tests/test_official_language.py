"""A coordinator who reads the interface in English still files a Vietnamese report."""

import io

import pytest
from django.utils import translation
from docx import Document

from indicators.tests.support import build_dataset
from reports import services
from reports.compose import ward_report_document
from reports.documents import docx
from reports.models import ScheduleKind
from units.models import UnitKind

pytestmark = pytest.mark.django_db


def test_a_report_made_from_the_english_interface_is_vietnamese(world):
    data = build_dataset(world)
    coordinator = world.user("coordinator")
    with translation.override("en"):
        schedule = services.schedule_create(
            actor=coordinator,
            plan=data.plan,
            name="Báo cáo năm",
            kind=ScheduleKind.YEAR,
            working_days=3,
            unit_kinds=[UnitKind.SCHOOL],
        )
        report = services.ward_report_create(
            actor=coordinator,
            schedule=schedule,
            period_code=data.period.code,
            issued_on=data.period.window.end,
        )
        document = Document(io.BytesIO(docx.render(ward_report_document(report=report))))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    titles = [table["title"] for table in report.figures["tables"]]
    assert "Tỉ lệ được phổ biến theo nhóm đối tượng" in titles
    assert not any("Briefing" in title for title in titles)
    assert "năm" in report.subject and "year" not in report.subject.lower()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Nơi nhận:" in text
