"""The figures a report carries, for reports.figures (REPORTS_FIGURES_PROVIDER):
`unit_figures(unit, plan, window)` returns the same tables the dashboard shows."""

from indicators.scope import scope_build
from indicators.selectors import figures_json, indicator_figures


def unit_figures(unit, plan, window) -> dict:
    scope = scope_build(root=unit, plan=plan, window=window)
    figures = indicator_figures(scope=scope)
    data = figures_json(figures)
    data["tables"] = [table.as_dict() for table in figures.tables if table.rows]
    return data
