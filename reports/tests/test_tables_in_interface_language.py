"""The English interface shows a report's figure tables in English: the report and ward report
pages printed the snapshot's Vietnamese titles, headers and labels. The documents themselves
stay Vietnamese (test_official_language)."""

import io

import pytest
from django.urls import reverse
from docx import Document

from indicators.tests.support import build_dataset
from reports import services
from reports.compose import ward_report_document
from reports.documents import docx
from reports.models import ScheduleKind
from units.models import UnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(world):
    data = build_dataset(world)
    coordinator, focal = world.user("coordinator"), world.user("focal")
    schedule = services.schedule_create(
        actor=coordinator,
        plan=data.plan,
        name="Báo cáo năm",
        kind=ScheduleKind.YEAR,
        working_days=3,
        unit_kinds=[UnitKind.SCHOOL],
    )
    report = services.unit_report_open(
        actor=focal, schedule=schedule, period_code=data.period.code, unit=world.school
    )
    ward_report = services.ward_report_create(
        actor=coordinator,
        schedule=schedule,
        period_code=data.period.code,
        issued_on=data.period.cut_off,
    )
    return report, ward_report


def _in_english(client, user, url) -> str:
    client.force_login(user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client.get(url).content.decode()


def test_a_units_report_page_shows_its_tables_in_english(client, world, made):
    report, _ward_report = made
    html = _in_english(
        client, world.user("focal"), reverse("reports:report_detail", args=[report.pk])
    )
    assert "Briefing rate by audience group" in html
    assert "Progress against targets" in html
    assert "Đúng tiến độ" not in html and "Chậm tiến độ" not in html
    assert ">Total<" in html
    assert "Tỉ lệ được phổ biến theo nhóm đối tượng" not in html
    assert "Tổng cộng" not in html
    assert world.school.name in html  # data stays as the ward typed it


def test_the_ward_report_page_shows_its_tables_in_english_and_the_file_stays_vietnamese(
    client, world, made
):
    _report, ward_report = made
    html = _in_english(
        client,
        world.user("coordinator"),
        reverse("reports:ward_report_edit", args=[ward_report.pk]),
    )
    assert "Briefing rate by unit" in html and "Tỉ lệ được phổ biến theo đơn vị" not in html
    document = Document(io.BytesIO(docx.render(ward_report_document(report=ward_report))))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert "Tổng cộng" in cells and "Total" not in cells
