from django.urls import reverse

from accounts.models import Role
from accounts.services import user_create
from accounts.tests.support import PASSWORD, assert_access
from dashboard.selectors import next_steps_for
from units.models import AudienceGroup
from units.services import person_create


def _texts(user) -> list[str]:
    return [step.text for step in next_steps_for(user)]


def test_every_role_opens_its_home_page(client, world):
    assert_access(client, world, reverse("dashboard:home"), set(world.users))


def test_the_coordinator_is_told_about_units_without_a_focal_point(world):
    coordinator = world.user("coordinator")
    # The two schools have focal points; the mass organisation has none.
    assert "1 đơn vị chưa có tài khoản đầu mối: tạo tài khoản." in _texts(coordinator)
    user_create(username="hpn", password=PASSWORD, role=Role.FOCAL_POINT, unit=world.organisation)
    assert not any("chưa có tài khoản đầu mối" in text for text in _texts(coordinator))


def test_the_roster_step_follows_the_people_count(world):
    coordinator = world.user("coordinator")
    roster_step = "Chưa có danh sách người: nhập danh sách từ tệp Excel."
    assert roster_step in _texts(coordinator)
    person_create(
        unit=world.school,
        audience_group=AudienceGroup.objects.get(ward=world.ward, code="students"),
        full_name="Lê Văn Tám",
    )
    assert roster_step not in _texts(coordinator)


def test_each_step_links_to_a_page_the_user_may_open(client, world):
    # Pages of the other apps are swept by accounts/tests/test_every_url.py.
    for name, user in world.users.items():
        client.force_login(user)
        for step in next_steps_for(user):
            assert client.get(step.url, follow=True).status_code == 200, (name, step)


def test_the_home_page_greets_and_lists_the_steps(client, world):
    client.force_login(world.user("coordinator"))
    page = client.get("/").content.decode()
    assert "Xin chào" in page and "Việc cần làm tiếp theo" in page
    assert reverse("accounts:user_create") in page


def test_a_coordinator_without_a_plan_is_told_to_import_one(client, world):
    client.force_login(world.user("coordinator"))
    page = client.get("/").content.decode()
    assert "Chưa có kế hoạch nào: nhập kế hoạch." in page
    assert f'href="{reverse("plans:upload")}"' in page
    assert client.get(reverse("plans:upload")).status_code == 200
