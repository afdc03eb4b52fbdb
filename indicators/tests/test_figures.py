import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from indicators.figures import Section, Status
from indicators.registry import _SECTIONS, register_section
from indicators.reporting import unit_figures
from indicators.scope import scope_build
from indicators.selectors import figures_json, indicator_figures
from indicators.tests.support import build_dataset


@pytest.fixture
def data(world):
    return build_dataset(world)


def _figures(world, data, root=None, **filters):
    scope = scope_build(root=root or world.ward, period=data.period, **filters)
    return indicator_figures(scope=scope)


def _key(figures, key):
    return next(k for k in figures.key_figures if k.key == key)


def test_it_counts_the_wards_coverage_activities_reach_column_and_training(world, data):
    figures = _figures(world, data)
    assert figures.day == data.period.window.end
    assert (_key(figures, "roster").value, _key(figures, "briefed").value) == (10, 5)
    assert _key(figures, "briefed_percent").value == 50.0
    assert _key(figures, "activities").value == 6  # not the other ward's
    assert _key(figures, "activities").previous == 1
    assert _key(figures, "reach").value == 1800
    assert _key(figures, "column_posts").value == 3
    # 20/1 falls in February's window, 20/2 and 1/3 in March's (Decree 09 cut-off).
    assert _key(figures, "column_empty_months").value == 10
    assert figures.table("column_posts").rows[1][1:] == [1, ""]
    assert _key(figures, "trained").value == 2
    by_group = figures.table("coverage_by_group").rows
    assert ["Cán bộ quản lý, giáo viên, nhân viên", 6, 3, 50.0] in by_group
    assert by_group[-1] == ["Tổng cộng", 10, 5, 50.0]


def test_each_target_is_judged_against_the_time_gone_in_its_phase(world, data):
    figures = _figures(world, data)
    progress = {p.target_id: p for p in figures.targets}
    coverage = progress[data.targets["coverage"].pk]
    # 347 of 1,826 days of the phase gone on 14/12: 19% expected by now.
    assert (coverage.measured, coverage.goal, coverage.expected) == (50.0, 100.0, 19.0)
    assert coverage.status == Status.ON_TRACK
    column = progress[data.targets["column"].pk]
    assert (column.measured, column.goal, column.status) == (3, 60, Status.BEHIND)
    trained = progress[data.targets["trained"].pk]
    assert (trained.measured, trained.status) == (2, Status.ON_TRACK)
    conferences = progress[data.targets["conferences"].pk]
    assert (conferences.measured, conferences.status) == (1, Status.BEHIND)
    assert progress[data.targets["other"].pk].status == Status.NO_DATA


def test_a_coverage_target_with_nobody_on_the_roster_has_no_data(world, data):
    figures = _figures(world, data, root=world.other_school)
    progress = {p.target_id: p for p in figures.targets}
    assert progress[data.targets["coverage"].pk].status == Status.NO_DATA


def test_a_schools_figures_hold_its_own_people_and_work(world, data):
    figures = _figures(world, data, root=world.school)
    assert (_key(figures, "roster").value, _key(figures, "briefed").value) == (6, 3)
    assert _key(figures, "activities").value == 2
    # Trained at the women's union's course, counted for the teacher's own school.
    assert _key(figures, "trained").value == 1


def test_rows_lead_one_level_down_the_tree(world, data):
    figures = _figures(world, data)
    table = figures.table("coverage_by_unit")
    rows = dict(zip(table.row_units, table.rows, strict=True))
    assert rows[world.school.pk] == [world.school.name, 6, 3, 50.0]
    assert rows[world.other_school.pk][1:] == [0, 0, None]


def test_filters_narrow_every_figure(world, data):
    teachers = _figures(world, data, group_code="school_staff")
    assert (_key(teachers, "roster").value, _key(teachers, "briefed").value) == (6, 3)
    assert _key(teachers, "activities").value == 1  # only the one addressed to teachers
    posts = _figures(world, data, channel_code="social_post")
    assert _key(posts, "activities").value == 1
    assert _key(posts, "reach").value == 500


def test_a_city_rolls_up_its_wards(world, data):
    figures = _figures(world, data, root=world.province)
    assert figures.targets == []
    rows = figures.table("coverage_by_unit")
    assert world.ward.pk in rows.row_units
    assert _key(figures, "activities").value == 7  # both wards of the province


def test_a_new_indicator_plugs_in_without_touching_its_readers(world, data):
    @register_section("test_extra", order=999)
    def extra(facts):
        return Section(key="test_extra", title="Thêm")

    try:
        figures = _figures(world, data)
        assert figures.sections[-1].key == "test_extra"
    finally:
        del _SECTIONS["test_extra"]


def test_the_command_prints_the_same_figures_as_json(world, data):
    out = StringIO()
    call_command("indicators", unit=world.ward.code, period=data.period.code, json=True, stdout=out)
    printed = json.loads(out.getvalue())
    expected = figures_json(_figures(world, data))
    assert printed == json.loads(json.dumps(expected))
    entry = next(e for e in printed["coverage"] if e["unit"] == world.school.name)
    assert entry == {
        "unit": world.school.name,
        "audience": "Cán bộ quản lý, giáo viên, nhân viên",
        "roster": 6,
        "briefed": 3,
        "percent": 50.0,
    }


def test_the_command_names_a_bad_period_or_phase(world, data):

    with pytest.raises(CommandError, match="quý phải từ 1 đến 4"):
        call_command("indicators", unit=world.ward.code, period="2026-Q5")
    with pytest.raises(CommandError, match="Không có giai đoạn"):
        call_command("indicators", unit=world.ward.code, phase="1999-2000")


def test_reports_get_the_same_tables(world, data):
    window = data.period.window
    figures = unit_figures(world.ward, data.plan, window)
    coverage = next(t for t in figures["tables"] if t["key"] == "coverage_by_group")
    assert coverage["rows"][-1] == ["Tổng cộng", 10, 5, 50.0]
    assert figures["window"] == {"start": str(window.start), "end": str(window.end)}
    assert dt.date.fromisoformat(figures["day"]) <= window.end


def test_without_a_phase_targets_count_everything_so_far(world, data):
    figures = _figures(world, data, phase=None, pick_phase=False)
    progress = {p.target_id: p for p in figures.targets}
    # The conference of the year before counts too; the target is still judged against the
    # time gone in its own phase.
    conferences = progress[data.targets["conferences"].pk]
    assert (conferences.measured, conferences.expected) == (2, 3.8)


def test_each_wards_row_of_the_city_equals_that_wards_own_figures(world, data):
    city = _figures(world, data, root=world.province)
    compared = 0
    for ward in (world.ward, world.other_ward):
        own = _figures(world, data, root=ward)
        for key, column in (("activities_by_unit", 1), ("trained_by_unit", 1)):
            table = city.table(key)
            if ward.pk not in table.row_units:
                continue
            city_value = table.rows[table.row_units.index(ward.pk)][column]
            ward_total = sum(row[column] for row in own.table(key).rows)
            assert city_value == ward_total, (key, ward.name)
            compared += 1
    assert compared >= 3
