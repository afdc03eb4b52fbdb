import datetime as dt

from activities.models import PersonBriefing
from plans.services import plan_save


def _structure(*phases: tuple[int, int]) -> dict:
    return {
        "document": {"title": "Kế hoạch tuyên truyền Nghị quyết 71"},
        "phases": [{"name": f"{a} – {b}", "start_year": a, "end_year": b} for a, b in phases],
    }


def test_editing_a_plans_phases_recounts_who_was_briefed_in_each(world, make):
    plan = plan_save(ward=world.ward, structure=_structure((2026, 2030)))
    person = make.person()
    make.activity(plan=plan, day=dt.date(2027, 5, 4), people=[person])
    phases = PersonBriefing.objects.filter(person=person, phase__isnull=False)
    assert list(phases.values_list("phase__start_year", flat=True)) == [2026]

    plan_save(ward=world.ward, structure=_structure((2025, 2026), (2027, 2030)), plan=plan)
    # Briefed in 2027: counted in the new 2027–2030 phase, not in 2025–2026.
    assert list(phases.values_list("phase__start_year", flat=True)) == [2027]
    assert PersonBriefing.objects.filter(person=person, phase__isnull=True).count() == 1
