"""Who may open each dashboard page, export and infographic: every role of the test world."""

import pytest
from django.urls import reverse

from accounts.tests.support import assert_access
from indicators.tests.support import build_dataset

URLS = ["dashboard:overview", "dashboard:overview_print", "dashboard:overview_export",
        "dashboard:infographic"]  # fmt: skip
EVERY_ROLE = {"admin", "coordinator", "leader", "focal", "other_focal", "other_coordinator",
              "city", "far_city"}  # fmt: skip


@pytest.fixture
def data(world):
    return build_dataset(world)


@pytest.mark.parametrize("name", URLS)
def test_a_school_is_seen_by_its_ward_city_and_own_focal_point_only(client, world, data, name):
    url = f"{reverse(name)}?unit={world.school.pk}&period={data.period.code}"
    assert_access(client, world, url, {"admin", "coordinator", "leader", "focal", "city"})


@pytest.mark.parametrize("name", URLS)
def test_a_ward_is_hidden_from_other_wards_and_its_schools(client, world, data, name):
    url = f"{reverse(name)}?unit={world.ward.pk}&period={data.period.code}"
    assert_access(client, world, url, {"admin", "coordinator", "leader", "city"})


@pytest.mark.parametrize("name", URLS)
def test_a_province_is_seen_by_its_city_viewer_and_admins(client, world, data, name):
    url = f"{reverse(name)}?unit={world.province.pk}&period={data.period.code}"
    assert_access(client, world, url, {"admin", "city"})


@pytest.mark.parametrize("name", URLS)
def test_everyone_opens_their_own_scope_by_default(client, world, data, name):
    assert_access(client, world, reverse(name), EVERY_ROLE)


def test_the_focal_point_lands_on_its_own_school(client, world, data):
    client.force_login(world.user("focal"))
    html = client.get(reverse("dashboard:overview")).content.decode()
    assert f"Bảng điều khiển: {world.school.name}" in html


def test_nobody_logged_out_gets_a_page(client, world):
    for name in URLS:
        response = client.get(reverse(name))
        assert response.status_code == 302 and "dang-nhap" in response["Location"]
