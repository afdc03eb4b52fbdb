from auditlog.models import LogEntry

from units.models import Person
from units.services import roster_import
from units.tests.rosters import simple_roster


def _rows(phone_an: str, unit_an: str):
    return [
        ["Nguyễn Văn An", phone_an, unit_an, "CBGV"],
        ["Lê Thị Cúc", "0988000111", "Trường Tiểu học Kim Trà", "CBGV"],
    ]


def test_an_import_leaves_who_created_and_changed_each_person(world, tmp_path):
    coordinator = world.user("coordinator")
    simple_roster(tmp_path / "v1.xlsx", _rows("0912345678", "Trường Tiểu học Kim Trà"))
    roster_import(path=tmp_path / "v1.xlsx", ward=world.ward, save=True, actor=coordinator)
    created = LogEntry.objects.filter(action=LogEntry.Action.CREATE, actor=coordinator)
    assert created.count() == 2
    an = Person.objects.get(phone="0912345678")
    entry = created.get(object_pk=str(an.pk))
    assert entry.changes["full_name"] == ["None", "Nguyễn Văn An"]
    assert entry.scope.unit_path == world.school.path

    simple_roster(tmp_path / "v2.xlsx", _rows("0912345678", "Trường Mầm non Hoa Sen"))
    roster_import(path=tmp_path / "v2.xlsx", ward=world.ward, save=True, actor=coordinator)
    updated = LogEntry.objects.get(action=LogEntry.Action.UPDATE, object_pk=str(an.pk))
    assert updated.changes == {"unit_id": [str(world.school.pk), str(world.other_school.pk)]}
    assert updated.actor == coordinator


def test_a_preview_writes_no_audit_entries(world, tmp_path):
    simple_roster(tmp_path / "v1.xlsx", _rows("0912345678", "Trường Tiểu học Kim Trà"))
    roster_import(path=tmp_path / "v1.xlsx", ward=world.ward, save=False)
    assert not LogEntry.objects.filter(content_type__model="person").exists()
