"""Reads: who owes which report, windows and deadlines, completeness, the review queue."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.scoping import scope_queryset
from indicators.figures import Figures
from indicators.scope import scope_build
from indicators.selectors import indicator_figures
from plans.models import Plan
from reports.holidays import add_working_days
from reports.models import (
    Difficulty,
    DifficultyStatus,
    ReportSchedule,
    ReportStatus,
    ScheduleKind,
    UnitReport,
    WardReport,
)
from reports.periods import DateWindow, Period, PeriodKind, parse_period, periods_ending_between
from units.models import Unit

_PERIOD_KIND = {
    ScheduleKind.MONTH: PeriodKind.MONTH,
    ScheduleKind.QUARTER: PeriodKind.QUARTER,
    ScheduleKind.HALF_YEAR: PeriodKind.HALF_YEAR,
    ScheduleKind.NINE_MONTHS: PeriodKind.NINE_MONTHS,
    ScheduleKind.YEAR: PeriodKind.YEAR,
}


@dataclass(frozen=True)
class ReportingPeriod:
    """A schedule's period: its code (empty for thematic and ad hoc), label, window, deadline."""

    code: str
    label: str
    window: DateWindow
    due_on: dt.date


def schedule_period(*, schedule: ReportSchedule, period_code: str = "") -> ReportingPeriod:
    """The window and deadline of one period; ValueError (Vietnamese) for a code that does not
    fit the schedule."""
    if not schedule.is_periodic:
        return ReportingPeriod(
            code="",
            label=schedule.name,
            window=DateWindow(schedule.starts_on, schedule.ends_on),
            due_on=schedule.due_on,
        )
    period = parse_period(period_code)
    if period.kind != _PERIOD_KIND[schedule.kind]:
        raise ValueError(
            _("Kỳ “%(code)s” không phải kỳ của báo cáo %(kind)s.")
            % {"code": period_code, "kind": schedule.get_kind_display().lower()}
        )
    return _reporting_period(schedule, period)


def _reporting_period(schedule: ReportSchedule, period: Period) -> ReportingPeriod:
    return ReportingPeriod(
        code=period.code,
        label=period.label,
        window=period.window,
        due_on=add_working_days(period.cut_off, schedule.working_days),
    )


def schedule_recent_periods(
    *, schedule: ReportSchedule, today: dt.date, months_back: int = 12
) -> list[ReportingPeriod]:
    """Periods whose cut-off fell in the last `months_back` months, and the one running today,
    newest first: the ones anyone still reports on. A period whose data window has not begun
    is not offered (a nine-month report's next period starts three months after the last)."""
    if not schedule.is_periodic:
        return [schedule_period(schedule=schedule)]
    kind = _PERIOD_KIND[schedule.kind]
    start = today - dt.timedelta(days=31 * months_back)
    periods = periods_ending_between(kind=kind, start=start, end=today + dt.timedelta(days=400))
    past = [p for p in periods if p.cut_off < today]
    upcoming = [p for p in periods if p.window.start <= today <= p.cut_off][:1]
    return [_reporting_period(schedule, p) for p in reversed(past + upcoming)]


def schedule_units(*, schedule: ReportSchedule) -> QuerySet[Unit]:
    """The active units of the plan's ward that owe this report."""
    obligations = list(schedule.obligations.all())
    kinds = [o.unit_kind for o in obligations if o.unit_kind]
    ids = [o.unit_id for o in obligations if o.unit_id]
    if not kinds and not ids:
        return Unit.objects.none()
    return (
        Unit.objects.filter(ward_id=schedule.plan.ward_id, is_active=True)
        .exclude(pk=schedule.plan.ward_id)
        .filter(Q(kind__in=kinds) | Q(pk__in=ids))
        .order_by("sort_key")
    )


def schedules_for_user(*, user) -> QuerySet[ReportSchedule]:
    return scope_queryset(
        user, ReportSchedule.objects.select_related("plan", "plan__ward"), "plan__ward"
    )


def schedules_for_unit(*, unit: Unit) -> list[ReportSchedule]:
    candidates = ReportSchedule.objects.filter(
        plan__ward_id=unit.ward_id, is_active=True
    ).select_related("plan")
    return [s for s in candidates if schedule_units(schedule=s).filter(pk=unit.pk).exists()]


class Timeliness:
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"


TIMELINESS_LABELS = {
    Timeliness.ON_TIME: gettext_lazy("Đúng hạn"),
    Timeliness.LATE: gettext_lazy("Trễ hạn"),
    Timeliness.MISSING: gettext_lazy("Chưa gửi"),
}


@dataclass(frozen=True)
class UnitStanding:
    unit: Unit
    report: UnitReport | None
    timeliness: str
    schedule: ReportSchedule | None = None
    due_on: dt.date | None = None

    @property
    def timeliness_label(self) -> str:
        return str(TIMELINESS_LABELS[self.timeliness])


def _timeliness(report: UnitReport | None, due_on: dt.date) -> str:
    if report is None or report.first_submitted_at is None:
        return Timeliness.MISSING
    submitted_on = timezone.localdate(report.first_submitted_at)
    return Timeliness.ON_TIME if submitted_on <= due_on else Timeliness.LATE


def period_completeness(*, schedule: ReportSchedule, period_code: str = "") -> list[UnitStanding]:
    """Every unit owing the report, with its report (if any) and on time / late / missing,
    judged on the first submission against the deadline."""
    period = schedule_period(schedule=schedule, period_code=period_code)
    reports = {
        r.unit_id: r for r in UnitReport.objects.filter(schedule=schedule, period_code=period.code)
    }
    return [
        UnitStanding(
            unit=u,
            report=reports.get(u.pk),
            timeliness=_timeliness(reports.get(u.pk), period.due_on),
        )
        for u in schedule_units(schedule=schedule)
    ]


def _schedules_of_window(
    plan_ids: list[int], period: Period | None, window: DateWindow
) -> list[ReportSchedule]:
    """The active schedules of these plans that report on this window: those of the period's
    kind, or for a free window the thematic and ad hoc ones with exactly its dates."""
    schedules = ReportSchedule.objects.filter(plan_id__in=plan_ids, is_active=True)
    if period is not None:
        kinds = [kind for kind, of in _PERIOD_KIND.items() if of == period.kind]
        schedules = schedules.filter(kind__in=kinds)
    else:
        schedules = schedules.exclude(kind__in=list(_PERIOD_KIND)).filter(
            starts_on=window.start, ends_on=window.end
        )
    return list(schedules.select_related("plan").prefetch_related("obligations"))


def _owing(schedule: ReportSchedule, units: list[Unit]) -> list[Unit]:
    """schedule_units, read from units already loaded."""
    kinds = {o.unit_kind for o in schedule.obligations.all() if o.unit_kind}
    ids = {o.unit_id for o in schedule.obligations.all() if o.unit_id}
    ward_id = schedule.plan.ward_id
    return [
        u
        for u in units
        if u.ward_id == ward_id and u.pk != ward_id and (u.kind in kinds or u.pk in ids)
    ]


def standings_for_window(
    *, plan_ids: list[int], period: Period | None, window: DateWindow, root: Unit
) -> list[UnitStanding]:
    """Every unit under `root` owing a report on this window under these plans' schedules,
    with its report and timeliness: what the indicators count as completeness. Four queries,
    whatever the number of wards and units."""
    schedules = _schedules_of_window(plan_ids, period, window)
    if not schedules:
        return []
    code = period.code if period is not None else ""
    reports = {
        (r.schedule_id, r.unit_id): r
        for r in UnitReport.objects.filter(schedule__in=schedules, period_code=code).only(
            "id", "schedule_id", "unit_id", "status", "first_submitted_at"
        )
    }
    units = list(
        Unit.objects.filter(
            path__startswith=root.path,
            is_active=True,
            ward_id__in={s.plan.ward_id for s in schedules},
        ).order_by("sort_key")
    )
    found = []
    for schedule in schedules:
        due_on = schedule_period(schedule=schedule, period_code=code).due_on
        for unit in _owing(schedule, units):
            report = reports.get((schedule.pk, unit.pk))
            found.append(UnitStanding(unit, report, _timeliness(report, due_on), schedule, due_on))
    return found


def completeness_counts(standings: list[UnitStanding]) -> dict[str, int]:
    counts = dict.fromkeys(TIMELINESS_LABELS, 0)
    for standing in standings:
        counts[standing.timeliness] += 1
    counts["owed"] = len(standings)
    return counts


@dataclass(frozen=True)
class Outstanding:
    schedule: ReportSchedule
    period: ReportingPeriod
    unit: Unit
    report: UnitReport | None

    @property
    def overdue(self) -> bool:
        return self.period.due_on < timezone.localdate()


@dataclass(frozen=True)
class PeriodSummary:
    """Completeness of one period of one schedule: owed, on time, late, missing."""

    schedule: ReportSchedule
    period: ReportingPeriod
    counts: dict[str, int]


def reporting_overview(
    *, ward: Unit, today: dt.date
) -> tuple[list[PeriodSummary], list[Outstanding]]:
    """For each active schedule's recent periods whose cut-off has passed: the completeness
    counts, and who still owes what (units whose report is missing, still a draft or returned
    for revision)."""
    done = {ReportStatus.SUBMITTED, ReportStatus.ACCEPTED}
    summaries, owing = [], []
    schedules = ReportSchedule.objects.filter(plan__ward=ward, is_active=True).select_related(
        "plan"
    )
    for schedule in schedules:
        for period in schedule_recent_periods(schedule=schedule, today=today):
            if period.window.end >= today:
                continue
            standings = period_completeness(schedule=schedule, period_code=period.code)
            summaries.append(PeriodSummary(schedule, period, completeness_counts(standings)))
            for standing in standings:
                if standing.report is None or standing.report.status not in done:
                    owing.append(Outstanding(schedule, period, standing.unit, standing.report))
    summaries.sort(key=lambda s: (s.period.window.end, s.schedule.pk), reverse=True)
    owing.sort(key=lambda o: (o.period.due_on, o.unit.sort_key))
    return summaries, owing


def reports_outstanding(*, ward: Unit, today: dt.date) -> list[Outstanding]:
    return reporting_overview(ward=ward, today=today)[1]


def unit_reports_for_user(*, user) -> QuerySet[UnitReport]:
    return scope_queryset(user, UnitReport.objects.select_related("unit", "schedule"))


def review_queue(*, user) -> QuerySet[UnitReport]:
    return (
        unit_reports_for_user(user=user)
        .filter(status=ReportStatus.SUBMITTED)
        .order_by("submitted_at")
    )


def difficulties_for_user(*, user) -> QuerySet[Difficulty]:
    return scope_queryset(user, Difficulty.objects.select_related("unit", "report"))


def difficulties_open(*, ward: Unit) -> QuerySet[Difficulty]:
    """The ones that still need the ward's attention and go into the ward report."""
    return Difficulty.objects.filter(
        ward=ward, status__in=[DifficultyStatus.OPEN, DifficultyStatus.ESCALATED]
    ).select_related("unit")


def ward_report_next_number(*, ward: Unit, year: int, doc_symbol: str = "BC") -> int:
    numbers = WardReport.objects.filter(ward=ward, year=year, doc_symbol=doc_symbol).values_list(
        "number", flat=True
    )
    return max(numbers, default=0) + 1


def ward_reports_for_user(*, user) -> QuerySet[WardReport]:
    return scope_queryset(user, WardReport.objects.select_related("schedule", "ward"), "ward")


def schedules_of_period(*, ward: Unit, period: Period) -> list[ReportSchedule]:
    """The ward's active schedules whose reports are of this period's kind."""
    kinds = [kind for kind, of in _PERIOD_KIND.items() if of == period.kind]
    return list(
        ReportSchedule.objects.filter(plan__ward=ward, kind__in=kinds, is_active=True)
        .select_related("plan")
        .order_by("pk")
    )


def ward_report_of_period(*, schedule: ReportSchedule, period_code: str) -> WardReport | None:
    """The ward's latest report for the period, if it has made one."""
    return (
        WardReport.objects.filter(schedule=schedule, period_code=period_code)
        .select_related("ward", "schedule__plan")
        .order_by("-issued_on", "-number")
        .first()
    )


@dataclass
class WardRollUp:
    ward: Unit
    unit_reports: list[UnitReport]
    ward_reports: list[WardReport]


def city_roll_up(*, user, wards: QuerySet[Unit], period: Period | None) -> list[WardRollUp]:
    """Each ward's submitted and accepted unit reports and its ward reports for the period, in
    the user's reach."""
    if period is None:
        return []
    period_code = period.code
    unit_reports = (
        scope_queryset(user, UnitReport.objects.select_related("unit", "schedule"))
        .filter(
            ward__in=wards,
            period_code=period_code,
            status__in=[ReportStatus.SUBMITTED, ReportStatus.ACCEPTED],
        )
        .order_by("unit__sort_key")
    )
    ward_reports = (
        scope_queryset(user, WardReport.objects.select_related("schedule"), "ward")
        .filter(ward__in=wards, period_code=period_code)
        .order_by("-issued_on", "-number")
    )
    by_ward = {ward.pk: WardRollUp(ward, [], []) for ward in wards.order_by("sort_key")}
    for report in unit_reports:
        by_ward[report.ward_id].unit_reports.append(report)
    for report in ward_reports:
        by_ward[report.ward_id].ward_reports.append(report)
    return list(by_ward.values())


def latest_period_code(*, wards: QuerySet[Unit], today: dt.date) -> str:
    """The most recent period any of these wards has reports for, among those begun by
    `today`: a draft made early for a period to come has no figures to show yet."""
    found = (
        UnitReport.objects.filter(ward__in=wards, window_start__lte=today)
        .exclude(period_code="")
        .order_by("-window_end")
        .values_list("period_code", flat=True)
        .first()
    )
    return found or ""


def roll_up_figures(*, root: Unit, period: Period) -> Figures:
    """The indicators' figures for a city (or any unit) and period: the aggregate a city viewer
    compares wards by. Each ward is measured by the plan its reports of the period are for, so
    the city shows the figure the ward's own reports show, even when a newer plan (a second
    import) has no activities yet."""
    reported = Plan.objects.filter(
        ward__path__startswith=root.path,
        report_schedules__unit_reports__period_code=period.code,
    ).distinct()
    return indicator_figures(
        scope=scope_build(root=root, period=period, ward_plans=tuple(reported))
    )
