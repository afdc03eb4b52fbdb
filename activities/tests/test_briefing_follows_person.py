"""The first-briefing rows carry a copy of their person's ward, unit, group and active range;
a database trigger keeps it current through every write path of the units app."""

import datetime as dt

from django.db import connection

from activities.models import CoveragePerson, PersonBriefing
from activities.selectors import coverage_counts
from activities.services import PERSON_COPY
from activities.triggers import NAME, person_copy_trigger_install
from units.models import AudienceGroup, Person

DAY = dt.date(2026, 6, 30)


def totals(rows):
    return sum(r.roster for r in rows), sum(r.briefed for r in rows)


def copies_match_people():
    people = {pk: tuple(rest) for pk, *rest in Person.objects.values_list("pk", *PERSON_COPY)}
    copies = {
        pk: tuple(rest) for pk, *rest in CoveragePerson.objects.values_list("pk", *PERSON_COPY)
    }
    assert copies == people
    rows = PersonBriefing.objects.values_list("person_id", *PERSON_COPY)
    assert rows, "the scenario should brief someone"
    for person_id, *copied in rows:
        assert tuple(copied) == people[person_id]


def test_a_bulk_update_moves_the_briefing_with_the_person(world, make):
    plan = make.plan()
    mover = make.person(name="Mover")
    make.activity(plan=plan, people=[mover])
    mover.unit = world.other_school
    # The roster import's path: bulk_update, which sends no signal.
    Person.objects.bulk_update([mover], ["unit"])
    copies_match_people()
    assert totals(coverage_counts(root=world.school, plans=[plan], on=DAY)) == (0, 0)
    assert totals(coverage_counts(root=world.other_school, plans=[plan], on=DAY)) == (1, 1)


def test_a_queryset_update_of_the_active_range_and_group_is_followed(world, make):
    plan = make.plan()
    leaver, stayer = make.person(name="Leaver"), make.person(name="Stayer")
    make.activity(plan=plan, people=[leaver, stayer], day=dt.date(2026, 3, 1))
    Person.objects.filter(pk=leaver.pk).update(active_to=dt.date(2026, 5, 31))
    members = AudienceGroup.objects.get(ward=world.ward, code="members")
    Person.objects.filter(pk=stayer.pk).update(audience_group=members)
    copies_match_people()
    rows = coverage_counts(root=world.school, plans=[plan], on=DAY)
    assert [(r.audience_group_id, r.roster, r.briefed) for r in rows] == [(members.pk, 1, 1)]
    assert totals(coverage_counts(root=world.school, plans=[plan], on=dt.date(2026, 5, 31))) == (
        2,
        2,
    )


def test_installing_again_restores_a_dropped_trigger(world, make):
    plan = make.plan()
    person = make.person()
    make.activity(plan=plan, people=[person])
    with connection.cursor() as cursor:
        # What a migration that rebuilds the people table does to it on SQLite.
        on_table = " ON units_person" if connection.vendor == "postgresql" else ""
        cursor.execute(f"DROP TRIGGER {NAME}_update{on_table}")
    person_copy_trigger_install(connection=connection)
    Person.objects.filter(pk=person.pk).update(unit=world.other_school)
    copies_match_people()


def test_every_person_has_one_copy_whatever_path_wrote_them(world, make):
    plan = make.plan()
    kept = make.person(name="Kept")
    make.activity(plan=plan, people=[kept])
    gone = make.person(name="Gone")
    group = AudienceGroup.objects.get(ward=world.ward, code="school_staff")
    # The roster import's path for new people: bulk_create, no save(), no signal.
    imported = Person(
        ward=world.ward, unit=world.school, audience_group=group, full_name="Imported"
    )
    imported.refresh_keys()
    Person.objects.bulk_create([imported])
    gone.delete()
    copies_match_people()
    assert totals(coverage_counts(root=world.school, plans=[plan], on=DAY)) == (2, 1)
