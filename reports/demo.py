"""The demo ward's reporting: a 6-month report owed by the schools and mass organisations for
the demo plan, the last period whose data is cut off (so its figures come from the demo's
activities), reports in each state of review (accepted, waiting, returned, a draft, the rest
missing), one open difficulty and the ward's document settings. Runs after the activities
step; does nothing when the schedule exists already."""

import datetime as dt

from django.utils import timezone

from accounts.models import Role, User
from plans.models import Plan
from reports import services
from reports.models import ReportSchedule, ScheduleKind, UnitReport
from reports.selectors import schedule_recent_periods
from units.models import Unit, UnitKind

SCHEDULE_NAME = "Báo cáo 6 tháng kết quả truyền thông Nghị quyết 71-NQ/TW"
SETTINGS = {
    "place_name": "Kim Trà",
    "default_recipients": "UBND thành phố Huế\nSở Văn hóa và Thể thao\nTT Đảng ủy, TT HĐND "
    "phường\nCT, các PCT UBND phường\nCác trường học, tổ chức chính trị - xã hội phường",
    "signer_authority": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
    "signer_title": "PHÓ CHỦ TỊCH",
    "signer_name": "Mai Văn Xuân",
}
NARRATIVE = {
    "results": "Tổ chức quán triệt Nghị quyết số 71-NQ/TW đến toàn thể cán bộ, giáo viên, nhân "
    "viên; lồng ghép vào sinh hoạt chuyên môn và họp phụ huynh.",
    "strengths": "Cán bộ, giáo viên hưởng ứng, tham gia đầy đủ.",
    "shortcomings": "Một số nhân viên hợp đồng chưa được phổ biến do nghỉ phép.",
    "next_tasks": "Phổ biến bổ sung cho người chưa tham dự; duy trì chuyên mục trên trang tin.",
    "proposals": "Đề nghị cấp thêm tài liệu tuyên truyền.",
}
# (unit key, state, days the first submission came before (-) or after (+) the deadline)
REPORTS = [
    ("TH01", "accepted", -1),
    ("HPN", "submitted", 2),
    ("THCS01", "returned", -2),
    ("MN01", "draft", None),
]
DIFFICULTY = ("DTN", "Thiếu loa di động để tuyên truyền tại các điểm sinh hoạt của đoàn viên.")
RETURN_COMMENT = "Bổ sung số buổi sinh hoạt chuyên môn đã lồng ghép và số giáo viên tham dự."


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _backdate(report: UnitReport, day: dt.date) -> None:
    """Place the submission on a plausible day around the deadline, so the completeness page
    shows one on time and one late (the services stamp the moment of loading)."""
    UnitReport.objects.filter(pk=report.pk).update(
        first_submitted_at=_at(day), submitted_at=_at(day)
    )


def _unit_report(schedule, period, unit: Unit, state: str, shift: int | None, actors) -> None:
    author, coordinator = actors.get(unit.pk) or actors["coordinator"], actors["coordinator"]
    report = services.unit_report_open(
        actor=author, schedule=schedule, period_code=period.code, unit=unit
    )
    services.unit_report_save(actor=author, report=report, **NARRATIVE)
    if state == "draft":
        return
    report = services.unit_report_submit(actor=author, report=report)
    _backdate(report, min(period.due_on + dt.timedelta(days=shift), timezone.localdate()))
    if state == "accepted":
        services.unit_report_accept(actor=coordinator, report=report, comment="Đạt yêu cầu.")
    elif state == "returned":
        services.unit_report_return(actor=coordinator, report=report, comment=RETURN_COMMENT)


def demo_reports_load(*, ward: Unit, units: dict[str, Unit]) -> None:
    plan = Plan.objects.filter(ward=ward).order_by("pk").first()
    coordinator = User.objects.filter(unit=ward, role=Role.COORDINATOR).order_by("pk").first()
    if plan is None or coordinator is None:
        return
    if ReportSchedule.objects.filter(plan=plan, name=SCHEDULE_NAME).exists():
        return
    services.ward_settings_update(actor=coordinator, ward=ward, **SETTINGS)
    schedule = services.schedule_create(
        actor=coordinator,
        plan=plan,
        name=SCHEDULE_NAME,
        kind=ScheduleKind.HALF_YEAR,
        working_days=3,
        unit_kinds=[UnitKind.SCHOOL, UnitKind.MASS_ORGANISATION],
    )
    today = timezone.localdate()
    periods = schedule_recent_periods(schedule=schedule, today=today)
    period = next((p for p in periods if p.due_on < today), periods[-1])
    actors = {"coordinator": coordinator}
    for user in User.objects.filter(unit__in=units.values(), role=Role.FOCAL_POINT):
        actors[user.unit_id] = user
    for key, state, shift in REPORTS:
        _unit_report(schedule, period, units[key], state, shift, actors)
    unit_key, text = DIFFICULTY
    services.difficulty_raise(actor=coordinator, unit=units[unit_key], text=text)
