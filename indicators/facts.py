"""The few grouped queries every indicator reads, each run at most once per set of figures.

A page of figures costs the same handful of queries whatever the data size: the subtree's
units, the wards' audience groups and channels, coverage counts (activities.selectors), one
grouped count of activities per unit × channel with a column per month, and one grouped count
of attendees per unit for the channels an indicator asks about.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from activities.models import Activity, Attendance, Channel
from activities.selectors import CoverageCount, coverage_counts_by_day
from common.periods import DateWindow, Period, months_in
from indicators.scope import Scope
from units.models import AudienceGroup, Unit, UnitKind

EVER = dt.date(1900, 1, 1)


@dataclass(slots=True)
class ActivityCell:
    """Activities of one unit through one channel (for a city, of one ward: see _per)."""

    unit_id: int
    channel_id: int
    months: list[int]  # count per month of the counted window
    count: int  # in the counted window
    reach: int
    minutes: int
    count_before: int  # in the previous period
    reach_before: int
    count_in_phase: int  # from the phase's start (or ever) to the measuring day


@dataclass(slots=True)
class Attending:
    """Distinct people of one unit (for a city, one ward) at activities of some channels."""

    unit_id: int
    window: int = 0
    before: int = 0
    in_phase: int = 0


@dataclass
class Facts:
    scope: Scope
    _attending: dict = field(default_factory=dict)

    # Units ---------------------------------------------------------------------------

    @cached_property
    def _tree(self) -> list[Unit]:
        """The subtree and the root's ancestors, in one query."""
        root = self.scope.root
        above = [int(pk) for pk in root.path.strip("/").split("/")[:-1] if pk]
        return list(
            Unit.objects.filter(Q(path__startswith=root.path) | Q(pk__in=above))
            .only("id", "code", "name", "kind", "path", "depth", "parent_id", "ward_id", "sort_key")
            .order_by("path")
        )

    @cached_property
    def units(self) -> dict[int, Unit]:
        root = self.scope.root
        return {u.pk: u for u in self._tree if u.path.startswith(root.path)}

    @cached_property
    def ancestors(self) -> list[Unit]:
        """From the top of the tree down to the root's parent."""
        root = self.scope.root
        return sorted(
            (u for u in self._tree if not u.path.startswith(root.path)), key=lambda u: u.depth
        )

    @cached_property
    def ward_ids(self) -> list[int]:
        root = self.scope.root
        if root.kind == UnitKind.PROVINCE:
            return [u.pk for u in self.units.values() if u.kind == UnitKind.WARD]
        return [root.pk if root.kind == UnitKind.WARD else root.ward_id]

    @cached_property
    def rows(self) -> list[Unit]:
        """The units one level below the root, where a drill-down goes next; the root itself
        heads the list when people or activities sit on it directly."""
        root = self.scope.root
        children = [u for u in self.units.values() if u.parent_id == root.pk]
        return [root, *sorted(children, key=lambda u: (u.sort_key, u.pk))]

    @cached_property
    def _row_of(self) -> dict[int, int]:
        prefix = len(self.scope.root.path)
        root_id = self.scope.root.pk
        mapping = {}
        for unit in self.units.values():
            head = unit.path[prefix:].split("/", 1)[0]
            mapping[unit.pk] = int(head) if head else root_id
        return mapping

    def row_of(self, unit_id: int | None) -> int | None:
        return self._row_of.get(unit_id)

    def row_sums(self, by_row: dict, width: int):
        """Each row's unit with its sums (from sums_by over row_of); the root heads the rows
        only when something was counted on it directly."""
        root_id = self.scope.root.pk
        for unit in self.rows:
            sums = by_row.get(unit.pk, [0] * width)
            if unit.pk == root_id and not any(sums):
                continue
            yield unit, sums

    def _per(self, unit_field: str) -> str:
        """A city's rows are its wards, so its figures are grouped by ward, not by each of its
        thousands of units: the same sums, a fraction of the rows to read and add up."""
        if self.scope.root.kind == UnitKind.PROVINCE:
            return unit_field.replace("unit_id", "ward_id")
        return unit_field

    # Groups and channels -------------------------------------------------------------

    @cached_property
    def groups(self) -> list[AudienceGroup]:
        return list(AudienceGroup.objects.filter(ward_id__in=self.ward_ids))

    @cached_property
    def group_ids(self) -> set[int] | None:
        """The audience groups the filter keeps; None when there is no filter."""
        code = self.scope.group_code
        return {g.pk for g in self.groups if g.code == code} if code else None

    @cached_property
    def channels(self) -> list[Channel]:
        return list(Channel.objects.filter(ward_id__in=self.ward_ids))

    @cached_property
    def channel_ids(self) -> set[int] | None:
        code = self.scope.channel_code
        return {c.pk for c in self.channels if c.code == code} if code else None

    def channels_where(self, keep) -> set[int]:
        """Channels an indicator counts (by `keep(channel)`), within the channel filter."""
        ids = {c.pk for c in self.channels if keep(c)}
        return ids if self.channel_ids is None else ids & self.channel_ids

    # Coverage -----------------------------------------------------------------------

    @cached_property
    def _coverage(self) -> dict[dt.date, list[CoverageCount]]:
        return {}

    def coverage(self, *, on: dt.date) -> list[CoverageCount]:
        """Roster and briefed per unit × audience group on a day, within the group filter.

        The first call counts the measuring day and the previous period's end too, the days
        the coverage figures compare, in the same query."""
        if on not in self._coverage:
            scope = self.scope
            days = sorted({on, scope.day, min(scope.previous.end, scope.day)})
            by_day = coverage_counts_by_day(
                root=scope.root,
                plans=list(scope.plans),
                phase=scope.phase,
                days=days,
                by_unit=True,
            )
            keep = self.group_ids
            for day, counts in by_day.items():
                self._coverage.setdefault(
                    day, [c for c in counts if keep is None or c.audience_group_id in keep]
                )
        return self._coverage[on]

    # Activities ---------------------------------------------------------------------

    @cached_property
    def months(self) -> list[tuple[Period, DateWindow]]:
        counted = self.scope.counted
        return months_in(counted) if counted else []

    def _since(self) -> dt.date | None:
        """Where "so far" counts start: the phase's first day; without a phase, ever (a ward's
        targets with no phase); a city's roll-up has no targets, so no such count."""
        window = self.scope.phase_window
        if window:
            return window[0]
        return EVER if self.scope.plan is not None else None

    def _activities(self, *, of_people: bool = False) -> QuerySet[Activity]:
        """Activities of the subtree's units; `of_people`: of the wards, whatever unit held
        them, for figures about the subtree's people (a ward's training counts for a school's
        teachers), the people themselves filtered by group instead of the activity."""
        scope = self.scope
        activities = Activity.objects.filter(ward_id__in=self.ward_ids)
        if not of_people and scope.root.kind not in (UnitKind.WARD, UnitKind.PROVINCE):
            activities = activities.filter(unit_id__in=list(self.units))
        plan_ids = [plan.pk for plan in scope.plans]
        # Activities logged without a plan still belong to the ward's work; those of another
        # plan do not.
        activities = activities.filter(Q(plan_id__in=plan_ids) | Q(plan__isnull=True))
        if self.channel_ids is not None:
            activities = activities.filter(channel_id__in=self.channel_ids)
        if not of_people and self.group_ids is not None:
            activities = activities.filter(audiences__audience_group_id__in=self.group_ids)
        return activities

    def _range(self, window: DateWindow | None) -> Q:
        if window is None:
            return Q(pk__in=[])
        return Q(held_on__gte=window.start, held_on__lte=window.end)

    def _phase_range(self) -> Q:
        since = self._since()
        return Q(held_on__lte=self.scope.day) & (Q(held_on__gte=since) if since else Q())

    @cached_property
    def activity_cells(self) -> list[ActivityCell]:
        scope = self.scope
        counted, before = scope.counted, scope.previous
        starts = [d for d in (scope.window.start, before.start, self._since()) if d]
        aggregates = {
            f"m{i}": Count("pk", filter=self._range(part))
            for i, (_p, part) in enumerate(self.months)
        }
        aggregates.update(
            n=Count("pk", filter=self._range(counted)),
            reach_sum=Sum("reach", filter=self._range(counted)),
            minutes_sum=Sum("duration_minutes", filter=self._range(counted)),
            n_before=Count("pk", filter=self._range(before)),
            reach_before=Sum("reach", filter=self._range(before)),
            n_phase=Count("pk", filter=self._phase_range()),
        )
        rows = (
            self._activities()
            .filter(_held_between(min(starts), max(scope.day, before.end)))
            .values_list(self._per("unit_id"), "channel_id")
            .annotate(**aggregates)
            .order_by(self._per("unit_id"), "channel_id")
        )
        count = len(self.months)
        return [
            ActivityCell(
                unit_id=unit_id,
                channel_id=channel_id,
                months=list(numbers[:count]),
                count=numbers[count],
                reach=numbers[count + 1] or 0,
                minutes=numbers[count + 2] or 0,
                count_before=numbers[count + 3],
                reach_before=numbers[count + 4] or 0,
                count_in_phase=numbers[count + 5],
            )
            for unit_id, channel_id, *numbers in _plain_rows(rows)
        ]

    # Attendance ---------------------------------------------------------------------

    def attending(self, *, channel_ids: set[int]) -> list[Attending]:
        """Distinct people per unit (their own unit) at activities of these channels: in the
        counted window, the previous period and the phase so far."""
        key = frozenset(channel_ids)
        if key not in self._attending:
            self._attending[key] = self._attending_query(key) if key else []
        return self._attending[key]

    def _attending_query(self, channel_ids: frozenset[int]) -> list[Attending]:
        scope = self.scope
        since = self._since() or min(scope.window.start, scope.previous.start)
        # A join from the channels' activities, not an IN list: channels belong to one ward,
        # so the channel index alone finds the ward's few training activities.
        attendance = Attendance.objects.filter(
            Q(activity__plan_id__in=[p.pk for p in scope.plans]) | Q(activity__plan__isnull=True),
            activity__channel_id__in=channel_ids,
            activity__starts_at__gte=_day_start(min(since, scope.previous.start)),
            activity__starts_at__lt=_day_start(max(scope.day, scope.previous.end), 1),
        )
        if scope.root.kind not in (UnitKind.WARD, UnitKind.PROVINCE):
            attendance = attendance.filter(person__unit_id__in=list(self.units))
        if self.group_ids is not None:
            attendance = attendance.filter(person__audience_group_id__in=self.group_ids)

        def distinct(condition: Q) -> Count:
            return Count("person_id", distinct=True, filter=condition)

        per = self._per("person__unit_id")
        rows = (
            attendance.values(per)
            .annotate(
                window=distinct(self._activity_range(scope.counted)),
                before=distinct(self._activity_range(scope.previous)),
                in_phase=distinct(self._activity_phase_range()),
            )
            .order_by(per)
        )
        return [
            Attending(
                unit_id=row[per],
                window=row["window"],
                before=row["before"],
                in_phase=row["in_phase"],
            )
            for row in rows
        ]

    def _activity_range(self, window: DateWindow | None) -> Q:
        if window is None:
            return Q(pk__in=[])
        return Q(activity__held_on__gte=window.start, activity__held_on__lte=window.end)

    def _activity_phase_range(self) -> Q:
        since = self._since()
        condition = Q(activity__held_on__lte=self.scope.day)
        return condition & Q(activity__held_on__gte=since) if since else condition


def _plain_rows(rows: QuerySet) -> list[tuple]:
    """The query's rows as the database driver returns them: a city's grouped count is tens
    of thousands of rows of whole numbers, which both drivers hand over as ints, and the
    ORM's per-value conversion costs more than the query itself there."""
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _day_start(day: dt.date, days_after: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=days_after), dt.time()))


def _held_between(first: dt.date, last: dt.date) -> Q:
    """Activities held on these local days, as a range on `starts_at`, which the (ward,
    starts_at) index serves; `held_on` is the local date of `starts_at`."""
    return Q(starts_at__gte=_day_start(first), starts_at__lt=_day_start(last, 1))


def sums_by(items, key, *fields: str) -> dict:
    """{key(item): [sum of each field]} for grouping cells into rows."""
    totals: dict = defaultdict(lambda: [0] * len(fields))
    for item in items:
        bucket = totals[key(item)]
        for index, name in enumerate(fields):
            bucket[index] += getattr(item, name)
    return totals
