"""The people list with search on a ward of 200,000 people.

Run: .venv/bin/python bench/people_search.py [--people 200000]
Prints the median time of the whole page (Django test client, as the ward's coordinator:
scoping, query, count, template) for several searches. Uses a throw-away SQLite database
(or BENCH_DATABASE_URL).
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BATCH = 5000


def _django(folder: str) -> None:
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3"
    )
    os.environ["TRUYENTHONG_VAR_DIR"] = folder
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["HTTPS"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "truyenthong.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _fill(count: int):
    from accounts.models import Role
    from accounts.services import user_create
    from demo.names import random_person_name
    from units.models import AudienceGroup, Person, UnitKind
    from units.services import person_build, unit_create, ward_create_from_official

    ward = ward_create_from_official(code="19815")
    units = [
        unit_create(parent=ward, name=f"Tổ dân phố {i}", kind=UnitKind.RESIDENTIAL_GROUP)
        for i in range(1, 41)
    ]
    groups = list(AudienceGroup.objects.filter(ward=ward))
    rng = random.Random(200)
    batch = []
    for number in range(count):
        name, _gender = random_person_name(rng)
        batch.append(
            person_build(
                unit=rng.choice(units),
                audience_group=rng.choice(groups),
                full_name=name,
                phone=f"09{number:08d}",
            )
        )
        if len(batch) == BATCH:
            Person.objects.bulk_create(batch)
            batch = []
    Person.objects.bulk_create(batch)
    coordinator = user_create(
        username="vhxh", password="x" * 12, role=Role.COORDINATOR, unit=ward,
        must_change_password=False,
    )  # fmt: skip
    focal = user_create(
        username="tdp", password="x" * 12, role=Role.FOCAL_POINT, unit=units[0],
        must_change_password=False,
    )  # fmt: skip
    return coordinator, focal, units[0]


def _median_ms(client, url: str, params: dict, repeat: int) -> tuple[float, int]:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        answer = client.get(url, params)
        timings.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200, answer.status_code
    return statistics.median(timings), answer.context["page"].paginator.count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        _django(folder)
        from django.db import connection
        from django.test import Client
        from django.test.utils import setup_test_environment
        from django.urls import reverse

        from units.models import Person

        start = time.perf_counter()
        coordinator, focal, unit = _fill(args.people)
        print(f"{Person.objects.count():,} people built in {time.perf_counter() - start:.0f} s")
        if connection.vendor == "postgresql":
            # The state autovacuum reaches soon after a bulk load: statistics for the planner
            # and a visibility map, without which no index-only scan is possible.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        print(f"database: {connection.vendor}; load average {os.getloadavg()[0]:.1f}")
        setup_test_environment()
        url = reverse("units:person_list")
        cases = [
            ("coordinator", coordinator, {}),
            ("coordinator", coordinator, {"q": "nguyen van an"}),
            ("coordinator", coordinator, {"q": "NGUYỄN"}),
            ("coordinator", coordinator, {"q": "dang thi huong"}),
            ("coordinator", coordinator, {"q": "khong co ai ten nay"}),
            ("coordinator", coordinator, {"q": "thi", "unit": unit.pk}),
            ("coordinator", coordinator, {"q": "tran", "page": 5}),
            ("focal point", focal, {"q": "le"}),
        ]
        for label, user, params in cases:
            client = Client()
            client.force_login(user)
            client.get(url, params)  # warm the caches once, as a running server would be
            ms, found = _median_ms(client, url, params, args.repeat)
            print(f"{label:12s} {params!s:40s} {found:>8,} found  {ms:7.1f} ms (median)")


if __name__ == "__main__":
    main()
