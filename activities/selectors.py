"""Reads on activities, attendance and coverage.

Coverage figures here are raw counts (roster, briefed) from the stored first-briefing rows;
the indicators app wraps them. `coverage_percent` lives here only until the indicators module
exists: it is the one place a coverage percentage is computed, and moves behind indicators.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Case, Count, FilteredRelation, Q, QuerySet, Value, When
from django.utils import timezone

from accounts.scoping import scope_queryset
from activities.models import (
    Activity,
    Attendance,
    Channel,
    CheckinRequest,
    CheckinStatus,
    CoveragePerson,
    PersonBriefing,
)
from common.search import matching
from common.text import search_key
from plans.models import Phase, Plan
from units.models import AudienceGroup, Person, Unit, UnitKind


def activity_list(
    *, user, unit: Unit | None = None, plan: Plan | None = None, query: str = ""
) -> QuerySet[Activity]:
    activities = scope_queryset(user, Activity.objects.all()).select_related(
        "unit", "channel", "plan"
    )
    if unit is not None:
        activities = activities.filter(unit__path__startswith=unit.path)
    if plan is not None:
        activities = activities.filter(plan=plan)
    if query:
        activities = matching(activities, query)
    return activities.annotate(attendee_count=Count("attendance")).order_by("-starts_at", "-id")


def channels_for_ward(*, ward: Unit, active_only: bool = True) -> QuerySet[Channel]:
    channels = Channel.objects.filter(ward=ward)
    return channels.filter(is_active=True) if active_only else channels


def people_active_on(*, day: dt.date) -> QuerySet[Person]:
    """People on the roster that day: a person leaves the day after `active_to`."""
    return Person.objects.exclude(active_from__gt=day).exclude(active_to__lt=day)


def activity_roster(
    *, activity: Activity, query: str = "", group_id: int | None = None
) -> QuerySet[Person]:
    """The people a unit ticks attendance from: its own subtree's roster on the day."""
    people = people_active_on(day=activity.held_on).filter(
        ward_id=activity.ward_id, unit__path__startswith=activity.unit.path
    )
    if query:
        people = people.filter(search_key__contains=search_key(query))
    if group_id:
        people = people.filter(audience_group_id=group_id)
    return people.select_related("unit", "audience_group")


def attendee_ids(*, activity: Activity) -> set[int]:
    return set(Attendance.objects.filter(activity=activity).values_list("person_id", flat=True))


def activity_attendees(*, activity: Activity) -> QuerySet[Person]:
    return Person.objects.filter(attendance__activity=activity).select_related(
        "unit", "audience_group"
    )


def checkin_queue(*, activity: Activity) -> QuerySet[CheckinRequest]:
    return CheckinRequest.objects.filter(activity=activity, status=CheckinStatus.PENDING)


def activity_for_checkin(*, token: str) -> Activity | None:
    return Activity.objects.filter(checkin_token=token).select_related("ward", "unit").first()


def checkin_match_candidates(*, user, activity: Activity, query: str = "") -> QuerySet[Person]:
    """Whom a queued check-in may be matched to: anyone of the ward's roster on the day that
    the user reaches, because residents of other units attend a school's activities too. A
    coordinator reaches the whole ward, a focal point only its own units."""
    people = scope_queryset(
        user, people_active_on(day=activity.held_on).filter(ward_id=activity.ward_id)
    )
    return matching(people, query).select_related("unit").order_by("sort_key")


def checkin_default_window(
    *, activity: Activity, now: dt.datetime
) -> tuple[dt.datetime, dt.datetime]:
    """Now until the end of today, or the activity's own day when it is still to come: a
    window copied from the activity's hours has already passed when staff open check-in the
    day after, and residents would be refused with no warning."""
    now = timezone.localtime(now).replace(second=0, microsecond=0)
    starts = timezone.localtime(activity.starts_at)
    opens = starts if starts.date() > now.date() else now
    closes = opens.replace(hour=23, minute=59)
    return opens, closes


def checkin_state(*, activity: Activity, now: dt.datetime) -> str:
    """'closed' (no code), 'not_yet', 'open' or 'passed', for the staff page to say plainly."""
    if not activity.checkin_token:
        return "closed"
    if now < activity.checkin_opens_at:
        return "not_yet"
    if now > activity.checkin_closes_at:
        return "passed"
    return "open"


# Coverage ------------------------------------------------------------------------------


def phase_window(phase: Phase) -> tuple[dt.date, dt.date]:
    return dt.date(phase.start_year, 1, 1), dt.date(phase.end_year, 12, 31)


def coverage_day(*, phase: Phase | None, on: dt.date | None = None) -> dt.date:
    """The day coverage is measured on: `on` (default today), kept inside the phase."""
    day = on or timezone.localdate()
    if phase is None:
        return day
    start, end = phase_window(phase)
    return min(max(day, start), end)


def _in_subtree(people: QuerySet, root: Unit) -> QuerySet:
    # A ward is an equality on an indexed column; anything else is a prefix of the tree path.
    if root.kind == UnitKind.WARD:
        return people.filter(ward_id=root.pk)
    return people.filter(unit__path__startswith=root.path)


def _with_briefing(
    people: QuerySet[Person], plans: Sequence[Plan], phase: Phase | None, day: dt.date
) -> QuerySet[Person]:
    """Join each person to their first-briefing row, if any: at most one, since a person has
    one row per plan and phase and `plans` holds one plan per ward. A LEFT JOIN, not a
    correlated EXISTS, which SQLite runs once per person."""
    if len({plan.ward_id for plan in plans}) != len(plans):
        raise ValueError("coverage is measured against one plan per ward")
    # Each person against their own ward's plan: an equality the index answers in one probe,
    # where `plan IN (...)` costs one probe per plan and person.
    own_plan = (
        Value(plans[0].pk)
        if len(plans) == 1
        else Case(*(When(ward_id=plan.ward_id, then=Value(plan.pk)) for plan in plans))
    )
    condition = Q(briefings__plan_id=own_plan, briefings__first_briefed_on__lte=day)
    condition &= (
        Q(briefings__phase=phase) if phase is not None else Q(briefings__phase__isnull=True)
    )
    return people.annotate(briefing=FilteredRelation("briefings", condition=condition))


def _plans_under(root: Unit, plans: Sequence[Plan]) -> list[Plan]:
    """The plans of the wards under `root`; for a province, its wards are found in the small
    unit table, so the large tables are read by ward alone, without a join for the path."""
    if root.kind != UnitKind.PROVINCE:
        return list(plans)
    ward_ids = set(
        Unit.objects.filter(
            pk__in=[plan.ward_id for plan in plans], path__startswith=root.path
        ).values_list("pk", flat=True)
    )
    return [plan for plan in plans if plan.ward_id in ward_ids]


def _roster(root: Unit, plans: Sequence[Plan], model=Person) -> QuerySet:
    """The people of the plans' wards under `root`: from the people table, or (model
    CoveragePerson) from coverage's compact copy of it, for counts."""
    people = model.objects.filter(ward_id__in={plan.ward_id for plan in plans})
    return people if root.kind == UnitKind.PROVINCE else _in_subtree(people, root)


@dataclass(frozen=True)
class CoverageCount:
    audience_group_id: int
    unit_id: int | None
    roster: int
    briefed: int


def _active_on(day: dt.date, prefix: str = "") -> Q:
    """On the roster that day: a person leaves the day after `active_to`."""
    return ~Q(**{f"{prefix}active_from__gt": day}) & ~Q(**{f"{prefix}active_to__lt": day})


def _briefed(root: Unit, plans: Sequence[Plan], phase: Phase | None) -> QuerySet[PersonBriefing]:
    """The first-briefing rows that may count, read through the covering `briefing_counts`
    index alone; a row counts only toward the plan of its person's own ward, which the caller
    checks on the grouped rows (a person who moved ward keeps the old ward's rows)."""
    rows = PersonBriefing.objects.filter(plan_id__in=[plan.pk for plan in plans]).filter(
        Q(phase=phase) if phase is not None else Q(phase__isnull=True)
    )
    if root.kind == UnitKind.PROVINCE:
        return rows
    if root.kind == UnitKind.WARD:
        return rows.filter(ward_id=root.pk)
    return rows.filter(unit__path__startswith=root.path)


def coverage_counts_by_day(
    *,
    root: Unit,
    plans: Sequence[Plan],
    days: Sequence[dt.date],
    phase: Phase | None = None,
    by_unit: bool = False,
) -> dict[dt.date, list[CoverageCount]]:
    """coverage_counts for several days at once (a page's figures and the previous period's),
    keyed by the day asked for.

    Two grouped queries, one pass each with a count per day: the roster from the people's
    compact copies (CoveragePerson), the briefed from the first-briefing rows, which carry
    the same copy. Both read a covering index only, in the ward-first order they group by.
    """
    measured = {asked: coverage_day(phase=phase, on=asked) for asked in days}
    plans = _plans_under(root, plans) if plans else []
    if not plans or not days:
        return {asked: [] for asked in days}
    plan_ward = {plan.pk: plan.ward_id for plan in plans}
    if len(set(plan_ward.values())) != len(plans):
        raise ValueError("coverage is measured against one plan per ward")
    distinct = sorted(set(measured.values()))
    keys = ["audience_group_id", "unit_id"] if by_unit else ["audience_group_id"]
    # Active on at least one of the days; each count then keeps its own day. Counting a column
    # of the index (never null), not the key, keeps both passes on the index alone.
    span = ~Q(active_from__gt=distinct[-1]) & ~Q(active_to__lt=distinct[0])
    roster = (
        _roster(root, plans, model=CoveragePerson)
        .filter(span)
        .values_list("ward_id", *keys)
        .annotate(
            **{f"n{i}": Count("ward_id", filter=_active_on(day)) for i, day in enumerate(distinct)}
        )
        .order_by()
    )
    briefed = (
        _briefed(root, plans, phase)
        .filter(span, first_briefed_on__lte=distinct[-1])
        .values_list("plan_id", "ward_id", *keys)
        .annotate(
            **{
                f"n{i}": Count("ward_id", filter=_active_on(day) & Q(first_briefed_on__lte=day))
                for i, day in enumerate(distinct)
            }
        )
        .order_by()
    )
    width = len(keys)
    found: dict[tuple, list[list[int]]] = {}
    for _ward, *row in roster:
        found.setdefault(tuple(row[:width]), [[0] * len(distinct), [0] * len(distinct)])
        _add(found[tuple(row[:width])][0], row[width:])
    for plan_id, ward_id, *row in briefed:
        if plan_ward[plan_id] == ward_id and tuple(row[:width]) in found:
            _add(found[tuple(row[:width])][1], row[width:])
    index = {day: i for i, day in enumerate(distinct)}
    return {
        asked: [
            CoverageCount(
                audience_group_id=key[0],
                unit_id=key[1] if by_unit else None,
                roster=roster_counts[index[day]],
                briefed=briefed_counts[index[day]],
            )
            for key, (roster_counts, briefed_counts) in sorted(found.items())
            if roster_counts[index[day]]
        ]
        for asked, day in measured.items()
    }


def _add(sums: list[int], numbers) -> None:
    for i, number in enumerate(numbers):
        sums[i] += number


def coverage_counts(
    *,
    root: Unit,
    plans: Sequence[Plan],
    phase: Phase | None = None,
    on: dt.date | None = None,
    by_unit: bool = False,
) -> list[CoverageCount]:
    """Roster and briefed counts under `root`, per audience group (and per unit if asked).

    `plans`: the plan of each ward concerned, one per ward (one for a ward; the plans of one
    resolution for a city roll-up); a person counts toward the plan of their own ward. With
    `phase`, a person is briefed if first briefed within that phase, else within the plan, by
    the day measured (`on`, default today).
    """
    day = on or timezone.localdate()
    return coverage_counts_by_day(root=root, plans=plans, days=[day], phase=phase, by_unit=by_unit)[
        day
    ]


def coverage_percent(*, roster: int, briefed: int) -> float | None:
    """Percent briefed (0–100), None when nobody is on the roster.

    The only coverage percentage in the code base; to move behind the indicators module."""
    return None if roster == 0 else 100 * briefed / roster


def people_not_briefed(
    *, root: Unit, plans: Sequence[Plan], phase: Phase | None = None, on: dt.date | None = None
) -> QuerySet[Person]:
    """People on the roster under `root` not yet briefed, by unit then Vietnamese name order."""
    day = coverage_day(phase=phase, on=on)
    plans = _plans_under(root, plans)
    return (
        _with_briefing(_roster(root, plans).filter(_active_on(day)), plans, phase, day)
        .filter(briefing__isnull=True)
        .select_related("unit", "audience_group")
        .order_by("unit__path", "sort_key", "pk")
    )


@dataclass(frozen=True)
class CoverageLine:
    label: str
    roster: int
    briefed: int
    percent: float | None
    unit: Unit | None = None


@dataclass(frozen=True)
class CoverageTable:
    by_group: list[CoverageLine]
    by_unit: list[CoverageLine]
    total: CoverageLine


def _line(label: str, roster: int, briefed: int, unit: Unit | None = None) -> CoverageLine:
    return CoverageLine(
        label, roster, briefed, coverage_percent(roster=roster, briefed=briefed), unit
    )


def coverage_table(
    *, root: Unit, plan: Plan, phase: Phase | None = None, on: dt.date | None = None
) -> CoverageTable:
    """The coverage page's figures from one grouped query: per audience group, per unit."""
    counts = coverage_counts(root=root, plans=[plan], phase=phase, on=on, by_unit=True)
    groups = {g.pk: g.name for g in AudienceGroup.objects.filter(ward_id=plan.ward_id)}
    units = Unit.objects.in_bulk({c.unit_id for c in counts})
    per_group: dict[int, list[int]] = {}
    per_unit: dict[int, list[int]] = {}
    for count in counts:
        for bucket, key in ((per_group, count.audience_group_id), (per_unit, count.unit_id)):
            sums = bucket.setdefault(key, [0, 0])
            sums[0] += count.roster
            sums[1] += count.briefed
    by_group = [_line(groups.get(pk, ""), *per_group[pk]) for pk in groups if pk in per_group]
    by_unit = sorted(
        (_line(units[pk].name, *sums, unit=units[pk]) for pk, sums in per_unit.items()),
        key=lambda line: line.unit.path,
    )
    total = _line("", sum(c.roster for c in counts), sum(c.briefed for c in counts))
    return CoverageTable(by_group=by_group, by_unit=by_unit, total=total)
