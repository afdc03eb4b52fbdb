import re

import pytest
from django.urls import reverse

from accounts.models import Role, User
from accounts.tests.support import assert_access

MANAGERS = {"admin", "coordinator"}
# Every coordinator opens its own ward's user pages.
USER_PAGES = MANAGERS | {"other_coordinator"}


def _create(client, **overrides):
    data = {
        "username": "th-kimtra-2",
        "full_name": "Nguyễn Văn An",
        "phone": "0912.345.678",
        "email": "",
        "role": Role.FOCAL_POINT,
        **overrides,
    }
    return client.post(reverse("accounts:user_create"), data)


def _shown_password(response) -> str:
    match = re.search(r'id="temporary-password">([^<]+)<', response.content.decode())
    assert match, "the temporary password is not on the page"
    return match.group(1)


def test_only_admins_and_coordinators_open_the_user_pages(client, world):
    assert_access(client, world, reverse("accounts:user_list"), USER_PAGES)
    assert_access(client, world, reverse("accounts:user_create"), USER_PAGES)


def test_a_coordinator_lists_the_focal_points_of_its_ward_only(client, world):
    client.force_login(world.user("coordinator"))
    page = client.get(reverse("accounts:user_list")).content.decode()
    assert "other_focal" in page and ">focal<" in page
    for name in ("leader", "other_coordinator", "city", "admin"):
        assert f">{name}<" not in page


def test_a_coordinator_creates_a_focal_point_who_must_change_the_password(client, world):
    client.force_login(world.user("coordinator"))
    response = _create(client, unit=world.school.pk)
    user = User.objects.get(username="th-kimtra-2")
    assert response.status_code == 302 and response.url == reverse(
        "accounts:user_edit", args=[user.pk]
    )
    assert (user.role, user.unit, user.phone) == (Role.FOCAL_POINT, world.school, "0912345678")
    assert user.must_change_password
    page = client.get(response.url)
    password = _shown_password(page)
    assert user.check_password(password)
    again = client.get(response.url).content.decode()
    assert password not in again, "the temporary password must be shown once only"

    client.logout()
    client.post(reverse("accounts:login"), {"username": user.username, "password": password})
    assert client.get("/").url == reverse("accounts:password_change")


def test_a_coordinator_cannot_attach_a_user_outside_its_ward_or_grant_other_roles(client, world):
    client.force_login(world.user("coordinator"))
    response = _create(client, unit=world.far_school.pk)
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    response = _create(client, unit=world.ward.pk, role=Role.LEADER)
    assert response.status_code == 200
    assert not User.objects.filter(username="th-kimtra-2").exists()


def test_an_admin_creates_every_role_with_a_fitting_unit(client, world):
    client.force_login(world.user("admin"))
    response = _create(client, username="ld-vyda", role=Role.LEADER, unit=world.other_ward.pk)
    assert response.status_code == 302
    response = _create(client, username="ld-sai", role=Role.LEADER, unit=world.school.pk)
    assert response.status_code == 200
    assert "phường, xã" in response.content.decode()
    assert not User.objects.filter(username="ld-sai").exists()


def test_a_duplicate_username_is_refused_next_to_the_field(client, world):
    client.force_login(world.user("coordinator"))
    response = _create(client, username="focal", unit=world.school.pk)
    assert response.status_code == 200
    assert 'id="id_username_error"' in response.content.decode()


def test_reset_deactivate_and_activate(client, world):
    focal = world.user("focal")
    client.force_login(world.user("coordinator"))
    response = client.post(reverse("accounts:user_reset_password", args=[focal.pk]))
    password = _shown_password(client.get(response.url))
    focal.refresh_from_db()
    assert focal.check_password(password) and focal.must_change_password

    client.post(reverse("accounts:user_deactivate", args=[focal.pk]))
    focal.refresh_from_db()
    assert not focal.is_active
    client.post(reverse("accounts:user_activate", args=[focal.pk]))
    focal.refresh_from_db()
    assert focal.is_active


def test_a_coordinator_edits_a_focal_point(client, world):
    focal = world.user("focal")
    client.force_login(world.user("coordinator"))
    response = client.post(
        reverse("accounts:user_edit", args=[focal.pk]),
        {"full_name": "Lê  Thị Hoa", "phone": "912345678", "role": Role.FOCAL_POINT,
         "unit": world.other_school.pk},
    )  # fmt: skip
    assert response.status_code == 302
    focal.refresh_from_db()
    assert (focal.full_name, focal.phone, focal.unit) == (
        "Lê Thị Hoa",
        "0912345678",
        world.other_school,
    )


def test_the_user_page_is_scoped(client, world):
    url = reverse("accounts:user_edit", args=[world.user("focal").pk])
    assert_access(client, world, url, MANAGERS)


@pytest.mark.parametrize("name", ["user_reset_password", "user_deactivate", "user_activate"])
def test_user_actions_are_refused_to_everyone_else(client, world, name):
    focal = world.user("focal")
    before = (focal.password, focal.is_active, focal.must_change_password)
    url = reverse(f"accounts:{name}", args=[focal.pk])
    for username, user in world.users.items():
        if username in MANAGERS:
            continue
        client.force_login(user)
        assert client.post(url).status_code in (403, 404), username
    focal.refresh_from_db()
    assert (focal.password, focal.is_active, focal.must_change_password) == before


def test_another_coordinator_cannot_touch_this_wards_users(client, world):
    client.force_login(world.user("other_coordinator"))
    focal = world.user("focal")
    assert client.post(reverse("accounts:user_deactivate", args=[focal.pk])).status_code == 404
    focal.refresh_from_db()
    assert focal.is_active
