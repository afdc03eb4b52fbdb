"""Every model users write is in the change log (the README promises every create, change and
delete); a new model must be registered or named here with the reason it is not."""

from auditlog.registry import auditlog
from django.apps import apps

PROJECT_APPS = {"accounts", "units", "plans", "activities", "indicators", "reports", "dashboard"}

NOT_AUDITED = {
    # The change log's own index of entries by unit.
    "accounts.AuditScope",
    # Derived from attendance and the roster by triggers and rebuild_coverage, never by a user.
    "activities.PersonBriefing",
    "activities.CoveragePerson",
    # Rate-limit counter of the public check-in form.
    "activities.CheckinAttempt",
    # A sign-in sheet being matched; what it saves is logged as attendance.
    "activities.SheetImport",
    # Derived from the schedule's units when the schedule is saved.
    "reports.ScheduleObligation",
}


def test_every_user_written_model_is_in_the_change_log():
    missing = sorted(
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        and model._meta.label not in NOT_AUDITED
        and not auditlog.contains(model)
    )
    assert missing == []


def test_a_record_without_a_unit_is_scoped_through_its_parent():
    from accounts.audit import unit_path_of
    from units.models import Unit

    class Parent:
        def __init__(self, unit):
            self.ward = unit

    class Child:
        def __init__(self, parent):
            self.plan = parent

    ward = Unit(path="0001")
    assert unit_path_of(Child(Parent(ward))) == "0001"
