import pytest
from django.urls import reverse

from reports import services
from reports.tests.support import make_schedule

pytestmark = pytest.mark.django_db


def _accepted_report(world):
    schedule = make_schedule(world)
    report = services.unit_report_open(
        actor=world.user("focal"), schedule=schedule, period_code="2026-H1", unit=world.school
    )
    services.unit_report_save(actor=world.user("focal"), report=report, results="Đã làm.")
    report = services.unit_report_submit(actor=world.user("focal"), report=report)
    return services.unit_report_accept(actor=world.user("coordinator"), report=report)


def test_admin_shows_a_locked_report_read_only_and_refuses_a_post(client, world):
    report = _accepted_report(world)
    client.force_login(world.user("admin"))
    url = reverse("admin:reports_unitreport_change", args=[report.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="results"' not in page.content
    response = client.post(url, {"results": "Sửa qua trang quản trị."})
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.results == "Đã làm."


def test_admin_cannot_delete_a_locked_report(client, world):
    report = _accepted_report(world)
    client.force_login(world.user("admin"))
    response = client.post(
        reverse("admin:reports_unitreport_delete", args=[report.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert type(report).objects.filter(pk=report.pk).exists()
