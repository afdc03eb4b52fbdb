import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from units.models import Person
from units.tests.rosters import messy_roster


def _run(*args) -> str:
    out = StringIO()
    call_command("import_people", *args, stdout=out)
    return out.getvalue()


def test_dry_run_json_prints_the_preview_and_saves_nothing(world, tmp_path):
    path = messy_roster(tmp_path / "m.xlsx")
    preview = json.loads(_run(str(path), "--ward", world.ward.code, "--dry-run", "--json"))
    assert preview["saved"] is False
    main = next(sheet for sheet in preview["sheets"] if sheet["name"] == "Danh sách")
    assert (main["rows"], main["new"], main["updated"], main["duplicates"]) == (9, 4, 0, 1)
    assert {"sheet", "row", "column", "reason"} <= set(main["problems"][0])
    assert {p["row"] for p in main["problems"]} == {9, 10, 14, 15}
    assert Person.objects.count() == 0


def test_without_dry_run_it_saves_and_a_second_run_updates_nothing(world, tmp_path):
    path = messy_roster(tmp_path / "m.xlsx")
    _run(str(path), "--ward", world.ward.code)
    assert Person.objects.count() == 6
    again = json.loads(_run(str(path), "--ward", world.ward.code, "--json"))
    assert (again["totals"]["new"], again["totals"]["updated"]) == (0, 0)
    assert Person.objects.count() == 6


def test_bad_input_is_a_clear_error(world, tmp_path):
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00\x01 not excel")
    with pytest.raises(CommandError, match="không đúng định dạng"):
        _run(str(junk), "--ward", world.ward.code)
    with pytest.raises(CommandError, match="Không có phường"):
        _run(str(junk), "--ward", "99999")
