import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from plans.models import Plan

SEED = Path(settings.BASE_DIR) / "demo" / "data" / "ke-hoach-kim-tra-nq71.txt"


@pytest.mark.django_db
def test_dry_run_json_prints_the_structure_and_saves_nothing():
    out = StringIO()
    call_command("import_plan", str(SEED), "--dry-run", "--json", stdout=out)
    structure = json.loads(out.getvalue())
    assert [t["number"] for t in structure["tasks"]] == [f"III.{n}" for n in range(1, 6)]
    assert structure["legal_bases"][2]["number"] == "132/KH/UBND"
    assert not Plan.objects.exists()


def test_it_saves_once_for_a_ward(world):
    out = StringIO()
    call_command("import_plan", str(SEED), "--ward", world.ward.code, stdout=out)
    call_command("import_plan", str(SEED), "--ward", world.ward.code, stdout=out,
                 stderr=StringIO())  # fmt: skip
    assert Plan.objects.filter(ward=world.ward).count() == 1
    assert "Kế hoạch #" in out.getvalue()


@pytest.mark.django_db
def test_it_explains_what_is_missing():
    with pytest.raises(CommandError, match="--ward"):
        call_command("import_plan", str(SEED))
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("import_plan", "/khong/co/tep.txt", "--dry-run")
