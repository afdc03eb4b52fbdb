from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Báo cáo")

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from reports import indicators, models

        indicators.register()

        # Who accepted, returned or reopened a report, and why, must survive any later edit.
        for model in (
            models.ReportSchedule,
            models.UnitReport,
            models.UnitReportVersion,
            models.UnitReportAttachment,
            models.Difficulty,
            models.WardReport,
            models.WardSettings,
        ):
            auditlog.register(model)
