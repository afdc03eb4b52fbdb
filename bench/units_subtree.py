"""Subtree and visible-units queries on a ward of 3,000 units.

Run: .venv/bin/python bench/units_subtree.py [--units 3000]
Uses a throw-away SQLite database (or BENCH_DATABASE_URL) and prints timings in ms.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _django(folder: str) -> None:
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3"
    )
    os.environ["TRUYENTHONG_VAR_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "truyenthong.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _ms(run, repeat: int = 20) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        _django(folder)
        from accounts.models import Role
        from accounts.scoping import scope_queryset, visible_units
        from accounts.services import user_create
        from units.models import Unit, UnitKind
        from units.selectors import unit_tree
        from units.services import unit_create, ward_create_from_official

        start = time.perf_counter()
        ward = ward_create_from_official(code="19815")
        other = ward_create_from_official(code="19777")
        # Residential groups under neighbourhoods under the ward: three levels deep.
        per_parent = 30
        parents = []
        created = 0
        while created < args.units:
            if not parents or len(parents[-1][1]) >= per_parent:
                parent = unit_create(
                    parent=ward,
                    name=f"Khu vực {len(parents) + 1}",
                    kind=UnitKind.OTHER_AGENCY,
                    code=f"bench-{created}",
                )
                parents.append((parent, []))
                created += 1
            parent, children = parents[-1]
            children.append(
                unit_create(
                    parent=parent,
                    name=f"Tổ dân phố {created}",
                    kind=UnitKind.RESIDENTIAL_GROUP,
                    code=f"bench-{created}",
                )
            )
            created += 1
        unit_create(parent=other, name="Trường khác", kind=UnitKind.OTHER_AGENCY)
        build = time.perf_counter() - start
        coordinator = user_create(
            username="vhxh", password="x" * 12, role=Role.COORDINATOR, unit=ward
        )
        focal = user_create(
            username="to", password="x" * 12, role=Role.FOCAL_POINT, unit=parents[5][0]
        )
        total = Unit.objects.count()
        print(f"units in database: {total:,} (built in {build:.1f} s)")
        middle = parents[len(parents) // 2][0]
        figures = {
            "ward.subtree() list": lambda: list(ward.subtree()),
            "ward.subtree() count": lambda: ward.subtree().count(),
            "area.subtree() list (31 units)": lambda: list(middle.subtree()),
            "visible_units(coordinator) list": lambda: list(visible_units(coordinator)),
            "visible_units(focal) list": lambda: list(visible_units(focal)),
            "unit_tree(visible_units(coordinator))": lambda: unit_tree(
                units=visible_units(coordinator)
            ),
            "scope_queryset(coordinator, units) count": lambda: scope_queryset(
                coordinator, Unit.objects.all(), "ward"
            ).count(),
        }
        for label, run in figures.items():
            print(f"{label:45s} {_ms(run):8.2f} ms (median of 20)")


if __name__ == "__main__":
    main()
