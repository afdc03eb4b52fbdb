import datetime as dt
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from plans.models import Phase, Plan, Task
from units.models import AudienceGroup, Person, Unit


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files outside the web root; the location is read at use, so tests can move it."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_STORAGE_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view.")


def private_storage() -> PrivateStorage:
    return PrivateStorage()


class Channel(models.Model):
    """A form of communication (conference, loudspeaker, Zalo post...), per ward."""

    ward = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="+", verbose_name=_("phường, xã")
    )
    code = models.SlugField(_("mã"), max_length=40)
    name = models.CharField(_("tên hình thức"), max_length=120)
    is_digital = models.BooleanField(_("trên nền tảng số"), default=False)
    has_duration = models.BooleanField(_("ghi thời lượng"), default=False)
    has_reach = models.BooleanField(_("ghi lượt tiếp cận"), default=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("hình thức tuyên truyền")
        verbose_name_plural = _("hình thức tuyên truyền")
        ordering = ["ward", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["ward", "code"], name="channel_code_unique_in_ward")
        ]

    def __str__(self) -> str:
        return self.name


class Activity(models.Model):
    """One thing a unit did: a conference, a broadcast, a post."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="activities", verbose_name=_("đơn vị")
    )
    # The unit's ward, kept on the row so ward-wide lists and the check-in lookup are equalities.
    ward = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("tên hoạt động"), max_length=255)
    # The title folded (common.text.search_key), so "hop phu huynh" finds "Họp phụ huynh".
    search_key = models.CharField(max_length=255, default="", editable=False)
    starts_at = models.DateTimeField(_("thời gian"))
    # The local date of `starts_at`: coverage compares dates, and a date column needs no
    # time-zone arithmetic in SQL.
    held_on = models.DateField(editable=False, db_index=True)
    plan = models.ForeignKey(
        Plan,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("kế hoạch"),
    )
    tasks = models.ManyToManyField(
        Task, blank=True, related_name="activities", verbose_name=_("nhiệm vụ thực hiện")
    )
    channel = models.ForeignKey(
        Channel, on_delete=models.PROTECT, related_name="activities", verbose_name=_("hình thức")
    )
    is_briefing = models.BooleanField(
        _("phổ biến, quán triệt nghị quyết"),
        default=False,
        help_text=_("Người dự hoạt động này được tính là đã được phổ biến, quán triệt."),
    )
    audience_groups = models.ManyToManyField(
        AudienceGroup,
        through="ActivityAudience",
        blank=True,
        related_name="activities",
        verbose_name=_("nhóm đối tượng"),
    )
    location = models.CharField(_("địa điểm"), max_length=255, blank=True)
    reach = models.PositiveIntegerField(_("lượt nghe, lượt xem"), null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(_("thời lượng (phút)"), null=True, blank=True)
    link = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    checkin_token = models.CharField(max_length=40, unique=True, null=True, blank=True)
    checkin_opens_at = models.DateTimeField(_("mở điểm danh từ"), null=True, blank=True)
    checkin_closes_at = models.DateTimeField(_("đóng điểm danh lúc"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("hoạt động")
        verbose_name_plural = _("hoạt động")
        ordering = ["-starts_at", "-id"]
        indexes = [
            # Covering too: with statistics, SQLite's planner may read a city's activities
            # by skipping through this index unit by unit, which must then need no table row.
            models.Index(
                fields=[
                    "unit",
                    "starts_at",
                    "plan",
                    "channel",
                    "held_on",
                    "reach",
                    "duration_minutes",
                    "ward",
                ],
                name="activity_unit_figures",
            ),  # fmt: skip
            # Covers the figures' grouped count of a ward's (or a city's) activities over a
            # period, so it reads no table row; and serves ward lists by time as its prefix.
            models.Index(
                fields=[
                    "ward",
                    "starts_at",
                    "plan",
                    "unit",
                    "channel",
                    "held_on",
                    "reach",
                    "duration_minutes",
                ],
                name="activity_ward_figures",
            ),  # fmt: skip
            # A channel's activities over a period: the people-trained figure reads the
            # training channel's few activities by it.
            models.Index(fields=["channel", "starts_at"], name="activity_channel_time"),
            models.Index(fields=["plan", "is_briefing"], name="activity_plan_briefing"),
        ]

    def __str__(self) -> str:
        return self.title

    def checkin_is_open(self, at: dt.datetime) -> bool:
        return bool(
            self.checkin_token
            and self.checkin_opens_at
            and self.checkin_closes_at
            and self.checkin_opens_at <= at <= self.checkin_closes_at
        )


class ActivityAudience(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="audiences")
    audience_group = models.ForeignKey(
        AudienceGroup, on_delete=models.PROTECT, verbose_name=_("nhóm đối tượng")
    )
    participants = models.PositiveIntegerField(_("số người tham dự"), default=0)

    class Meta:
        verbose_name = _("nhóm tham dự")
        verbose_name_plural = _("nhóm tham dự")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "audience_group"], name="activity_audience_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.audience_group}: {self.participants}"


class Evidence(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(storage=private_storage, upload_to="evidence/", max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    kind = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class AttendanceSource(models.TextChoices):
    TICK = "tick", _("Chọn từ danh sách")
    SHEET = "sheet", _("Danh sách ký tên")
    QR = "qr", _("Tự điểm danh bằng mã QR")


class Attendance(models.Model):
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendance")
    source = models.CharField(max_length=10, choices=AttendanceSource.choices)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("điểm danh")
        verbose_name_plural = _("điểm danh")
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="attendance_once")
        ]
        indexes = [models.Index(fields=["person", "activity"], name="attendance_person")]

    def __str__(self) -> str:
        return f"{self.person_id} @ {self.activity_id}"


def _person_copy(model, **options):
    # A copy of the person's own column: no constraint or index of its own (the covering
    # index below serves the counts), and no cascade to collect, the person's row decides.
    return models.ForeignKey(
        model, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, **options
    )


class PersonBriefing(models.Model):
    """When a person was first briefed on a plan: the plan-wide row has no phase, and one more
    row per phase the briefing date falls in. Derived from attendance and kept current by
    activities.services in the same transaction; `rebuild_coverage` recomputes it.

    The row also carries a copy of the person's ward, unit, audience group and active range,
    so coverage counts the briefed from this compact table alone, without a probe into the
    people table per person. The copy follows the person through a database trigger on the
    people table (activities.triggers): every write path, bulk roster imports included, keeps
    it current in the same transaction."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="briefings")
    # No index of their own for plan and phase: `briefing_counts` starts with them, and a
    # phase-only index tempts SQLite's planner into reading every plan-wide row by it.
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+", db_index=False)
    phase = models.ForeignKey(
        Phase, on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    first_briefed_on = models.DateField()
    first_activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    ward = _person_copy(Unit, related_name="+")
    unit = _person_copy(Unit, related_name="+")
    audience_group = _person_copy(AudienceGroup, related_name="+")
    active_from = models.DateField(null=True)
    active_to = models.DateField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "plan", "phase"],
                condition=Q(phase__isnull=False),
                name="briefing_once_per_phase",
            ),
            models.UniqueConstraint(
                fields=["person", "plan"],
                condition=Q(phase__isnull=True),
                name="briefing_once_per_plan",
            ),
        ]
        # The person-first index serves the upkeep and the not-yet-briefed list, which joins
        # people to their rows.
        indexes = [
            models.Index(fields=["person", "plan", "phase"], name="briefing_person_plan"),
            # Covers the briefed count: a plan's rows, read from the index alone and already
            # in the order the count groups them (ward, group, unit).
            models.Index(
                fields=[
                    "plan",
                    "phase",
                    "ward",
                    "audience_group",
                    "unit",
                    "first_briefed_on",
                    "active_from",
                    "active_to",
                ],
                name="briefing_counts",
            ),  # fmt: skip
        ]

    def __str__(self) -> str:
        return f"{self.person_id} / {self.plan_id}: {self.first_briefed_on}"


class CoveragePerson(models.Model):
    """A person as coverage counts them: ward, unit, audience group and active range, one
    compact row per person. The roster figures read this table (by its covering index, in
    ward order) instead of the wide people table; the trigger of activities.triggers writes,
    changes and deletes it with the person, whatever path wrote the person."""

    person = models.OneToOneField(
        Person,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    ward = _person_copy(Unit, related_name="+")
    unit = _person_copy(Unit, related_name="+")
    audience_group = _person_copy(AudienceGroup, related_name="+")
    active_from = models.DateField(null=True)
    active_to = models.DateField(null=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["ward", "audience_group", "unit", "active_from", "active_to"],
                name="coverage_person_counts",
            )
        ]

    def __str__(self) -> str:
        return str(self.person_id)


class CheckinStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xác nhận")
    ACCEPTED = "accepted", _("Đã xác nhận")
    REJECTED = "rejected", _("Không chấp nhận")


class CheckinRequest(models.Model):
    """A QR check-in that matched nobody (or several people): waits for the unit to decide."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="checkins")
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    full_name = models.CharField(_("họ và tên"), max_length=255, blank=True)
    unit_name = models.CharField(_("đơn vị"), max_length=255, blank=True)
    # Phone or name+unit as a key: the same person submitting twice waits in the queue once.
    match_key = models.CharField(max_length=300)
    status = models.CharField(
        max_length=10, choices=CheckinStatus.choices, default=CheckinStatus.PENDING
    )
    person = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "match_key"], name="checkin_request_once")
        ]

    def __str__(self) -> str:
        return self.phone or self.full_name


class CheckinAttempt(models.Model):
    """Every submission of the public check-in form, counted for rate limits.

    A table rather than the cache so every worker process sees the same counts."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    device = models.CharField(max_length=64)
    address = models.CharField(max_length=64)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["activity", "device", "created_at"], name="attempt_device"),
            models.Index(fields=["activity", "address", "created_at"], name="attempt_address"),
            models.Index(fields=["activity", "created_at"], name="attempt_activity"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.created_at:%Y-%m-%d %H:%M}"


class SheetImport(models.Model):
    """A sign-in sheet read and matched, waiting for the user to settle doubtful rows."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=255)
    rows = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.file_name
