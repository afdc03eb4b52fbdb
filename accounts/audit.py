"""Which unit each audited record belongs to, so its log is read with the unit's scope.

auditlog records every change of a registered model. Apps tell this registry how to find the
unit of their records (`audit_register(Model, unit_of=...)` in their AppConfig.ready); a model
that is not registered is looked up through a `unit` or `ward` attribute. Each log entry then
gets an AuditScope row holding the unit's tree path, written when the entry is written.
"""

from collections.abc import Callable

from auditlog.models import LogEntry
from auditlog.signals import post_log
from django.db.models import Model, prefetch_related_objects
from django.db.models.signals import post_save

from accounts.models import AuditScope
from common.audit import on_bulk_log
from common.bulk import insert_rows
from units.models import Unit

UnitOf = Callable[[Model], Unit | None]

_UNIT_OF: dict[type[Model], UnitOf] = {}
_FETCH: dict[type[Model], str] = {}


def audit_register(model: type[Model], *, unit_of: UnitOf, fetch: str | None = None) -> None:
    """`fetch` names the relation `unit_of` follows; bulk entries fetch it for the batch."""
    _UNIT_OF[model] = unit_of
    if fetch:
        _FETCH[model] = fetch


# Records that hold no unit belong to the unit of the record they are part of (a task to its
# plan's ward, an attendance to its activity's unit), so their entries are read in that scope.
_PARENTS = ("activity", "plan", "task", "report", "schedule")


def _default_unit_of(instance: Model) -> Unit | None:
    for attribute in ("unit", "ward"):
        unit = getattr(instance, attribute, None)
        if isinstance(unit, Unit):
            return unit
    for attribute in _PARENTS:
        parent = getattr(instance, attribute, None)
        if parent is not None:
            return _default_unit_of(parent)
    return None


def unit_path_of(instance: Model) -> str:
    unit = _UNIT_OF.get(type(instance), _default_unit_of)(instance)
    return unit.path if unit is not None else ""


def _scope_from_instance(sender, instance, log_entry=None, **kwargs) -> None:
    if log_entry is not None:
        AuditScope.objects.update_or_create(
            log_entry=log_entry, defaults={"unit_path": unit_path_of(instance)}
        )


def _scope_from_database(sender, instance: LogEntry, created: bool, raw: bool, **kwargs) -> None:
    """Entries written by hand (LogEntry.objects.log_create, e.g. after a bulk insert) carry no
    instance; find the record, or the path its earlier entries had."""
    if not created or raw:
        return
    model = instance.content_type.model_class()
    record = model._default_manager.filter(pk=instance.object_pk).first() if model else None
    if record is not None:
        path = unit_path_of(record)
    else:
        earlier = AuditScope.objects.filter(
            log_entry__content_type_id=instance.content_type_id,
            log_entry__object_pk=instance.object_pk,
        ).exclude(log_entry=instance)
        path = earlier.values_list("unit_path", flat=True).order_by("-log_entry__pk").first() or ""
    AuditScope.objects.get_or_create(log_entry=instance, defaults={"unit_path": path})


def _scopes_for_bulk(pairs) -> None:
    instances = [instance for _entry_id, instance in pairs]
    if instances and (relation := _FETCH.get(type(instances[0]))):
        # One query for the batch, none for records that hold their unit already, instead
        # of one per record (100,000 for a roster update).
        prefetch_related_objects(instances, relation)
    insert_rows(
        AuditScope,
        ("log_entry", "unit_path"),
        ((entry_id, unit_path_of(instance)) for entry_id, instance in pairs),
    )


def connect() -> None:
    on_bulk_log(_scopes_for_bulk)
    post_save.connect(_scope_from_database, sender=LogEntry, dispatch_uid="accounts_audit_db")
    post_log.connect(_scope_from_instance, dispatch_uid="accounts_audit_instance")
