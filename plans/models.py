from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from units.models import AudienceGroup, Unit, UnitKind


class Plan(models.Model):
    """A KẾ HOẠCH as issued: its header, bases, structure and the original text, kept."""

    ward = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="plans", verbose_name=_("phường, xã")
    )
    doc_type = models.CharField(_("loại văn bản"), max_length=40, default="KẾ HOẠCH")
    number = models.CharField(_("số, ký hiệu"), max_length=80, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    parent_issuer = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    place = models.CharField(_("địa danh"), max_length=120, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    title = models.TextField(_("trích yếu"))
    resolution = models.CharField(_("nghị quyết thực hiện"), max_length=120, blank=True)
    purposes = models.TextField(_("mục đích"), blank=True)
    requirements = models.TextField(_("yêu cầu"), blank=True)
    sections = models.JSONField(_("cấu trúc văn bản"), default=list, blank=True)
    funding = models.JSONField(_("nguồn kinh phí"), default=list, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    signature_authority = models.JSONField(_("thẩm quyền ký"), default=list, blank=True)
    signature_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    signature_name = models.CharField(_("người ký"), max_length=120, blank=True)
    source_file = models.FileField(_("tệp gốc"), upload_to="plans/", blank=True)
    source_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    source_text = models.TextField(_("văn bản gốc"), blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    warnings = models.JSONField(_("cảnh báo khi nhập"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-issued_on", "-id"]
        constraints = [
            # The same file imported twice is the same plan.
            models.UniqueConstraint(
                fields=["ward", "source_sha256"],
                condition=~models.Q(source_sha256=""),
                name="plan_source_once_per_ward",
            )
        ]

    def __str__(self) -> str:
        return self.title


class LegalBasis(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="legal_bases")
    order = models.PositiveSmallIntegerField(default=0)
    number = models.CharField(_("số, ký hiệu"), max_length=80, blank=True)
    issued_on = models.DateField(_("ngày"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    text = models.TextField(_("nội dung"))

    class Meta:
        verbose_name = _("căn cứ")
        verbose_name_plural = _("căn cứ")
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.number or self.text[:60]


class Phase(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="phases")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("giai đoạn"), max_length=120)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))

    class Meta:
        verbose_name = _("giai đoạn")
        verbose_name_plural = _("giai đoạn")
        ordering = ["plan", "start_year", "order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="phase_years_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name


class IndicatorKind(models.TextChoices):
    """How a target is measured; the indicators app computes each kind."""

    BRIEFING_COVERAGE = (
        "briefing_coverage",
        _("Tỉ lệ được phổ biến, quán triệt (theo nhóm đối tượng)"),
    )
    COLUMN_POSTS = "column_posts", _("Số tin, bài trên chuyên mục tuyên truyền mỗi kỳ")
    PEOPLE_TRAINED = "people_trained", _("Số người được tập huấn, bồi dưỡng")
    CHANNEL_ACTIVITIES = "channel_activities", _("Số hoạt động theo hình thức")
    NOT_MEASURED = "not_measured", _("Không đo tự động")


class Target(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    phase = models.ForeignKey(
        Phase, on_delete=models.SET_NULL, null=True, blank=True, related_name="targets"
    )
    order = models.PositiveSmallIntegerField(default=0)
    value = models.DecimalField(
        _("chỉ tiêu"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    unit = models.CharField(_("đơn vị tính"), max_length=40, blank=True)
    text = models.TextField(_("nội dung chỉ tiêu"))
    audience_groups = models.ManyToManyField(
        AudienceGroup, blank=True, related_name="targets", verbose_name=_("nhóm đối tượng")
    )
    indicator_kind = models.CharField(
        _("cách đo"),
        max_length=32,
        choices=IndicatorKind.choices,
        default=IndicatorKind.NOT_MEASURED,
    )
    channel = models.CharField(
        _("hình thức"), max_length=60, blank=True, help_text=_("Chỉ dùng khi đo theo hình thức.")
    )

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["plan", "order", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class Task(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveSmallIntegerField(default=0)
    number = models.CharField(_("số thứ tự"), max_length=20, blank=True)
    title = models.TextField(_("nhiệm vụ"))
    items = models.JSONField(_("nội dung cụ thể"), default=list, blank=True)
    channels = models.JSONField(_("hình thức nêu trong kế hoạch"), default=list, blank=True)
    timing = models.CharField(_("thời gian"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order", "id"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("Chủ trì")
    COOPERATE = "cooperate", _("Phối hợp")


class TaskAssignment(models.Model):
    """Who carries a task: a named unit, or every unit of a kind (`cơ sở giáo dục` → schools)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    role = models.CharField(_("vai trò"), max_length=12, choices=AssignmentRole.choices)
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, null=True, blank=True, related_name="task_assignments"
    )
    unit_kind = models.CharField(
        _("loại đơn vị"), max_length=32, choices=UnitKind.choices, blank=True
    )
    label = models.CharField(_("ghi trong kế hoạch"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unit__isnull=False) | ~models.Q(unit_kind=""),
                name="assignment_names_unit_or_kind",
            )
        ]

    def __str__(self) -> str:
        return self.label or str(self.unit or self.get_unit_kind_display())


class Responsibility(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="responsibilities")
    order = models.PositiveSmallIntegerField(default=0)
    number = models.CharField(_("số thứ tự"), max_length=20, blank=True)
    unit_label = models.CharField(_("đơn vị (như ghi trong kế hoạch)"), max_length=255)
    unit_kind = models.CharField(
        _("loại đơn vị"), max_length=32, choices=UnitKind.choices, blank=True
    )
    units = models.ManyToManyField(Unit, blank=True, related_name="responsibilities")
    duties = models.TextField(_("nhiệm vụ"), blank=True)

    class Meta:
        verbose_name = _("trách nhiệm tổ chức thực hiện")
        verbose_name_plural = _("trách nhiệm tổ chức thực hiện")
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.unit_label


class PlanDraft(models.Model):
    """An uploaded plan as recognised, waiting for review; what the reviewer types is kept
    here on every submit, so nothing typed is lost before the plan is saved."""

    token = models.UUIDField(unique=True, editable=False)
    ward = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    source_file = models.FileField(_("tệp gốc"), upload_to="plans/drafts/")
    source_name = models.CharField(_("tên tệp gốc"), max_length=255)
    source_sha256 = models.CharField(max_length=64)
    source_text = models.TextField(_("văn bản gốc"), blank=True)
    parsed = models.JSONField(_("nội dung nhận diện"), default=dict)
    review = models.JSONField(_("nội dung đang soát"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bản nháp kế hoạch")
        verbose_name_plural = _("bản nháp kế hoạch")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.source_name
