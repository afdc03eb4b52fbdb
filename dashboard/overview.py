"""What the dashboard pages show: the user's scope, read from the query string, and the
indicators' figures for it. Views stay thin; permissions come from accounts.scoping."""

import re
from dataclasses import dataclass

from django.http import Http404, QueryDict
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accounts.scoping import Access, can, require, scope_root, visible_wards
from common.periods import PeriodKind, make_period, parse_period
from dashboard.charts import bar_chart, progress_bar, value_text
from indicators.figures import Figures, Format, Table
from indicators.scope import Scope, scope_build, unit_get
from indicators.selectors import indicator_figures

_CODE = re.compile(r"^[\w-]{1,40}$")
FILTERS = ("unit", "plan", "period", "phase", "group", "channel")
# Stands for a unit id in a link built once per table; URL-safe, so encoding leaves it whole.
UNIT_MARK = "UNITMARK"


@dataclass
class Overview:
    scope: Scope
    figures: Figures
    query: QueryDict  # the filters as given, to carry into links
    error: str = ""

    @property
    def period_label(self) -> str:
        period = self.scope.period
        return period.label if period else ""


def _root(user, value: str):
    if value.isdigit():
        unit = unit_get(int(value))
    else:
        unit = scope_root(user) or visible_wards(user).first()
    if unit is None:
        raise Http404
    require(user, Access.VIEW, unit)
    return unit


def _code(value: str) -> str:
    return value if _CODE.match(value or "") else ""


def overview_for(request) -> Overview:
    params = request.GET
    root = _root(request.user, params.get("unit", ""))
    error = ""
    period = None
    if params.get("period"):
        try:
            period = parse_period(params["period"])
        except ValueError as problem:
            error = str(problem)
    plan_id = int(params["plan"]) if params.get("plan", "").isdigit() else None
    scope = scope_build(
        root=root,
        plan_id=plan_id,
        period=period,
        group_code=_code(params.get("group", "")),
        channel_code=_code(params.get("channel", "")),
    )
    phase_id = params.get("phase", "")
    if phase_id.isdigit():
        phase = next((p for p in scope.phases if str(p.pk) == phase_id), None)
        if phase is not None and phase != scope.phase:
            scope = scope_build(
                root=root,
                plan=scope.plan,
                period=scope.period,
                phase=phase,
                group_code=scope.group_code,
                channel_code=scope.channel_code,
            )
    query = QueryDict(mutable=True)
    for name in FILTERS:
        if params.get(name):
            query[name] = params[name]
    if scope.period and "period" not in query:
        query["period"] = scope.period.code
    return Overview(scope, indicator_figures(scope=scope), query, error)


def period_choices(overview: Overview) -> list[tuple[str, str]]:
    """A few periods around the one shown: its year's months, quarters and halves."""
    year = overview.scope.window.end.year
    choices = [(str(year), make_period(kind=PeriodKind.YEAR, year=year).label)]
    for kind, count in ((PeriodKind.HALF_YEAR, 2), (PeriodKind.NINE_MONTHS, 1),
                        (PeriodKind.QUARTER, 4), (PeriodKind.MONTH, 12)):  # fmt: skip
        for number in range(1, count + 1):
            period = make_period(kind=kind, year=year, number=number)
            choices.append((period.code, period.label))
    previous = make_period(kind=PeriodKind.YEAR, year=year - 1)
    choices.append((previous.code, previous.label))
    return choices


def ancestors_in_reach(user, figures: Figures) -> list:
    return [unit for unit in figures.ancestors if can(user, Access.VIEW, unit)]


@dataclass
class DisplayTable:
    table: Table
    chart: str
    body: str  # the rows as HTML, built here: a template loop over a city's cells is slow
    export_link: str


def _link(query: QueryDict, **changes) -> str:
    changed = query.copy()
    for name, value in changes.items():
        changed[name] = value
    return "?" + changed.urlencode()


def _row_html(row, columns, link: str) -> str:
    first = escape(value_text(row[0], columns[0].format))
    if link:
        first = f'<a href="{escape(link)}">{first}</a>'
    cells = [f'<th scope="row" class="fw-normal">{first}</th>']
    for value, column in zip(row[1:], columns[1:], strict=True):
        number = ' class="num"' if column.format != Format.TEXT else ""
        cells.append(f"<td{number}>{escape(value_text(value, column.format))}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


def display_table(overview: Overview, table: Table, printing: bool = False) -> DisplayTable:
    root_id = overview.scope.root.pk
    units = table.row_units or [None] * len(table.rows)
    # One encoded link per table, the unit filled in per row: a table of a ward's units
    # would otherwise copy and encode the query string once per row.
    drill_link = _link(overview.query, unit=UNIT_MARK)
    body = []
    for row, unit_id in zip(table.rows, units, strict=True):
        drill = unit_id and unit_id != root_id and not printing
        link = drill_link.replace(UNIT_MARK, str(unit_id)) if drill else ""
        body.append(_row_html(row, table.columns, link))
    chart = bar_chart(table) if table.chart and table.rows else ""
    # Every text above is escaped.
    html = mark_safe("".join(body))
    return DisplayTable(table, chart, html, _link(overview.query, table=table.key))


def overview_context(request, overview: Overview, printing: bool = False) -> dict:
    figures = overview.figures
    return {
        "overview": overview,
        "scope": overview.scope,
        "figures": figures,
        "printing": printing,
        "ancestors": ancestors_in_reach(request.user, figures),
        "targets": [(p, progress_bar(p)) for p in figures.targets],
        "sections": [
            (section, [display_table(overview, t, printing) for t in section.tables if t.on_page])
            for section in figures.sections
        ],
        "period_choices": period_choices(overview),
        "query": overview.query.urlencode(),
        "key_figures": [
            (k, value_text(k.value, k.format), _change_text(k)) for k in figures.key_figures
        ],
    }


def _change_text(figure) -> str:
    change = figure.change
    if change is None:
        return ""
    sign = "+" if change > 0 else ""
    text = value_text(change, Format.DECIMAL if figure.format == Format.PERCENT else figure.format)
    if figure.format == Format.PERCENT:
        text += " " + _("điểm %")
    return _("%(change)s so với kỳ trước") % {"change": sign + text}


def download_name(overview: Overview, extension: str) -> str:
    root = overview.scope.root
    period = overview.scope.period.code if overview.scope.period else "ky"
    return f"chi-so-{root.code}-{period}.{extension}"
