import pytest
from django.urls import reverse

from units.models import AudienceGroup
from units.services import person_create


@pytest.mark.parametrize(
    "url_name", ["admin:index", "admin:accounts_user_changelist", "admin:units_unit_changelist"]
)
def test_only_admins_enter_the_django_admin(client, world, url_name):
    url = reverse(url_name)
    for name, user in world.users.items():
        client.force_login(user)
        response = client.get(url)
        if name == "admin":
            assert response.status_code == 200, name
        else:
            assert response.status_code == 302 and "/login/" in response.url, name


def test_admin_pages_are_vietnamese_and_open_each_record(client, world):
    person = person_create(
        unit=world.school,
        audience_group=AudienceGroup.objects.get(ward=world.ward, code="students"),
        full_name="Hồ Văn Nam",
    )
    client.force_login(world.user("admin"))
    home = client.get(reverse("admin:index")).content.decode()
    assert "Quản trị hệ thống truyền thông nghị quyết" in home and "Đơn vị" in home
    urls = [
        reverse("admin:accounts_user_change", args=[world.user("focal").pk]),
        reverse("admin:units_unit_change", args=[world.school.pk]),
        reverse("admin:units_person_change", args=[person.pk]),
        reverse("admin:units_audiencegroup_changelist"),
        reverse("admin:units_person_changelist") + "?q=ho van",
        reverse("admin:accounts_user_add"),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
