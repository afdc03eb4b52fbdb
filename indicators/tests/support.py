"""A small dataset on the test world for figure tests: a plan with a phase and one target of
each kind, people in two units, briefings, posts, broadcasts and a training, in a reporting
year that has fully passed (so figures do not depend on today's date). `scale` multiplies
people and activities, for tests that check a page's cost does not grow with data."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from activities.models import Activity, Channel
from activities.services import ActivityData, activity_log, channels_seed
from common.periods import Period, PeriodKind, make_period
from plans.models import IndicatorKind, Phase, Plan, Target
from units.models import AudienceGroup, Person
from units.services import person_create


@dataclass
class Dataset:
    plan: Plan
    phase: Phase
    period: Period
    targets: dict[str, Target]
    teachers: list[Person]
    members: list[Person]


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(8)))


def _log(unit, channel: Channel, day: dt.date, plan: Plan, people=(), **extra) -> Activity:
    data = ActivityData(
        title=f"{channel.name} {day:%d/%m}", starts_at=_at(day), channel=channel, plan=plan, **extra
    )
    return activity_log(unit=unit, data=data, attendee_ids=[p.pk for p in people])


def _people(unit, group: AudienceGroup, count: int, prefix: str) -> list[Person]:
    return [
        person_create(
            unit=unit, audience_group=group, full_name=f"{prefix} Văn {chr(65 + i % 26)}{i}"
        )
        for i in range(count)
    ]


def build_dataset(world, scale: int = 1) -> Dataset:
    year = timezone.localdate().year - 1
    period = make_period(kind=PeriodKind.YEAR, year=year)
    ward = world.ward
    plan = Plan.objects.create(ward=ward, number="15/KH-UBND", title="Kế hoạch truyền thông NQ")
    phase = Phase.objects.create(
        plan=plan, order=1, name=f"Giai đoạn {year} – {year + 4}", start_year=year,
        end_year=year + 4,
    )  # fmt: skip
    groups = {g.code: g for g in AudienceGroup.objects.filter(ward=ward)}
    channels = {c.code: c for c in channels_seed(ward=ward)}
    channels_seed(ward=world.other_ward)
    teachers = _people(world.school, groups["school_staff"], 6 * scale, "Giáo viên")
    members = _people(world.organisation, groups["civil_servants"], 4 * scale, "Cán bộ")
    _people(
        world.far_school,
        AudienceGroup.objects.get(ward=world.other_ward, code="students"),
        3,
        "Học sinh",
    )

    def day(month: int, of: int) -> dt.date:
        return dt.date(year, month, of)

    audience = ((groups["school_staff"], 3 * scale),)
    for n in range(scale):
        _log(
            world.school,
            channels["conference"],
            day(2, 10 + n % 10),
            plan,
            teachers[n * 6 : n * 6 + 3],
            is_briefing=True,
            audiences=audience,
        )
        _log(
            world.organisation,
            channels["thematic_session"],
            day(3, 5),
            plan,
            members[n * 4 : n * 4 + 2],
            is_briefing=True,
        )
        _log(ward, channels["social_post"], day(1, 20), plan, reach=500)
        _log(ward, channels["e_portal"], day(3, 1), plan, reach=300)
        _log(
            world.school, channels["loudspeaker"], day(2, 20), plan, reach=1000, duration_minutes=15
        )
        _log(
            world.organisation,
            channels["training"],
            day(6, 10),
            plan,
            [teachers[n * 6 + 5], members[n * 4 + 3]],
        )
        # The previous reporting year, for "since last period".
        _log(world.school, channels["conference"], dt.date(year - 1, 11, 10), plan)
        # Another ward's work never counts here.
        _log(
            world.far_school,
            Channel.objects.get(ward=world.other_ward, code="conference"),
            day(2, 10),
            None,
        )
    targets = {
        "coverage": Target.objects.create(
            plan=plan, phase=phase, order=1, value=100, unit="%",
            text="100% cán bộ, công chức và giáo viên được phổ biến",
            indicator_kind=IndicatorKind.BRIEFING_COVERAGE,
        ),
        "column": Target.objects.create(
            plan=plan, phase=phase, order=2, text="Duy trì chuyên mục tuyên truyền",
            indicator_kind=IndicatorKind.COLUMN_POSTS,
        ),
        "trained": Target.objects.create(
            plan=plan, phase=phase, order=3, value=10, unit="người",
            text="Tập huấn kỹ năng truyền thông", indicator_kind=IndicatorKind.PEOPLE_TRAINED,
        ),
        "conferences": Target.objects.create(
            plan=plan, phase=phase, order=4, value=20, unit="hội nghị", channel="hội nghị",
            text="Tổ chức hội nghị quán triệt",
            indicator_kind=IndicatorKind.CHANNEL_ACTIVITIES,
        ),
        "other": Target.objects.create(
            plan=plan, phase=phase, order=5, text="Xây dựng nội dung truyền thông phù hợp",
        ),
    }  # fmt: skip
    targets["coverage"].audience_groups.set([groups["civil_servants"], groups["school_staff"]])
    return Dataset(plan, phase, period, targets, teachers, members)
