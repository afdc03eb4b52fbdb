"""Test support for reports: a plan and a schedule in the test world's ward."""

from plans.models import Plan
from reports.models import ReportSchedule, ScheduleKind
from reports.services import schedule_create
from units.models import UnitKind


def make_plan(ward) -> Plan:
    return Plan.objects.create(
        ward=ward,
        number="15/KH-UBND",
        title="Triển khai thực hiện công tác truyền thông Nghị quyết số 71-NQ/TW",
    )


def make_schedule(world, kind: str = ScheduleKind.HALF_YEAR, **extra) -> ReportSchedule:
    return schedule_create(
        actor=world.user("coordinator"),
        plan=make_plan(world.ward),
        name="Báo cáo kết quả truyền thông",
        kind=kind,
        working_days=extra.pop("working_days", 3),
        unit_kinds=extra.pop("unit_kinds", [UnitKind.SCHOOL]),
        **extra,
    )
