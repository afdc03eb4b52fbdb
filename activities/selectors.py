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
)
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
        activities = activities.filter(title__icontains=query)
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


def _in_subtree(people: QuerySet[Person], root: Unit) -> QuerySet[Person]:
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


def _roster(root: Unit, plans: Sequence[Plan], day: dt.date) -> QuerySet[Person]:
    ward_ids = {plan.ward_id for plan in plans}
    if root.kind == UnitKind.PROVINCE:
        # The wards under the province, found in the small unit table, so the large person
        # table is read by ward alone, without a join for the path.
        ward_ids = set(
            Unit.objects.filter(pk__in=ward_ids, path__startswith=root.path).values_list(
                "pk", flat=True
            )
        )
        return people_active_on(day=day).filter(ward_id__in=ward_ids)
    return _in_subtree(people_active_on(day=day).filter(ward_id__in=ward_ids), root)


@dataclass(frozen=True)
class CoverageCount:
    audience_group_id: int
    unit_id: int | None
    roster: int
    briefed: int


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
    the day measured.
    """
    if not plans:
        return []
    day = coverage_day(phase=phase, on=on)
    fields = ["audience_group_id", "unit_id"] if by_unit else ["audience_group_id"]
    rows = (
        _with_briefing(_roster(root, plans, day), plans, phase, day)
        .values(*fields)
        .annotate(roster=Count("pk"), briefed=Count("briefing"))
        .order_by(*fields)
    )
    return [
        CoverageCount(
            audience_group_id=row["audience_group_id"],
            unit_id=row.get("unit_id"),
            roster=row["roster"],
            briefed=row["briefed"],
        )
        for row in rows
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
    return (
        _with_briefing(_roster(root, plans, day), plans, phase, day)
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
