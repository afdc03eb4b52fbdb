"""The standing column kept alive: posts per month on the grassroots information system,
the notice board and digital platforms, with months that had none flagged.

A column target's value is posts per month; a target without one ("maintain the column")
asks for no empty month, that is at least one post a month."""

from django.utils.translation import gettext as _

from indicators.facts import Facts
from indicators.figures import Column, Format, KeyFigure, Measure, Section, Table
from indicators.kinds.activities import month_label
from indicators.registry import register_measure, register_section
from plans.models import IndicatorKind

NOTICE_BOARD = "notice_board"
MONTHS_A_YEAR = 12
DEFAULT_POSTS_A_MONTH = 1


def is_column(channel) -> bool:
    """Broadcasts and posts (they carry a reach) and the public notice board."""
    return channel.is_digital or channel.has_reach or channel.code == NOTICE_BOARD


@register_section("column", order=40)
def column_section(facts: Facts) -> Section:
    channel_ids = facts.channels_where(is_column)
    cells = [c for c in facts.activity_cells if c.channel_id in channel_ids]
    per_month = [sum(c.months[i] for c in cells) for i in range(len(facts.months))]
    empty = _("Không có tin, bài")
    rows = [
        [month_label(period), count, "" if count else empty]
        for (period, _part), count in zip(facts.months, per_month, strict=True)
    ]
    return Section(
        key="column",
        title=_("Chuyên mục tuyên truyền"),
        key_figures=[
            KeyFigure(
                "column_posts",
                _("Tin, bài trên chuyên mục trong kỳ"),
                sum(per_month),
                Format.INTEGER,
                sum(c.count_before for c in cells),
            ),
            KeyFigure("column_empty_months", _("Tháng không có tin, bài"), per_month.count(0)),
        ],
        tables=[
            Table(
                key="column_posts",
                title=_("Tin, bài trên chuyên mục theo tháng"),
                columns=[
                    Column(_("Tháng")),
                    Column(_("Số tin, bài"), Format.INTEGER),
                    Column(_("Ghi chú")),
                ],
                rows=rows,
            )
        ],
    )


@register_measure(IndicatorKind.COLUMN_POSTS)
def column_posts(target, facts: Facts) -> Measure:
    """Posts since the phase began against posts a month × the phase's months."""
    channel_ids = facts.channels_where(is_column)
    if not channel_ids:
        return Measure(None, None, target.unit)
    posts = sum(c.count_in_phase for c in facts.activity_cells if c.channel_id in channel_ids)
    if target.phase_years is None:
        return Measure(posts, None, target.unit)
    start_year, end_year = target.phase_years
    per_month = float(target.value) if target.value is not None else DEFAULT_POSTS_A_MONTH
    months = (end_year - start_year + 1) * MONTHS_A_YEAR
    return Measure(posts, per_month * months, target.unit or _("tin, bài"))
