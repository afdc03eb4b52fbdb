import datetime as dt
import io
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from indicators.tests.support import build_dataset
from plans.models import Plan
from reports import services
from reports.compose import ward_report_document
from reports.documents import docx
from reports.models import ScheduleKind, WardReport
from reports.tests.support import make_schedule
from units.models import UnitKind

pytestmark = pytest.mark.django_db


def _export(tmp_path, fmt="docx", **options) -> tuple[bytes, str]:
    out = tmp_path / f"bao-cao.{fmt}"
    printed = StringIO()
    call_command("export_report", format=fmt, out=str(out), stdout=printed, **options)
    return out.read_bytes(), printed.getvalue()


def _grid_tables(data: bytes) -> list[list[list[str]]]:
    opened = Document(io.BytesIO(data))
    return [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in opened.tables
        if table.style.name == "Table Grid"
    ]


@pytest.fixture
def year_schedule(world):
    data = build_dataset(world)
    schedule = services.schedule_create(
        actor=world.user("coordinator"),
        plan=data.plan,
        name="Báo cáo năm",
        kind=ScheduleKind.YEAR,
        working_days=3,
        unit_kinds=[UnitKind.SCHOOL],
    )
    return data, schedule


def test_it_writes_the_same_document_as_the_page(client, world, tmp_path, year_schedule):
    data, schedule = year_schedule
    client.force_login(world.user("coordinator"))
    client.post(
        reverse("reports:ward_report_list"),
        {"schedule": schedule.pk, "period_code": data.period.code, "issued_on": "2026-12-20"},
    )
    report = WardReport.objects.get()
    from_page = client.get(reverse("reports:ward_report_export", args=[report.pk, "docx"]))
    written, printed = _export(tmp_path, unit=world.ward.code, period=data.period.code)
    assert _grid_tables(written) == _grid_tables(from_page.content)
    assert report.number_text in printed
    texts = [p.text for p in Document(io.BytesIO(written)).paragraphs]
    assert report.subject in texts

    sheet_page = load_workbook(
        io.BytesIO(
            client.get(reverse("reports:ward_report_export", args=[report.pk, "xlsx"])).content
        )
    )
    sheet_command = load_workbook(
        io.BytesIO(_export(tmp_path, "xlsx", unit="20017", period=data.period.code)[0])
    )
    assert sheet_page.sheetnames == sheet_command.sheetnames
    for name in sheet_page.sheetnames:
        page_rows = list(sheet_page[name].iter_rows(values_only=True))
        assert page_rows == list(sheet_command[name].iter_rows(values_only=True))


def test_without_a_ward_report_it_prints_the_compiled_one_and_saves_nothing(
    world, tmp_path, year_schedule
):
    data, schedule = year_schedule
    written, printed = _export(tmp_path, unit=world.ward.code, period=data.period.code)
    assert not WardReport.objects.exists()
    assert "chưa lưu" in printed and "01/BC-UBND" in printed
    # The same figures the page would compile on creation.
    built = services.ward_report_create(
        actor=world.user("coordinator"),
        schedule=schedule,
        period_code=data.period.code,
        issued_on=dt.date.today(),
    )
    assert built.number == 1  # the command took no number
    assert _grid_tables(written) == _grid_tables(docx.render(ward_report_document(report=built)))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"unit": "99999", "period": "2026-H1"}, "Không có đơn vị mã “99999”"),
        ({"unit": "20017", "period": "2026-H3"}, "không hợp lệ"),
        ({"unit": "20017", "period": "2026-13"}, "tháng phải từ 01 đến 12"),
    ],
)
def test_it_names_an_unknown_unit_or_a_bad_period(world, tmp_path, options, message):
    make_schedule(world)
    with pytest.raises(CommandError, match=message):
        _export(tmp_path, **options)


def test_it_says_when_the_ward_has_no_plan(world, tmp_path):
    with pytest.raises(CommandError, match="chưa có kế hoạch nào"):
        _export(tmp_path, unit=world.ward.code, period="2026-H1")


def test_it_says_when_no_schedule_asks_for_the_period(world, tmp_path):
    make_schedule(world)  # a 6-month schedule; a quarter is asked for
    with pytest.raises(CommandError, match="chưa có lịch báo cáo nào cho kỳ “2026-Q1”"):
        _export(tmp_path, unit=world.ward.code, period="2026-Q1")


def test_a_units_code_points_to_its_wards(world, tmp_path):
    make_schedule(world)
    with pytest.raises(CommandError, match="xuất theo mã phường: 20017"):
        _export(tmp_path, unit=world.school.code, period="2026-H1")


def test_two_schedules_for_one_period_ask_which(world, tmp_path):
    schedule = make_schedule(world)
    services.schedule_create(
        actor=world.user("coordinator"),
        plan=Plan.objects.get(pk=schedule.plan_id),
        name="Báo cáo 6 tháng (chuyên đề)",
        kind=ScheduleKind.HALF_YEAR,
        working_days=5,
        unit_kinds=[UnitKind.SCHOOL],
    )
    with pytest.raises(CommandError, match="--schedule"):
        _export(tmp_path, unit=world.ward.code, period="2026-H1")
    written, _printed = _export(
        tmp_path, unit=world.ward.code, period="2026-H1", schedule=schedule.pk
    )
    assert written.startswith(b"PK")
