import datetime as dt

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from accounts.tests.support import PASSWORD


def _login(client):
    response = client.post(reverse("accounts:login"), {"username": "leader", "password": PASSWORD})
    assert response.status_code == 302


def test_an_idle_session_expires_after_the_configured_age(client, world, settings):
    _login(client)
    assert client.get("/").status_code == 200
    session = Session.objects.get()
    session.expire_date = timezone.now() - dt.timedelta(seconds=1)
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and reverse("accounts:login") in response.url


def test_activity_pushes_the_expiry_forward_at_most_every_few_minutes(client, world, settings):
    _login(client)
    client.get("/")
    first = Session.objects.get().expire_date
    client.get("/")
    assert Session.objects.get().expire_date == first  # no write on every page
    session = client.session
    session["_refreshed_at"] -= settings.SESSION_REFRESH_SECONDS
    session.save()
    client.get("/")
    later = Session.objects.get().expire_date
    expected = timezone.now() + dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    assert later > first and abs((later - expected).total_seconds()) < 60


def test_logout_is_a_post_and_ends_the_session(client, world):
    _login(client)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.get("/").status_code == 200
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response.url == reverse("accounts:login")
    assert client.get("/").status_code == 302


def test_a_session_ends_after_its_absolute_lifetime_however_active(client, world, settings):
    settings.SESSION_ABSOLUTE_SECONDS = 60 * 60 * 12
    _login(client)
    assert client.get("/").status_code == 200
    session = client.session
    session["_started_at"] -= 60 * 60 * 12 + 1
    session["_refreshed_at"] = session["_started_at"]
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and reverse("accounts:login") in response.url
    assert client.get("/").status_code == 302


def test_pages_of_a_logged_in_user_are_never_stored(client, world):
    _login(client)
    assert client.get("/").headers["Cache-Control"] == "no-store, private"
