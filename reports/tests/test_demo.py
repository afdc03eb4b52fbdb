import io

import pytest
from django.core.management import call_command

from demo.services import demo_load
from reports.demo import SCHEDULE_NAME
from reports.models import Difficulty, ReportSchedule, ReportStatus, UnitReport, WardSettings
from reports.selectors import Timeliness, period_completeness

pytestmark = pytest.mark.django_db


def test_the_demo_ward_reports_in_every_state():
    demo_load()
    schedule = ReportSchedule.objects.get(name=SCHEDULE_NAME)
    assert schedule.plan.ward.code == "20017"
    kinds = set(schedule.obligations.values_list("unit_kind", flat=True))
    assert kinds == {"school", "mass_organisation"}
    states = {r.unit.code.split("-")[-1]: r.status for r in schedule.unit_reports.all()}
    assert states == {
        "TH01": ReportStatus.ACCEPTED,
        "HPN": ReportStatus.SUBMITTED,
        "THCS01": ReportStatus.RETURNED,
        "MN01": ReportStatus.DRAFT,
    }
    period_code = schedule.unit_reports.first().period_code
    timeliness = {
        s.unit.code.split("-")[-1]: s.timeliness
        for s in period_completeness(schedule=schedule, period_code=period_code)
    }
    assert timeliness["TH01"] == Timeliness.ON_TIME and timeliness["HPN"] == Timeliness.LATE
    assert timeliness["MN01"] == Timeliness.MISSING
    accepted = schedule.unit_reports.get(status=ReportStatus.ACCEPTED)
    assert accepted.figures["tables"]  # figures of the demo's activities
    assert Difficulty.objects.filter(ward=schedule.plan.ward).count() == 1
    settings = WardSettings.objects.get(ward=schedule.plan.ward)
    assert settings.signer_name and "UBND thành phố Huế" in settings.default_recipients


def test_loading_twice_adds_nothing_and_leaves_the_accepted_report_alone(tmp_path):
    demo_load()
    accepted = UnitReport.objects.get(status=ReportStatus.ACCEPTED)
    counts = (UnitReport.objects.count(), Difficulty.objects.count())
    demo_load()
    assert (UnitReport.objects.count(), Difficulty.objects.count()) == counts
    again = UnitReport.objects.get(pk=accepted.pk)
    assert (again.updated_at, again.versions.count()) == (accepted.updated_at, 2)
    # The demo's ward report prints from the command line.
    out = tmp_path / "bao-cao.docx"
    call_command(
        "export_report",
        unit="20017",
        period=accepted.period_code,
        format="docx",
        out=str(out),
        stdout=io.StringIO(),
    )
    assert out.read_bytes().startswith(b"PK")
