"""Writes on the unit tree, audience groups and people."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.phones import normalize_phone
from common.text import clean_multiline, clean_text
from units.models import AudienceGroup, Person, Unit, UnitKind
from units.official import find_official_ward

# The audience groups every plan of this shape names (DOMAIN.md, section II); a ward may add,
# rename or remove its own. Aliases are the ways spreadsheets write them.
DEFAULT_AUDIENCE_GROUPS = [
    (
        "civil_servants",
        "Cán bộ, công chức, người lao động",
        ["CBCC", "CBCCVC", "Cán bộ, công chức", "Công chức", "Người lao động", "CB, CC, NLĐ"],
    ),
    (
        "school_staff",
        "Cán bộ quản lý, giáo viên, nhân viên",
        ["CBQL, GV, NV", "Giáo viên", "GV", "Cán bộ, giáo viên", "CBGV", "Nhân viên trường học"],
    ),
    ("students", "Học sinh", ["HS"]),
    ("parents", "Phụ huynh", ["PHHS", "Phụ huynh học sinh", "Cha mẹ học sinh"]),
    ("members", "Hội viên, đoàn viên", ["Hội viên", "Đoàn viên", "HV, ĐV"]),
    ("residents", "Nhân dân", ["Người dân", "Dân cư", "ND"]),
]


@transaction.atomic
def province_get_or_create(*, code: str, name: str) -> Unit:
    unit, _created = Unit.objects.get_or_create(
        code=code, defaults={"name": name, "kind": UnitKind.PROVINCE}
    )
    return unit


@transaction.atomic
def ward_create_from_official(*, code: str, is_demo: bool = False) -> Unit:
    """Create (or return) the ward with this official code, under its province."""
    official = find_official_ward(code)
    if official is None:
        raise ValidationError(
            _("Không có phường, xã nào mang mã %(code)s trong danh mục.") % {"code": code}
        )
    province = province_get_or_create(code=official.province_code, name=official.province_name)
    ward, created = Unit.objects.get_or_create(
        code=official.code,
        defaults={
            "name": official.name,
            "kind": UnitKind.WARD,
            "parent": province,
            "is_demo": is_demo,
        },
    )
    if created:
        audience_groups_seed(ward=ward)
    return ward


def audience_groups_seed(*, ward: Unit) -> list[AudienceGroup]:
    groups = []
    for order, (code, name, aliases) in enumerate(DEFAULT_AUDIENCE_GROUPS):
        group, _created = AudienceGroup.objects.get_or_create(
            ward=ward,
            code=code,
            defaults={"name": name, "aliases": "\n".join(aliases), "order": order},
        )
        groups.append(group)
    return groups


def _next_unit_code(ward: Unit) -> str:
    count = Unit.objects.filter(ward=ward).exclude(pk=ward.pk).count()
    while True:
        count += 1
        code = f"{ward.code}-{count:03d}"
        if not Unit.objects.filter(code=code).exists():
            return code


@transaction.atomic
def unit_create(
    *,
    parent: Unit,
    name: str,
    kind: str,
    code: str = "",
    school_level: str = "",
    organisation_type: str = "",
    is_demo: bool = False,
) -> Unit:
    if kind in (UnitKind.PROVINCE, UnitKind.WARD):
        raise ValidationError(_("Tỉnh và phường, xã được tạo từ danh mục hành chính chính thức."))
    if parent.kind == UnitKind.PROVINCE:
        raise ValidationError(_("Đơn vị phải thuộc một phường, xã."))
    ward = parent if parent.kind == UnitKind.WARD else parent.ward
    unit = Unit(
        parent=parent,
        name=clean_text(name),
        kind=kind,
        code=clean_text(code) or _next_unit_code(ward),
        school_level=school_level if kind == UnitKind.SCHOOL else "",
        organisation_type=organisation_type if kind == UnitKind.MASS_ORGANISATION else "",
        is_demo=is_demo,
    )
    unit.full_clean(exclude=["path", "search_key", "sort_key", "ward"])
    unit.save()
    return unit


def person_build(
    *,
    unit: Unit,
    audience_group: AudienceGroup,
    full_name: str,
    position: str = "",
    date_of_birth: dt.date | None = None,
    gender: str = "",
    phone: object = "",
    email: str = "",
    active_from: dt.date | None = None,
    active_to: dt.date | None = None,
    notes: str = "",
) -> Person:
    """An unsaved, cleaned person; bulk writers save many at once."""
    person = Person(
        ward_id=unit.ward_id,
        unit=unit,
        audience_group=audience_group,
        full_name=clean_text(full_name),
        position=clean_text(position),
        date_of_birth=date_of_birth,
        gender=gender,
        phone=normalize_phone(phone),
        email=clean_text(email).lower(),
        active_from=active_from,
        active_to=active_to,
        notes=clean_multiline(notes),
    )
    person.refresh_keys()
    return person


@transaction.atomic
def person_create(**fields) -> Person:
    person = person_build(**fields)
    person.full_clean(exclude=["search_key", "sort_key"])
    person.save()
    return person
