"""The demo ward's plan, imported from the seed file through the importer like any upload."""

from django.conf import settings

from plans.models import IndicatorKind, Plan
from plans.services import plan_import_file, target_confirm
from plans.textkeys import key
from units.models import Unit

SEED = settings.BASE_DIR / "demo" / "data" / "ke-hoach-kim-tra-nq71.txt"

# How the coordinator confirms the seed's targets on the review screen: (words in the
# target, indicator kind, audience groups or none to keep the recognised ones).
CONFIRMATIONS = [
    ("100%", IndicatorKind.BRIEFING_COVERAGE, ["civil_servants", "school_staff"]),
    ("chuyen muc", IndicatorKind.COLUMN_POSTS, []),
    ("nang luc truyen thong", IndicatorKind.PEOPLE_TRAINED, []),
]


def demo_plan_load(*, ward: Unit, units: dict | None = None) -> Plan:
    plan = plan_import_file(ward=ward, path=SEED).plan
    for target in plan.targets.all():
        for words, kind, audiences in CONFIRMATIONS:
            if words in key(target.text) or words in target.text:
                target_confirm(target=target, indicator_kind=kind, audiences=audiences)
                break
    return plan
