from django.core.management import call_command

from activities.models import Activity, Attendance, PersonBriefing
from activities.services import coverage_rebuild
from units.models import Person, Unit


def snapshot():
    return set(
        PersonBriefing.objects.values_list(
            "person_id", "plan_id", "phase_id", "first_briefed_on", "first_activity_id"
        )
    )


def test_it_generates_the_asked_sizes_with_coverage_rows(db, capsys):
    call_command(
        "generate_dataset",
        "--wards", "2", "--units-per-ward", "10", "--people", "300",
        "--activities", "400", "--attendance", "1000", "--seed", "3",
    )  # fmt: skip
    assert Unit.objects.filter(code__contains="-G").count() == 20
    assert 280 <= Person.objects.count() <= 320
    assert Activity.objects.count() == 400
    assert Attendance.objects.count() > 300
    generated = snapshot()
    assert generated
    coverage_rebuild()
    assert snapshot() == generated
    # Units got their tree path, so subtree queries find their people.
    unit = Unit.objects.filter(code__contains="-G").first()
    assert unit.path == f"{unit.ward.path}{unit.pk}/"
    assert "Đã sinh 2 phường" in capsys.readouterr().out
