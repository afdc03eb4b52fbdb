"""Record ids in forms are written without the thousands dot the Vietnamese number format
adds (USE_THOUSAND_SEPARATOR): `1.234` posted back is not an id."""

import pytest
from django.urls import reverse

from reports import services
from reports.models import ReportSchedule, ScheduleKind, ScheduleObligation
from reports.tests.support import make_plan
from units.models import UnitKind

pytestmark = pytest.mark.django_db
BIG = 12345


def test_ids_above_a_thousand_post_back_as_ids(client, world):
    schedule = ReportSchedule.objects.create(
        pk=BIG, plan=make_plan(world.ward), name="Báo cáo 6 tháng", kind=ScheduleKind.HALF_YEAR
    )
    ScheduleObligation.objects.create(schedule=schedule, unit_kind=UnitKind.SCHOOL)
    client.force_login(world.user("focal"))
    html = client.get(reverse("reports:my_reports")).content.decode()
    assert f'name="schedule" value="{BIG}"' in html
    response = client.post(
        reverse("reports:report_open"),
        {"schedule": BIG, "period_code": "2026-H1", "unit": world.school.pk},
    )
    report = schedule.unit_reports.get()
    assert response.url == reverse("reports:report_detail", args=[report.pk])
    difficulty = services.difficulty_raise(actor=world.user("focal"), unit=world.school, text="X")
    type(difficulty).objects.filter(pk=difficulty.pk).update(id=BIG)
    client.force_login(world.user("coordinator"))
    html = client.get(reverse("reports:difficulty_list")).content.decode()
    assert f'id="answer-{BIG}"' in html
