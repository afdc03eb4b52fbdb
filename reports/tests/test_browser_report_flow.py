"""From an activity to the ward's signed-ready report, in the browser: the focal point logs an
activity and submits the school's report, the coordinator returns it with a comment, the
focal point fixes and resubmits, the coordinator accepts and exports the ward report, and the
downloaded .docx carries the indicators' figures."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.utils import timezone
from docx import Document

from accounts.tests.support import browser_login
from activities.services import channels_seed
from common.periods import PeriodKind, period_of_day
from reports.compose import ANNEX_TABLES, BODY_TABLES, tables_by_key
from reports.documents.cells import cell_text
from reports.figures import unit_figures
from reports.models import ReportStatus, ScheduleKind, UnitReport
from reports.tests.support import make_schedule

pytestmark = pytest.mark.browser


def _as_text(table) -> list[list[str]]:
    rows = [[cell_text(v, table.format_of(i, v)) for i, v in enumerate(row)] for row in table.rows]
    return [list(table.columns), *rows]


def _log_in(page, name: str) -> None:
    page.context.clear_cookies()
    browser_login(page, name)


def test_from_an_activity_to_the_ward_report(page, world, tmp_path: Path):
    channels_seed(ward=world.ward)
    schedule = make_schedule(world, kind=ScheduleKind.QUARTER)
    held = timezone.localdate() - dt.timedelta(days=1)
    period = period_of_day(kind=PeriodKind.QUARTER, day=held)

    # The focal point logs the school's conference, then reports on the quarter.
    _log_in(page, "focal")
    page.goto(page.base_url + "/hoat-dong/them/")
    page.get_by_label("Tên hoạt động").fill("Hội nghị quán triệt Nghị quyết 71")
    page.get_by_label("Thời gian").fill(f"{held:%Y-%m-%d}T08:00")
    page.get_by_label("Hình thức").select_option(label="Hội nghị")
    page.get_by_label("Kế hoạch", exact=True).select_option(label=str(schedule.plan))
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.wait_for_url("**/hoat-dong/*/")

    page.goto(page.base_url + "/bao-cao/")
    row = page.locator("tr", has_text=period.label)
    row.get_by_role("button", name="Lập báo cáo").click()
    page.wait_for_url("**/bao-cao/don-vi/*/")
    figures = page.locator("table", has_text="Số hoạt động theo hình thức và tháng")
    assert figures.locator("tr", has_text="Hội nghị").count() == 1
    page.get_by_label("Kết quả thực hiện").fill("Tổ chức 1 hội nghị quán triệt.")
    page.get_by_role("button", name="Gửi báo cáo").click()
    assert page.locator("#report-status").inner_text() == "Đã gửi, chờ duyệt"
    report = UnitReport.objects.get(unit=world.school, period_code=period.code)
    report_url = page.url

    # The coordinator returns it with a comment.
    _log_in(page, "coordinator")
    page.goto(page.base_url + "/bao-cao/cho-duyet/")
    page.get_by_role("link", name=world.school.name).click()
    page.get_by_label("Ý kiến", exact=True).fill("Ghi rõ số người tham dự.")
    page.get_by_role("button", name="Trả lại để sửa").click()
    assert page.locator("#report-status").inner_text() == "Bị trả lại để sửa"

    # The focal point reads the comment, fixes and resubmits.
    _log_in(page, "focal")
    page.goto(report_url)
    assert "Ghi rõ số người tham dự." in page.get_by_role("status").first.inner_text()
    page.get_by_label("Kết quả thực hiện").fill("Tổ chức 1 hội nghị quán triệt, 25 giáo viên dự.")
    page.get_by_role("button", name="Gửi báo cáo").click()
    assert page.locator("#report-status").inner_text() == "Đã gửi, chờ duyệt"

    # The coordinator accepts, makes the ward report and downloads it.
    _log_in(page, "coordinator")
    page.goto(report_url)
    page.get_by_role("button", name="Chấp nhận").click()
    assert page.locator("#report-status").inner_text() == "Đã chấp nhận"
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    assert report.versions.count() == 4  # submit, return, submit, accept

    page.goto(page.base_url + "/bao-cao/phuong/")
    page.get_by_label("Lịch báo cáo").select_option(label=schedule.name)
    page.get_by_label("Kỳ báo cáo").fill(period.code)
    page.get_by_label("Ngày ban hành").fill(f"{timezone.localdate():%Y-%m-%d}")
    page.get_by_role("button", name="Lập báo cáo").click()
    page.wait_for_url("**/bao-cao/phuong/*/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải Word (.docx)").click()
    saved = tmp_path / "bao-cao.docx"
    download.value.save_as(saved)

    opened = Document(io.BytesIO(saved.read_bytes()))
    text = "\n".join(p.text for p in opened.paragraphs)
    assert "Tổ chức 1 hội nghị quán triệt, 25 giáo viên dự." in text
    grids = [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in opened.tables
        if table.style.name == "Table Grid"
    ]
    expected = unit_figures(world.ward, schedule.plan, period.window)
    wanted = [_as_text(t) for t in tables_by_key(expected, BODY_TABLES + ANNEX_TABLES)]
    assert grids == wanted
    by_channel = next(g for g in grids if g[0][0] == "Hình thức")
    assert by_channel[1][0] == "Hội nghị" and by_channel[1][-1] == "1"
