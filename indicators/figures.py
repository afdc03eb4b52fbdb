"""What the indicators module hands out: plain data, the same for the page, the spreadsheet,
the command line and the official report. Percentages are in percent units (85.3 is 85,3%)
and already rounded, so every consumer prints the same digits."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

Cell = str | int | float | None


class Format:
    """Column formats, the names reports.documents uses too."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    PERCENT = "percent"


def round_half_up(value: float | Decimal | None, digits: int = 1) -> float | None:
    """Round as people do by hand (85,25 → 85,3), where Python's round() would go to even."""
    if value is None:
        return None
    quantum = Decimal(1).scaleb(-digits)
    return float(Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Column:
    label: str
    format: str = Format.TEXT


@dataclass(frozen=True)
class Chart:
    """How a table is drawn: one bar per row, the label and value read from two columns."""

    title: str
    label_column: int
    value_column: int
    # Tables that end with a total row leave it out of the chart.
    skip_last: bool = False


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list[Cell]]
    # The unit each row stands for, so a page can link the row to that unit's own figures.
    row_units: list[int | None] = field(default_factory=list)
    chart: Chart | None = None
    # Long tables (every unit × channel × month) go to the spreadsheet and JSON only.
    on_page: bool = True

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "title": str(self.title),
            "columns": [str(c.label) for c in self.columns],
            "formats": [c.format for c in self.columns],
            "rows": [list(row) for row in self.rows],
        }


@dataclass(frozen=True)
class KeyFigure:
    key: str
    label: str
    value: int | float | None
    format: str = Format.INTEGER
    previous: int | float | None = None

    @property
    def change(self) -> int | float | None:
        if self.value is None or self.previous is None:
            return None
        change = self.value - self.previous
        return round_half_up(change) if self.format == Format.PERCENT else change

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "label": str(self.label),
            "value": self.value,
            "previous": self.previous,
            "change": self.change,
        }


@dataclass
class Section:
    key: str
    title: str
    key_figures: list[KeyFigure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


class Status(models.TextChoices):
    ACHIEVED = "achieved", _("Đã đạt")
    ON_TRACK = "on_track", _("Đúng tiến độ")
    BEHIND = "behind", _("Chậm tiến độ")
    NO_DATA = "no_data", _("Chưa có số liệu")
    NOT_SET = "not_set", _("Chưa có chỉ tiêu số")


@dataclass(frozen=True)
class Measure:
    """A target's measured value and the value it aims at over the whole phase."""

    measured: float | int | None
    goal: float | int | None
    unit: str = ""


@dataclass(frozen=True)
class TargetProgress:
    target_id: int
    text: str
    phase: str
    kind: str
    kind_label: str
    unit: str
    goal: float | int | None
    measured: float | int | None
    expected: float | None
    status: Status

    @property
    def progress(self) -> float | None:
        """Measured as a percentage of the goal, capped at 100 for a progress bar."""
        if self.measured is None or not self.goal:
            return None
        return min(100.0, round_half_up(100 * self.measured / self.goal))

    def as_dict(self) -> dict:
        return {
            "target": self.target_id,
            "text": self.text,
            "phase": self.phase,
            "kind": self.kind,
            "unit": self.unit,
            "goal": self.goal,
            "measured": self.measured,
            "expected": self.expected,
            "progress": self.progress,
            "status": str(self.status.value),
            "status_label": str(self.status.label),
        }


@dataclass
class Figures:
    root_id: int
    root_name: str
    root_code: str
    plan_ids: list[int]
    period: str
    window: tuple[dt.date, dt.date]
    day: dt.date
    phase: str
    targets: list[TargetProgress]
    sections: list[Section]
    # What the filters may choose from: (code, name) of the wards' groups and channels.
    groups: list[tuple[str, str]] = field(default_factory=list)
    # The root's ancestors (Unit rows), top first, for a way back up the tree.
    ancestors: list = field(default_factory=list)
    channels: list[tuple[str, str]] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]

    @property
    def key_figures(self) -> list[KeyFigure]:
        return [figure for section in self.sections for figure in section.key_figures]

    def table(self, key: str) -> Table | None:
        return next((t for t in self.tables if t.key == key), None)
