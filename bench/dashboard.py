"""Dashboard benchmark: the ward page, the city page and the infographic, timed on the server
(Django's test client, no network), beside the bare SQL of the same aggregates in the same run.

"Bare SQL" is the very statements the indicators module issued for the page, captured and
run again through a plain cursor: the ratio page / bare SQL is what the framework, Python-side
grouping and the template cost on top of the database.

Run on its own database, never the working one. City scale is 40 wards, 62 units each,
200,000 people, 1,000,000 activities, 5,000,000 attendance rows (--scale 1); a smaller
--scale keeps the units per ward and shrinks the rest:

    DATABASE_URL=sqlite:////tmp/dashboard.sqlite3 .venv/bin/python bench/dashboard.py \\
        --generate --scale 0.1
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "truyenthong.settings")

import django  # noqa: E402

django.setup()

from city import arguments, start, timed  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from accounts.models import Role, User  # noqa: E402
from accounts.services import user_create  # noqa: E402
from indicators.scope import scope_build  # noqa: E402
from indicators.selectors import indicator_figures  # noqa: E402
from plans.models import Plan  # noqa: E402
from units.models import Person, Unit  # noqa: E402

PASSWORD = "do-hieu-nang-2026"


def report(label: str, figures: tuple[float, float], goal_ms: float | None = None) -> None:
    median, p95 = figures
    goal = (
        ""
        if goal_ms is None
        else f"   goal {goal_ms:>6.0f} ms  " + ("ok" if p95 <= goal_ms else "OVER")
    )
    print(f"{label:<46} median {median:8.1f} ms   p95 {p95:8.1f} ms{goal}")


def user(username: str, role: Role, unit: Unit) -> User:
    found = User.objects.filter(username=username).first()
    return found or user_create(
        username=username, password=PASSWORD, role=role, unit=unit, must_change_password=False
    )


def page(client: Client, url: str) -> None:
    response = client.get(url, secure=True)
    if response.status_code != 200:
        sys.exit(f"{url}: {response.status_code}")


def bare_sql(root: Unit):
    """The page's figure queries, re-run as plain SQL with their parameters bound again."""
    with CaptureQueriesContext(connection) as captured:
        indicator_figures(scope=scope_build(root=root))
    # The logged SQL has its parameters inlined (dates, ids), which both SQLite and PostgreSQL
    # run as they are.
    statements = [q["sql"] for q in captured.captured_queries]

    def run() -> None:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                cursor.fetchall()

    return run, len(statements)


def main() -> None:
    args = arguments(__doc__)
    start(args)
    plan = Plan.objects.select_related("ward").order_by("pk").first()
    if plan is None:
        sys.exit("No plan in this database: run with --generate first.")
    ward = plan.ward
    province = ward.parent
    wards = Unit.objects.filter(kind="ward", path__startswith=province.path).count()
    ward_units = Unit.objects.filter(ward=ward).count()
    print(
        f"data: {Unit.objects.count()} units, {Person.objects.count()} people, "
        f"{plan.activities.count()} activities in {ward.name} ({ward_units} units); "
        f"city {province.name}: {wards} wards"
    )
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    coordinator = Client()
    coordinator.force_login(user("bench-coordinator", Role.COORDINATOR, ward))
    city = Client()
    city.force_login(user("bench-city", Role.CITY_VIEWER, province))

    ward_page = timed(lambda: page(coordinator, "/bang-dieu-khien/"), args.runs)
    report("ward dashboard page (server)", ward_page, 150)
    run, count = bare_sql(ward)
    ward_sql = timed(run, args.runs)
    report(f"  bare SQL of its {count} figure queries", ward_sql)
    print(f"  ratio page / bare SQL (p95): {ward_page[1] / ward_sql[1]:.2f}x   goal 1.5x")

    city_runs = max(5, args.runs // 3)
    city_page = timed(lambda: page(city, "/bang-dieu-khien/"), city_runs)
    report("city dashboard page (server)", city_page, 1000)
    run, count = bare_sql(province)
    city_sql = timed(run, city_runs)
    report(f"  bare SQL of its {count} figure queries", city_sql)
    print(f"  ratio page / bare SQL (p95): {city_page[1] / city_sql[1]:.2f}x   goal 1.5x")

    report(
        "ward infographic PNG (server)",
        timed(lambda: page(coordinator, "/bang-dieu-khien/infographic/"), max(5, args.runs // 3)),
        1000,
    )
    report(
        "ward dashboard .xlsx, every table (server)",
        timed(lambda: page(coordinator, "/bang-dieu-khien/xuat-excel/"), max(5, args.runs // 3)),
    )


if __name__ == "__main__":
    main()
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
