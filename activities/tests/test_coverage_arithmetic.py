import datetime as dt

from activities.models import PersonBriefing
from activities.selectors import coverage_counts, coverage_percent, people_not_briefed
from activities.services import (
    ActivityData,
    activity_delete,
    activity_update,
    attendance_add,
    attendance_remove,
)
from activities.tests.conftest import at

DAY = dt.date(2026, 6, 30)


def totals(rows):
    return sum(r.roster for r in rows), sum(r.briefed for r in rows)


def test_it_counts_briefed_people_once_whatever_the_number_of_activities(world, make):
    plan = make.plan()
    a, b, c = make.person(name="A"), make.person(name="B"), make.person(name="C")
    make.activity(plan=plan, people=[a, b], day=dt.date(2026, 3, 1))
    make.activity(plan=plan, people=[a, b], day=dt.date(2026, 4, 1))
    rows = coverage_counts(root=world.school, plans=[plan], on=DAY)
    assert totals(rows) == (3, 2)
    assert coverage_percent(roster=3, briefed=2) == 200 / 3
    assert list(people_not_briefed(root=world.school, plans=[plan], on=DAY)) == [c]
    first = PersonBriefing.objects.get(person=a, plan=plan, phase__isnull=True)
    assert first.first_briefed_on == dt.date(2026, 3, 1)


def test_it_ignores_activities_that_do_not_brief(world, make):
    plan = make.plan()
    a = make.person()
    make.activity(plan=plan, people=[a], briefing=False)
    assert totals(coverage_counts(root=world.school, plans=[plan], on=DAY)) == (1, 0)


def test_it_drops_inactive_people_from_the_roster_from_their_last_day(world, make):
    plan = make.plan()
    leaver = make.person(name="Leaver", active_to=dt.date(2026, 5, 31))
    make.person(name="Stayer")
    make.activity(plan=plan, people=[leaver], day=dt.date(2026, 3, 1))
    on_last_day = coverage_counts(root=world.school, plans=[plan], on=dt.date(2026, 5, 31))
    assert totals(on_last_day) == (2, 1)
    after = coverage_counts(root=world.school, plans=[plan], on=dt.date(2026, 6, 1))
    assert totals(after) == (1, 0)


def test_it_adds_newcomers_as_not_yet_briefed(world, make):
    plan = make.plan()
    old = make.person(name="Old")
    make.activity(plan=plan, people=[old], day=dt.date(2026, 3, 1))
    newcomer = make.person(name="New", active_from=dt.date(2026, 9, 1))
    assert totals(coverage_counts(root=world.school, plans=[plan], on=DAY)) == (1, 1)
    rows = coverage_counts(root=world.school, plans=[plan], on=dt.date(2026, 9, 1))
    assert totals(rows) == (2, 1)
    not_briefed = people_not_briefed(root=world.school, plans=[plan], on=dt.date(2026, 9, 1))
    assert list(not_briefed) == [newcomer]


def test_it_counts_a_briefing_only_once_it_has_happened(world, make):
    plan = make.plan()
    a = make.person()
    make.activity(plan=plan, people=[a], day=dt.date(2026, 8, 1))
    assert totals(coverage_counts(root=world.school, plans=[plan], on=DAY)) == (1, 0)
    rows = coverage_counts(root=world.school, plans=[plan], on=dt.date(2026, 8, 1))
    assert totals(rows) == (1, 1)


def test_a_person_who_moves_unit_carries_the_briefing(world, make):
    plan = make.plan()
    mover = make.person(name="Mover")
    make.activity(plan=plan, people=[mover])
    mover.unit = world.other_school
    mover.save()
    assert totals(coverage_counts(root=world.school, plans=[plan], on=DAY)) == (0, 0)
    assert totals(coverage_counts(root=world.other_school, plans=[plan], on=DAY)) == (1, 1)
    assert totals(coverage_counts(root=world.ward, plans=[plan], on=DAY)) == (1, 1)


def test_two_plans_are_counted_apart(world, make):
    plan_71, plan_57 = make.plan(), make.plan(title="Kế hoạch Nghị quyết 57")
    a, b = make.person(name="A"), make.person(name="B")
    make.activity(plan=plan_71, people=[a, b])
    make.activity(plan=plan_57, people=[b])
    assert totals(coverage_counts(root=world.school, plans=[plan_71], on=DAY)) == (2, 2)
    assert totals(coverage_counts(root=world.school, plans=[plan_57], on=DAY)) == (2, 1)
    assert list(people_not_briefed(root=world.school, plans=[plan_57], on=DAY)) == [a]


def test_it_counts_per_phase_and_per_audience_group(world, make):
    plan = make.plan()
    first, second = plan.phases.order_by("start_year")
    teacher = make.person(name="Teacher", group="school_staff")
    make.person(name="Clerk", group="civil_servants", unit=world.organisation)
    make.activity(plan=plan, people=[teacher], day=dt.date(2027, 1, 5))
    in_first = coverage_counts(root=world.ward, plans=[plan], phase=first, on=DAY)
    by_group = {row.audience_group_id: (row.roster, row.briefed) for row in in_first}
    assert by_group == {
        make.groups["school_staff"].pk: (1, 0),
        make.groups["civil_servants"].pk: (1, 0),
    }
    later = coverage_counts(root=world.ward, plans=[plan], phase=first, on=dt.date(2027, 2, 1))
    assert totals(later) == (2, 1)
    # Briefed in 2027: not a briefing of the 2030–2035 phase.
    assert totals(coverage_counts(root=world.ward, plans=[plan], phase=second)) == (2, 0)


def test_it_breaks_counts_down_by_unit(world, make):
    plan = make.plan()
    a = make.person(unit=world.school)
    make.person(unit=world.other_school)
    make.activity(plan=plan, people=[a])
    rows = coverage_counts(root=world.ward, plans=[plan], on=DAY, by_unit=True)
    assert {(r.unit_id, r.roster, r.briefed) for r in rows} == {
        (world.school.pk, 1, 1),
        (world.other_school.pk, 1, 0),
    }


def test_it_keeps_coverage_current_on_removal_flag_change_and_delete(world, make):
    plan = make.plan()
    a, b = make.person(name="A"), make.person(name="B")
    early = make.activity(plan=plan, people=[a], day=dt.date(2026, 3, 1))
    late = make.activity(plan=plan, people=[a, b], day=dt.date(2026, 5, 1))
    row = PersonBriefing.objects.get(person=a, plan=plan, phase__isnull=True)
    assert row.first_activity == early
    attendance_remove(activity=early, person_ids=[a.pk])
    row = PersonBriefing.objects.get(person=a, plan=plan, phase__isnull=True)
    assert (row.first_activity, row.first_briefed_on) == (late, dt.date(2026, 5, 1))
    data = ActivityData(
        title=late.title, starts_at=at(dt.date(2026, 5, 1)), channel=late.channel, plan=plan
    )
    activity_update(activity=late, data=data)
    assert totals(coverage_counts(root=world.school, plans=[plan], on=DAY)) == (2, 0)
    attendance_add(activity=early, person_ids=[b.pk], source="tick")
    assert totals(coverage_counts(root=world.school, plans=[plan], on=DAY)) == (2, 1)
    activity_delete(activity=early)
    assert PersonBriefing.objects.count() == 0


def test_a_city_roll_up_counts_each_person_against_their_own_ward_plan(world, make):
    plan, far_plan = make.plan(), make.plan(ward=world.other_ward)
    here = make.person(name="Here")
    there = make.person(name="There", unit=world.far_school)
    make.activity(plan=plan, people=[here])
    make.activity(plan=far_plan, unit=world.far_school, people=[there], briefing=False)
    rows = coverage_counts(root=world.province, plans=[plan, far_plan], on=DAY)
    assert totals(rows) == (2, 1)
    assert list(people_not_briefed(root=world.province, plans=[plan, far_plan], on=DAY)) == [there]
