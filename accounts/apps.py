from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Tài khoản và phân quyền"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from accounts.models import User

        auditlog.register(User, exclude_fields=["password", "last_login"])
