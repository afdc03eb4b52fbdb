"""People trained: distinct people who attended an activity of the training channel."""

from django.utils.translation import gettext as _

from indicators.facts import Facts, sums_by
from indicators.figures import Column, Format, KeyFigure, Measure, Section, Table
from indicators.registry import register_measure, register_section
from plans.models import IndicatorKind

TRAINING = "training"


def _attending(facts: Facts):
    return facts.attending(channel_ids=facts.channels_where(lambda c: c.code == TRAINING))


@register_section("trained", order=50)
def trained_section(facts: Facts) -> Section:
    found = _attending(facts)
    by_row = sums_by(found, lambda a: facts.row_of(a.unit_id), "window", "before", "in_phase")
    rows, unit_ids = [], []
    for unit, sums in facts.row_sums(by_row, 3):
        rows.append([unit.name, *sums])
        unit_ids.append(unit.pk)
    return Section(
        key="trained",
        title=_("Tập huấn, bồi dưỡng"),
        key_figures=[
            KeyFigure(
                "trained",
                _("Người được tập huấn trong kỳ"),
                sum(a.window for a in found),
                Format.INTEGER,
                sum(a.before for a in found),
            )
        ],
        tables=[
            Table(
                key="trained_by_unit",
                title=_("Số người được tập huấn, bồi dưỡng theo đơn vị"),
                columns=[
                    Column(_("Đơn vị")),
                    Column(_("Trong kỳ"), Format.INTEGER),
                    Column(_("Kỳ trước"), Format.INTEGER),
                    Column(_("Từ đầu giai đoạn"), Format.INTEGER),
                ],
                rows=rows,
                row_units=unit_ids,
            )
        ],
    )


@register_measure(IndicatorKind.PEOPLE_TRAINED)
def people_trained(target, facts: Facts) -> Measure:
    goal = float(target.value) if target.value is not None else None
    return Measure(sum(a.in_phase for a in _attending(facts)), goal, target.unit or _("người"))
