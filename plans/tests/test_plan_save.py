"""Saving an imported plan: one transaction, the same file once per ward, units matched."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from common.uploads import UploadRejected
from plans.demo import demo_plan_load
from plans.models import IndicatorKind, Plan, PlanDraft
from plans.selectors import task_owners, tasks_for_unit
from plans.services import plan_import, plan_import_file, plan_save, plan_source_read
from units.models import UnitKind
from units.services import unit_create

SEED = Path(settings.BASE_DIR) / "demo" / "data" / "ke-hoach-kim-tra-nq71.txt"


def test_it_saves_the_seed_with_units_and_audiences(world):
    office = unit_create(
        parent=world.ward, name="Phòng Văn hóa – Xã hội", kind=UnitKind.CULTURE_OFFICE
    )
    plan = plan_import_file(ward=world.ward, path=SEED).plan
    assert plan.legal_bases.count() == 3
    assert plan.resolution == "71-NQ/TW"
    assert plan.source_sha256 and plan.source_file.read().startswith(b"\n\nK")
    assert "Mai Văn Xuân" in plan.source_text
    full = plan.targets.get(value=100)
    assert sorted(full.audience_groups.values_list("code", flat=True)) == [
        "civil_servants",
        "school_staff",
    ]
    assert full.indicator_kind == IndicatorKind.BRIEFING_COVERAGE
    first = plan.responsibilities.get(number="V.1")
    assert list(first.units.all()) == [office]
    schools = plan.responsibilities.get(number="V.2")
    assert set(schools.units.all()) == {world.school, world.other_school}
    assert plan.purposes.startswith("Tuyên truyền, quán triệt")


def test_it_does_not_import_the_same_file_twice(world):
    first = plan_import_file(ward=world.ward, path=SEED)
    again = plan_import_file(ward=world.ward, path=SEED)
    assert again.plan == first.plan
    assert "đã được nhập" in again.messages[0]
    upload = SimpleUploadedFile("seed.txt", SEED.read_bytes())
    outcome = plan_import(ward=world.ward, upload=upload, user=world.user("coordinator"))
    assert outcome.plan == first.plan and outcome.draft is None
    assert Plan.objects.count() == 1 and PlanDraft.objects.count() == 0
    other = plan_import_file(ward=world.other_ward, path=SEED)
    assert other.plan != first.plan


def test_it_gives_tasks_to_the_units_of_the_kinds_named(world):
    plan = plan_import_file(ward=world.ward, path=SEED).plan
    numbers = [row.task.number for row in tasks_for_unit(unit=world.school)]
    assert numbers == ["III.1", "III.2"]
    assert tasks_for_unit(unit=world.far_school) == []
    owners = {row.task.number: row for row in task_owners(plan=plan)}
    assert not owners["III.5"].has_owner
    assert owners["III.2"].lead[0].unit_kind == UnitKind.SCHOOL


def test_the_demo_confirms_indicator_kinds_and_is_idempotent(world):
    plan = demo_plan_load(ward=world.ward)
    assert demo_plan_load(ward=world.ward) == plan
    kinds = {t.indicator_kind for t in plan.targets.all()}
    assert {
        IndicatorKind.BRIEFING_COVERAGE,
        IndicatorKind.COLUMN_POSTS,
        IndicatorKind.PEOPLE_TRAINED,
    } <= kinds
    column = plan.targets.get(text__startswith="Duy trì chuyên mục")
    assert column.indicator_kind == IndicatorKind.COLUMN_POSTS


def test_a_failure_while_saving_leaves_nothing(world, monkeypatch):
    source = plan_source_read(ward=world.ward, upload=io.BytesIO(SEED.read_bytes()), name="a.txt")
    structure = source.parsed.structure
    structure["phases"].append({"name": "sai", "start_year": 2035, "end_year": 2030})
    with pytest.raises(Exception):  # noqa: B017 - the database refuses the reversed phase
        plan_save(ward=world.ward, structure=structure, source=source)
    assert Plan.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("rong.txt", b"", "Tệp rỗng"),
        ("nhi-phan.txt", bytes(range(256)) * 10, "không đúng định dạng"),
        ("trang.txt", b"   \n\n  \r\n", "không có nội dung"),
    ],
)
def test_it_refuses_bad_files_with_a_message(world, name, content, message):
    upload = SimpleUploadedFile(name, content)
    with pytest.raises(UploadRejected, match=message):
        plan_import(ward=world.ward, upload=upload, user=world.user("coordinator"))
    assert PlanDraft.objects.count() == 0 and Plan.objects.count() == 0
