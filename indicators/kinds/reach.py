"""Reach of broadcasts and digital posts: listeners, views, minutes on air."""

from django.utils.translation import gettext as _

from indicators.facts import Facts
from indicators.figures import Chart, Column, Format, KeyFigure, Section, Table
from indicators.kinds.activities import channel_names
from indicators.registry import register_section


@register_section("reach", order=30)
def reach_section(facts: Facts) -> Section:
    channels = channel_names(facts)
    measured = {c.pk for c in facts.channels if c.has_reach or c.has_duration}
    names = {code: name for pk, (code, name) in channels.items() if pk in measured}
    sums: dict[str, list[int]] = {}
    for cell in facts.activity_cells:
        if cell.channel_id in measured:
            bucket = sums.setdefault(channels[cell.channel_id][0], [0, 0, 0])
            bucket[0] += cell.count
            bucket[1] += cell.reach
            bucket[2] += cell.minutes
    rows = [[name, *sums[code]] for code, name in names.items() if code in sums and sums[code][0]]
    cells = facts.activity_cells
    return Section(
        key="reach",
        title=_("Lượt tiếp cận"),
        key_figures=[
            KeyFigure(
                "reach",
                _("Lượt nghe, lượt xem trong kỳ"),
                sum(c.reach for c in cells),
                Format.INTEGER,
                sum(c.reach_before for c in cells),
            )
        ],
        tables=[
            Table(
                key="reach_by_channel",
                title=_("Lượt tiếp cận theo hình thức"),
                columns=[
                    Column(_("Hình thức")),
                    Column(_("Số tin, bài, buổi phát"), Format.INTEGER),
                    Column(_("Lượt nghe, lượt xem"), Format.INTEGER),
                    Column(_("Thời lượng (phút)"), Format.INTEGER),
                ],
                rows=rows,
                chart=Chart(_("Lượt nghe, lượt xem theo hình thức"), 0, 2),
            )
        ],
    )
