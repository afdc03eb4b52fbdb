"""The provider reports use (REPORTS_FIGURES_PROVIDER): a report's figures for its data window,
read as the dashboard and `manage.py indicators --period` read them.

reports hands over a window only. When that window is exactly a Decree 09 period's (a periodic
report), the scope is built for the period itself, so "the previous period" is the same one
the dashboard compares against (the first half of last year, not the 182 days before); a
thematic report's free window goes to indicators.reporting unchanged. No figure is computed
here."""

from common.periods import DateWindow, Period, PeriodKind, period_of_day
from indicators import reporting
from indicators.scope import scope_build
from indicators.selectors import figures_json, indicator_figures


def period_of_window(window: DateWindow) -> Period | None:
    for kind in PeriodKind:
        period = period_of_day(kind=kind, day=window.end)
        if period.window == window:
            return period
    return None


def unit_figures(unit, plan, window: DateWindow) -> dict:
    period = period_of_window(window)
    if period is None:
        return reporting.unit_figures(unit, plan, window)
    figures = indicator_figures(scope=scope_build(root=unit, plan=plan, period=period))
    data = figures_json(figures)
    data["tables"] = [table.as_dict() for table in figures.tables if table.rows]
    return data
