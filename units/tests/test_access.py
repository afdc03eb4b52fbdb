"""Every page, export and endpoint of the units app, tried by every role of the world."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from accounts.tests.support import assert_access
from units.models import AudienceGroup, Person, Unit
from units.services import person_create, roster_preview_create
from units.tests.rosters import messy_roster

EVERYONE = {
    "admin",
    "coordinator",
    "leader",
    "focal",
    "other_focal",
    "other_coordinator",
    "city",
    "far_city",
}
SEES_SCHOOL = {"admin", "coordinator", "leader", "focal", "city"}
SEES_OTHER_SCHOOL = {"admin", "coordinator", "leader", "other_focal", "city"}
MANAGES_WARD = {"admin", "coordinator"}
# The city needs figures, not the roster: a city viewer sees no named person.
CITY_VIEWERS = {"city", "far_city"}
EDITS_SCHOOL = {"admin", "coordinator", "focal"}


@pytest.fixture
def people(world):
    group = AudienceGroup.objects.get(ward=world.ward, code="school_staff")
    return {
        "school": person_create(
            unit=world.school, audience_group=group, full_name="Nguyễn Thị Mai", phone="0912000001"
        ),
        "other_school": person_create(
            unit=world.other_school, audience_group=group, full_name="Lê Văn Tùng"
        ),
    }


def _person_data(world, person, **changes):
    return {
        "full_name": person.full_name,
        "unit": person.unit_id,
        "audience_group": person.audience_group_id,
        "phone": person.phone,
        **changes,
    }


def test_tree_opens_for_every_role_and_people_for_all_but_the_city(client, world):
    assert_access(client, world, reverse("units:tree"), EVERYONE)
    for name in ("person_list", "roster_export"):
        assert_access(client, world, reverse(f"units:{name}"), EVERYONE - CITY_VIEWERS)


def test_the_city_viewer_sees_the_unit_figures_but_no_link_to_its_people(client, world, people):
    client.force_login(world.user("city"))
    page = client.get(reverse("units:unit_detail", args=[world.school.pk])).content.decode()
    assert reverse("units:person_list") not in page


def test_unit_pages_follow_the_scope(client, world):
    school, other = world.school, world.other_school
    assert_access(client, world, reverse("units:unit_detail", args=[school.pk]), SEES_SCHOOL)
    assert_access(client, world, reverse("units:unit_detail", args=[other.pk]), SEES_OTHER_SCHOOL)
    assert_access(client, world, reverse("units:unit_edit", args=[school.pk]), MANAGES_WARD)
    assert_access(client, world, reverse("units:unit_edit", args=[other.pk]), MANAGES_WARD)
    creators = {"admin", "coordinator", "other_coordinator"}
    assert_access(client, world, reverse("units:unit_create"), creators)
    assert_access(client, world, reverse("units:ward_create"), {"admin"})
    assert_access(client, world, reverse("units:ward_search") + "?q=kim", {"admin"})


def test_only_the_ward_manager_changes_units(client, world):
    url = reverse("units:unit_edit", args=[world.school.pk])
    data = {"name": "Tên bị đổi", "kind": "school", "school_level": "primary", "is_active": "on"}
    for name in EVERYONE - MANAGES_WARD:
        client.force_login(world.user(name))
        assert client.post(url, data).status_code in (403, 404)
    world.school.refresh_from_db()
    assert world.school.name == "Trường Tiểu học Kim Trà"
    create = {"parent": world.ward.pk, "name": "Tổ dân phố 9", "kind": "residential_group"}
    assert_access(client, world, reverse("units:unit_create"), MANAGES_WARD, "post", create)
    assert Unit.objects.filter(name="Tổ dân phố 9").count() == 2  # admin and coordinator


def test_person_pages_follow_the_scope(client, world, people):
    mine, theirs = people["school"], people["other_school"]
    url = reverse("units:person_detail", args=[mine.pk])
    assert_access(client, world, url, SEES_SCHOOL - CITY_VIEWERS)
    url = reverse("units:person_detail", args=[theirs.pk])
    assert_access(client, world, url, SEES_OTHER_SCHOOL - CITY_VIEWERS)
    assert_access(client, world, reverse("units:person_edit", args=[mine.pk]), EDITS_SCHOOL)
    assert_access(
        client,
        world,
        reverse("units:person_edit", args=[theirs.pk]),
        {"admin", "coordinator", "other_focal"},
    )
    editors = {"admin", "coordinator", "focal", "other_focal", "other_coordinator"}
    assert_access(client, world, reverse("units:person_create"), editors)


def test_readers_and_other_schools_cannot_change_a_person(client, world, people):
    mine = people["school"]
    url = reverse("units:person_edit", args=[mine.pk])
    for name in EVERYONE - EDITS_SCHOOL:
        client.force_login(world.user(name))
        answer = client.post(url, _person_data(world, mine, full_name="Đã bị sửa"))
        assert answer.status_code in (403, 404), name
    mine.refresh_from_db()
    assert mine.full_name == "Nguyễn Thị Mai"
    data = _person_data(world, mine, full_name="Người Mới", phone="")
    assert_access(client, world, reverse("units:person_create"), EDITS_SCHOOL, "post", data)
    assert Person.objects.filter(full_name="Người Mới").count() == 3


def test_a_focal_point_exports_only_its_own_unit(client, world, people):
    client.force_login(world.user("focal"))
    answer = client.get(reverse("units:roster_export"))
    sheet = load_workbook(BytesIO(b"".join(answer.streaming_content))).active
    names = {row[1] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert names == {"Nguyễn Thị Mai"}


def test_roster_import_pages_are_for_ward_managers_only(client, world, tmp_path):
    assert_access(
        client, world, reverse("units:roster_template"), MANAGES_WARD | {"other_coordinator"}
    )
    assert_access(
        client, world, reverse("units:roster_upload"), MANAGES_WARD | {"other_coordinator"}
    )
    with open(messy_roster(tmp_path / "m.xlsx"), "rb") as stream:
        upload = SimpleUploadedFile("m.xlsx", stream.read())
    token = roster_preview_create(upload=upload, user=world.user("coordinator"), ward=world.ward)
    assert_access(client, world, reverse("units:roster_preview", args=[token]), {"coordinator"})
    assert_access(client, world, reverse("units:roster_bad_rows", args=[token]), {"coordinator"})
    confirm = reverse("units:roster_confirm", args=[token])
    for name in EVERYONE - {"coordinator"}:
        client.force_login(world.user(name))
        assert client.post(confirm, {"choice": "save"}).status_code in (403, 404), name
    assert Person.objects.count() == 0
    assert_access(client, world, confirm, {"coordinator"}, "post", {"choice": "save"})
    assert Person.objects.count() == 6


def test_audience_group_pages(client, world):
    group = AudienceGroup.objects.filter(ward=world.ward).first()
    ward_readers = {"admin", "coordinator", "leader", "city"}
    assert_access(
        client, world, reverse("units:audience_groups", args=[world.ward.pk]), ward_readers
    )
    assert_access(
        client, world, reverse("units:audience_group_edit", args=[world.ward.pk, group.pk]),
        MANAGES_WARD,
    )  # fmt: skip
    assert_access(
        client, world, reverse("units:audience_group_create", args=[world.ward.pk]), MANAGES_WARD
    )
    url = reverse("units:audience_group_edit", args=[world.ward.pk, group.pk])
    for name in EVERYONE - MANAGES_WARD:
        client.force_login(world.user(name))
        answer = client.post(url, {"name": "Đổi tên", "aliases": "", "order": 0})
        assert answer.status_code in (403, 404), name
    group.refresh_from_db()
    assert group.name != "Đổi tên"
