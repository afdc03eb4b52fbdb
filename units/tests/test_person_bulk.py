import datetime as dt

from django.db import transaction

from activities.models import CoveragePerson
from common.bulk import bulk_insert, bulk_update
from units.models import AudienceGroup, Person
from units.services import person_build


def _people(world, count: int) -> list[Person]:
    group = AudienceGroup.objects.filter(ward=world.ward).first()
    return [
        person_build(
            unit=world.school,
            audience_group=group,
            full_name=f"  Nguyễn   Văn An {i} ",
            phone=f"091234{i:04d}",
            date_of_birth=dt.date(1980 + i % 3, 1, 5),
            notes="Ghi chú\r\ndòng hai",
        )
        for i in range(count)
    ]


def test_a_built_person_is_clean_and_knows_its_unit_without_a_query(
    world, django_assert_num_queries
):
    person = _people(world, 1)[0]
    with django_assert_num_queries(0):
        assert person.unit == world.school
        assert person.ward_id == world.ward.pk
        assert person.audience_group.ward_id == world.ward.pk
    assert person.full_name == "Nguyễn Văn An 0"
    assert person.search_key == "nguyen van an 0"
    assert person.notes == "Ghi chú\ndòng hai"
    assert person.pk is None and person.position == "" and person.active_to is None


def test_bulk_insert_saves_every_field_and_one_timestamp_for_the_batch(world):
    people = _people(world, 5)
    with transaction.atomic():
        bulk_insert(people)
    saved = list(Person.objects.filter(pk__in=[p.pk for p in people]).order_by("pk"))
    assert [p.full_name for p in saved] == [p.full_name for p in people]
    assert [p.date_of_birth for p in saved] == [dt.date(1980 + i % 3, 1, 5) for i in range(5)]
    assert [p.phone for p in saved] == [f"091234{i:04d}" for i in range(5)]
    assert saved[0].notes == "Ghi chú\ndòng hai" and saved[0].active_from is None
    assert len({(p.created_at, p.updated_at) for p in saved}) == 1
    assert saved[0].created_at == saved[0].updated_at is not None
    # The coverage copy follows bulk writes too (a database trigger).
    assert CoveragePerson.objects.filter(person_id__in=[p.pk for p in people]).count() == 5


def test_bulk_update_writes_each_persons_own_values_and_coverage_follows(world):
    people = _people(world, 3)
    with transaction.atomic():
        bulk_insert(people)
    first, second, third = people
    first.unit_id, first.date_of_birth = world.other_school.pk, None
    second.position, second.date_of_birth = "Hiệu trưởng", dt.date(1975, 12, 31)
    with transaction.atomic():
        bulk_update([first, second], ["unit", "position", "date_of_birth"])
    saved = {p.pk: p for p in Person.objects.filter(pk__in=[p.pk for p in people])}
    assert (saved[first.pk].unit_id, saved[first.pk].date_of_birth) == (world.other_school.pk, None)
    assert saved[second.pk].position == "Hiệu trưởng"
    assert saved[second.pk].date_of_birth == dt.date(1975, 12, 31)
    assert saved[third.pk].position == "" and saved[third.pk].unit_id == world.school.pk
    assert CoveragePerson.objects.get(person_id=first.pk).unit_id == world.other_school.pk
