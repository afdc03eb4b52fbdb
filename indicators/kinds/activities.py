"""Activities by channel × month × unit, and activity-count targets."""

from django.utils.translation import gettext as _

from common.text import search_key
from indicators.facts import Facts, sums_by
from indicators.figures import Chart, Column, Format, KeyFigure, Measure, Section, Table
from indicators.registry import register_measure, register_section
from plans.models import IndicatorKind


def month_label(period) -> str:
    return _("Tháng %(month)02d/%(year)s") % {"month": period.number, "year": period.year}


def channel_names(facts: Facts) -> dict[int, tuple[str, str]]:
    """Channel id → (code, name); a city's wards share the default codes, so rows merge."""
    return {c.pk: (c.code, c.name) for c in facts.channels}


@register_section("activities", order=20)
def activities_section(facts: Facts) -> Section:
    cells = facts.activity_cells
    channels = channel_names(facts)
    names = dict(channels.values())
    months = facts.months
    month_count = len(months)
    by_channel: dict[str, list[int]] = {}
    for cell in cells:
        sums = by_channel.setdefault(channels[cell.channel_id][0], [0] * (month_count + 1))
        for index, count in enumerate(cell.months):
            sums[index] += count
        sums[-1] += cell.count
    by_row = sums_by(cells, lambda c: facts.row_of(c.unit_id), "count", "reach", "count_before")
    per_month = [sum(cell.months[i] for cell in cells) for i in range(month_count)]
    total = sum(c.count for c in cells)

    channel_rows = [
        [name, *by_channel[code]] for code, name in names.items() if by_channel.get(code, [0])[-1]
    ]
    channel_rows.append([_("Tổng cộng"), *per_month, total])
    unit_rows, unit_ids = [], []
    for unit, sums in facts.row_sums(by_row, 3):
        unit_rows.append([unit.name, *sums])
        unit_ids.append(unit.pk)
    units = facts.units
    labels = [month_label(period) for period, _part in months]
    detail_rows = [
        [units[cell.unit_id].name, channels[cell.channel_id][1], label, count]
        for cell in cells
        for label, count in zip(labels, cell.months, strict=True)
        if count
    ]
    count_columns = [Column(label, Format.INTEGER) for label in labels]
    return Section(
        key="activities",
        title=_("Hoạt động tuyên truyền"),
        key_figures=[
            KeyFigure(
                "activities",
                _("Hoạt động trong kỳ"),
                total,
                Format.INTEGER,
                sum(c.count_before for c in cells),
            )
        ],
        tables=[
            Table(
                key="activities_by_month",
                title=_("Số hoạt động theo tháng"),
                columns=[Column(_("Tháng")), Column(_("Số hoạt động"), Format.INTEGER)],
                rows=[[label, n] for label, n in zip(labels, per_month, strict=True)],
                chart=Chart(_("Số hoạt động theo tháng"), 0, 1),
            ),
            Table(
                key="activities_by_channel",
                title=_("Số hoạt động theo hình thức và tháng"),
                columns=[Column(_("Hình thức")), *count_columns, Column(_("Cộng"), Format.INTEGER)],
                rows=channel_rows,
                chart=Chart(_("Số hoạt động theo hình thức"), 0, month_count + 1, skip_last=True),
            ),
            Table(
                key="activities_by_unit",
                title=_("Số hoạt động theo đơn vị"),
                columns=[
                    Column(_("Đơn vị")),
                    Column(_("Số hoạt động"), Format.INTEGER),
                    Column(_("Lượt tiếp cận"), Format.INTEGER),
                    Column(_("Số hoạt động kỳ trước"), Format.INTEGER),
                ],
                rows=unit_rows,
                row_units=unit_ids,
            ),
            Table(
                key="activities_detail",
                title=_("Số hoạt động theo đơn vị, hình thức và tháng"),
                columns=[
                    Column(_("Đơn vị")),
                    Column(_("Hình thức")),
                    Column(_("Tháng")),
                    Column(_("Số hoạt động"), Format.INTEGER),
                ],
                rows=detail_rows,
                on_page=False,
            ),
        ],
    )


def channel_matching(facts: Facts, label: str) -> set[int]:
    """Channels a target names by its label in the plan (`hội nghị` → `Hội nghị`)."""
    wanted = search_key(label)
    if not wanted:
        return set()
    return {
        c.pk
        for c in facts.channels
        if c.code == label or wanted in search_key(c.name) or search_key(c.name) in wanted
    }


@register_measure(IndicatorKind.CHANNEL_ACTIVITIES)
def channel_activities(target, facts: Facts) -> Measure:
    goal = float(target.value) if target.value is not None else None
    channel_ids = channel_matching(facts, target.channel)
    if not channel_ids:
        return Measure(None, goal, target.unit)
    count = sum(c.count_in_phase for c in facts.activity_cells if c.channel_id in channel_ids)
    return Measure(count, goal, target.unit)
