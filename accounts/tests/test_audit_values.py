"""The change log shows values as a clerk reads them, not as Python stores them."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from accounts.selectors import audit_rows
from reports.models import UnitReport


@pytest.mark.django_db
def test_figures_and_empty_relations_are_not_shown_raw():
    entry = LogEntry(
        content_type=ContentType.objects.get_for_model(UnitReport),
        object_pk="1",
        object_repr="Báo cáo",
        action=LogEntry.Action.UPDATE,
        changes={"figures": ["{}", '{"coverage": [{"audience": "H\\u1ed9i vi\\u00ean"}]}']},
    )
    entry.changes_text = ""
    entry.pk = 1
    entry.content_type_id = entry.content_type.pk
    changes = audit_rows([entry])[0].changes
    shown = {(change.before, change.after) for change in changes}
    assert shown == {("", "(số liệu đã cập nhật)")}


def test_an_empty_related_list_reads_as_empty():
    from accounts.selectors import _readable

    assert _readable("reports.Difficulty.None") == ""
    assert _readable("Tổ dân phố 3") == "Tổ dân phố 3"
