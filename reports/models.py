from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plans.models import Plan
from units.models import Unit, UnitKind

ATTACHMENT_KINDS = {"pdf", "docx", "xlsx", "jpg", "png"}
DEFAULT_WORKING_DAYS = 3


class ScheduleKind(models.TextChoices):
    MONTH = "month", _("Hằng tháng")
    QUARTER = "quarter", _("Hằng quý")
    HALF_YEAR = "half_year", _("6 tháng")
    NINE_MONTHS = "nine_months", _("9 tháng")
    YEAR = "year", _("Hằng năm")
    THEMATIC = "thematic", _("Chuyên đề")
    AD_HOC = "ad_hoc", _("Đột xuất")


PERIODIC_KINDS = {
    ScheduleKind.MONTH,
    ScheduleKind.QUARTER,
    ScheduleKind.HALF_YEAR,
    ScheduleKind.NINE_MONTHS,
    ScheduleKind.YEAR,
}


class ReportSchedule(models.Model):
    """Which report a plan asks for, how often, by when, and from whom."""

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="report_schedules", verbose_name=_("kế hoạch")
    )
    name = models.CharField(_("tên báo cáo"), max_length=255)
    kind = models.CharField(_("loại báo cáo"), max_length=16, choices=ScheduleKind.choices)
    working_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc sau ngày chốt số liệu"),
        default=DEFAULT_WORKING_DAYS,
        validators=[MinValueValidator(1)],
        help_text=_("Hạn gửi = ngày chốt số liệu + số ngày làm việc này (ít nhất 1)."),
    )
    starts_on = models.DateField(_("số liệu từ ngày"), null=True, blank=True)
    ends_on = models.DateField(_("số liệu đến ngày"), null=True, blank=True)
    due_on = models.DateField(_("hạn gửi"), null=True, blank=True)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lịch báo cáo")
        verbose_name_plural = _("lịch báo cáo")
        ordering = ["plan", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(working_days__gte=1), name="schedule_days_min_1"),
            models.CheckConstraint(
                condition=Q(kind__in=sorted(PERIODIC_KINDS))
                | (Q(starts_on__isnull=False) & Q(ends_on__isnull=False) & Q(due_on__isnull=False)),
                name="schedule_one_off_has_dates",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_periodic(self) -> bool:
        return self.kind in PERIODIC_KINDS


class ScheduleObligation(models.Model):
    """One row of "who owes this report": every unit of a kind, or a named unit."""

    schedule = models.ForeignKey(
        ReportSchedule, on_delete=models.CASCADE, related_name="obligations"
    )
    unit_kind = models.CharField(
        _("loại đơn vị"), max_length=32, choices=UnitKind.choices, blank=True
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="report_obligations",
        verbose_name=_("đơn vị"),
    )

    class Meta:
        verbose_name = _("đơn vị phải báo cáo")
        verbose_name_plural = _("đơn vị phải báo cáo")
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False) | ~Q(unit_kind=""),
                name="obligation_names_unit_or_kind",
            )
        ]

    def __str__(self) -> str:
        return str(self.unit or self.get_unit_kind_display())


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi, chờ duyệt")
    RETURNED = "returned", _("Bị trả lại để sửa")
    ACCEPTED = "accepted", _("Đã chấp nhận")


NARRATIVE_FIELDS = ["results", "strengths", "shortcomings", "next_tasks", "proposals"]


class UnitReport(models.Model):
    """A unit's report for one period of one schedule; accepted means locked."""

    schedule = models.ForeignKey(
        ReportSchedule, on_delete=models.PROTECT, related_name="unit_reports"
    )
    period_code = models.CharField(_("kỳ báo cáo"), max_length=10, blank=True)
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="reports", verbose_name=_("đơn vị")
    )
    ward = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    window_start = models.DateField(_("số liệu từ ngày"))
    window_end = models.DateField(_("số liệu đến ngày"))
    due_on = models.DateField(_("hạn gửi"))
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    results = models.TextField(_("kết quả thực hiện"), blank=True)
    strengths = models.TextField(_("ưu điểm"), blank=True)
    shortcomings = models.TextField(_("hạn chế, tồn tại và nguyên nhân"), blank=True)
    next_tasks = models.TextField(_("nhiệm vụ kỳ tới"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    figures = models.JSONField(_("số liệu"), default=dict, blank=True)
    review_comment = models.TextField(_("ý kiến của Phòng Văn hóa – Xã hội"), blank=True)
    first_submitted_at = models.DateTimeField(_("gửi lần đầu lúc"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("chấp nhận lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo của đơn vị")
        verbose_name_plural = _("báo cáo của đơn vị")
        ordering = ["-window_end", "unit__sort_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "period_code", "unit"], name="unit_report_once_per_period"
            )
        ]
        indexes = [models.Index(fields=["ward", "period_code", "status"], name="report_ward_p")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.period_code or self.schedule}"

    @property
    def is_locked(self) -> bool:
        return self.status == ReportStatus.ACCEPTED

    @property
    def is_editable_by_unit(self) -> bool:
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


class VersionAction(models.TextChoices):
    SUBMIT = "submit", _("Gửi")
    RETURN = "return", _("Trả lại")
    ACCEPT = "accept", _("Chấp nhận")
    REOPEN = "reopen", _("Mở lại")


class UnitReportVersion(models.Model):
    """What the report said at each step of its review; never changed afterwards."""

    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("lần"))
    action = models.CharField(_("thao tác"), max_length=10, choices=VersionAction.choices)
    status = models.CharField(_("trạng thái sau thao tác"), max_length=12, choices=ReportStatus)
    content = models.JSONField(_("nội dung"))
    comment = models.TextField(_("ý kiến, lý do"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiên bản báo cáo")
        verbose_name_plural = _("phiên bản báo cáo")
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.number}"


class UnitReportAttachment(models.Model):
    report = models.ForeignKey(UnitReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to="reports/%Y/")
    name = models.CharField(_("tên tệp"), max_length=255)
    kind = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm báo cáo")
        verbose_name_plural = _("tệp đính kèm báo cáo")
        ordering = ["report", "id"]

    def __str__(self) -> str:
        return self.name


class DifficultyStatus(models.TextChoices):
    OPEN = "open", _("Chưa trả lời")
    ANSWERED = "answered", _("Đã trả lời")
    RESOLVED = "resolved", _("Đã giải quyết")
    ESCALATED = "escalated", _("Đã báo cáo lãnh đạo phường")


class Difficulty(models.Model):
    """A khó khăn, vướng mắc a unit raises, in a report or on its own."""

    ward = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="difficulties", verbose_name=_("đơn vị")
    )
    report = models.ForeignKey(
        UnitReport,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="difficulties",
        verbose_name=_("trong báo cáo"),
    )
    text = models.TextField(_("nội dung khó khăn, vướng mắc"))
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=DifficultyStatus.choices,
        default=DifficultyStatus.OPEN,
    )
    answer = models.TextField(_("trả lời, hướng xử lý"), blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    raised_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("khó khăn, vướng mắc")
        verbose_name_plural = _("khó khăn, vướng mắc")
        ordering = ["-raised_at", "-id"]
        indexes = [models.Index(fields=["ward", "status"], name="difficulty_ward_status")]

    def __str__(self) -> str:
        return self.text[:80]


class WardSettings(models.Model):
    """How the ward's documents are headed and signed; one row per ward, edited by the
    coordinator."""

    ward = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="report_settings")
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    issuing_body = models.TextField(
        _("cơ quan ban hành"), help_text=_("Mỗi dòng một dòng, ví dụ “ỦY BAN NHÂN DÂN”.")
    )
    place_name = models.CharField(_("địa danh ghi ngày tháng"), max_length=120)
    symbol_suffix = models.CharField(
        _("ký hiệu cơ quan ban hành"), max_length=40, default="UBND", help_text=_("Ví dụ: UBND.")
    )
    archive_line = models.CharField(
        _("dòng lưu"), max_length=120, default="Lưu: VT, VHXH.", help_text=_("Dòng cuối nơi nhận.")
    )
    default_recipients = models.TextField(
        _("nơi nhận mặc định"), blank=True, help_text=_("Mỗi dòng một nơi nhận.")
    )
    signer_authority = models.TextField(
        _("thẩm quyền ký"),
        blank=True,
        help_text=_("Mỗi dòng một dòng, ví dụ “TM. ỦY BAN NHÂN DÂN”."),
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("thiết lập văn bản của phường")
        verbose_name_plural = _("thiết lập văn bản của phường")

    def __str__(self) -> str:
        return str(self.ward)


class WardReport(models.Model):
    """The ward's official BÁO CÁO for a period, compiled from accepted unit reports."""

    ward = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="ward_reports")
    schedule = models.ForeignKey(
        ReportSchedule, on_delete=models.PROTECT, related_name="ward_reports"
    )
    period_code = models.CharField(_("kỳ báo cáo"), max_length=10, blank=True)
    doc_symbol = models.CharField(_("loại văn bản (ký hiệu)"), max_length=8, default="BC")
    symbol_suffix = models.CharField(_("ký hiệu cơ quan ban hành"), max_length=40)
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số"), validators=[MinValueValidator(1)])
    issued_on = models.DateField(_("ngày ban hành"))
    place = models.CharField(_("địa danh"), max_length=120)
    subject = models.TextField(_("trích yếu"))
    narrative = models.TextField(_("nội dung báo cáo"), blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))
    signer_authority = models.TextField(_("thẩm quyền ký"), blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=120, blank=True)
    figures = models.JSONField(_("số liệu"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo của phường")
        verbose_name_plural = _("báo cáo của phường")
        ordering = ["-issued_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["ward", "doc_symbol", "year", "number"], name="ward_report_number_unique"
            )
        ]

    def __str__(self) -> str:
        return self.subject[:80]

    @property
    def number_text(self) -> str:
        """`12/BC-UBND`; numbers below 10 take a leading zero (Decree 30/2020)."""
        return f"{self.number:02d}/{self.doc_symbol}-{self.symbol_suffix}"
