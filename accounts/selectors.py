"""Reads for account pages: the audit log of a unit or a record, in Vietnamese labels."""

import re
from dataclasses import dataclass

from auditlog.models import LogEntry
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Role, User
from accounts.scoping import manageable_users, scope_queryset, visible_units
from units.models import WARD_UNIT_KINDS, Person, Unit

ACTION_LABELS = {
    LogEntry.Action.CREATE: gettext_lazy("Tạo mới"),
    LogEntry.Action.UPDATE: gettext_lazy("Sửa"),
    LogEntry.Action.DELETE: gettext_lazy("Xóa"),
    LogEntry.Action.ACCESS: gettext_lazy("Xem"),
}
_EMPTY_VALUES = {"None", ""}
# auditlog writes an empty related list as its manager's repr ("reports.Difficulty.None").
_EMPTY_RELATION = re.compile(r"^\w+\.\w+\.None$")
FIGURES_CHANGED = gettext_lazy("(số liệu đã cập nhật)")


def _readable(value: object) -> str:
    text = str(value)
    if text in _EMPTY_VALUES or _EMPTY_RELATION.match(text):
        return ""
    return text


@dataclass(frozen=True)
class AuditChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditRow:
    timestamp: object
    actor: str
    action: str
    kind: str
    record: str
    record_url: str
    changes: list[AuditChange]


def audit_log_for_unit(*, unit: Unit) -> QuerySet[LogEntry]:
    """Every change to the unit, its subtree, and the records that belong to them."""
    return _entries().filter(scope__unit_path__startswith=unit.path)


def audit_log_for_record(*, content_type: ContentType, object_pk: str) -> QuerySet[LogEntry]:
    return _entries().filter(content_type=content_type, object_pk=object_pk)


def audit_record_unit_path(*, content_type: ContentType, object_pk: str) -> str | None:
    """The unit path of the record's latest entry; None when the record has no log."""
    entry = audit_log_for_record(content_type=content_type, object_pk=object_pk).first()
    if entry is None:
        return None
    return getattr(getattr(entry, "scope", None), "unit_path", "")


def _entries() -> QuerySet[LogEntry]:
    return LogEntry.objects.select_related("actor", "content_type", "scope").order_by(
        "-timestamp", "-pk"
    )


def audit_rows(entries) -> list[AuditRow]:
    return [_row(entry) for entry in entries]


def _row(entry: LogEntry) -> AuditRow:
    model = entry.content_type.model_class()
    kind = str(model._meta.verbose_name) if model else entry.content_type.model
    return AuditRow(
        timestamp=entry.timestamp,
        actor=entry.actor.display_name if entry.actor else _("Hệ thống"),
        action=str(ACTION_LABELS.get(entry.action, entry.action)),
        kind=kind[:1].upper() + kind[1:],
        record=entry.object_repr,
        record_url=reverse(
            "accounts:audit_record",
            kwargs={"content_type_id": entry.content_type_id, "object_pk": entry.object_pk},
        ),
        changes=_changes(entry, model),
    )


def _changes(entry: LogEntry, model) -> list[AuditChange]:
    """Only fields a person edits: derived keys, paths and timestamps are noise here."""
    hidden = set()
    # Stored figures are JSON a clerk cannot read; the report page shows them.
    figures = set()
    if model is not None:
        hidden = {
            str(field.verbose_name)
            for field in model._meta.concrete_fields
            if not field.editable or getattr(field, "auto_now", False)
        }
        figures = {
            str(field.verbose_name)
            for field in model._meta.concrete_fields
            if field.get_internal_type() == "JSONField"
        }
    changes = []
    for label, values in entry.changes_display_dict.items():
        if str(label) in hidden:
            continue
        before, after = (_readable(value) for value in (list(values) + ["", ""])[:2])
        if str(label) in figures:
            before, after = "", str(FIGURES_CHANGED)
        changes.append(
            AuditChange(field=str(label)[:1].upper() + str(label)[1:], before=before, after=after)
        )
    return changes


def users_for_manager(*, user: User) -> QuerySet[User]:
    return manageable_users(user).select_related("unit").order_by("unit__path", "username")


def locked_usernames(*, users: QuerySet[User]) -> set[str]:
    """Accounts django-axes refuses now: the failure limit reached within the cool-off time."""
    since = timezone.now() - get_cool_off()
    return set(
        AccessAttempt.objects.filter(
            username__in=users.values("username"),
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
            attempt_time__gte=since,
        ).values_list("username", flat=True)
    )


def audit_log_all() -> QuerySet[LogEntry]:
    return _entries()


def people_count(*, user: User) -> int:
    return scope_queryset(user, Person.objects.all()).count()


def units_without_focal_point(*, user: User) -> QuerySet[Unit]:
    """Units of the user's reach (below ward level) with no active focal-point account."""
    staffed = User.objects.filter(role=Role.FOCAL_POINT, is_active=True).values("unit_id")
    return (
        visible_units(user).filter(kind__in=WARD_UNIT_KINDS, is_active=True).exclude(pk__in=staffed)
    )


def records_in_scope(*, user: User, model_label: str, unit_field: str) -> int | None:
    """How many rows of another app's model the user reaches, looked up by label so that
    pages below those apps need not import them; None while that app has no such model."""
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    return scope_queryset(user, model._default_manager.all(), unit_field).count()
