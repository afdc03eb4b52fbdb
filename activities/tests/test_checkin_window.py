import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone

from activities import selectors
from activities.forms import CheckinForm
from activities.services import checkin_open
from activities.tests.conftest import at

HUE = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
DAY = dt.date(2026, 4, 10)


def end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59), tzinfo=HUE)


@pytest.mark.django_db
def test_a_check_in_set_up_the_next_day_opens_now_until_the_end_of_today(make):
    activity = make.activity(plan=make.plan(), day=DAY)
    now = dt.datetime(2026, 4, 11, 9, 30, tzinfo=HUE)
    opens, closes = selectors.checkin_default_window(activity=activity, now=now)
    assert opens == now.replace(second=0, microsecond=0)
    assert closes == end_of(dt.date(2026, 4, 11))


@pytest.mark.django_db
def test_a_check_in_set_up_before_a_later_day_opens_with_the_activity(make):
    activity = make.activity(plan=make.plan(), day=DAY)
    now = dt.datetime(2026, 4, 1, 15, 0, tzinfo=HUE)
    opens, closes = selectors.checkin_default_window(activity=activity, now=now)
    assert opens == activity.starts_at
    assert closes == end_of(DAY)


@pytest.mark.django_db
def test_the_set_up_page_warns_when_the_window_has_passed(client, make, world):
    activity = make.activity(plan=make.plan(), day=DAY)
    checkin_open(activity=activity, opens_at=at(DAY, 7), closes_at=at(DAY, 11))
    client.force_login(world.user("focal"))
    page = client.get(f"/hoat-dong/{activity.pk}/ma-qr/").content.decode()
    assert "Đã hết thời gian nhận điểm danh" in page


@pytest.mark.django_db
def test_the_set_up_page_says_when_check_in_is_open(client, make, world):
    activity = make.activity(plan=make.plan(), day=timezone.localdate())
    now = timezone.now()
    checkin_open(
        activity=activity,
        opens_at=now - dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(hours=1),
    )
    client.force_login(world.user("focal"))
    page = client.get(f"/hoat-dong/{activity.pk}/ma-qr/").content.decode()
    assert "Đang nhận điểm danh" in page
    assert "Đã hết thời gian nhận điểm danh" not in page


@pytest.mark.django_db
def test_the_public_phone_field_brings_up_the_number_keypad(world):
    widget = str(CheckinForm(ward=world.ward)["phone"])
    assert 'type="tel"' in widget and 'inputmode="numeric"' in widget
