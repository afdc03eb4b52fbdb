"""Generated data at a chosen size (units, people, plans, activities, attendance) for
benchmarks and load tests. Units and people go through the ORM's bulk_create; activities and
attendance, millions of rows, through executemany with ids we assign, which is several times
faster and still plain parameterised SQL on SQLite and PostgreSQL; the coverage rows are then
ranked and written by the database itself (coverage_rebuild, one INSERT … SELECT).

On SQLite, a generation that is not inside someone else's transaction (the command, the
benchmarks) writes without a rollback journal and without waiting for the disk, with a large
page cache, and puts the working settings back afterwards: the file is a generated benchmark
database, and one that a crash leaves half written is deleted and generated again."""

import contextlib
import datetime as dt
import random
from dataclasses import dataclass

from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from activities.models import Activity, Attendance, Channel
from activities.services import channels_seed, coverage_rebuild
from common.text import search_key, vi_sort_key
from demo.names import random_mobile, random_person_name
from plans.models import Phase, Plan, Task
from units.models import (
    AudienceGroup,
    OrganisationType,
    Person,
    SchoolLevel,
    Unit,
    UnitKind,
)
from units.official import official_wards
from units.services import person_build, ward_create_from_official

BATCH = 5_000
FLUSH_ATTENDANCE = 200_000
FLUSH_ACTIVITIES = 50_000
# Negative: KiB. Enough to keep the attendance indexes in memory while they grow.
BULK_CACHE_KIB = 1_000_000
IN_PERSON_BRIEFING_SHARE = 0.35
FIRST_DAY = dt.date(2026, 1, 5)
DAYS = 700
# (kind, share of a ward's units, audience group of its people, weight of its roster)
UNIT_MIX = [
    (UnitKind.PEOPLES_COMMITTEE, 0.02, "civil_servants", 4),
    (UnitKind.CULTURE_OFFICE, 0.02, "civil_servants", 1),
    (UnitKind.SCHOOL, 0.20, "school_staff", 3),
    (UnitKind.MASS_ORGANISATION, 0.10, "members", 2),
    (UnitKind.RESIDENTIAL_GROUP, 0.66, "residents", 1),
]
SCHOOL_LEVELS = [SchoolLevel.PRESCHOOL, SchoolLevel.PRIMARY, SchoolLevel.LOWER_SECONDARY]
ORGANISATIONS = [o for o in OrganisationType if o != OrganisationType.OTHER]


@dataclass(frozen=True)
class Sizes:
    wards: int
    units_per_ward: int
    people: int
    activities: int
    attendance: int
    seed: int = 1


@dataclass(frozen=True)
class Generated:
    wards: int
    units: int
    people: int
    activities: int
    attendance: int
    briefings: int


def _pick_wards(count: int) -> list[Unit]:
    # Huế (46) first, so a city-sized run is one province, then whatever the list offers.
    codes = sorted(official_wards(), key=lambda w: (w.province_code != "46", w.code))
    wards = []
    for official in codes:
        if len(wards) == count:
            break
        if Unit.objects.filter(code__startswith=f"{official.code}-G").exists():
            continue
        wards.append(ward_create_from_official(code=official.code))
    return wards


def _unit_kinds(count: int) -> list[tuple[str, str, int]]:
    kinds = []
    for kind, share, group, weight in UNIT_MIX:
        kinds += [(kind, group, weight)] * max(1, round(share * count))
    # Rounding leaves a few short or over: residential groups, the most numerous, absorb it.
    kinds += [kinds[-1]] * (count - len(kinds))
    return kinds[:count]


def _units(ward: Unit, count: int, rng: random.Random) -> list[tuple[Unit, str, int]]:
    planned = _unit_kinds(count)
    units = []
    for number, (kind, _group, _weight) in enumerate(planned, start=1):
        label = UnitKind(kind).label
        name = f"{label} số {number}"
        units.append(
            Unit(
                code=f"{ward.code}-G{number:04d}",
                name=name,
                kind=kind,
                school_level=rng.choice(SCHOOL_LEVELS) if kind == UnitKind.SCHOOL else "",
                organisation_type=(
                    rng.choice(ORGANISATIONS) if kind == UnitKind.MASS_ORGANISATION else ""
                ),
                parent=ward,
                ward=ward,
                depth=ward.depth + 1,
                search_key=search_key(name),
                sort_key=vi_sort_key(name),
            )
        )
    Unit.objects.bulk_create(units, batch_size=BATCH)
    for unit in units:
        unit.path = f"{ward.path}{unit.pk}/"
    Unit.objects.bulk_update(units, ["path"], batch_size=BATCH)
    return [(unit, group, weight) for unit, (_k, group, weight) in zip(units, planned, strict=True)]


def _active_range(rng: random.Random) -> tuple[dt.date | None, dt.date | None]:
    roll = rng.random()
    if roll < 0.03:  # leavers
        return dt.date(2025, 7, 1), FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    if roll < 0.05:  # newcomers
        return FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS)), None
    return dt.date(2025, 7, 1), None


def _people(ward: Unit, units: list, count: int, rng: random.Random) -> dict[int, list[int]]:
    groups = {g.code: g for g in AudienceGroup.objects.filter(ward=ward)}
    total_weight = sum(weight for _u, _g, weight in units)
    people = []
    for unit, group, weight in units:
        for _ in range(max(1, round(count * weight / total_weight))):
            name, gender = random_person_name(rng)
            start, end = _active_range(rng)
            person = person_build(
                unit=unit,
                audience_group=groups[group],
                full_name=name,
                gender=gender,
                phone=random_mobile(rng),
                active_from=start,
                active_to=end,
            )
            people.append(person)
    Person.objects.bulk_create(people, batch_size=BATCH)
    roster: dict[int, list[int]] = {}
    for person in people:
        roster.setdefault(person.unit_id, []).append(person.pk)
    return roster


def _plan(ward: Unit) -> Plan:
    plan = Plan.objects.create(
        ward=ward,
        number="01/KH-UBND",
        issuer=f"Ủy ban nhân dân {ward.name}",
        issued_on=dt.date(2026, 3, 20),
        title="Triển khai thực hiện công tác truyền thông thực hiện Nghị quyết số 71-NQ/TW",
        resolution="71-NQ/TW",
    )
    Phase.objects.create(
        plan=plan, order=1, name="Giai đoạn 2026 – 2030", start_year=2026, end_year=2030
    )
    Phase.objects.create(
        plan=plan, order=2, name="Giai đoạn 2030 – 2035", start_year=2030, end_year=2035
    )
    Task.objects.create(
        plan=plan, order=1, number="1", title="Đẩy mạnh công tác tuyên truyền, phổ biến"
    )
    return plan


def _insert(model, columns: list[str], rows: list[tuple]) -> None:
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(model._meta.get_field(c).column) for c in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


ACTIVITY_COLUMNS = [
    "id", "unit", "ward", "title", "starts_at", "held_on", "plan", "channel", "is_briefing",
    "location", "reach", "duration_minutes", "link", "notes", "created_at", "updated_at",
    "search_key",
]  # fmt: skip
ATTENDANCE_COLUMNS = ["activity", "person", "source", "recorded_at"]


class _Writer:
    """Turns the generated activities of one ward into rows, in batches."""

    def __init__(self, rng: random.Random, next_id: int, attendees_per_activity: float):
        self.rng = rng
        self.next_id = next_id
        self.mean = attendees_per_activity
        self.activities: list[tuple] = []
        self.attendance: list[tuple] = []
        self.adapt_dt = connection.ops.adapt_datetimefield_value
        self.adapt_d = connection.ops.adapt_datefield_value
        self.now = self.adapt_dt(timezone.now())

    def add(self, ward: Unit, plan: Plan, unit_id: int, roster: list[int], channel: Channel):
        rng = self.rng
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        starts = timezone.make_aware(dt.datetime.combine(day, dt.time(rng.choice((7, 8, 14, 19)))))
        in_person = not channel.is_digital and not channel.has_reach
        briefing = in_person and rng.random() < IN_PERSON_BRIEFING_SHARE
        activity_id = self.next_id
        self.next_id += 1
        title = f"{channel.name}: Nghị quyết 71-NQ/TW"
        self.activities.append(
            (
                activity_id, unit_id, ward.pk, title,
                self.adapt_dt(starts), self.adapt_d(day), plan.pk, channel.pk, briefing, "",
                None if in_person else rng.randrange(50, 5000),
                rng.choice((10, 15, 20)) if channel.has_duration else None,
                "", "", self.now, self.now, search_key(title),
            )
        )  # fmt: skip
        if in_person and roster:
            count = min(len(roster), int(rng.expovariate(1 / self.mean)) + 1)
            self.attendance.extend(
                (activity_id, person_id, "tick", self.now)
                for person_id in rng.sample(roster, count)
            )
        if len(self.attendance) >= FLUSH_ATTENDANCE or len(self.activities) >= FLUSH_ACTIVITIES:
            self.flush()

    def flush(self) -> None:
        _insert(Activity, ACTIVITY_COLUMNS, self.activities)
        _insert(Attendance, ATTENDANCE_COLUMNS, self.attendance)
        self.activities, self.attendance = [], []


def _in_person_share(channels: list[Channel]) -> float:
    return sum(not c.is_digital and not c.has_reach for c in channels) / len(channels)


@contextlib.contextmanager
def _bulk_load():
    """SQLite bulk-load settings around a generation that owns its transaction; elsewhere,
    nothing (PostgreSQL, or a caller's transaction such as a test's, where SQLite refuses to
    change the journal)."""
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA synchronous")
        synchronous = cursor.fetchone()[0]
        cursor.execute("PRAGMA cache_size")
        cache = cursor.fetchone()[0]
        cursor.execute("PRAGMA journal_mode=OFF")
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA journal_mode={journal}")
            cursor.execute(f"PRAGMA synchronous={int(synchronous)}")
            cursor.execute(f"PRAGMA cache_size={int(cache)}")
            cursor.execute("PRAGMA optimize")


def dataset_generate(*, sizes: Sizes) -> Generated:
    with _bulk_load():
        with transaction.atomic():
            made = _generate(sizes)
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            # Millions of new rows: the planner's statistics are stale until analysed.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
    return made


def _generate(sizes: Sizes) -> Generated:
    rng = random.Random(sizes.seed)
    wards = _pick_wards(sizes.wards)
    next_id = (Activity.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    per_ward_activities = sizes.activities // max(len(wards), 1)
    channels_by_ward = {ward.pk: channels_seed(ward=ward) for ward in wards}
    share = _in_person_share(next(iter(channels_by_ward.values()))) if wards else 1
    mean = sizes.attendance / max(sizes.activities * share, 1)
    writer = _Writer(rng, next_id, mean)
    units_count = people_count = 0
    for ward in wards:
        units = _units(ward, sizes.units_per_ward, rng)
        roster = _people(ward, units, sizes.people // len(wards), rng)
        units_count += len(units)
        people_count += sum(len(ids) for ids in roster.values())
        plan = _plan(ward)
        unit_ids = [unit.pk for unit, _g, _w in units]
        channels = channels_by_ward[ward.pk]
        for _ in range(per_ward_activities):
            unit_id = rng.choice(unit_ids)
            writer.add(ward, plan, unit_id, roster.get(unit_id, []), rng.choice(channels))
    writer.flush()
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Activity, Attendance]):
            cursor.execute(sql)
    activities = writer.next_id - next_id
    attendance = Attendance.objects.filter(activity_id__gte=next_id).count()
    briefings = coverage_rebuild()
    return Generated(len(wards), units_count, people_count, activities, attendance, briefings)
