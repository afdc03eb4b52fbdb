from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = _("Đơn vị và nhân sự")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from units.models import AudienceGroup, Person, Unit

        auditlog.register(Unit)
        auditlog.register(AudienceGroup)
        auditlog.register(Person, exclude_fields=["search_key", "sort_key"])
