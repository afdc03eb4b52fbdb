"""A resident of another unit who checked in at a school's activity is matched against the
whole ward's roster, by whoever reaches that roster."""

import datetime as dt

import pytest

from activities.forms import CheckinForm
from activities.models import Attendance, CheckinRequest
from activities.services import checkin_open, checkin_submit
from activities.tests.conftest import at
from units.models import Person

DAY = dt.date(2026, 4, 10)


@pytest.fixture
def queued(world, make):
    activity = make.activity(plan=make.plan(), day=DAY)
    checkin_open(activity=activity, opens_at=at(DAY, 7), closes_at=at(DAY, 11))
    checkin_submit(
        activity=activity,
        phone="0987654321",
        full_name="Hoàng Thị Mai",
        unit=None,
        device="c:1",
        address="10.0.0.1",
        now=at(DAY, 8),
    )
    resident = make.person(unit=world.organisation, group="members", name="Hoàng Thị Mai", phone="")
    return activity, CheckinRequest.objects.get(), resident


def queue_url(activity):
    return f"/hoat-dong/{activity.pk}/cho-xac-nhan/"


@pytest.mark.django_db
def test_the_coordinator_finds_and_matches_a_resident_of_another_unit(client, world, queued):
    activity, request, resident = queued
    client.force_login(world.user("coordinator"))
    page = client.get(queue_url(activity), {"q": "hoang thi mai"}).content.decode()
    assert f'<option value="{resident.pk}">{resident.full_name} (' in page
    client.post(queue_url(activity), {"request": request.pk, "person": resident.pk})
    assert Attendance.objects.filter(activity=activity, person=resident).exists()


@pytest.mark.django_db
def test_a_focal_point_neither_sees_nor_matches_people_of_units_it_does_not_manage(
    client, world, queued
):
    activity, request, resident = queued
    client.force_login(world.user("focal"))
    page = client.get(queue_url(activity), {"q": "hoang thi mai"}).content.decode()
    assert f'<option value="{resident.pk}">{resident.full_name} (' not in page
    answer = client.post(queue_url(activity), {"request": request.pk, "person": resident.pk})
    assert answer.status_code == 404
    assert not Attendance.objects.filter(person=resident).exists()
    request.refresh_from_db()
    assert request.status == "pending"


@pytest.mark.django_db
def test_the_public_form_asks_for_a_unit_only_if_the_resident_has_one(world):
    field = CheckinForm(ward=world.ward).fields["unit"]
    assert not field.required
    assert str(field.label) == "Tổ dân phố / đơn vị (nếu có)"
    assert "đơn vị công tác" not in str(field.label)


@pytest.mark.django_db
def test_a_resident_without_a_unit_who_gives_a_name_waits_for_review(world, make):
    activity = make.activity(plan=make.plan(), day=DAY)
    checkin_open(activity=activity, opens_at=at(DAY, 7), closes_at=at(DAY, 11))
    outcome = checkin_submit(
        activity=activity,
        phone="",
        full_name="Lê Văn Tư",
        unit=None,
        device="c:2",
        address="10.0.0.2",
        now=at(DAY, 8),
    )
    assert outcome.recorded
    assert list(CheckinRequest.objects.values_list("full_name", flat=True)) == ["Lê Văn Tư"]


@pytest.mark.django_db
def test_the_coordinator_adds_an_unknown_resident_as_a_new_person_who_counts(
    client, world, queued, make
):
    activity, request, _ = queued
    group = make.groups["residents"]
    client.force_login(world.user("coordinator"))
    client.post(
        queue_url(activity),
        {
            "request": request.pk,
            "add": "1",
            "full_name": "Hoàng Thị Mai",
            "unit": world.organisation.pk,
            "audience_group": group.pk,
        },
    )
    added = Attendance.objects.get(activity=activity).person
    assert (added.unit, added.phone, added.full_name) == (
        world.organisation,
        "0987654321",
        "Hoàng Thị Mai",
    )


@pytest.mark.django_db
def test_a_focal_point_cannot_add_a_person_into_a_unit_it_does_not_manage(
    client, world, queued, make
):
    activity, request, _ = queued
    client.force_login(world.user("focal"))
    page = client.get(queue_url(activity)).content.decode()
    assert f'<option value="{world.organisation.pk}">{world.organisation.name}<' not in page
    client.post(
        queue_url(activity),
        {
            "request": request.pk,
            "add": "1",
            "full_name": "Hoàng Thị Mai",
            "unit": world.organisation.pk,
            "audience_group": make.groups["residents"].pk,
        },
    )
    assert not Attendance.objects.exists()
    assert not Person.objects.filter(phone="0987654321").exists()
    request.refresh_from_db()
    assert request.status == "pending"
