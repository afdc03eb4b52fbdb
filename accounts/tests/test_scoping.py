import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.scoping import Access, can, require, scope_queryset, visible_units, visible_wards
from units.models import Unit


def test_focal_point_reaches_only_its_own_unit(world):
    focal = world.user("focal")
    assert can(focal, Access.EDIT, world.school)
    assert not can(focal, Access.VIEW, world.other_school)
    assert not can(focal, Access.VIEW, world.ward)
    assert set(visible_units(focal)) == {world.school}


def test_coordinator_manages_its_ward_only(world):
    coordinator = world.user("coordinator")
    assert can(coordinator, Access.MANAGE, world.school)
    assert not can(coordinator, Access.VIEW, world.far_school)
    assert list(visible_wards(coordinator)) == [world.ward]


def test_leader_and_city_viewer_only_read(world):
    for name in ("leader", "city"):
        user = world.user(name)
        assert can(user, Access.VIEW, world.school)
        assert not can(user, Access.EDIT, world.school)
        assert not can(user, Access.MANAGE, world.school)


def test_city_viewer_sees_the_wards_of_its_province(world):
    assert set(visible_wards(world.user("city"))) == {world.ward, world.other_ward}
    assert list(visible_wards(world.user("far_city"))) == [world.far_ward]


def test_out_of_scope_is_404_and_wrong_role_is_403(world):
    with pytest.raises(Http404):
        require(world.user("focal"), Access.VIEW, world.other_school)
    with pytest.raises(PermissionDenied):
        require(world.user("leader"), Access.EDIT, world.school)


def test_scope_queryset_filters_by_unit_field(world):
    units = Unit.objects.filter(kind="school")
    assert set(scope_queryset(world.user("focal"), units, unit_field="parent")) == set()
    assert set(scope_queryset(world.user("coordinator"), units.filter(parent=world.ward), "parent"))
    assert scope_queryset(world.user("admin"), units).count() == 3
