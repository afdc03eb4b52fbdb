"""Every activities URL, fetched as every user of the world (assert_access in accounts.tests)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.tests.support import assert_access
from activities.models import Activity, Attendance, Channel, Evidence
from activities.services import checkin_open, evidence_add
from activities.tests.conftest import at

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
WARD_VIEWERS = {"admin", "coordinator", "leader", "city"}
SCHOOL_VIEWERS = WARD_VIEWERS | {"focal"}
SCHOOL_EDITORS = {"admin", "coordinator", "focal"}
# Pages that name people: the city viewer sees figures only (accounts.scoping.can_see_people).
SCHOOL_PEOPLE_VIEWERS = SCHOOL_VIEWERS - {"city"}


@pytest.fixture
def setup(world, make):
    plan = make.plan()
    person = make.person()
    activity = make.activity(plan=plan, people=[person])
    evidence = evidence_add(activity=activity, upload=SimpleUploadedFile("anh.png", PNG))
    return activity, evidence, person, plan


def test_read_pages_are_scoped(client, world, setup):
    activity, evidence, _person, plan = setup
    url = reverse("activities:detail", args=[activity.pk])
    assert_access(client, world, url, SCHOOL_VIEWERS)
    for name in ("attendance", "checkin_queue"):
        url = reverse(f"activities:{name}", args=[activity.pk])
        assert_access(client, world, url, SCHOOL_PEOPLE_VIEWERS)
    url = reverse("activities:evidence_download", args=[evidence.pk])
    assert_access(client, world, url, SCHOOL_VIEWERS)
    for name, viewers in (("coverage", SCHOOL_VIEWERS), ("not_briefed", SCHOOL_PEOPLE_VIEWERS)):
        url = reverse(f"activities:{name}") + f"?unit={world.school.pk}&plan={plan.pk}"
        assert_access(client, world, url, viewers)
        assert_access(client, world, url + "&format=xlsx", viewers)
    ward_url = reverse("activities:coverage") + f"?unit={world.ward.pk}"
    assert_access(client, world, ward_url, WARD_VIEWERS)


def test_edit_pages_are_scoped(client, world, setup):
    activity, _evidence, _person, _plan = setup
    for name in ("edit", "sheet_upload", "checkin_setup"):
        url = reverse(f"activities:{name}", args=[activity.pk])
        assert_access(client, world, url, SCHOOL_EDITORS)


def test_lists_show_only_what_the_user_reaches(client, world, setup):
    activity, *_ = setup
    assert_access(client, world, reverse("activities:list"), set(world.users))
    for name, visible in (("focal", True), ("other_focal", False), ("far_city", False)):
        client.force_login(world.user(name))
        page = client.get(reverse("activities:list")).content.decode()
        assert (activity.title in page) is visible, name


def test_create_is_for_editors_and_only_in_their_units(client, world, make, setup):
    allowed = {"admin", "coordinator", "focal", "other_focal", "other_coordinator"}
    assert_access(client, world, reverse("activities:create"), allowed)
    channel = make.channel()
    data = {
        "unit": world.school.pk,
        "title": "Sinh hoạt chuyên đề",
        "starts_at": "2026-04-10T08:00",
        "channel": channel.pk,
    }
    client.force_login(world.user("other_focal"))
    response = client.post(reverse("activities:create"), data)
    assert response.status_code == 200  # the school is not a choice for another unit's focal
    assert not Activity.objects.filter(title="Sinh hoạt chuyên đề").exists()
    client.force_login(world.user("focal"))
    response = client.post(reverse("activities:create"), data)
    assert response.status_code == 302
    assert Activity.objects.filter(title="Sinh hoạt chuyên đề", unit=world.school).exists()


def test_writes_by_outsiders_change_nothing(client, world, make, setup):
    activity, evidence, person, _plan = setup
    other = make.person(name="Trần Thị Bình")
    outsiders = ["leader", "other_focal", "other_coordinator", "city", "far_city"]
    posts = [
        (
            reverse("activities:attendance", args=[activity.pk]),
            {"shown": [other.pk, person.pk], "person": [other.pk]},
        ),
        (reverse("activities:evidence_delete", args=[evidence.pk]), {}),
        (reverse("activities:evidence_add", args=[activity.pk]), {"file": io.BytesIO(PNG)}),
        (
            reverse("activities:checkin_setup", args=[activity.pk]),
            {"opens_at": "2026-04-10T07:00", "closes_at": "2026-04-10T11:00"},
        ),
        (reverse("activities:delete", args=[activity.pk]), {}),
    ]
    for name in outsiders:
        client.force_login(world.user(name))
        for url, data in posts:
            response = client.post(url, data)
            assert response.status_code in (403, 404), (name, url, response.status_code)
    assert set(Attendance.objects.values_list("person_id", flat=True)) == {person.pk}
    assert Evidence.objects.count() == 1
    activity.refresh_from_db()
    assert activity.checkin_token is None


def test_channels_are_managed_by_the_ward_coordinator(client, world):
    url = reverse("activities:channels") + f"?ward={world.ward.pk}"
    assert_access(client, world, url, {"admin", "coordinator"})
    client.force_login(world.user("coordinator"))
    response = client.post(url, {"name": "Tọa đàm", "order": 20, "is_active": "on"})
    assert response.status_code == 302
    client.get(url)

    assert Channel.objects.filter(ward=world.ward, name="Tọa đàm").exists()


def test_the_check_in_page_needs_no_login_but_a_live_token(client, world, setup):
    activity, *_ = setup
    assert client.get("/d/not-a-token/").status_code == 404
    checkin_open(
        activity=activity, opens_at=at(activity.held_on, 7), closes_at=at(activity.held_on, 11)
    )
    assert client.get(f"/d/{activity.checkin_token}/").status_code == 200


def test_the_city_viewer_gets_no_link_to_pages_of_people(client, world, setup):
    activity, _evidence, _person, plan = setup
    client.force_login(world.user("city"))
    detail = client.get(reverse("activities:detail", args=[activity.pk])).content.decode()
    assert reverse("activities:attendance", args=[activity.pk]) not in detail
    assert reverse("activities:checkin_queue", args=[activity.pk]) not in detail
    assert "1 người tham dự" in detail
    coverage = client.get(
        reverse("activities:coverage"), {"unit": world.school.pk, "plan": plan.pk}
    )
    assert reverse("activities:not_briefed") not in coverage.content.decode()
    client.force_login(world.user("coordinator"))
    coverage = client.get(
        reverse("activities:coverage"), {"unit": world.school.pk, "plan": plan.pk}
    )
    assert reverse("activities:not_briefed") in coverage.content.decode()
