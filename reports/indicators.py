"""What reporting adds to the indicators: completeness and timeliness of the units' reports for
the period, and the difficulties still open. Registered from ReportsConfig.ready into the
indicators registry (indicators never imports reports), so the dashboard, the `indicators`
command, the exports and the ward report all show these figures from the same place."""

from django.utils import timezone
from django.utils.translation import gettext as _

from common.formatting import format_date
from indicators.facts import Facts
from indicators.figures import Column, Format, KeyFigure, Section, Table
from indicators.registry import register_section
from reports.models import Difficulty, DifficultyStatus
from reports.selectors import TIMELINESS_LABELS, Timeliness, UnitStanding, standings_for_window

OPEN_DIFFICULTIES = [DifficultyStatus.OPEN, DifficultyStatus.ESCALATED]
_COUNTED = [Timeliness.ON_TIME, Timeliness.LATE, Timeliness.MISSING]


def _standings(facts: Facts) -> list[UnitStanding]:
    scope = facts.scope
    return standings_for_window(
        plan_ids=[plan.pk for plan in scope.plans],
        period=scope.period,
        window=scope.window,
        root=scope.root,
    )


def _count_row(label: str, standings: list[UnitStanding]) -> list:
    counts = [sum(1 for s in standings if s.timeliness == t) for t in _COUNTED]
    return [label, len(standings), *counts]


def _detail_row(standing: UnitStanding) -> list:
    report = standing.report
    sent = report.first_submitted_at if report else None
    return [
        standing.unit.name,
        standing.schedule.name,
        format_date(standing.due_on),
        report.get_status_display() if report else _("Chưa lập"),
        str(TIMELINESS_LABELS[standing.timeliness]),
        format_date(timezone.localdate(sent)) if sent else "",
    ]


def reporting_section(facts: Facts) -> Section | None:
    standings = _standings(facts)
    if not standings:
        return None
    by_row: dict[int, list[UnitStanding]] = {}
    for standing in standings:
        by_row.setdefault(facts.row_of(standing.unit.pk), []).append(standing)
    rows, row_units = [], []
    for unit in facts.rows:
        if by_row.get(unit.pk):
            rows.append(_count_row(unit.name, by_row[unit.pk]))
            row_units.append(unit.pk)
    total = _count_row(_("Tổng cộng"), standings)
    rows.append(total)
    row_units.append(None)
    _label, owed, on_time, late, missing = total
    return Section(
        key="reporting",
        title=_("Báo cáo định kỳ của các đơn vị"),
        key_figures=[
            KeyFigure("reports_owed", _("Báo cáo phải gửi trong kỳ"), owed),
            KeyFigure("reports_on_time", _("Báo cáo gửi đúng hạn"), on_time),
            KeyFigure("reports_late", _("Báo cáo gửi trễ hạn"), late),
            KeyFigure("reports_missing", _("Báo cáo chưa gửi"), missing),
        ],
        tables=[
            Table(
                key="reports_by_unit",
                title=_("Tình hình gửi báo cáo theo đơn vị"),
                columns=[
                    Column(_("Đơn vị")),
                    Column(_("Phải gửi"), Format.INTEGER),
                    Column(_("Đúng hạn"), Format.INTEGER),
                    Column(_("Trễ hạn"), Format.INTEGER),
                    Column(_("Chưa gửi"), Format.INTEGER),
                ],
                rows=rows,
                row_units=row_units,
            ),
            Table(
                key="reports_detail",
                title=_("Tình hình gửi báo cáo của từng đơn vị"),
                columns=[
                    Column(_("Đơn vị")),
                    Column(_("Báo cáo")),
                    Column(_("Hạn gửi")),
                    Column(_("Trạng thái")),
                    Column(_("Thời hạn")),
                    Column(_("Ngày gửi lần đầu")),
                ],
                rows=[_detail_row(s) for s in standings],
                on_page=False,
            ),
        ],
    )


def difficulties_section(facts: Facts) -> Section | None:
    """Difficulties not yet answered or escalated to the ward's leaders, whenever raised: they
    stay on every period's figures until the ward deals with them."""
    open_ones = list(
        Difficulty.objects.filter(
            ward_id__in=facts.ward_ids, unit_id__in=list(facts.units), status__in=OPEN_DIFFICULTIES
        )
        .select_related("unit")
        .order_by("unit__sort_key", "raised_at", "id")
    )
    if not open_ones:
        return None
    rows = [
        [index, d.unit.name, d.text, d.get_status_display()]
        for index, d in enumerate(open_ones, start=1)
    ]
    return Section(
        key="difficulties",
        title=_("Khó khăn, vướng mắc"),
        key_figures=[
            KeyFigure("difficulties_open", _("Khó khăn, vướng mắc chưa giải quyết"), len(rows))
        ],
        tables=[
            Table(
                key="difficulties_open",
                title=_("Khó khăn, vướng mắc chưa được giải quyết"),
                columns=[
                    Column(_("STT"), Format.INTEGER),
                    Column(_("Đơn vị")),
                    Column(_("Nội dung")),
                    Column(_("Tình trạng")),
                ],
                rows=rows,
            )
        ],
    )


def register() -> None:
    register_section("reporting", order=60)(reporting_section)
    register_section("difficulties", order=70)(difficulties_section)
