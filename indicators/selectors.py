"""Every figure the system shows, from one call: `indicator_figures(scope=...)`.

Pages, spreadsheets, the `indicators` command and the official report all read these; none
computes a figure itself."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from indicators.facts import Facts
from indicators.figures import Column, Figures, Format, Measure, Section, Table, TargetProgress
from indicators.registry import measure_for, sections
from indicators.scope import Scope
from indicators.status import elapsed_fraction, phase_days, target_status
from plans.models import IndicatorKind, Target


@dataclass(frozen=True)
class TargetRow:
    id: int
    text: str
    kind: str
    value: Decimal | None
    unit: str
    channel: str
    phase_name: str
    phase_years: tuple[int, int] | None
    group_ids: tuple[int, ...]


def targets_of(scope: Scope) -> list[TargetRow]:
    """The plan's targets for the phase shown (and those tied to no phase), with their
    audience groups, in one query."""
    plan = scope.plan
    if plan is None:
        return []
    targets = Target.objects.filter(plan=plan)
    if scope.phase is not None:
        targets = targets.filter(Q(phase=scope.phase) | Q(phase__isnull=True))
    rows = targets.order_by("order", "id").values_list(
        "id",
        "text",
        "indicator_kind",
        "value",
        "unit",
        "channel",
        "phase__name",
        "phase__start_year",
        "phase__end_year",
        "audience_groups",
    )
    found: dict[int, TargetRow] = {}
    for pk, text, kind, value, unit, channel, phase, start, end, group in rows:
        row = found.get(pk)
        if row is None:
            if start is None and scope.phase is not None:
                phase, start, end = scope.phase.name, scope.phase.start_year, scope.phase.end_year
            years = (start, end) if start is not None else None
            row = found[pk] = TargetRow(
                pk, text, kind, value, unit, channel, phase or "", years, ()
            )
        if group is not None:
            found[pk] = row = TargetRow(**{**row.__dict__, "group_ids": (*row.group_ids, group)})
    return list(found.values())


def _progress(target: TargetRow, facts: Facts) -> TargetProgress:
    measure_function = measure_for(target.kind)
    if measure_function is None:
        measure = Measure(None, float(target.value) if target.value is not None else None)
    else:
        measure = measure_function(target, facts)
    start, end = phase_days(*target.phase_years) if target.phase_years else (None, None)
    elapsed = elapsed_fraction(start=start, end=end, day=facts.scope.day)
    status, expected = target_status(measure=measure, elapsed=elapsed)
    return TargetProgress(
        target_id=target.id,
        text=target.text,
        phase=target.phase_name,
        kind=target.kind,
        kind_label=str(IndicatorKind(target.kind).label),
        unit=measure.unit or target.unit,
        goal=measure.goal,
        measured=measure.measured,
        expected=expected,
        status=status,
    )


def _targets_section(progress: list[TargetProgress]) -> Section | None:
    if not progress:
        return None
    rows = [
        [
            p.text,
            p.phase,
            p.unit,
            p.goal,
            p.expected,
            p.measured,
            p.progress,
            str(p.status.label),
        ]
        for p in progress
    ]
    return Section(
        key="targets",
        title=_("Chỉ tiêu"),
        tables=[
            Table(
                key="targets",
                title=_("Kết quả thực hiện chỉ tiêu"),
                columns=[
                    Column(_("Chỉ tiêu")),
                    Column(_("Giai đoạn")),
                    Column(_("Đơn vị tính")),
                    Column(_("Chỉ tiêu cả giai đoạn"), Format.DECIMAL),
                    Column(_("Mức cần đạt đến nay"), Format.DECIMAL),
                    Column(_("Kết quả"), Format.DECIMAL),
                    Column(_("Hoàn thành (%)"), Format.PERCENT),
                    Column(_("Tình trạng")),
                ],
                rows=rows,
                on_page=False,
            )
        ],
    )


def indicator_figures(*, scope: Scope) -> Figures:
    facts = Facts(scope)
    progress = [_progress(target, facts) for target in targets_of(scope)]
    found = [_targets_section(progress)]
    found += [registered.function(facts) for registered in sections()]
    window = scope.window
    return Figures(
        root_id=scope.root.pk,
        root_name=scope.root.name,
        root_code=scope.root.code,
        plan_ids=[plan.pk for plan in scope.plans],
        period=scope.period.code if scope.period else "",
        window=(window.start, window.end),
        day=scope.day,
        phase=scope.phase.name if scope.phase else "",
        targets=progress,
        sections=[section for section in found if section is not None],
        ancestors=facts.ancestors,
        groups=list({g.code: g.name for g in facts.groups}.items()),
        channels=list({c.code: c.name for c in facts.channels if c.is_active}.items()),
    )


def _date(value: dt.date) -> str:
    return value.isoformat()


def figures_json(figures: Figures) -> dict:
    """The figures as plain JSON data; `coverage` lists unit × audience group entries."""
    coverage = figures.table("coverage_detail")
    entries = []
    if coverage is not None:
        entries = [
            {"unit": unit, "audience": audience, "roster": roster, "briefed": briefed,
             "percent": percent}
            for unit, audience, roster, briefed, percent in coverage.rows
        ]  # fmt: skip
    return {
        "unit": {"id": figures.root_id, "code": figures.root_code, "name": figures.root_name},
        "plans": figures.plan_ids,
        "period": figures.period,
        "window": {"start": _date(figures.window[0]), "end": _date(figures.window[1])},
        "day": _date(figures.day),
        "phase": figures.phase,
        "targets": [p.as_dict() for p in figures.targets],
        "key_figures": [k.as_dict() for k in figures.key_figures],
        "coverage": entries,
        "tables": [t.as_dict() for t in figures.tables],
    }
