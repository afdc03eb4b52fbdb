from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_triggers(sender, using, **kwargs) -> None:
    from activities.triggers import person_copy_trigger_install

    person_copy_trigger_install(connection=connections[using])


def _rephase(sender, plan, **kwargs) -> None:
    from activities.services import briefings_rephase

    briefings_rephase(plan=plan)


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Hoạt động và điểm danh")

    def ready(self) -> None:
        # After every migrate, including a test database's creation (see activities.triggers).
        post_migrate.connect(_install_triggers, sender=self, dispatch_uid="activities_triggers")
        from plans.signals import plan_phases_changed

        plan_phases_changed.connect(_rephase, dispatch_uid="activities_rephase")

        from auditlog.registry import auditlog

        from activities import models

        # What a unit did, who attended and the evidence it uploaded are in the change log.
        for model in (
            models.Channel,
            models.Activity,
            models.ActivityAudience,
            models.Evidence,
            models.Attendance,
            models.CheckinRequest,
        ):
            auditlog.register(model)
