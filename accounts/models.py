from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    COORDINATOR = "coordinator", _("Cán bộ đầu mối (Phòng Văn hóa – Xã hội)")
    LEADER = "leader", _("Lãnh đạo phường")
    FOCAL_POINT = "focal_point", _("Đầu mối đơn vị")
    CITY_VIEWER = "city_viewer", _("Cán bộ cấp thành phố")


class User(AbstractUser):
    """A person who logs in. `unit` is the root of what the role reaches:

    the ward for a coordinator or leader, the unit for a focal point, the province for a city
    viewer; an admin needs none.
    """

    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị phụ trách"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    full_name = models.CharField(_("họ và tên"), max_length=255, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    must_change_password = models.BooleanField(_("phải đổi mật khẩu"), default=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="admin")
                | models.Q(is_superuser=True)
                | models.Q(unit__isnull=False),
                name="user_role_needs_unit",
            )
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.username


class AuditScope(models.Model):
    """Where in the unit tree a log entry's record lay when it was written.

    Kept beside auditlog's own table so the log of a unit's subtree is one indexed prefix
    scan, and a deleted record's history stays visible to the people who saw the record.
    An empty path means no unit (an admin account): only admins read it.
    """

    log_entry = models.OneToOneField(
        "auditlog.LogEntry", on_delete=models.CASCADE, primary_key=True, related_name="scope"
    )
    unit_path = models.CharField(max_length=255, db_index=True, blank=True)

    class Meta:
        verbose_name = _("phạm vi nhật ký")
        verbose_name_plural = _("phạm vi nhật ký")

    def __str__(self) -> str:
        return self.unit_path
