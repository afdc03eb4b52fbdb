"""The one place that decides what a user may see and change.

Every view, export, command and API asks these functions; none decides on its own. The rule:
a user reaches the subtree under `user.unit` (ward for coordinator and leader, own unit for a
focal point, province for a city viewer); an admin reaches everything. Leaders and city viewers
only read; focal points write their own unit's records; coordinators also manage the ward
(rosters, plans, reviews).
"""

from enum import Enum

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from accounts.models import Role, User
from units.models import Unit


class Access(Enum):
    VIEW = "view"  # read the unit's records
    EDIT = "edit"  # write the unit's own records (activities, its report)
    MANAGE = "manage"  # coordinator work: rosters, plans, reviews, ward report


_ROLE_ACCESS = {
    Role.ADMIN: {Access.VIEW, Access.EDIT, Access.MANAGE},
    Role.COORDINATOR: {Access.VIEW, Access.EDIT, Access.MANAGE},
    Role.LEADER: {Access.VIEW},
    Role.FOCAL_POINT: {Access.VIEW, Access.EDIT},
    Role.CITY_VIEWER: {Access.VIEW},
}


def is_admin(user) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.role == Role.ADMIN))


def scope_root(user) -> Unit | None:
    """The top of the subtree the user reaches; None for an admin, who reaches all."""
    if is_admin(user):
        return None
    if not user.is_authenticated or user.unit_id is None:
        raise PermissionDenied
    return user.unit


def role_allows(user, access: Access) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if is_admin(user):
        return True
    return access in _ROLE_ACCESS.get(user.role, set())


def can(user, access: Access, unit: Unit) -> bool:
    if not role_allows(user, access):
        return False
    root = scope_root(user)
    return root is None or unit.path.startswith(root.path)


def require(user, access: Access, unit: Unit) -> None:
    """404 when the unit is out of the user's reach (so its existence is not disclosed),
    403 when it is visible but the role may not do this."""
    if not user.is_authenticated:
        raise PermissionDenied
    if not can(user, Access.VIEW, unit):
        raise Http404
    if not can(user, access, unit):
        raise PermissionDenied


def require_role(user, access: Access) -> None:
    if not role_allows(user, access):
        raise PermissionDenied


def can_see_people(user, unit: Unit | None = None) -> bool:
    """Whether the user may see named people (rosters, their phones, attendance lists) of
    `unit`, or of any unit when None. A city viewer needs only figures, so by least privilege
    it never sees a person."""
    if not role_allows(user, Access.VIEW):
        return False
    if user.role == Role.CITY_VIEWER and not is_admin(user):
        return False
    return unit is None or can(user, Access.VIEW, unit)


def require_people(user, unit: Unit | None = None) -> None:
    """`require` for pages that show people: 404 out of reach, 403 for a role that sees no
    one."""
    if unit is not None:
        require(user, Access.VIEW, unit)
    if not can_see_people(user, unit):
        raise PermissionDenied


def visible_units(user) -> QuerySet[Unit]:
    root = scope_root(user) if user.is_authenticated else None
    if not user.is_authenticated:
        return Unit.objects.none()
    if root is None:
        return Unit.objects.all()
    return root.subtree()


def scope_queryset(user, queryset: QuerySet, unit_field: str = "unit") -> QuerySet:
    """Keep the rows whose `unit_field` lies in the user's reach."""
    if not user.is_authenticated:
        return queryset.none()
    root = scope_root(user)
    if root is None:
        return queryset
    return queryset.filter(**{f"{unit_field}__path__startswith": root.path})


def visible_wards(user) -> QuerySet[Unit]:
    """Wards the user reaches: the ward of a ward-level user, the wards of a city viewer's
    province, the ward a focal point's unit belongs to."""
    if not user.is_authenticated:
        return Unit.objects.none()
    root = scope_root(user)
    wards = Unit.objects.filter(kind="ward")
    if root is None:
        return wards
    if root.kind in ("ward", "province"):
        return wards.filter(path__startswith=root.path)
    return wards.filter(pk=root.ward_id)


def user_ward(user) -> Unit | None:
    """The single ward a ward-level user works in, or None for admins and city viewers."""
    root = scope_root(user) if user.is_authenticated else None
    if root is None or root.kind == "province":
        return None
    return root if root.kind == "ward" else root.ward


def user_has_role(user: User, *roles: Role) -> bool:
    return user.is_authenticated and (user.role in roles or is_admin(user))


def can_path(user, access: Access, unit_path: str) -> bool:
    """`can` for a record known only by the tree path of its unit (a deleted record's log).
    An empty path belongs to no unit, so only admins reach it."""
    if not role_allows(user, access):
        return False
    root = scope_root(user)
    if root is None:
        return True
    return bool(unit_path) and unit_path.startswith(root.path)


def require_path(user, access: Access, unit_path: str) -> None:
    """`require` for a unit path: 404 out of reach, 403 in reach but not allowed."""
    if not user.is_authenticated:
        raise PermissionDenied
    if not can_path(user, Access.VIEW, unit_path):
        raise Http404
    if not can_path(user, access, unit_path):
        raise PermissionDenied


# Roles a user may hand out: a coordinator staffs its ward's units with focal points only.
_GRANTABLE = {Role.COORDINATOR: (Role.FOCAL_POINT,)}


def grantable_roles(user) -> tuple[Role, ...]:
    if is_admin(user):
        return tuple(Role)
    if not role_allows(user, Access.MANAGE):
        return ()
    return _GRANTABLE.get(user.role, ())


def manageable_users(user) -> QuerySet[User]:
    """Accounts the user may create, change, reset and lock: all for an admin, the focal
    points of the ward's units for a coordinator, none for anyone else."""
    roles = grantable_roles(user)
    if not roles:
        return User.objects.none()
    if is_admin(user):
        return User.objects.all()
    return scope_queryset(user, User.objects.filter(role__in=roles)).exclude(pk=user.pk)


def assignable_units(user) -> QuerySet[Unit]:
    """Units a new or changed account may be attached to."""
    if not grantable_roles(user):
        return Unit.objects.none()
    if is_admin(user):
        return Unit.objects.all()
    return visible_units(user).exclude(kind__in=("province", "ward"))


def require_manage_users(user) -> None:
    if not user.is_authenticated or not grantable_roles(user):
        raise PermissionDenied
