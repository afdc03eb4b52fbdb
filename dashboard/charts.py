"""Charts drawn on the server as inline SVG: readable without JavaScript, printable, and
described for screen readers by a <title> and a <desc> listing every value."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from common.formatting import format_number, format_percent
from indicators.figures import Format, Table, TargetProgress

BRAND = "#8b1a1a"
MUTED = "#6c757d"
TRACK = "#e9ecef"
WIDTH = 640
LABEL_WIDTH = 250
ROW = 26
BAR = 16


def value_text(value, column_format: str) -> str:
    if value is None or value == "":
        return "—"
    if column_format == Format.PERCENT:
        return format_percent(value)
    if column_format == Format.DECIMAL:
        return format_number(value, 1)
    if column_format == Format.INTEGER:
        # Whole numbers, most cells of a page, need no decimal rounding: 1234567 → 1.234.567.
        if type(value) is int:
            return f"{value:,}".replace(",", ".")
        return format_number(value)
    return str(value)


def _clip(text: str, size: int = 34) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def bar_chart(table: Table) -> SafeString:
    """One horizontal bar per row of the table, on the scale of its largest value (100 for
    percentages)."""
    chart = table.chart
    rows = table.rows[:-1] if chart.skip_last else table.rows
    column_format = table.columns[chart.value_column].format
    values = [row[chart.value_column] for row in rows]
    top = 100 if column_format == Format.PERCENT else max([v or 0 for v in values] + [1])
    ident = f"chart-{table.key}"
    height = ROW * len(rows) + 8
    texts = [value_text(v, column_format) for v in values]
    desc = "; ".join(
        f"{row[chart.label_column]}: {text}" for row, text in zip(rows, texts, strict=True)
    )
    parts = [
        f'<svg class="chart" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" style="max-width:{WIDTH}px" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">',
        f'<title id="{ident}-t">{escape(chart.title)}</title>',
        f'<desc id="{ident}-d">{escape(desc)}</desc>',
    ]
    span = WIDTH - LABEL_WIDTH - 70
    for index, (row, value, text) in enumerate(zip(rows, values, texts, strict=True)):
        y = 4 + index * ROW
        length = round(span * (value or 0) / top) if top else 0
        label = escape(_clip(str(row[chart.label_column])))
        parts += [
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end" fill="#212529">'
            f"{label}</text>",
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{span}" height="{BAR}" fill="{TRACK}"/>',
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR}" fill="{BRAND}"/>',
            f'<text x="{LABEL_WIDTH + span + 6}" y="{y + 13}" fill="#212529">{escape(text)}</text>',
        ]
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped


def progress_bar(progress: TargetProgress) -> SafeString:
    """The target's progress toward its goal, with a mark where a steady pace would be."""
    ident = f"target-{progress.target_id}"
    done = progress.progress or 0
    pace = (
        min(100.0, 100 * progress.expected / progress.goal)
        if progress.expected is not None and progress.goal
        else None
    )
    unit = progress.unit
    measured = value_text(progress.measured, Format.DECIMAL if unit != "%" else Format.PERCENT)
    goal = value_text(progress.goal, Format.DECIMAL if unit != "%" else Format.PERCENT)
    desc = f"{progress.status.label}: {measured} / {goal}"
    if progress.expected is not None:
        expected = value_text(progress.expected, Format.DECIMAL)
        desc += "; " + _("mức cần đạt đến nay %(value)s") % {"value": expected}
    width, height = 400, 18
    parts = [
        f'<svg class="progress-svg" role="img" aria-labelledby="{ident}-t {ident}-d" '
        f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-t">{escape(_clip(progress.text, 120))}</title>',
        f'<desc id="{ident}-d">{escape(desc)}</desc>',
        f'<rect x="0" y="2" width="{width}" height="14" fill="{TRACK}"/>',
        f'<rect x="0" y="2" width="{round(width * done / 100)}" height="14" fill="{BRAND}"/>',
    ]
    if pace is not None:
        x = round(width * pace / 100)
        parts.append(
            f'<rect x="{max(0, x - 1)}" y="0" width="2" height="{height}" fill="{MUTED}"/>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
