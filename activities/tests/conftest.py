import datetime as dt
import itertools

import pytest
from django.utils import timezone

from activities.services import ActivityData, activity_log, channels_seed
from plans.models import Phase, Plan
from units.models import AudienceGroup
from units.services import person_create

_phones = itertools.count(912000001)


def at(day: dt.date, hour: int = 8) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


class Maker:
    """Small builders for activity tests, on the shared `world`."""

    def __init__(self, world):
        self.world = world
        channels_seed(ward=world.ward)
        channels_seed(ward=world.other_ward)
        self.groups = {g.code: g for g in AudienceGroup.objects.filter(ward=world.ward)}

    def plan(self, ward=None, title="Kế hoạch tuyên truyền Nghị quyết 71") -> Plan:
        plan = Plan.objects.create(ward=ward or self.world.ward, title=title)
        Phase.objects.create(plan=plan, order=1, name="2026 – 2030", start_year=2026, end_year=2030)
        Phase.objects.create(plan=plan, order=2, name="2030 – 2035", start_year=2030, end_year=2035)
        return plan

    def person(self, unit=None, group="school_staff", name="Nguyễn Văn An", **fields):
        unit = unit or self.world.school
        groups = {g.code: g for g in AudienceGroup.objects.filter(ward_id=unit.ward_id)}
        fields.setdefault("phone", f"0{next(_phones)}")
        return person_create(unit=unit, audience_group=groups[group], full_name=name, **fields)

    def channel(self, code="conference", ward=None):
        from activities.models import Channel

        return Channel.objects.get(ward=ward or self.world.ward, code=code)

    def activity(
        self, *, unit=None, plan=None, day=dt.date(2026, 4, 10), briefing=None, people=(), **extra
    ):
        unit = unit or self.world.school
        data = ActivityData(
            title=extra.pop("title", "Hội nghị quán triệt Nghị quyết 71"),
            starts_at=at(day),
            channel=extra.pop("channel", None) or self.channel(ward=unit.ward),
            plan=plan,
            is_briefing=plan is not None if briefing is None else briefing,
            **extra,
        )
        return activity_log(unit=unit, data=data, attendee_ids=[p.pk for p in people])


@pytest.fixture
def make(world):
    return Maker(world)
