"""What a set of figures is about: a unit's subtree, the plan (one per ward for a city), the
period and phase, and the audience-group and channel filters."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import F
from django.utils import timezone

from common.periods import DateWindow, Period, PeriodKind, period_of_day, previous_period
from indicators.status import phase_days
from plans.models import Phase, Plan
from units.models import Unit, UnitKind

DEFAULT_PERIOD_KIND = PeriodKind.QUARTER


@dataclass(frozen=True)
class Scope:
    root: Unit
    plans: tuple[Plan, ...]
    # The ward's plans, for a page to offer the others.
    plan_choices: tuple[Plan, ...]
    phase: Phase | None
    phases: tuple[Phase, ...]
    period: Period | None
    window: DateWindow
    previous: DateWindow
    # Figures are counted up to `day`: the window's end, or today inside a running period.
    day: dt.date
    group_code: str = ""
    channel_code: str = ""

    @property
    def plan(self) -> Plan | None:
        """The one plan of a ward's figures; a city's roll-up spans one plan per ward."""
        return self.plans[0] if len(self.plans) == 1 and not self.is_roll_up else None

    @property
    def counted(self) -> DateWindow | None:
        """The part of the window up to `day`; None for a period that has not begun."""
        return None if self.day < self.window.start else DateWindow(self.window.start, self.day)

    @property
    def phase_window(self) -> tuple[dt.date, dt.date] | None:
        if self.phase is None:
            return None
        return phase_days(self.phase.start_year, self.phase.end_year)

    @property
    def is_roll_up(self) -> bool:
        return self.root.kind == UnitKind.PROVINCE


def unit_get(pk: int) -> Unit | None:
    """A unit to show figures of, with its ward, for pages that do not read units directly."""
    return Unit.objects.select_related("ward").filter(pk=pk).first()


def ward_of(unit: Unit) -> Unit | None:
    if unit.kind == UnitKind.PROVINCE:
        return None
    return unit if unit.kind == UnitKind.WARD else unit.ward


def plans_for(
    root: Unit,
    plan: Plan | None = None,
    plan_id: int | None = None,
    ward_plans: tuple[Plan, ...] = (),
) -> tuple[tuple[Plan, ...], tuple[Plan, ...], tuple[Phase, ...]]:
    """(plans measured, the ward's plans, the measured plan's phases). Measured: the plan given
    or asked for by id, else the ward's latest; for a province, each ward's plan among
    `ward_plans` (the one its reports are for), else its latest (coverage counts a person
    toward their own ward's), without phases, which are per plan."""
    if root.kind == UnitKind.PROVINCE:
        latest: dict[int, Plan] = {}
        wards = Unit.objects.filter(kind=UnitKind.WARD, path__startswith=root.path)
        for candidate in (*ward_plans, *Plan.objects.filter(ward__in=wards)):
            latest.setdefault(candidate.ward_id, candidate)
        return tuple(latest.values()), (), ()
    choices, phases = _plans_with_phases(ward_of(root))
    if plan is None:
        plan = next((p for p in choices if p.pk == plan_id), choices[0] if choices else None)
    if plan is None:
        return (), choices, ()
    return (plan,), choices, tuple(phases.get(plan.pk, ()))


def _plans_with_phases(ward: Unit) -> tuple[tuple[Plan, ...], dict[int, list[Phase]]]:
    """The ward's plans and their phases in one query (a LEFT JOIN: a plan without phases
    still comes once)."""
    rows = (
        Plan.objects.filter(ward=ward)
        .annotate(
            phase_pk=F("phases__id"),
            phase_order=F("phases__order"),
            phase_name=F("phases__name"),
            phase_start=F("phases__start_year"),
            phase_end=F("phases__end_year"),
        )
        .order_by("-issued_on", "-id", "phases__start_year", "phases__order")
    )
    plans: dict[int, Plan] = {}
    phases: dict[int, list[Phase]] = {}
    for row in rows:
        found = plans.setdefault(row.pk, row)
        if row.phase_pk is not None:
            phases.setdefault(row.pk, []).append(
                Phase(
                    id=row.phase_pk,
                    plan=found,
                    order=row.phase_order,
                    name=row.phase_name,
                    start_year=row.phase_start,
                    end_year=row.phase_end,
                )
            )
    return tuple(plans.values()), phases


def _phase_on(phases: tuple[Phase, ...], day: dt.date) -> Phase | None:
    for phase in phases:
        start, end = phase_days(phase.start_year, phase.end_year)
        if start <= day <= end:
            return phase
    return phases[0] if phases else None


def scope_build(
    *,
    root: Unit,
    plan: Plan | None = None,
    plan_id: int | None = None,
    period: Period | None = None,
    window: DateWindow | None = None,
    phase: Phase | None = None,
    pick_phase: bool = True,
    group_code: str = "",
    channel_code: str = "",
    today: dt.date | None = None,
    ward_plans: tuple[Plan, ...] = (),
) -> Scope:
    """`period` or a free `window` (a thematic report's dates); neither means the current
    quarter. Without `phase`, the plan's phase running on the measuring day is used unless
    `pick_phase` is off. A city (province root) is measured without phases, which are per plan."""
    today = today or timezone.localdate()
    if window is None:
        period = period or period_of_day(kind=DEFAULT_PERIOD_KIND, day=today)
        window, previous = period.window, previous_period(period).window
    else:
        length = window.end - window.start + dt.timedelta(days=1)
        previous = DateWindow(window.start - length, window.start - dt.timedelta(days=1))
    day = min(today, window.end)
    plans, plan_choices, phases = plans_for(root, plan, plan_id, ward_plans)
    if phase is None and pick_phase:
        phase = _phase_on(phases, day)
    return Scope(
        root=root,
        plans=plans,
        plan_choices=plan_choices,
        phase=phase,
        phases=phases,
        period=period,
        window=window,
        previous=previous,
        day=day,
        group_code=group_code,
        channel_code=channel_code,
    )
