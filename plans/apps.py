from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = _("Kế hoạch")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from plans import models

        # A plan and what was recognised in it, as corrected and saved, belong in the change log.
        for model in (
            models.Plan,
            models.LegalBasis,
            models.Phase,
            models.Target,
            models.Task,
            models.TaskAssignment,
            models.Responsibility,
            models.PlanDraft,
        ):
            auditlog.register(model)
