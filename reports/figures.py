"""Where a report's figures come from: one pluggable function.

Every figure is computed in the indicators app (docs/architecture.md); this module only asks it.
The indicators app plugs in by naming its function in the setting

    REPORTS_FIGURES_PROVIDER = "indicators.report_period.unit_figures"

with the signature `unit_figures(unit, plan, window) -> dict`, where `unit` is a Unit (a ward
for the ward report), `plan` a Plan and `window` a reports.periods.DateWindow. Until such a
provider is configured, `unit_figures` returns `{}`: reports carry no figures rather than
invented ones, and the documents simply have no figure tables.

The dict a provider returns is stored as the report's snapshot and read by the documents:

    {"tables": [{"key": str, "title": str, "columns": [str, ...], "formats": [str, ...],
                 "rows": [[str | int | float | None]]}]}

The ward report picks its tables by key (reports.compose); other keys of the dict (key
figures, targets, the window) are kept in the snapshot untouched.
"""

from collections.abc import Callable

from django.conf import settings
from django.utils.module_loading import import_string

from common.i18n import in_official_language
from plans.models import Plan
from reports.periods import DateWindow
from units.models import Unit

FiguresProvider = Callable[[Unit, Plan, DateWindow], dict]


def figures_provider() -> FiguresProvider | None:
    path = getattr(settings, "REPORTS_FIGURES_PROVIDER", "")
    return import_string(path) if path else None


@in_official_language
def unit_figures(unit: Unit, plan: Plan, window: DateWindow) -> dict:
    provider = figures_provider()
    return dict(provider(unit, plan, window)) if provider else {}


def figure_tables(figures: dict) -> list[dict]:
    """The tables of a snapshot, skipping any that lack a title or columns."""
    return [
        table
        for table in figures.get("tables", [])
        if isinstance(table, dict) and table.get("title") and table.get("columns")
    ]
