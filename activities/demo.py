"""The demo ward's activities: a handful of briefings, a broadcast and a Zalo post for the
ward's plan, with attendance, so coverage and the not-yet-briefed lists have something to show.
Runs after the plan step; does nothing without a plan or when activities exist already."""

import datetime as dt
import random

from django.utils import timezone

from activities.models import Activity
from activities.services import ActivityData, activity_log, channels_seed
from plans.models import Plan
from units.models import AudienceGroup, Person, Unit

# (unit key, channel, title, day, hour, briefing, share of the unit's roster attending, extras)
ACTIVITIES = [
    ("UBND", "conference", "Hội nghị quán triệt Nghị quyết số 71-NQ/TW đến cán bộ, công chức",
     dt.date(2026, 4, 8), 8, True, 0.9, {"location": "Hội trường UBND phường"}),
    ("TH01", "thematic_session", "Sinh hoạt chuyên đề về Nghị quyết 71-NQ/TW",
     dt.date(2026, 4, 15), 14, True, 0.8, {"location": "Phòng họp Hội đồng sư phạm"}),
    ("THCS01", "professional_meeting", "Lồng ghép Nghị quyết 71 trong sinh hoạt chuyên môn",
     dt.date(2026, 4, 22), 14, True, 0.7, {}),
    ("HPN", "regular_meeting", "Phổ biến Nghị quyết 71 tại buổi sinh hoạt định kỳ của Hội",
     dt.date(2026, 5, 6), 19, True, 0.6, {}),
    ("VHXH", "loudspeaker", "Phát thanh chuyên mục “Đột phá phát triển giáo dục và đào tạo”",
     dt.date(2026, 4, 20), 17, False, 0, {"duration_minutes": 15, "reach": 1200}),
    ("DTN", "social_post", "Bài đăng Zalo: 5 điểm mới của Nghị quyết 71-NQ/TW",
     dt.date(2026, 5, 2), 20, False, 0, {"reach": 850, "link": "https://zalo.me/"}),
]  # fmt: skip


def demo_activities_load(*, ward: Unit, units: dict[str, Unit]) -> None:
    plan = Plan.objects.filter(ward=ward).order_by("pk").first()
    if plan is None or Activity.objects.filter(ward=ward).exists():
        return
    channels = {channel.code: channel for channel in channels_seed(ward=ward)}
    task = plan.tasks.order_by("order", "pk").first()
    rng = random.Random(71)
    for key, channel, title, day, hour, briefing, share, extras in ACTIVITIES:
        unit = units[key]
        roster = list(Person.objects.filter(unit=unit).order_by("pk").values_list("pk", flat=True))
        attendees = rng.sample(roster, round(len(roster) * share))
        groups = AudienceGroup.objects.filter(people__pk__in=attendees).distinct()
        data = ActivityData(
            title=title,
            starts_at=timezone.make_aware(dt.datetime.combine(day, dt.time(hour))),
            channel=channels[channel],
            plan=plan,
            tasks=(task,) if task else (),
            is_briefing=briefing,
            audiences=tuple(
                (group, sum(1 for _ in group.people.filter(pk__in=attendees))) for group in groups
            ),
            **extras,
        )
        activity_log(unit=unit, data=data, attendee_ids=attendees)
