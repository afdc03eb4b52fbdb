"""Roster import of a generated 100,000-row .xlsx, end to end through the command.

Run: .venv/bin/python bench/roster_import.py [--rows 100000]
Prints: how long python-calamine and openpyxl (read-only) take just to read the file, then
the import's rows per second and peak memory (the child process's maximum resident set),
for a first import, for importing the same file again (nothing to change) and for a file
where every person changed (all updates).
Uses a throw-away SQLite database (or BENCH_DATABASE_URL).
"""

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WARD = "19815"


def _environment(folder: str) -> dict:
    env = dict(os.environ)
    env.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    env["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{folder}/b.sqlite3")
    env["TRUYENTHONG_VAR_DIR"] = folder
    env["DJANGO_SETTINGS_MODULE"] = "truyenthong.settings"
    # The generated file is bigger than a web upload may be; the command is the tool for it.
    env["UPLOAD_MAX_BYTES"] = str(200 * 1024 * 1024)
    return env


def _django(env: dict) -> None:
    os.environ.update(env)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _units():
    from units.models import OrganisationType, SchoolLevel, UnitKind
    from units.services import unit_create, ward_create_from_official

    ward = ward_create_from_official(code=WARD)
    units = [
        unit_create(parent=ward, name=f"Trường Tiểu học số {i}", kind=UnitKind.SCHOOL,
                    school_level=SchoolLevel.PRIMARY)
        for i in range(1, 11)
    ] + [
        unit_create(parent=ward, name=f"Tổ dân phố {i}", kind=UnitKind.RESIDENTIAL_GROUP)
        for i in range(1, 31)
    ] + [
        unit_create(parent=ward, name="Hội Nông dân phường", kind=UnitKind.MASS_ORGANISATION,
                    organisation_type=OrganisationType.FARMERS)
    ]  # fmt: skip
    return [unit.name for unit in units]


def _generate(path: Path, rows: int, unit_names: list[str], position: str = "") -> int:
    from openpyxl import Workbook

    from demo.names import random_person_name

    rng = random.Random(100)
    groups = ["CBGV", "Học sinh", "Phụ huynh", "Nhân dân", "Hội viên", "CBCC"]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    sheet.append(["ỦY BAN NHÂN DÂN PHƯỜNG"])
    sheet.append(["DANH SÁCH NGƯỜI THUỘC ĐỐI TƯỢNG TUYÊN TRUYỀN"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "SĐT", "Đơn vị", "Đối tượng", "Chức vụ", "Ngày sinh",
                  "Giới tính", "Ghi chú"])  # fmt: skip
    names = set()
    for number in range(1, rows + 1):
        name, gender = random_person_name(rng)
        names.add(name)
        born = dt.date(rng.randint(1950, 2015), rng.randint(1, 12), rng.randint(1, 28))
        sheet.append([
            number,
            name,
            900_000_000 + number,  # a phone stored as a number: Excel dropped the 0
            rng.choice(unit_names),
            rng.choice(groups),
            position,
            born if number % 2 else born.strftime("%d/%m/%Y"),
            "Nam" if gender == "male" else "Nữ",
            "",
        ])  # fmt: skip
    sheet.append(["Tổng cộng", f"{rows} người"])
    workbook.save(path)
    return len(names)


def _read_only_timings(path: Path) -> None:
    from openpyxl import load_workbook
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    count = sum(1 for _ in CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).iter_rows())
    calamine = time.perf_counter() - start
    start = time.perf_counter()
    book = load_workbook(path, read_only=True, data_only=True)
    count_openpyxl = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    openpyxl = time.perf_counter() - start
    print(f"read only, python-calamine: {calamine:6.2f} s ({count:,} rows)")
    print(f"read only, openpyxl read_only: {openpyxl:6.2f} s ({count_openpyxl:,} rows)")


def _import(path: Path, env: dict, label: str, rows: int) -> None:
    command = [sys.executable, str(ROOT / "manage.py"), "import_people", str(path),
               "--ward", WARD, "--json"]  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{label} failed:\n{done.stderr}")
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    totals = json.loads(done.stdout)["totals"]
    print(
        f"{label}: {seconds:6.2f} s, {rows / seconds:,.0f} rows/s, peak memory "
        f"{max(peak_kb, before) / 1024:,.0f} MB; new {totals['new']:,}, updated "
        f"{totals['updated']:,}, unchanged {totals['unchanged']:,}, bad {totals['bad']:,}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = _environment(folder)
        _django(env)
        unit_names = _units()
        path = Path(folder) / "roster.xlsx"
        start = time.perf_counter()
        distinct = _generate(path, args.rows, unit_names)
        size = path.stat().st_size / 1024 / 1024
        print(
            f"generated {args.rows:,} rows ({distinct:,} distinct names), {size:.1f} MB in "
            f"{time.perf_counter() - start:.1f} s; load average {os.getloadavg()[0]:.1f}"
        )
        _read_only_timings(path)
        _import(path, env, "first import (command, end to end)", args.rows)
        _import(path, env, "same file again", args.rows)
        # The same people, each with a position now: every row is an update.
        updated = Path(folder) / "roster-updated.xlsx"
        _generate(updated, args.rows, unit_names, position="Thành viên")
        _import(updated, env, "updated file (every person changed)", args.rows)


if __name__ == "__main__":
    main()
