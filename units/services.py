"""Writes on the unit tree, audience groups and people."""

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from common.audit import audit_bulk
from common.bulk import bulk_insert, bulk_update, collector_paused
from common.phones import normalize_phone
from common.text import clean_multiline, clean_text
from common.uploads import check_upload
from units.models import AudienceGroup, Person, Unit, UnitKind
from units.official import find_official_ward
from units.roster import previews

if TYPE_CHECKING:
    from units.roster.importer import RosterResult

# The audience groups every plan of this shape names (docs/domain.md); a ward may add, rename or
# remove its own. Aliases are the ways spreadsheets write them.
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


_PERSON_FIELDS = [(field.attname, field.get_default) for field in Person._meta.concrete_fields]


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
    values = {
        "ward_id": unit.ward_id,
        "unit_id": unit.pk,
        "audience_group_id": audience_group.pk,
        "full_name": clean_text(full_name),
        "position": clean_text(position),
        "date_of_birth": date_of_birth,
        "gender": gender,
        "phone": normalize_phone(phone),
        "email": clean_text(email).lower(),
        "active_from": active_from,
        "active_to": active_to,
        "notes": clean_multiline(notes),
    }
    # Positional arguments take Django's fast path, half the cost of keywords: an import
    # builds 100,000 people.
    person = Person(
        *[values[name] if name in values else default() for name, default in _PERSON_FIELDS]
    )
    Person.unit.field.set_cached_value(person, unit)
    Person.audience_group.field.set_cached_value(person, audience_group)
    person.refresh_keys()
    return person


@transaction.atomic
def unit_update(
    *,
    unit: Unit,
    name: str,
    kind: str,
    school_level: str = "",
    organisation_type: str = "",
    is_active: bool = True,
) -> Unit:
    if unit.kind in (UnitKind.PROVINCE, UnitKind.WARD):
        raise ValidationError(_("Tên và mã của tỉnh, phường, xã lấy theo danh mục chính thức."))
    if kind in (UnitKind.PROVINCE, UnitKind.WARD):
        raise ValidationError(_("Tỉnh và phường, xã được tạo từ danh mục hành chính chính thức."))
    unit.name = clean_text(name)
    unit.kind = kind
    unit.school_level = school_level if kind == UnitKind.SCHOOL else ""
    unit.organisation_type = organisation_type if kind == UnitKind.MASS_ORGANISATION else ""
    unit.is_active = is_active
    unit.full_clean(exclude=["path", "search_key", "sort_key", "ward", "parent"])
    unit.save()
    return unit


def _check_phone_free(person: Person) -> None:
    """The importer matches people by phone within the ward, so two people must not share one."""
    if not person.phone:
        return
    other = (
        Person.objects.filter(ward_id=person.ward_id, phone=person.phone)
        .exclude(pk=person.pk)
        .first()
    )
    if other is not None:
        raise ValidationError(
            {
                "phone": _("Số điện thoại này đã có trong danh sách: %(name)s (%(unit)s).")
                % {"name": other.full_name, "unit": other.unit.name}
            }
        )


@transaction.atomic
def person_save(*, person: Person) -> Person:
    _check_phone_free(person)
    person.full_clean(exclude=["search_key", "sort_key"])
    person.save()
    return person


def person_create(**fields) -> Person:
    return person_save(person=person_build(**fields))


def person_update(*, person: Person, **fields) -> Person:
    built = person_build(**fields)
    for name in PERSON_FIELDS:
        setattr(person, name, getattr(built, name))
    person.ward_id = built.ward_id
    return person_save(person=person)


PERSON_FIELDS = [
    "unit",
    "audience_group",
    "full_name",
    "position",
    "date_of_birth",
    "gender",
    "phone",
    "email",
    "active_from",
    "active_to",
    "notes",
]


@transaction.atomic
def audience_group_save(
    *, ward: Unit, name: str, aliases: str, order: int, group: AudienceGroup | None = None
) -> AudienceGroup:
    group = group or AudienceGroup(ward=ward, code=_next_group_code(ward))
    group.name = clean_text(name)
    group.aliases = "\n".join(
        line for line in (clean_text(line) for line in aliases.splitlines()) if line
    )
    group.order = order
    group.full_clean()
    group.save()
    return group


def _next_group_code(ward: Unit) -> str:
    number = AudienceGroup.objects.filter(ward=ward).count()
    while True:
        number += 1
        code = f"group-{number}"
        if not AudienceGroup.objects.filter(ward=ward, code=code).exists():
            return code


# Roster import: preview first, then save the good rows or nothing.


def roster_import(
    *,
    path: Path,
    ward: Unit,
    default_unit: Unit | None = None,
    default_group: AudienceGroup | None = None,
    save: bool,
    actor=None,
) -> "RosterResult":
    """Read a roster workbook; with `save`, create and update the good rows in one
    transaction. Raises UploadRejected (message for the user) for a file that cannot be read."""
    # The importer builds people with person_build from this module, hence the late import.
    from units.roster.importer import RosterReader, created_changes

    with open(path, "rb") as stream:
        check_upload(stream, {"xlsx"}, name=Path(path).name)
    reader = RosterReader(ward=ward, default_unit=default_unit, default_group=default_group)
    result = reader.read(path)
    if save:
        with collector_paused(), transaction.atomic():
            bulk_insert(result.to_create)
            bulk_update(result.to_update, result.update_fields())
            audit_bulk(
                instances=result.to_create,
                action=LogEntry.Action.CREATE,
                changes=map(created_changes, result.to_create),
                actor=actor,
            )
            audit_bulk(
                instances=result.to_update,
                action=LogEntry.Action.UPDATE,
                changes=result.update_changes,
                actor=actor,
            )
    return result


def roster_preview_create(
    *,
    upload: UploadedFile,
    user,
    ward: Unit,
    default_unit: Unit | None = None,
    default_group: AudienceGroup | None = None,
) -> str:
    """Keep the upload and its preview server-side; return the token that names them."""
    from units.roster.xlsx import bad_rows_workbook

    check_upload(upload, {"xlsx"})
    token, folder = previews.folder_new()
    try:
        with open(folder / previews.SOURCE, "wb") as target:
            for chunk in upload.chunks():
                target.write(chunk)
        result = roster_import(
            path=folder / previews.SOURCE,
            ward=ward,
            default_unit=default_unit,
            default_group=default_group,
            save=False,
        )
        if result.bad_rows:
            with open(folder / previews.BAD_ROWS, "wb") as target:
                bad_rows_workbook(bad_rows=result.bad_rows, stream=target)
    except Exception:
        previews.forget(folder)
        raise
    previews.preview_write(
        folder,
        {
            "user": user.pk,
            "ward": ward.pk,
            "default_unit": default_unit.pk if default_unit else None,
            "default_group": default_group.pk if default_group else None,
            "file_name": clean_text(upload.name),
            "preview": result.as_dict(),
        },
    )
    return token


def roster_preview_apply(*, token: str, data: dict, actor=None) -> "RosterResult":
    """Save the good rows of a preview the user confirmed, then keep only what was saved."""
    folder = previews.folder_for(token)
    if folder is None:
        raise ValidationError(_("Bản xem trước đã hết hạn; vui lòng tải tệp lên lại."))
    result = roster_import(
        path=folder / previews.SOURCE,
        ward=Unit.objects.get(pk=data["ward"]),
        default_unit=Unit.objects.filter(pk=data["default_unit"]).first(),
        default_group=AudienceGroup.objects.filter(pk=data["default_group"]).first(),
        save=True,
        actor=actor,
    )
    previews.mark_saved(
        folder,
        {
            "user": data["user"],
            "ward": data["ward"],
            **{kind: result.total(kind) for kind in ("new", "updated", "bad")},
        },
    )
    return result


def roster_preview_discard(*, token: str) -> None:
    folder = previews.folder_for(token)
    if folder is not None:
        previews.forget(folder)
