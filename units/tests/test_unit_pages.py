from django.urls import reverse

from units.models import Unit
from units.official import search_official_wards
from units.roster.matching import GroupIndex
from units.services import roster_import
from units.tests.rosters import messy_roster


def test_the_tree_lists_visible_units_in_order(client, world):
    client.force_login(world.user("coordinator"))
    body = client.get(reverse("units:tree")).content.decode()
    assert body.index("Phường Kim Trà") < body.index("Trường Tiểu học Kim Trà")
    assert "Trường THCS Vỹ Dạ" not in body


def test_admin_creates_a_ward_from_the_official_list(client, world):
    client.force_login(world.user("admin"))
    found = client.get(reverse("units:ward_search"), {"q": "thuan hoa"}).content.decode()
    assert "Phường Thuận Hóa" in found
    code = search_official_wards("thuan hoa")[0]
    answer = client.post(reverse("units:ward_create"), {"code": code.code})
    ward = Unit.objects.get(code=code.code)
    assert answer.status_code == 302 and ward.name == code.name
    assert ward.audience_groups.count() == 6


def test_coordinator_adds_and_edits_a_unit(client, world):
    client.force_login(world.user("coordinator"))
    data = {"parent": world.ward.pk, "name": "Trường THPT  Mới", "kind": "school"}
    assert "Chọn cấp học" in client.post(reverse("units:unit_create"), data).content.decode()
    data["school_level"] = "upper_secondary"
    client.post(reverse("units:unit_create"), data)
    unit = Unit.objects.get(name="Trường THPT Mới")
    assert unit.ward == world.ward and unit.path.startswith(world.ward.path)
    edit = {"name": "Tổ dân phố 5", "kind": "residential_group", "is_active": "on"}
    client.post(reverse("units:unit_edit", args=[unit.pk]), edit)
    unit.refresh_from_db()
    assert (unit.name, unit.kind, unit.school_level) == ("Tổ dân phố 5", "residential_group", "")


def test_unit_detail_counts_people_by_group(client, world, tmp_path):
    roster_import(path=messy_roster(tmp_path / "m.xlsx"), ward=world.ward, save=True)
    client.force_login(world.user("leader"))
    body = client.get(reverse("units:unit_detail", args=[world.ward.pk])).content.decode()
    assert "Cán bộ quản lý, giáo viên, nhân viên" in body and "Hội viên, đoàn viên" in body
    assert "Sửa" not in body


def test_coordinator_adds_an_alias_that_the_importer_then_knows(client, world):
    group = world.ward.audience_groups.get(code="residents")
    client.force_login(world.user("coordinator"))
    url = reverse("units:audience_group_edit", args=[world.ward.pk, group.pk])
    client.post(url, {"name": "Nhân dân", "aliases": "Người dân\n  Cư dân khu phố ", "order": 5})
    group.refresh_from_db()
    assert group.aliases == "Người dân\nCư dân khu phố"
    assert GroupIndex(world.ward).find("cu dan khu pho") == group
