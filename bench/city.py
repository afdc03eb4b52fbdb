"""What the city-scale benchmarks share: the sizes of a city, the command line, generating the
dataset on request and timing a call. Imported by bench/coverage.py and bench/dashboard.py
after they have set Django up."""

import argparse
import os
import statistics
import time

from django.conf import settings
from django.core.management import call_command

from activities.dataset import Sizes, dataset_generate

CITY = Sizes(
    wards=40, units_per_ward=62, people=200_000, activities=1_000_000, attendance=5_000_000
)


def arguments(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--generate", action="store_true", help="generate the dataset first")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of city scale")
    parser.add_argument("--runs", type=int, default=30)
    return parser.parse_args()


def start(args: argparse.Namespace) -> float | None:
    """Say which database and load the run starts with; generate the dataset if asked.
    Returns the generation's seconds, or None when nothing was generated."""
    database = settings.DATABASES["default"]
    print(f"database: {database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}")
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    if not args.generate:
        return None
    call_command("migrate", verbosity=0)
    sizes = Sizes(
        wards=max(1, round(CITY.wards * args.scale)),
        units_per_ward=CITY.units_per_ward,
        people=round(CITY.people * args.scale),
        activities=round(CITY.activities * args.scale),
        attendance=round(CITY.attendance * args.scale),
    )
    started = time.perf_counter()
    made = dataset_generate(sizes=sizes)
    seconds = time.perf_counter() - started
    print(f"generated in {seconds:.0f} s: {made}")
    return seconds


def timed(function, runs: int) -> tuple[float, float]:
    """(median, p95) in milliseconds, after one warm-up call."""
    function()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]
