import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from reports import services
from reports.models import ReportStatus, UnitReportVersion, VersionAction
from reports.services import ReportLocked
from reports.tests.support import make_schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(world):
    schedule = make_schedule(world)
    report = services.unit_report_open(
        actor=world.user("focal"), schedule=schedule, period_code="2026-H1", unit=world.school
    )
    return world, schedule, report


def _submitted(world, report):
    services.unit_report_save(actor=world.user("focal"), report=report, results="Đã quán triệt.")
    return services.unit_report_submit(actor=world.user("focal"), report=report)


def test_it_opens_a_draft_with_window_and_deadline(setup):
    _world, _schedule, report = setup
    assert report.status == ReportStatus.DRAFT
    assert str(report.window_start) == "2025-12-15"
    assert str(report.window_end) == "2026-06-14"
    assert str(report.due_on) == "2026-06-17"  # 14/6 Sunday + 3 working days
    # Prefilled by the indicators module, for the unit and the period itself.
    assert report.figures["unit"]["code"] == report.unit.code
    assert report.figures["period"] == "2026-H1"
    assert report.figures["window"] == {"start": "2025-12-15", "end": "2026-06-14"}


def test_it_refuses_a_unit_that_does_not_owe_the_report(world):
    schedule = make_schedule(world)
    with pytest.raises(ValidationError, match="không thuộc danh sách"):
        services.unit_report_open(
            actor=world.user("coordinator"),
            schedule=schedule,
            period_code="2026-H1",
            unit=world.organisation,
        )


def test_it_refuses_a_period_of_another_kind(world):
    schedule = make_schedule(world)
    with pytest.raises(ValidationError, match="không phải kỳ"):
        services.unit_report_open(
            actor=world.user("focal"), schedule=schedule, period_code="2026-Q1", unit=world.school
        )


def test_the_full_cycle_keeps_every_version(setup):
    world, _schedule, report = setup
    focal, coordinator = world.user("focal"), world.user("coordinator")
    report = _submitted(world, report)
    assert report.status == ReportStatus.SUBMITTED
    first_submitted = report.first_submitted_at

    report = services.unit_report_return(
        actor=coordinator, report=report, comment="Bổ sung số buổi sinh hoạt chuyên môn."
    )
    assert report.status == ReportStatus.RETURNED
    assert report.review_comment == "Bổ sung số buổi sinh hoạt chuyên môn."

    report = services.unit_report_save(
        actor=focal, report=report, results="Đã quán triệt; 4 buổi sinh hoạt chuyên môn."
    )
    report = services.unit_report_submit(actor=focal, report=report)
    assert report.first_submitted_at == first_submitted
    report = services.unit_report_accept(actor=coordinator, report=report)
    assert report.status == ReportStatus.ACCEPTED and report.is_locked

    versions = list(UnitReportVersion.objects.filter(report=report))
    assert [v.action for v in versions] == [
        VersionAction.SUBMIT,
        VersionAction.RETURN,
        VersionAction.SUBMIT,
        VersionAction.ACCEPT,
    ]
    assert versions[0].content["results"] == "Đã quán triệt."
    assert versions[2].content["results"] == "Đã quán triệt; 4 buổi sinh hoạt chuyên môn."
    assert versions[1].comment == "Bổ sung số buổi sinh hoạt chuyên môn."
    assert versions[1].actor == coordinator


def test_an_accepted_report_refuses_every_change(setup, tmp_path):
    world, _schedule, report = setup
    focal, coordinator = world.user("focal"), world.user("coordinator")
    report = services.unit_report_accept(actor=coordinator, report=_submitted(world, report))
    attempts = [
        lambda: services.unit_report_save(actor=focal, report=report, results="Sửa lén."),
        lambda: services.unit_report_save(actor=coordinator, report=report, proposals="x"),
        lambda: services.unit_report_submit(actor=focal, report=report),
        lambda: services.difficulty_raise(
            actor=focal, unit=world.school, text="Thiếu loa.", report=report
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ReportLocked, match="đã khóa"):
            attempt()
    with pytest.raises(ValidationError, match="chờ duyệt"):
        services.unit_report_return(actor=coordinator, report=report, comment="Sửa lại.")
    report.refresh_from_db()
    assert report.results == "Đã quán triệt."
    assert report.status == ReportStatus.ACCEPTED


def test_an_attachment_on_a_locked_report_is_refused(setup):
    from django.core.files.uploadedfile import SimpleUploadedFile

    world, _schedule, report = setup
    report = services.unit_report_accept(
        actor=world.user("coordinator"), report=_submitted(world, report)
    )
    upload = SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    with pytest.raises(ReportLocked):
        services.unit_report_attach(actor=world.user("focal"), report=report, upload=upload)
    assert report.attachments.count() == 0


def test_reopen_needs_a_reason_and_is_audited(setup):
    world, _schedule, report = setup
    coordinator = world.user("coordinator")
    report = services.unit_report_accept(actor=coordinator, report=_submitted(world, report))
    with pytest.raises(ValidationError, match="lý do"):
        services.unit_report_reopen(actor=coordinator, report=report, reason="  ")
    with pytest.raises(PermissionDenied):
        services.unit_report_reopen(actor=world.user("focal"), report=report, reason="Tự mở.")
    report = services.unit_report_reopen(
        actor=coordinator, report=report, reason="Số liệu tập huấn ghi nhầm."
    )
    assert report.status == ReportStatus.RETURNED
    last = report.versions.last()
    assert (last.action, last.comment) == (VersionAction.REOPEN, "Số liệu tập huấn ghi nhầm.")
    entry = LogEntry.objects.get_for_object(report).order_by("-timestamp").first()
    assert entry.additional_data == {"reopen_reason": "Số liệu tập huấn ghi nhầm."}
    assert entry.actor == coordinator
    assert "Số liệu tập huấn ghi nhầm." in str(entry.changes)
    services.unit_report_save(actor=world.user("focal"), report=report, results="Đã sửa.")


def test_a_submitted_report_waits_for_review(setup):
    world, _schedule, report = setup
    report = _submitted(world, report)
    with pytest.raises(ValidationError, match="chờ duyệt"):
        services.unit_report_save(actor=world.user("focal"), report=report, results="Thêm.")


def test_submit_needs_results(setup):
    world, _schedule, report = setup
    with pytest.raises(ValidationError, match="Kết quả thực hiện"):
        services.unit_report_submit(actor=world.user("focal"), report=report)


def test_return_needs_a_comment(setup):
    world, _schedule, report = setup
    report = _submitted(world, report)
    with pytest.raises(ValidationError, match="ý kiến"):
        services.unit_report_return(actor=world.user("coordinator"), report=report, comment="")


@pytest.mark.parametrize("name", ["focal", "leader", "city"])
def test_only_the_ward_coordinator_reviews(setup, name):
    world, _schedule, report = setup
    report = _submitted(world, report)
    with pytest.raises(PermissionDenied):
        services.unit_report_accept(actor=world.user(name), report=report)


@pytest.mark.parametrize("name", ["other_focal", "other_coordinator", "far_city"])
def test_outsiders_do_not_even_see_the_report(setup, name):
    world, _schedule, report = setup
    with pytest.raises(Http404):
        services.unit_report_save(actor=world.user(name), report=report, results="x")


def test_narrative_is_normalised(setup):
    world, _schedule, report = setup
    decomposed = "Kết qua\u0309 tô\u0301t  \r\n"
    report = services.unit_report_save(actor=world.user("focal"), report=report, results=decomposed)
    assert report.results == "Kết quả tốt"
