"""Coverage: people on the roster and people briefed, by audience group and by unit.

Counts come from activities.selectors.coverage_counts_by_day and the percentage from its
coverage_percent, the one percentage function the activities' own coverage page uses too,
so both pages agree to the digit."""

from django.utils.translation import gettext as _

from activities.selectors import coverage_percent
from indicators.facts import Facts, sums_by
from indicators.figures import (
    Chart,
    Column,
    Format,
    KeyFigure,
    Measure,
    Section,
    Table,
    round_half_up,
)
from indicators.registry import register_measure, register_section
from plans.models import IndicatorKind


def percent(roster: int, briefed: int) -> float | None:
    return round_half_up(coverage_percent(roster=roster, briefed=briefed))


def _columns(first: str, *more: str) -> list[Column]:
    return [
        Column(first),
        *(Column(label) for label in more),
        Column(_("Số người trong danh sách"), Format.INTEGER),
        Column(_("Đã được phổ biến"), Format.INTEGER),
        Column(_("Tỉ lệ (%)"), Format.PERCENT),
    ]


def _group_names(facts: Facts) -> dict[int, tuple[str, str]]:
    """Group id → (code, name); a city's wards share codes, so rows merge by code."""
    return {g.pk: (g.code, g.name) for g in facts.groups}


@register_section("coverage", order=10)
def coverage_section(facts: Facts) -> Section | None:
    scope = facts.scope
    if not scope.plans:
        return None
    counts = facts.coverage(on=scope.day)
    before = facts.coverage(on=min(scope.previous.end, scope.day))
    groups = _group_names(facts)
    names = dict(groups.values())
    by_group = sums_by(counts, lambda c: groups[c.audience_group_id][0], "roster", "briefed")
    by_row = sums_by(counts, lambda c: facts.row_of(c.unit_id), "roster", "briefed")
    detail = sums_by(
        counts,
        lambda c: (facts.row_of(c.unit_id), groups[c.audience_group_id][0]),
        "roster",
        "briefed",
    )
    roster = sum(c.roster for c in counts)
    briefed = sum(c.briefed for c in counts)
    roster_before = sum(c.roster for c in before)
    briefed_before = sum(c.briefed for c in before)

    group_rows = [
        [name, *by_group[code], percent(*by_group[code])]
        for code, name in names.items()
        if code in by_group
    ]
    group_rows.append([_("Tổng cộng"), roster, briefed, percent(roster, briefed)])
    unit_rows, unit_ids, detail_rows = [], [], []
    for unit, sums in facts.row_sums(by_row, 2):
        unit_rows.append([unit.name, *sums, percent(*sums)])
        unit_ids.append(unit.pk)
        for code, name in names.items():
            cell = detail.get((unit.pk, code))
            if cell and cell[0]:
                detail_rows.append([unit.name, name, *cell, percent(*cell)])
    return Section(
        key="coverage",
        title=_("Phổ biến, quán triệt nghị quyết"),
        key_figures=[
            KeyFigure("roster", _("Người trong danh sách"), roster, Format.INTEGER, roster_before),
            KeyFigure("briefed", _("Đã được phổ biến"), briefed, Format.INTEGER, briefed_before),
            KeyFigure(
                "briefed_percent",
                _("Tỉ lệ được phổ biến"),
                percent(roster, briefed),
                Format.PERCENT,
                percent(roster_before, briefed_before),
            ),
        ],
        tables=[
            Table(
                key="coverage_by_group",
                title=_("Tỉ lệ được phổ biến theo nhóm đối tượng"),
                columns=_columns(_("Nhóm đối tượng")),
                rows=group_rows,
                chart=Chart(_("Tỉ lệ được phổ biến theo nhóm đối tượng (%)"), 0, 3, skip_last=True),
            ),
            Table(
                key="coverage_by_unit",
                title=_("Tỉ lệ được phổ biến theo đơn vị"),
                columns=_columns(_("Đơn vị")),
                rows=unit_rows,
                row_units=unit_ids,
                chart=Chart(_("Tỉ lệ được phổ biến theo đơn vị (%)"), 0, 3),
            ),
            Table(
                key="coverage_detail",
                title=_("Tỉ lệ được phổ biến theo đơn vị và nhóm đối tượng"),
                columns=_columns(_("Đơn vị"), _("Nhóm đối tượng")),
                rows=detail_rows,
                on_page=False,
            ),
        ],
    )


@register_measure(IndicatorKind.BRIEFING_COVERAGE)
def briefing_coverage(target, facts: Facts) -> Measure:
    """Percent briefed among the target's audience groups (all groups when it names none)."""
    wanted = set(target.group_ids)
    counts = [
        c for c in facts.coverage(on=facts.scope.day) if not wanted or c.audience_group_id in wanted
    ]
    roster = sum(c.roster for c in counts)
    goal = float(target.value) if target.value is not None else None
    if not roster:
        return Measure(None, goal, "%")
    return Measure(percent(roster, sum(c.briefed for c in counts)), goal, "%")
