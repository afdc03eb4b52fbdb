"""An accepted unit report is locked against every path that writes: the page's form (save,
submit, attach, raise a difficulty in it), the admin (change, delete, bulk delete), and the
management commands. reports has no JSON API: every URL of reports/urls.py is an HTML page or
a file download, so there is no API path to lock."""

import io

import pytest
from django.contrib import admin
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from reports import services
from reports.models import Difficulty, ReportStatus, UnitReport, UnitReportAttachment
from reports.tests.support import make_schedule

pytestmark = pytest.mark.django_db
LOCKED = "đã khóa"


@pytest.fixture
def accepted(world):
    schedule = make_schedule(world)
    focal = world.user("focal")
    report = services.unit_report_open(
        actor=focal, schedule=schedule, period_code="2026-H1", unit=world.school
    )
    services.unit_report_save(actor=focal, report=report, results="Đã làm.")
    report = services.unit_report_submit(actor=focal, report=report)
    return services.unit_report_accept(actor=world.user("coordinator"), report=report)


def _unchanged(report) -> None:
    fresh = UnitReport.objects.get(pk=report.pk)
    assert (fresh.status, fresh.results, fresh.updated_at) == (
        ReportStatus.ACCEPTED,
        "Đã làm.",
        report.updated_at,
    )
    assert fresh.versions.count() == 2  # submitted, accepted: nothing after


@pytest.mark.parametrize("button", ["save", "submit"])
def test_the_form_refuses_with_a_clear_message(client, world, accepted, button):
    for name in ("focal", "coordinator"):
        client.force_login(world.user(name))
        page = client.post(
            reverse("reports:report_detail", args=[accepted.pk]),
            {"results": "Sửa sau khi đã duyệt.", button: "1"},
            follow=True,
        )
        assert page.status_code == 200
        assert LOCKED in page.content.decode()
    _unchanged(accepted)


def test_the_page_offers_no_form_on_a_locked_report(client, world, accepted):
    client.force_login(world.user("focal"))
    html = client.get(reverse("reports:report_detail", args=[accepted.pk])).content.decode()
    assert 'name="results"' not in html and "Gửi báo cáo" not in html


def test_attaching_through_the_page_is_refused(client, world, accepted):
    client.force_login(world.user("focal"))
    upload = SimpleUploadedFile("them.pdf", b"%PDF-1.4 them")
    response = client.post(
        reverse("reports:report_attach", args=[accepted.pk]), {"file": upload}, follow=True
    )
    assert LOCKED in response.content.decode()
    assert not UnitReportAttachment.objects.exists()
    _unchanged(accepted)


def test_raising_a_difficulty_inside_it_is_refused(client, world, accepted):
    client.force_login(world.user("focal"))
    page = client.post(
        reverse("reports:difficulty_list"), {"report": accepted.pk, "text": "Thêm vướng mắc."}
    )
    assert LOCKED in page.content.decode()
    assert not Difficulty.objects.exists()


def test_the_admin_refuses_change_delete_and_bulk_delete(client, world, accepted):
    client.force_login(world.user("admin"))
    change = reverse("admin:reports_unitreport_change", args=[accepted.pk])
    assert client.post(change, {"results": "Sửa qua quản trị."}).status_code == 403
    delete = reverse("admin:reports_unitreport_delete", args=[accepted.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    client.post(
        reverse("admin:reports_unitreport_changelist"),
        {"action": "delete_selected", "_selected_action": [accepted.pk], "post": "yes"},
    )
    assert UnitReport.objects.filter(pk=accepted.pk).exists()
    _unchanged(accepted)


def test_the_admin_save_path_checks_the_lock_too(rf, world, accepted):
    """If a locked report reached save_model (another admin's stale form), it is refused."""
    model_admin = admin.site._registry[UnitReport]
    request = rf.post("/")
    request.user = world.user("admin")
    request.session = {}
    request._messages = FallbackStorage(request)
    stale = UnitReport.objects.get(pk=accepted.pk)
    stale.results = "Sửa từ biểu mẫu cũ."
    model_admin.save_model(request, stale, form=None, change=True)
    assert LOCKED in " ".join(str(m) for m in request._messages)
    _unchanged(accepted)


def test_commands_leave_it_as_it_is(world, accepted, tmp_path):
    """No command writes a unit report; the one that reads them for the ward report leaves the
    accepted one untouched (the demo loader's rerun is tested in test_demo)."""
    out = tmp_path / "bao-cao.docx"
    call_command(
        "export_report",
        unit=world.ward.code,
        period="2026-H1",
        format="docx",
        out=str(out),
        stdout=io.StringIO(),
    )
    assert out.read_bytes().startswith(b"PK")
    _unchanged(accepted)


def test_the_services_refuse_every_write(world, accepted):
    focal = world.user("focal")
    with pytest.raises(services.ReportLocked):
        services.unit_report_save(actor=focal, report=accepted, results="Sửa.")
    with pytest.raises(services.ReportLocked):
        services.unit_report_submit(actor=focal, report=accepted)
    with pytest.raises(services.ReportLocked):
        services.difficulty_raise(actor=focal, unit=world.school, text="Sửa.", report=accepted)
    _unchanged(accepted)
