import datetime as dt

import pytest
from django.db import transaction

from activities.models import CoveragePerson
from common import bulk
from common.bulk import bulk_insert
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


# Big batches go through a staging table on SQLite; both ways must save the same.
@pytest.mark.parametrize("stage_from", [1, 10_000])
def test_bulk_insert_saves_every_field_and_one_timestamp_for_the_batch(
    world, monkeypatch, stage_from
):
    monkeypatch.setattr(bulk, "STAGE_FROM", stage_from)
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
