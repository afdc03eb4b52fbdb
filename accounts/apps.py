from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Tài khoản và phân quyền")

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.contrib.auth.signals import user_logged_in

        from accounts import audit, checks  # noqa: F401  (registers the system checks)
        from accounts.middleware import SlidingSessionMiddleware
        from accounts.models import User
        from units.models import AudienceGroup, Person, Unit

        auditlog.register(
            User, exclude_fields=["password", "last_login", "first_name", "last_name"]
        )
        audit.audit_register(Unit, unit_of=lambda unit: unit)
        audit.audit_register(AudienceGroup, unit_of=lambda group: group.ward, fetch="ward")
        audit.audit_register(Person, unit_of=lambda person: person.unit, fetch="unit")
        audit.audit_register(User, unit_of=lambda user: user.unit, fetch="unit")
        audit.connect()
        user_logged_in.connect(
            SlidingSessionMiddleware.stamp_login, dispatch_uid="accounts_session_stamp"
        )
