"""Coverage benchmark: figures for one ward and the whole city, logging an activity with 200
attendees, the full rebuild, and (with --generate) the dataset generation itself.

Run on its own database, never the working one:

    DATABASE_URL=sqlite:////tmp/city.sqlite3 .venv/bin/python bench/coverage.py --generate

See bench/README.md for sizes and PostgreSQL.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "truyenthong.settings")

import django  # noqa: E402

django.setup()

from city import arguments, start, timed  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from activities.models import Channel  # noqa: E402
from activities.selectors import coverage_counts, coverage_table  # noqa: E402
from activities.services import (  # noqa: E402
    ActivityData,
    activity_delete,
    activity_log,
    coverage_rebuild,
)
from plans.models import Plan  # noqa: E402
from units.models import Person, Unit, UnitKind  # noqa: E402


def report(label: str, figures: tuple[float, float], goal_ms: float) -> None:
    median, p95 = figures
    verdict = "ok" if p95 <= goal_ms else "OVER"
    figures_text = f"median {median:9.1f} ms   p95 {p95:9.1f} ms"
    print(f"{label:<44} {figures_text}   goal {goal_ms:>7.0f} ms  {verdict}")


def report_seconds(label: str, seconds: float, goal: float) -> None:
    verdict = "ok" if seconds <= goal else "OVER"
    print(f"{label:<44} {seconds:9.1f} s   goal {goal:>5.0f} s  {verdict}")


def bare_sql(function):
    """The statements `function` issues, captured and re-run through a plain cursor (their
    parameters inlined by the query log), to see what the framework costs on top."""
    with CaptureQueriesContext(connection) as captured:
        function()
    statements = [q["sql"] for q in captured.captured_queries]

    def run() -> None:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                cursor.fetchall()

    return run


def log_200(ward: Unit, plan: Plan) -> float:
    people = list(Person.objects.filter(ward=ward).values_list("pk", flat=True)[:200])
    unit = Unit.objects.filter(ward=ward, kind=UnitKind.PEOPLES_COMMITTEE).first()
    channel = Channel.objects.get(ward=ward, code="conference")
    data = ActivityData(
        title="Hội nghị quán triệt (đo hiệu năng)",
        starts_at=django.utils.timezone.now(),
        channel=channel,
        plan=plan,
        is_briefing=True,
    )
    started = time.perf_counter()
    activity = activity_log(unit=unit, data=data, attendee_ids=people)
    spent = (time.perf_counter() - started) * 1000
    activity_delete(activity=activity)
    return spent


def main() -> None:
    args = arguments(__doc__)
    seconds = start(args)
    if seconds is not None:
        report_seconds("generate dataset", seconds, 300)
    plan = Plan.objects.select_related("ward").order_by("pk").first()
    if plan is None:
        sys.exit("No plan in this database: run with --generate first.")
    ward = plan.ward
    province = ward.parent
    city_plans = list(Plan.objects.filter(ward__path__startswith=province.path))
    print(
        f"data: {Unit.objects.count()} units, {Person.objects.count()} people, "
        f"{Plan.objects.count()} plans; ward {ward.name}, "
        f"city = {len(city_plans)} wards of {province.name}"
    )
    ward_figure = lambda: coverage_counts(root=ward, plans=[plan])  # noqa: E731
    report("coverage, one ward, by audience group", timed(ward_figure, args.runs), 25)
    report("  same statements as bare SQL", timed(bare_sql(ward_figure), args.runs), 25)
    report(
        "coverage, one ward, by group and unit",
        timed(lambda: coverage_table(root=ward, plan=plan), args.runs),
        25,
    )
    city_figure = lambda: coverage_counts(root=province, plans=city_plans)  # noqa: E731
    report("coverage, whole city, by audience group", timed(city_figure, args.runs), 250)
    report("  same statements as bare SQL", timed(bare_sql(city_figure), args.runs), 250)
    report(
        "coverage, whole city, by group and unit",
        timed(lambda: coverage_counts(root=province, plans=city_plans, by_unit=True), args.runs),
        250,
    )
    samples = sorted(log_200(ward, plan) for _ in range(max(5, args.runs // 3)))
    report("log an activity with 200 attendees", (statistics.median(samples), samples[-1]), 300)
    started = time.perf_counter()
    rows = coverage_rebuild()
    seconds = time.perf_counter() - started
    report_seconds(f"full rebuild ({rows} rows)", seconds, 60)


if __name__ == "__main__":
    main()
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
