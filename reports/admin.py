"""The admin is one more write path: it reads freely, but writes to a unit report go through
the services' lock, and an accepted report is read-only here."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from reports import models
from reports.services import unit_report_ensure_editable


class ObligationInline(admin.TabularInline):
    model = models.ScheduleObligation
    extra = 0


@admin.register(models.ReportSchedule)
class ReportScheduleAdmin(admin.ModelAdmin):
    list_display = ["name", "plan", "kind", "working_days", "is_active"]
    list_filter = ["kind", "is_active"]
    inlines = [ObligationInline]


class VersionInline(admin.TabularInline):
    model = models.UnitReportVersion
    extra = 0
    can_delete = False
    readonly_fields = ["number", "action", "status", "comment", "actor", "created_at", "content"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(models.UnitReport)
class UnitReportAdmin(admin.ModelAdmin):
    list_display = ["unit", "schedule", "period_code", "status", "due_on", "submitted_at"]
    list_filter = ["status", "period_code"]
    search_fields = ["unit__search_key"]
    inlines = [VersionInline]
    readonly_fields = [
        "schedule",
        "period_code",
        "unit",
        "ward",
        "window_start",
        "window_end",
        "due_on",
        "status",
        "figures",
        "review_comment",
        "first_submitted_at",
        "submitted_at",
        "accepted_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False  # reports are opened from a schedule, for the units that owe them

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_locked:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        if obj is not None and obj.is_locked:
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change) -> None:
        try:
            unit_report_ensure_editable(report=models.UnitReport.objects.get(pk=obj.pk))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return
        super().save_model(request, obj, form, change)


@admin.register(models.Difficulty)
class DifficultyAdmin(admin.ModelAdmin):
    list_display = ["text", "unit", "status", "raised_at"]
    list_filter = ["status"]


@admin.register(models.WardSettings)
class WardSettingsAdmin(admin.ModelAdmin):
    list_display = ["ward", "place_name", "symbol_suffix"]


@admin.register(models.WardReport)
class WardReportAdmin(admin.ModelAdmin):
    list_display = ["number_text", "subject", "issued_on", "ward"]
