"""A 1080×1350 PNG of a unit's progress for a period, for Zalo and Facebook: title, the
unit's name and the date, key figures, and a chart, all from the indicators' figures."""

import io
from functools import lru_cache

from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont

from common.formatting import format_date
from dashboard.charts import value_text
from dashboard.fonts import font_path
from indicators.figures import Figures, Format

SIZE = (1080, 1350)
MARGIN = 70
BRAND = (139, 26, 26)
INK = (33, 37, 41)
MUTED = (108, 117, 125)
TRACK = (233, 236, 239)
WHITE = (255, 255, 255)
WARD = "ward"
KEYS = ("briefed_percent", "briefed", "activities", "reach", "trained", "column_posts")


@lru_cache(maxsize=32)
def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(weight)), size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    return [*lines, line] if line else lines


def _text(draw, xy, text, font, fill, width, spacing=8, max_lines=3) -> int:
    """Draw wrapped text; returns the y below it."""
    x, y = xy
    for line in _wrap(draw, text, font, width)[:max_lines]:
        draw.text((x, y), line, font=font, fill=fill)
        y += font.size + spacing
    return y


def _key_figures(draw, figures: Figures, top: int) -> int:
    found = {k.key: k for k in figures.key_figures}
    shown = [found[key] for key in KEYS if key in found][:4]
    box_w = (SIZE[0] - 2 * MARGIN - 30) // 2
    box_h = 170
    for index, figure in enumerate(shown):
        x = MARGIN + (index % 2) * (box_w + 30)
        y = top + (index // 2) * (box_h + 30)
        draw.rounded_rectangle((x, y, x + box_w, y + box_h), radius=18, fill=(248, 233, 233))
        draw.text((x + 28, y + 22), value_text(figure.value, figure.format),
                  font=_font("bold", 64), fill=BRAND)  # fmt: skip
        _text(draw, (x + 28, y + 106), str(figure.label), _font("regular", 26), INK,
              box_w - 56, spacing=4, max_lines=2)  # fmt: skip
    rows = (len(shown) + 1) // 2
    return top + rows * (box_h + 30)


def _chart(draw, figures: Figures, top: int, bottom: int) -> None:
    table = figures.table("coverage_by_group")
    rows = table.rows[:-1] if table is not None else []
    if not rows:
        table = figures.table("activities_by_month")
        rows = table.rows if table is not None else []
    if table is None or not rows:
        return
    chart = table.chart
    column_format = table.columns[chart.value_column].format
    _text(draw, (MARGIN, top), str(chart.title), _font("bold", 30), INK, SIZE[0] - 2 * MARGIN)
    top += 60
    rows = rows[: max(1, (bottom - top) // 90)]
    values = [row[chart.value_column] or 0 for row in rows]
    scale = 100 if column_format == Format.PERCENT else max(values + [1])
    width = SIZE[0] - 2 * MARGIN
    for index, row in enumerate(rows):
        y = top + index * 90
        label = _wrap(draw, str(row[chart.label_column]), _font("regular", 26), width - 160)[0]
        draw.text((MARGIN, y), label, font=_font("regular", 26), fill=INK)
        bar_w = width - 160
        draw.rectangle((MARGIN, y + 38, MARGIN + bar_w, y + 70), fill=TRACK)
        filled = round(bar_w * values[index] / scale) if scale else 0
        draw.rectangle((MARGIN, y + 38, MARGIN + filled, y + 70), fill=BRAND)
        draw.text((MARGIN + bar_w + 16, y + 36),
                  value_text(row[chart.value_column], column_format),
                  font=_font("bold", 28), fill=INK)  # fmt: skip


def infographic_png(figures: Figures, *, title: str, period_label: str) -> bytes:
    image = Image.new("RGB", SIZE, WHITE)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((0, 0, SIZE[0], 300), fill=BRAND)
    y = _text(draw, (MARGIN, 60), title.upper(), _font("bold", 40), WHITE, width, max_lines=2)
    y = _text(draw, (MARGIN, y + 10), figures.root_name, _font("bold", 52), WHITE, width,
              max_lines=2)  # fmt: skip
    ward = next((u.name for u in figures.ancestors if u.kind == WARD), "")
    if ward:
        _text(draw, (MARGIN, y + 4), ward, _font("regular", 34), WHITE, width, max_lines=1)
    day = _("Số liệu đến ngày %(day)s") % {"day": format_date(figures.day)}
    y = _text(draw, (MARGIN, 330), f"{period_label} · {day}", _font("regular", 30), MUTED, width)
    y = _key_figures(draw, figures, y + 30)
    _chart(draw, figures, y + 20, SIZE[1] - 120)
    footer = _("Tạo ngày %(day)s · %(unit)s") % {
        "day": format_date(timezone.localdate()),
        "unit": figures.root_name,
    }
    draw.line((MARGIN, SIZE[1] - 100, SIZE[0] - MARGIN, SIZE[1] - 100), fill=TRACK, width=3)
    _text(draw, (MARGIN, SIZE[1] - 80), footer, _font("regular", 24), MUTED, width, max_lines=1)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()
