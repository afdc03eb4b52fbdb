import datetime as dt

import pytest
from django.utils import timezone

from activities import services
from activities.models import Attendance, CheckinAttempt, CheckinRequest
from activities.services import CHECKIN_RECORDED, checkin_open, checkin_submit
from activities.tests.conftest import at
from units.models import Person

DAY = dt.date(2026, 4, 10)


@pytest.fixture
def opened(world, make):
    activity = make.activity(plan=make.plan(), day=DAY)
    return checkin_open(activity=activity, opens_at=at(DAY, 7), closes_at=at(DAY, 11))


def submit(activity, phone="", name="", unit=None, device="c:phone-1", address="10.0.0.1", hour=8):
    return checkin_submit(
        activity=activity,
        phone=phone,
        full_name=name,
        unit=unit,
        device=device,
        address=address,
        now=at(DAY, hour),
    )


def test_it_records_a_person_found_by_phone_once(opened, make):
    person = make.person(phone="0912 345 678")
    first = submit(opened, phone="+84 912 345 678")
    again = submit(opened, phone="0912345678", device="c:phone-2")
    assert first.recorded and again.recorded
    assert first.message == again.message == str(CHECKIN_RECORDED)
    assert list(Attendance.objects.values_list("person_id", "source")) == [(person.pk, "qr")]


def test_it_matches_by_name_and_unit_without_diacritics(opened, make, world):
    person = make.person(name="Nguyễn Thị Ánh", phone="")
    outcome = submit(opened, name="  nguyen thi  anh ", unit=world.school)
    assert outcome.recorded
    assert Attendance.objects.filter(person=person).exists()


def test_fake_phones_are_refused_with_a_clear_message(opened):
    outcome = submit(opened, phone="123")
    assert not outcome.recorded and outcome.field == "phone"
    assert "không hợp lệ" in outcome.message
    assert not Attendance.objects.exists() and not CheckinRequest.objects.exists()


def test_unknown_phones_wait_for_review_once_and_say_the_same_thing(opened, make):
    make.person(phone="0912345678")
    unknown = submit(opened, phone="0987654321")
    submit(opened, phone="0987 654 321", device="c:phone-2")
    assert unknown.message == str(CHECKIN_RECORDED)
    assert list(CheckinRequest.objects.values_list("phone", flat=True)) == ["0987654321"]
    assert not Attendance.objects.exists()


def test_shared_phones_wait_for_review(opened, make):
    first = make.person(name="A", phone="0912345678")
    # Rosters imported before phones were checked for clashes may hold a shared number.
    twin = make.person(name="B", phone="")
    Person.objects.filter(pk=twin.pk).update(phone=first.phone)
    submit(opened, phone="0912345678")
    assert CheckinRequest.objects.count() == 1
    assert not Attendance.objects.exists()


def test_it_refuses_outside_the_window(opened, make):
    make.person(phone="0912345678")
    early = submit(opened, phone="0912345678", hour=6)
    late = submit(opened, phone="0912345678", hour=12)
    assert not early.recorded and not late.recorded
    assert "Ngoài thời gian" in late.message
    assert not Attendance.objects.exists()


def test_a_scripted_burst_from_one_device_is_stopped(opened, make):
    person = make.person(phone="0912345678")
    outcomes = [submit(opened, phone=f"09{n:08d}") for n in range(20)]
    refused = [o for o in outcomes if o.rate_limited]
    assert len(refused) == 20 - services.CHECKIN_DEVICE_LIMIT
    assert CheckinRequest.objects.count() == services.CHECKIN_DEVICE_LIMIT
    # Another phone in the same room still checks in.
    assert submit(opened, phone=person.phone, device="c:phone-9").recorded
    assert Attendance.objects.filter(person=person).exists()


def test_a_flood_from_many_devices_hits_the_activity_limit(opened, make, monkeypatch):
    monkeypatch.setattr(services, "CHECKIN_ACTIVITY_LIMIT", 10)
    outcomes = [
        submit(opened, phone="1", device=f"c:{n}", address=f"10.0.{n}.1") for n in range(15)
    ]
    # The 11th to 15th attempts within the window are over the limit.
    assert sum(o.rate_limited for o in outcomes) == 5
    assert CheckinAttempt.objects.count() == 15


def test_closing_invalidates_the_token(opened):
    token = opened.checkin_token
    services.checkin_close(activity=opened)
    assert opened.checkin_token is None
    assert not opened.checkin_is_open(at(DAY, 8))
    assert token


def test_the_public_page_sets_a_device_cookie_and_shows_no_roster_data(client, opened, make):
    person = make.person(name="Lê Văn Cường", phone="0912345678")
    now = timezone.now()
    checkin_open(
        activity=opened, opens_at=now - dt.timedelta(hours=1), closes_at=now + dt.timedelta(hours=1)
    )
    url = f"/d/{opened.checkin_token}/"
    client.get(url)
    response = client.post(url, {"phone": "0912345678"})
    page = response.content.decode()
    assert str(CHECKIN_RECORDED) in page
    assert person.full_name not in page
    assert "tt_device" in client.cookies
    assert Attendance.objects.filter(person=person).exists()


def test_queued_check_ins_are_resolved_by_the_unit(opened, make):
    person = make.person(phone="")
    submit(opened, phone="0987654321")
    request = CheckinRequest.objects.get()
    services.checkin_request_resolve(request=request, person=person)
    request.refresh_from_db()
    assert request.status == "accepted"
    assert Attendance.objects.filter(person=person, activity=opened).exists()


def test_the_page_answers_429_to_a_burst_in_any_interface_language(client, opened, settings):
    opened.checkin_opens_at = timezone.now() - dt.timedelta(hours=1)
    opened.checkin_closes_at = timezone.now() + dt.timedelta(hours=1)
    opened.save()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = f"/d/{opened.checkin_token}/"
    statuses = [
        client.post(url, {"phone": f"09{n:08d}"}).status_code
        for n in range(services.CHECKIN_DEVICE_LIMIT + 2)
    ]
    assert statuses[-1] == 429 and statuses[0] == 200
