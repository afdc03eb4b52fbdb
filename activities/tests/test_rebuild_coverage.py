import datetime as dt
import random

from django.core.management import call_command

from activities.models import Attendance, CoveragePerson, PersonBriefing
from activities.services import (
    PERSON_COPY,
    ActivityData,
    activity_update,
    attendance_remove,
    coverage_rebuild,
)
from activities.tests.conftest import at
from units.models import AudienceGroup, Person


def snapshot():
    return set(
        PersonBriefing.objects.values_list(
            "person_id",
            "plan_id",
            "phase_id",
            "first_briefed_on",
            "first_activity_id",
            *PERSON_COPY,
        )
    )


def people_copies():
    return set(CoveragePerson.objects.values_list("person_id", *PERSON_COPY))


def test_rebuild_equals_the_incremental_result(world, make):
    rng = random.Random(4)
    plans = [make.plan(), make.plan(title="Kế hoạch Nghị quyết 57")]
    people = [make.person(name=f"Người {i}") for i in range(12)]
    activities = []
    for _ in range(14):
        day = dt.date(2026 + rng.randint(0, 6), rng.randint(1, 12), rng.randint(1, 28))
        activities.append(
            make.activity(
                plan=rng.choice(plans),
                day=day,
                briefing=rng.random() < 0.7,
                people=rng.sample(people, rng.randint(0, 6)),
            )
        )
    # Edits of every kind the upkeep must follow.
    attendance_remove(activity=activities[0], person_ids=[p.pk for p in people[:4]])
    moved = activities[1]
    data = ActivityData(
        title=moved.title,
        starts_at=at(dt.date(2031, 2, 2)),
        channel=moved.channel,
        plan=plans[1],
        is_briefing=True,
    )
    activity_update(activity=moved, data=data)
    # People change too: a move, a leaver, a change of group, the last one in bulk.
    people[5].unit = world.other_school
    people[5].save()
    Person.objects.filter(pk=people[6].pk).update(active_to=dt.date(2027, 1, 31))
    people[7].audience_group = AudienceGroup.objects.get(ward=world.ward, code="members")
    Person.objects.bulk_update([people[7]], ["audience_group"])
    incremental, copies = snapshot(), people_copies()
    assert incremental, "the scenario should brief someone"
    assert coverage_rebuild() == len(incremental)
    assert snapshot() == incremental
    assert people_copies() == copies


def test_the_command_rebuilds_one_plan_from_scratch(world, make, capsys):
    plan, other = make.plan(), make.plan(title="Kế hoạch khác")
    people = [make.person(name=f"Người {i}") for i in range(3)]
    make.activity(plan=plan, people=people)
    make.activity(plan=other, people=people[:1])
    before = snapshot()
    PersonBriefing.objects.filter(plan=plan).delete()
    Attendance.objects.filter(person=people[2]).delete()  # bypasses the upkeep on purpose
    call_command("rebuild_coverage", "--plan", str(plan.pk))
    after = snapshot()
    assert after == {row for row in before if row[0] != people[2].pk}
    # Two people left at a 2026 briefing: a plan-wide row and a 2026–2030 row each.
    assert "Đã tính lại 4 dòng" in capsys.readouterr().out
