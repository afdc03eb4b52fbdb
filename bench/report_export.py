"""Ward report export: compile + .docx + .xlsx for wards of growing size.

Run: .venv/bin/python bench/report_export.py [--sizes 26,50,100,200]
Uses a throw-away SQLite database (or BENCH_DATABASE_URL) and prints timings in ms. 26 units
is the size of the Kim Trà demo ward. Every unit has an accepted report with a narrative; one
in five raised a difficulty. The indicators module does not exist yet, so a synthetic figures
provider (below, bench only) returns one coverage row per unit to give the tables their real
size; its numbers mean nothing.
"""

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NARRATIVE = (
    "Đơn vị đã tổ chức hội nghị quán triệt Nghị quyết cho toàn thể cán bộ, giáo viên, nhân "
    "viên; lồng ghép nội dung vào sinh hoạt chuyên môn và hoạt động ngoại khóa. "
)


def synthetic_figures(unit, plan, window) -> dict:
    from units.models import Unit

    units = Unit.objects.filter(ward=unit.ward_id).exclude(pk=unit.ward_id).order_by("sort_key")
    rows = [
        [u.name, 30 + i % 7, 28 + i % 5, (28 + i % 5) * 100 / (30 + i % 7)]
        for i, u in enumerate(units)
    ]
    return {
        "tables": [
            {
                "title": "Tỉ lệ được quán triệt theo đơn vị (số liệu giả lập cho đo tốc độ)",
                "columns": ["Đơn vị", "Tổng số", "Đã quán triệt", "Tỉ lệ"],
                "rows": rows,
                "formats": ["text", "integer", "integer", "percent"],
            }
        ]
    }


def _django(folder: str) -> None:
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3"
    )
    os.environ["TRUYENTHONG_VAR_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "truyenthong.settings")
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.REPORTS_FIGURES_PROVIDER = "__main__.synthetic_figures"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)


def _ms(run, repeat: int = 5) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def _ward_with_reports(index: int, size: int, official_code: str):
    from accounts.models import Role
    from accounts.services import user_create
    from plans.models import Plan
    from reports import services
    from units.models import SchoolLevel, UnitKind
    from units.services import unit_create, ward_create_from_official

    ward = ward_create_from_official(code=official_code)
    coordinator = user_create(
        username=f"vhxh{index}", password="x" * 12, role=Role.COORDINATOR, unit=ward
    )
    plan = Plan.objects.create(ward=ward, title="Triển khai thực hiện công tác truyền thông")
    units = [
        unit_create(
            parent=ward,
            name=f"Trường Tiểu học số {n + 1}",
            kind=UnitKind.SCHOOL,
            school_level=SchoolLevel.PRIMARY,
            code=f"b{index}-{n}",
        )
        for n in range(size)
    ]
    schedule = services.schedule_create(
        actor=coordinator,
        plan=plan,
        name="Báo cáo 6 tháng",
        kind="half_year",
        working_days=3,
        unit_kinds=[UnitKind.SCHOOL],
    )
    services.unit_reports_open_all(actor=coordinator, schedule=schedule, period_code="2026-H1")
    for n, report in enumerate(schedule.unit_reports.select_related("unit")):
        services.unit_report_save(
            actor=coordinator, report=report, results=NARRATIVE * 3, strengths=NARRATIVE
        )
        services.unit_report_submit(actor=coordinator, report=report)
        services.unit_report_accept(actor=coordinator, report=report)
        if n % 5 == 0:
            services.difficulty_raise(actor=coordinator, unit=units[n], text="Thiếu tài liệu.")
    return coordinator, schedule


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="26,50,100,200")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # Real official ward codes, one ward per size.
    codes = ["20017", "19777", "00070", "00073", "00076"]
    with tempfile.TemporaryDirectory() as folder:
        _django(folder)
        from reports import services
        from reports.compose import ward_report_document
        from reports.documents import docx, xlsx

        print(f"{'units':>6} {'compile':>10} {'.docx':>10} {'.xlsx':>10} {'total':>10}")
        for index, size in enumerate(sizes):
            coordinator, schedule = _ward_with_reports(index, size, codes[index])

            def compile_report(coordinator=coordinator, schedule=schedule):
                return services.ward_report_create(
                    actor=coordinator,
                    schedule=schedule,
                    period_code="2026-H1",
                    issued_on=dt.date(2026, 6, 18),
                )

            report = compile_report()
            compile_ms = _ms(compile_report)
            docx_ms = _ms(lambda report=report: docx.render(ward_report_document(report=report)))
            xlsx_ms = _ms(lambda report=report: xlsx.render(ward_report_document(report=report)))
            total = compile_ms + docx_ms + xlsx_ms
            print(
                f"{size:>6} {compile_ms:>8.0f}ms {docx_ms:>8.0f}ms {xlsx_ms:>8.0f}ms"
                f" {total:>8.0f}ms"
            )


if __name__ == "__main__":
    main()
