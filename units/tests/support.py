"""URL examples for the project-wide sweep (accounts/tests/test_every_url.py): a person of the
world's school, the ward's audience groups, and a roster preview uploaded by the coordinator."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from accounts.tests.support import World, register_personal_url, register_url_example
from units.models import AudienceGroup, Person
from units.roster import previews
from units.services import person_create, roster_preview_create


def school_person(world: World) -> Person:
    existing = Person.objects.filter(unit=world.school).first()
    if existing:
        return existing
    group = AudienceGroup.objects.get(ward=world.ward, code="school_staff")
    return person_create(unit=world.school, audience_group=group, full_name="Phan Thị Hạnh")


def _roster() -> SimpleUploadedFile:
    book = Workbook()
    book.active.append(["Họ và tên", "Số điện thoại", "Đơn vị", "Nhóm đối tượng"])
    book.active.append(["Nguyễn Văn An", "0912345678", "Trường Tiểu học Kim Trà", "CBGV"])
    book.active.append(["Lê Văn Bình", "123", "Trường Tiểu học Kim Trà", "CBGV"])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue())


def _preview(world: World) -> dict:
    # One preview serves the three routes; it lives until it is saved or dropped.
    existing = getattr(world, "_roster_token", None)
    if existing and previews.folder_for(existing):
        return {"token": existing}
    world._roster_token = roster_preview_create(
        upload=_roster(), user=world.user("coordinator"), ward=world.ward
    )
    return {"token": world._roster_token}


def _person(world: World) -> dict:
    return {"pk": school_person(world).pk}


def _group(world: World) -> dict:
    return {"ward_pk": world.ward.pk, "pk": world.ward.audience_groups.first().pk}


register_url_example("units:unit_detail", lambda world: {"pk": world.school.pk})
register_url_example("units:unit_edit", lambda world: {"pk": world.school.pk})
register_url_example("units:person_detail", _person)
register_url_example("units:person_edit", _person)
for name in ("audience_groups", "audience_group_create"):
    register_url_example(
        f"units:{name}", lambda world: {"ward_pk": world.ward.pk}, school_record=False
    )
register_url_example("units:audience_group_edit", _group, school_record=False)
for name in ("roster_preview", "roster_confirm", "roster_bad_rows"):
    register_url_example(f"units:{name}", _preview)
for name in (
    "person_list",
    "person_detail",
    "person_create",
    "person_edit",
    "roster_export",
    "roster_template",
    "roster_upload",
    "roster_preview",
    "roster_confirm",
    "roster_bad_rows",
):
    register_personal_url(f"units:{name}")
