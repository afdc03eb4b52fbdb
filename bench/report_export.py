"""Ward report export with real figures: compile (the indicators module's figures for the ward
and period, the accepted narratives, open difficulties) + .docx + .xlsx, for the Kim Trà demo
and for wards of growing size.

Run: .venv/bin/python bench/report_export.py [--sizes 50,100,200]
Uses a throw-away SQLite database (or BENCH_DATABASE_URL, an empty database of its own) and
prints timings in ms (median of 5). Goals (issue 6): the demo ≤ 2 s, 200 units ≤ 5 s, growth no
faster than linear. Generated wards: every unit a school with 30 people on the roster, two
activities in the period (a briefing attended by 20 of them and a loudspeaker broadcast), an
accepted report with a narrative; one unit in five raised a difficulty.
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

PERIOD = "2026-H1"
PEOPLE_PER_UNIT = 30
ATTENDING = 20
NARRATIVE = (
    "Đơn vị đã tổ chức hội nghị quán triệt Nghị quyết cho toàn thể cán bộ, giáo viên, nhân "
    "viên; lồng ghép nội dung vào sinh hoạt chuyên môn và hoạt động ngoại khóa. "
)


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
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("migrate", verbosity=0)


def _ms(run, repeat: int = 5) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def _people(ward, units) -> None:
    from units.models import AudienceGroup, Person
    from units.services import person_build

    group = AudienceGroup.objects.get(ward=ward, code="school_staff")
    Person.objects.bulk_create(
        [
            person_build(unit=unit, audience_group=group, full_name=f"Giáo viên Số {n} {i}")
            for n, unit in enumerate(units)
            for i in range(PEOPLE_PER_UNIT)
        ],
        batch_size=1000,
    )


def _activities(ward, units, plan) -> None:
    from django.utils import timezone

    from activities.services import ActivityData, activity_log, channels_seed
    from units.models import Person

    channels = {c.code: c for c in channels_seed(ward=ward)}
    for n, unit in enumerate(units):
        day = dt.date(2026, 2 + n % 4, 5 + n % 20)
        at = timezone.make_aware(dt.datetime.combine(day, dt.time(8)))
        people = list(Person.objects.filter(unit=unit).values_list("pk", flat=True)[:ATTENDING])
        briefing = ActivityData(
            title="Hội nghị quán triệt", starts_at=at, channel=channels["conference"], plan=plan,
            is_briefing=True,
        )  # fmt: skip
        activity_log(unit=unit, data=briefing, attendee_ids=people)
        broadcast = ActivityData(
            title="Phát thanh chuyên mục", starts_at=at, channel=channels["loudspeaker"],
            plan=plan, reach=500, duration_minutes=15,
        )  # fmt: skip
        activity_log(unit=unit, data=broadcast)


def _ward(index: int, size: int, official_code: str):
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
    _people(ward, units)
    _activities(ward, units, plan)
    schedule = services.schedule_create(
        actor=coordinator,
        plan=plan,
        name="Báo cáo 6 tháng",
        kind="half_year",
        working_days=3,
        unit_kinds=[UnitKind.SCHOOL],
    )
    services.unit_reports_open_all(actor=coordinator, schedule=schedule, period_code=PERIOD)
    for n, report in enumerate(schedule.unit_reports.select_related("unit")):
        services.unit_report_save(
            actor=coordinator, report=report, results=NARRATIVE * 3, strengths=NARRATIVE
        )
        services.unit_report_submit(actor=coordinator, report=report)
        services.unit_report_accept(actor=coordinator, report=report)
        if n % 5 == 0:
            services.difficulty_raise(actor=coordinator, unit=units[n], text="Thiếu tài liệu.")
    return schedule, PERIOD


def _demo():
    from demo.services import demo_load
    from reports.demo import SCHEDULE_NAME
    from reports.models import ReportSchedule

    demo_load()
    schedule = ReportSchedule.objects.get(name=SCHEDULE_NAME)
    return schedule, schedule.unit_reports.first().period_code


def _measure(label: str, schedule, period_code: str) -> float:
    from reports import services
    from reports.compose import ward_report_document
    from reports.documents import docx, xlsx

    def compile_report():
        return services.ward_report_build(
            schedule=schedule, period_code=period_code, issued_on=dt.date(2026, 6, 18)
        )

    report = compile_report()
    compile_ms = _ms(compile_report)
    docx_ms = _ms(lambda: docx.render(ward_report_document(report=report)))
    xlsx_ms = _ms(lambda: xlsx.render(ward_report_document(report=report)))
    total = compile_ms + docx_ms + xlsx_ms
    tables = {t["key"]: t for t in report.figures.get("tables", [])}
    roster, briefed = tables["coverage_by_group"]["rows"][-1][1:3]
    activities = tables["activities_by_channel"]["rows"][-1][-1]
    print(
        f"{label:>14} {compile_ms:>8.0f}ms {docx_ms:>8.0f}ms {xlsx_ms:>8.0f}ms {total:>8.0f}ms"
        f"   roster {roster}, briefed {briefed}, activities {activities},"
        f" {sum(len(t['rows']) for t in tables.values())} table rows"
    )
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,100,200")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # Real official ward codes, one ward per size (20017 is the demo's).
    codes = ["19777", "00070", "00073", "00076", "00079"]
    with tempfile.TemporaryDirectory() as folder:
        _django(folder)
        from django.db import connection

        print(f"database: {connection.vendor}; period {PERIOD}")
        print(f"{'ward':>14} {'compile':>10} {'.docx':>10} {'.xlsx':>10} {'total':>10}")
        _measure("Kim Trà demo", *_demo())
        totals = {}
        for index, size in enumerate(sizes):
            totals[size] = _measure(f"{size} units", *_ward(index, size, codes[index]))
        if len(totals) > 1:
            first, last = min(totals), max(totals)
            print(
                f"growth {first}→{last} units: ×{totals[last] / totals[first]:.2f} time for "
                f"×{last / first:.1f} units"
            )


if __name__ == "__main__":
    main()
