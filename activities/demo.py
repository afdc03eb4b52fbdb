"""The demo ward's activities over the eight months before the demo is loaded: briefings by
every kind of unit, a monthly broadcast and post for the standing column, a training course,
so the dashboard, coverage and reports have a living ward to show (and people still missing).
Runs after the plan step; does nothing without a plan or when activities exist already."""

import datetime as dt
import random

from django.utils import timezone

from activities.models import Activity
from activities.services import ActivityData, activity_log, channels_seed
from plans.models import Plan
from units.models import AudienceGroup, Person, Unit, UnitKind

# (unit key, channel, title, days before today, hour, briefing, share of the unit's roster
# attending, plan task number, extras)
BRIEFINGS = [
    ("UBND", "conference", "Hội nghị quán triệt Nghị quyết số 71-NQ/TW đến cán bộ, công chức",
     230, 8, True, 0.9, "III.1", {"location": "Hội trường UBND phường"}),
    ("VHXH", "conference", "Quán triệt Kế hoạch triển khai Nghị quyết 71-NQ/TW của phường",
     228, 14, True, 1.0, "III.1", {"location": "Phòng Văn hóa – Xã hội"}),
    ("TH01", "thematic_session", "Sinh hoạt chuyên đề về Nghị quyết 71-NQ/TW",
     215, 14, True, 0.8, "III.2", {"location": "Phòng họp Hội đồng sư phạm"}),
    ("THCS01", "professional_meeting", "Lồng ghép Nghị quyết 71 trong sinh hoạt chuyên môn",
     200, 14, True, 0.7, "III.2", {}),
    ("MN01", "professional_meeting", "Phổ biến Nghị quyết 71 đến giáo viên, nhân viên",
     150, 15, True, 0.9, "III.2", {}),
    ("THPT01", "thematic_session", "Chuyên đề “Đột phá phát triển giáo dục và đào tạo”",
     75, 14, True, 0.6, "III.2", {"location": "Hội trường nhà trường"}),
    ("TH02", "professional_meeting", "Quán triệt Nghị quyết 71 trong họp Hội đồng sư phạm",
     40, 16, True, 0.85, "III.2", {}),
    ("HPN", "regular_meeting", "Phổ biến Nghị quyết 71 tại buổi sinh hoạt định kỳ của Hội",
     190, 19, True, 0.6, "III.3", {}),
    ("DTN", "thematic_session", "Diễn đàn đoàn viên với Nghị quyết 71-NQ/TW",
     120, 19, True, 0.7, "III.3", {}),
    ("MTTQ", "regular_meeting", "Lồng ghép Nghị quyết 71 trong hội nghị Ủy ban MTTQ phường",
     60, 8, True, 0.8, "III.3", {}),
    ("TDP01", "residential_meeting", "Họp tổ dân phố: xây dựng xã hội học tập",
     100, 19, True, 0.5, "III.3", {}),
    ("TDP04", "residential_meeting", "Họp tổ dân phố: vận động con em đến trường",
     25, 19, True, 0.6, "III.3", {}),
    ("TH01", "parent_meeting", "Họp phụ huynh đầu năm học, giới thiệu Nghị quyết 71",
     80, 18, False, 0, "III.2", {}),
    ("THCS02", "extracurricular", "Ngoại khóa “Em yêu trường em”", 30, 8, False, 0, "III.2", {}),
]  # fmt: skip
TRAINING = "Lớp bồi dưỡng kỹ năng truyền thông cho giáo viên"
TRAINING_DAYS_BEFORE = 55

# The standing column: one broadcast each month and a post most months (one month is left
# empty on purpose, so the dashboard's "month without posts" warning has a case to show).
COLUMN_MONTHS = 8
COLUMN_EMPTY_MONTH = 5
TRAINEES_PER_SCHOOL = 3
BROADCAST = "Chuyên mục “Đột phá phát triển giáo dục và đào tạo”"
POST = "Tin bài: kết quả triển khai Nghị quyết 71-NQ/TW"


def _task(plan: Plan, number: str):
    return plan.tasks.filter(number=number).first() or plan.tasks.order_by("order", "pk").first()


def _log(unit, plan, channels, title, when, briefing, attendees, number, extras) -> None:
    groups = AudienceGroup.objects.filter(people__pk__in=attendees).distinct()
    task = _task(plan, number)
    data = ActivityData(
        title=title,
        starts_at=when,
        channel=channels[extras.pop("channel")],
        plan=plan,
        tasks=(task,) if task else (),
        is_briefing=briefing,
        audiences=tuple((group, group.people.filter(pk__in=attendees).count()) for group in groups),
        **extras,
    )
    activity_log(unit=unit, data=data, attendee_ids=attendees)


def _at(today: dt.date, days_before: int, hour: int) -> dt.datetime:
    day = today - dt.timedelta(days=days_before)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def demo_activities_load(*, ward: Unit, units: dict[str, Unit]) -> None:
    plan = Plan.objects.filter(ward=ward).order_by("pk").first()
    if plan is None or Activity.objects.filter(ward=ward).exists():
        return
    channels = {channel.code: channel for channel in channels_seed(ward=ward)}
    today = timezone.localdate()
    rng = random.Random(71)
    for key, channel, title, days, hour, briefing, share, number, extras in BRIEFINGS:
        roster = Person.objects.filter(unit=units[key]).order_by("pk")
        pks = list(roster.values_list("pk", flat=True))
        attendees = rng.sample(pks, round(len(pks) * share))
        extras = {"channel": channel, **extras}
        when = _at(today, days, hour)
        _log(units[key], plan, channels, title, when, briefing, attendees, number, extras)
    when = _at(today, TRAINING_DAYS_BEFORE, 8)
    extras = {"channel": "training", "location": "Hội trường UBND phường"}
    _log(
        units["VHXH"], plan, channels, TRAINING, when, False, _trainees(units, rng), "III.4", extras
    )
    _standing_column(units["VHXH"], plan, channels, today, rng)


def _trainees(units: dict[str, Unit], rng: random.Random) -> list[int]:
    trainees = []
    for unit in units.values():
        if unit.kind == UnitKind.SCHOOL:
            staff = list(
                Person.objects.filter(unit=unit).order_by("pk").values_list("pk", flat=True)
            )
            trainees += rng.sample(staff, min(TRAINEES_PER_SCHOOL, len(staff)))
    return trainees


def _standing_column(office: Unit, plan: Plan, channels, today: dt.date, rng) -> None:
    for month in range(COLUMN_MONTHS):
        days = 30 * month + 5
        broadcast = {"channel": "loudspeaker", "duration_minutes": 15}
        broadcast["reach"] = rng.randint(900, 1500)
        when = _at(today, days, 17)
        _log(office, plan, channels, BROADCAST, when, False, [], "III.1", broadcast)
        if month == COLUMN_EMPTY_MONTH:
            continue
        post = {"channel": "social_post", "reach": rng.randint(400, 1200)}
        _log(office, plan, channels, POST, _at(today, days + 3, 20), False, [], "III.4", post)
