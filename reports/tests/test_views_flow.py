import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document

from reports import services
from reports.documents import pdf
from reports.models import ReportStatus, ScheduleKind, WardReport
from reports.tests.support import make_schedule

pytestmark = pytest.mark.django_db

NARRATIVE = {
    "results": "Tổ chức 2 hội nghị quán triệt.",
    "strengths": "",
    "shortcomings": "",
    "next_tasks": "",
    "proposals": "",
}


def _status(report) -> str:
    report.refresh_from_db()
    return report.status


def test_it_runs_the_review_cycle_through_the_pages(client, world):
    schedule = make_schedule(world)
    focal, coordinator = world.user("focal"), world.user("coordinator")
    client.force_login(focal)
    page = client.get(reverse("reports:my_reports"))
    assert schedule.name in page.content.decode()
    response = client.post(
        reverse("reports:report_open"),
        {"schedule": schedule.pk, "period_code": "2026-H1", "unit": world.school.pk},
    )
    report = schedule.unit_reports.get(unit=world.school)
    assert response.url == reverse("reports:report_detail", args=[report.pk])
    detail = reverse("reports:report_detail", args=[report.pk])
    client.post(detail, {**NARRATIVE, "submit": "1"})
    assert _status(report) == ReportStatus.SUBMITTED

    client.force_login(coordinator)
    assert report.unit.name in client.get(reverse("reports:review_queue")).content.decode()
    review = reverse("reports:report_review", args=[report.pk])
    client.post(review, {"action": "return", "comment": "Ghi rõ số người dự."})
    assert _status(report) == ReportStatus.RETURNED

    client.force_login(focal)
    assert "Ghi rõ số người dự." in client.get(detail).content.decode()
    client.post(detail, {**NARRATIVE, "results": "2 hội nghị, 120 người dự.", "submit": "1"})
    assert _status(report) == ReportStatus.SUBMITTED

    client.force_login(coordinator)
    client.post(review, {"action": "accept"})
    assert _status(report) == ReportStatus.ACCEPTED

    client.force_login(focal)
    response = client.post(detail, {**NARRATIVE, "results": "Sửa sau khi khóa."}, follow=True)
    assert "đã khóa" in response.content.decode()
    report.refresh_from_db()
    assert report.results == "2 hội nghị, 120 người dự."

    client.force_login(coordinator)
    reopen = reverse("reports:report_reopen", args=[report.pk])
    response = client.post(reopen, {"reason": ""}, follow=True)
    assert "lý do" in response.content.decode()
    assert _status(report) == ReportStatus.ACCEPTED
    client.post(reopen, {"reason": "Bổ sung minh chứng."})
    assert _status(report) == ReportStatus.RETURNED


def test_coordinator_creates_a_schedule_from_the_form(client, world):
    plan = make_schedule(world).plan
    client.force_login(world.user("coordinator"))
    response = client.post(
        reverse("reports:schedule_create"),
        {
            "plan": plan.pk,
            "name": "Báo cáo quý",
            "kind": ScheduleKind.QUARTER,
            "working_days": 2,
            "unit_kinds": ["mass_organisation"],
        },
    )
    schedule = plan.report_schedules.get(name="Báo cáo quý")
    assert response.url == reverse("reports:schedule_detail", args=[schedule.pk])
    page = client.get(response.url + "?period_code=2026-Q1").content.decode()
    assert world.organisation.name in page
    bad = client.get(response.url + "?period_code=2026-Q9").content.decode()
    assert "quý phải từ 1 đến 4" in bad


def test_coordinator_makes_edits_and_downloads_the_ward_report(client, world, monkeypatch):
    schedule = make_schedule(world)
    client.force_login(world.user("coordinator"))
    response = client.post(
        reverse("reports:ward_report_list"),
        {"schedule": schedule.pk, "period_code": "2026-H1", "issued_on": "2026-06-18"},
    )
    report = WardReport.objects.get()
    edit = reverse("reports:ward_report_edit", args=[report.pk])
    assert response.url == edit
    form = {
        "number": 12,
        "issued_on": "2026-06-18",
        "place": report.place,
        "subject": report.subject,
        "narrative": "I. KẾT QUẢ\nĐã làm tốt.",
        "recipients": "UBND thành phố Huế",
        "signer_authority": "TM. ỦY BAN NHÂN DÂN",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Nguyễn Văn A",
    }
    client.post(edit, form)
    report.refresh_from_db()
    assert report.number_text == "12/BC-UBND"
    download = client.get(reverse("reports:ward_report_export", args=[report.pk, "docx"]))
    assert download["Content-Disposition"].endswith('bao-cao-12-2026.docx"')
    opened = Document(io.BytesIO(download.content))
    assert opened.tables[0].rows[1].cells[0].text == "Số: 12/BC-UBND"
    assert "Đã làm tốt./" in [p.text for p in opened.paragraphs]

    other = services.ward_report_create(
        actor=world.user("coordinator"),
        schedule=schedule,
        period_code="2026-H1",
        issued_on=dt.date(2026, 6, 20),
    )
    page = client.post(reverse("reports:ward_report_edit", args=[other.pk]), form)
    assert "đã dùng" in page.content.decode()

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    assert "LibreOffice" in client.get(edit).content.decode()
    response = client.get(
        reverse("reports:ward_report_export", args=[report.pk, "pdf"]), follow=True
    )
    assert "apt-get install" in response.content.decode()
