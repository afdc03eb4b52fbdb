"""Audit entries for bulk writes.

`bulk_create`/`bulk_update` send no signals, so django-auditlog records nothing for them; an
import of 100,000 people must still leave who changed what. This writes auditlog's own entries
in bulk, with the actor of the surrounding `set_actor` (the request's user, or a command's),
and tells listeners (the audit scope kept by accounts) about the new entries in one call.

The actor is passed in by the caller: auditlog's own context variable outlives its
`set_actor` block, so reading it here could name a user of an earlier request.
"""

from collections.abc import Callable, Iterable, Sequence

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

Listener = Callable[[Sequence[LogEntry], Sequence[Model]], None]
_listeners: list[Listener] = []


def on_bulk_log(listener: Listener) -> None:
    if listener not in _listeners:
        _listeners.append(listener)


def _text(value: object) -> str:
    return "None" if value is None else str(value)


def audit_bulk(
    *,
    instances: Sequence[Model],
    action: int,
    changes: Iterable[dict[str, tuple[object, object]]],
    actor=None,
    batch_size: int = 1000,
) -> list[LogEntry]:
    """One LogEntry per instance; `changes` gives, in the same order, {field: (before, after)};
    `actor` is the user who made the change (None for the command line)."""
    if not instances:
        return []
    content_type = ContentType.objects.get_for_model(type(instances[0]))
    entries = [
        LogEntry(
            content_type=content_type,
            object_pk=str(instance.pk),
            object_id=instance.pk,
            object_repr=str(instance)[:1000],
            action=action,
            changes={name: [_text(old), _text(new)] for name, (old, new) in change.items()},
            actor=actor if getattr(actor, "pk", None) else None,
            actor_email=getattr(actor, "email", None) or None,
        )
        for instance, change in zip(instances, changes, strict=True)
    ]
    LogEntry.objects.bulk_create(entries, batch_size=batch_size)
    for listener in _listeners:
        listener(entries, instances)
    return entries
