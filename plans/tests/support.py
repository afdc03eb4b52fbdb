"""URL examples for the project-wide sweep (accounts/tests/test_every_url.py): the seed plan
imported for the world's ward, and a draft of it waiting for review."""

from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.tests.support import World, register_url_example
from plans.models import Plan, PlanDraft
from plans.services import plan_import, plan_import_file

SEED = Path(settings.BASE_DIR) / "demo" / "data" / "ke-hoach-kim-tra-nq71.txt"


def _plan(world: World) -> Plan:
    return plan_import_file(ward=world.ward, path=SEED).plan


def _draft(world: World) -> PlanDraft:
    draft = PlanDraft.objects.filter(ward=world.ward).first()
    if draft is None:
        upload = SimpleUploadedFile("du-thao.txt", SEED.read_bytes() + b"\nDu thao.")
        draft = plan_import(ward=world.ward, upload=upload, user=world.user("coordinator")).draft
    return draft


# A plan is read by every unit of its ward, so other_focal may open it (not a school record).
for _name in ("detail", "edit", "source", "owners"):
    register_url_example(f"plans:{_name}", lambda w: {"pk": _plan(w).pk}, school_record=False)
register_url_example("plans:review", lambda w: {"token": _draft(w).token}, school_record=False)
register_url_example("plans:unit_tasks", lambda w: {"unit_id": w.school.pk})
