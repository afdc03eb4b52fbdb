import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from reports import services
from reports.selectors import ward_report_next_number
from reports.tests.support import make_schedule

pytestmark = pytest.mark.django_db


@pytest.fixture
def schedule(world):
    return make_schedule(world)


def _accept(world, schedule, unit, focal, **narrative):
    report = services.unit_report_open(
        actor=focal, schedule=schedule, period_code="2026-H1", unit=unit
    )
    services.unit_report_save(actor=focal, report=report, **narrative)
    report = services.unit_report_submit(actor=focal, report=report)
    return services.unit_report_accept(actor=world.user("coordinator"), report=report)


def _create(world, schedule, day=dt.date(2026, 6, 18)):
    return services.ward_report_create(
        actor=world.user("coordinator"), schedule=schedule, period_code="2026-H1", issued_on=day
    )


def test_settings_default_from_the_wards_official_name(world):
    settings = services.ward_settings_get(ward=world.ward)
    assert settings.issuing_body == f"ỦY BAN NHÂN DÂN\n{world.ward.name.upper()}"
    assert world.ward.name.endswith(settings.place_name)
    assert not settings.place_name.startswith("Phường")


def test_numbers_run_per_year_and_type_with_a_leading_zero(world, schedule):
    first = _create(world, schedule)
    second = _create(world, schedule)
    assert (first.number, second.number) == (1, 2)
    assert first.number_text == "01/BC-UBND"
    next_year = _create(world, schedule, dt.date(2027, 1, 5))
    assert next_year.number == 1
    services.ward_report_update(
        actor=world.user("coordinator"), report=second, number=12, issued_on=second.issued_on
    )
    assert second.number_text == "12/BC-UBND"
    assert ward_report_next_number(ward=world.ward, year=2026) == 13


def test_a_number_already_used_is_refused(world, schedule):
    first = _create(world, schedule)
    second = _create(world, schedule)
    with pytest.raises(ValidationError, match="đã dùng"):
        services.ward_report_update(
            actor=world.user("coordinator"),
            report=second,
            number=first.number,
            issued_on=second.issued_on,
        )


def test_the_suffix_comes_from_the_wards_settings(world, schedule):
    services.ward_settings_update(
        actor=world.user("coordinator"), ward=world.ward, symbol_suffix="VHXH"
    )
    assert _create(world, schedule).number_text == "01/BC-VHXH"


def test_narrative_compiles_accepted_units_and_open_difficulties(world, schedule):
    _accept(
        world,
        schedule,
        world.school,
        world.user("focal"),
        results="Tổ chức 3 hội nghị.",
        strengths="Giáo viên hưởng ứng.",
        proposals="Cấp thêm tài liệu.",
    )
    draft = services.unit_report_open(
        actor=world.user("other_focal"),
        schedule=schedule,
        period_code="2026-H1",
        unit=world.other_school,
    )
    services.unit_report_save(actor=world.user("other_focal"), report=draft, results="Chưa duyệt.")
    services.difficulty_raise(actor=world.user("focal"), unit=world.school, text="Thiếu loa.")
    report = _create(world, schedule)
    assert "I. KẾT QUẢ THỰC HIỆN" in report.narrative
    assert f"{world.school.name}: Tổ chức 3 hội nghị." in report.narrative
    assert f"{world.school.name}: Cấp thêm tài liệu." in report.narrative
    assert "Chưa duyệt." not in report.narrative
    assert f"- {world.school.name}: Thiếu loa." in report.narrative
    assert report.subject.endswith("6 tháng đầu năm 2026")
    assert report.subject.startswith("Kết quả triển khai")
    assert report.figures["unit"]["code"] == world.ward.code


def test_a_figures_provider_plugs_in_through_the_setting(world, schedule, settings):
    settings.REPORTS_FIGURES_PROVIDER = "reports.tests.test_ward_report.provider_for_test"
    report = _create(world, schedule)
    assert report.figures["tables"][0]["rows"] == [["Học sinh", 1234]]
    assert report.figures["asked"] == [world.ward.code, "2025-12-15", "2026-06-14"]


def provider_for_test(unit, plan, window) -> dict:
    return {
        "tables": [
            {"title": "Bảng thử", "columns": ["Nhóm", "Số người"], "rows": [["Học sinh", 1234]]}
        ],
        "asked": [unit.code, str(window.start), str(window.end)],
    }
