"""Audit entries for bulk writes.

`bulk_create`/`bulk_update` send no signals, so django-auditlog records nothing for them; an
import of 100,000 people must still leave who changed what. This writes auditlog's own entries
in bulk and tells listeners (the audit scope kept by accounts) about them in one call.

Rows go in through `executemany` with each value prepared by its model field: building
100,000 LogEntry objects through the ORM cost more than reading the spreadsheet. The batch is
found again by a correlation id (auditlog's `cid`) unique to the call.

The actor is passed in by the caller: auditlog's own context variable outlives its
`set_actor` block, so reading it here could name a user of an earlier request.
"""

import uuid
from collections.abc import Callable, Iterable, Sequence

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils import timezone

from common.bulk import insert_rows

# listener(pairs): (log entry id, the instance it records) for every entry of the batch.
Listener = Callable[[Sequence[tuple[int, Model]]], None]
_listeners: list[Listener] = []
_COLUMNS = (
    "content_type",
    "object_pk",
    "object_id",
    "object_repr",
    "action",
    "changes_text",
    "changes",
    "actor",
    "actor_email",
    "cid",
    "timestamp",
)


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
) -> int:
    """One LogEntry per instance; `changes` gives, in the same order, {field: (before, after)};
    `actor` is the user who made the change (None for the command line). Returns the count."""
    if not instances:
        return 0
    content_type_id = ContentType.objects.get_for_model(type(instances[0])).pk
    actor_id = getattr(actor, "pk", None)
    actor_email = (getattr(actor, "email", "") or None) if actor_id else None
    cid = uuid.uuid4().hex
    now = timezone.now()
    rows = (
        (
            content_type_id,
            str(instance.pk),
            instance.pk,
            str(instance)[:1000],
            action,
            "",
            {name: [_text(old), _text(new)] for name, (old, new) in change.items()},
            actor_id,
            actor_email,
            cid,
            now,
        )
        for instance, change in zip(instances, changes, strict=True)
    )
    insert_rows(LogEntry, _COLUMNS, rows)
    if _listeners:
        ids = dict(LogEntry.objects.filter(cid=cid).values_list("object_pk", "pk"))
        pairs = [(ids[str(instance.pk)], instance) for instance in instances]
        for listener in _listeners:
            listener(pairs)
    return len(instances)
