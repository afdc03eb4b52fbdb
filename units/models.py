from functools import lru_cache

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.text import clean_text, person_sort_key, search_key, vi_sort_key


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh, thành phố")
    WARD = "ward", _("Phường, xã")
    PEOPLES_COMMITTEE = "peoples_committee", _("Ủy ban nhân dân")
    CULTURE_OFFICE = "culture_office", _("Phòng Văn hóa – Xã hội")
    SCHOOL = "school", _("Cơ sở giáo dục")
    MASS_ORGANISATION = "mass_organisation", _("Ban ngành, đoàn thể")
    RESIDENTIAL_GROUP = "residential_group", _("Tổ dân phố")
    OTHER_AGENCY = "other_agency", _("Cơ quan, đơn vị khác")


# Kinds that sit under a ward; provinces and wards are administrative levels, not units.
WARD_UNIT_KINDS = [k for k in UnitKind.values if k not in (UnitKind.PROVINCE, UnitKind.WARD)]


class SchoolLevel(models.TextChoices):
    PRESCHOOL = "preschool", _("Mầm non")
    PRIMARY = "primary", _("Tiểu học")
    LOWER_SECONDARY = "lower_secondary", _("Trung học cơ sở")
    UPPER_SECONDARY = "upper_secondary", _("Trung học phổ thông")
    MULTI_LEVEL = "multi_level", _("Liên cấp")
    CONTINUING = "continuing", _("Giáo dục thường xuyên")


class OrganisationType(models.TextChoices):
    FATHERLAND_FRONT = "fatherland_front", _("Mặt trận Tổ quốc")
    YOUTH_UNION = "youth_union", _("Đoàn Thanh niên")
    WOMENS_UNION = "womens_union", _("Hội Liên hiệp Phụ nữ")
    VETERANS = "veterans", _("Hội Cựu chiến binh")
    FARMERS = "farmers", _("Hội Nông dân")
    TRADE_UNION = "trade_union", _("Công đoàn")
    OTHER = "other", _("Tổ chức khác")


class Unit(models.Model):
    """A node of the tree province → ward → units.

    `path` is the chain of ids from the root (`/1/7/42/`), so a subtree is one indexed range
    scan; `ward` points at the ward a unit belongs to (a ward points at itself), so the common
    "everything in this ward" question is an equality.
    """

    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    kind = models.CharField(_("loại"), max_length=32, choices=UnitKind.choices)
    school_level = models.CharField(
        _("cấp học"), max_length=32, choices=SchoolLevel.choices, blank=True
    )
    organisation_type = models.CharField(
        _("loại tổ chức"), max_length=32, choices=OrganisationType.choices, blank=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    ward = models.ForeignKey(
        "self",
        verbose_name=_("phường, xã"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    search_key = models.CharField(max_length=255, editable=False, db_index=True)
    sort_key = models.CharField(max_length=512, editable=False)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="school") | Q(school_level=""), name="unit_level_only_for_school"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # Keys and the tree path are derived data; keeping them here means no write path
        # (service, admin, shell) can leave them stale.
        self.name = clean_text(self.name)
        self.search_key = search_key(self.name)[:255]
        self.sort_key = vi_sort_key(self.name)[:512]
        super().save(*args, **kwargs)
        self._sync_path()

    def subtree(self) -> models.QuerySet["Unit"]:
        """This unit and everything under it."""
        return Unit.objects.filter(path__startswith=self.path)

    @property
    def is_ward(self) -> bool:
        return self.kind == UnitKind.WARD

    @property
    def is_province(self) -> bool:
        return self.kind == UnitKind.PROVINCE

    def _sync_path(self) -> None:
        parent_path = self.parent.path if self.parent_id else "/"
        path = f"{parent_path}{self.pk}/"
        depth = path.count("/") - 2
        ward_id = self._ward_id_for()
        if (self.path, self.depth, self.ward_id) == (path, depth, ward_id):
            return
        old_path = self.path
        Unit.objects.filter(pk=self.pk).update(path=path, depth=depth, ward_id=ward_id)
        if old_path:
            self._move_descendants(old_path, path, depth - self.depth)
        self.path, self.depth, self.ward_id = path, depth, ward_id

    def _ward_id_for(self) -> int | None:
        if self.kind == UnitKind.WARD:
            return self.pk
        if self.kind == UnitKind.PROVINCE or not self.parent_id:
            return None
        return self.parent.ward_id

    def _move_descendants(self, old_path: str, new_path: str, depth_change: int) -> None:
        ward_id = self.ward_id if self.kind != UnitKind.WARD else self.pk
        for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
            child.path = new_path + child.path[len(old_path) :]
            child.depth += depth_change
            if child.kind != UnitKind.WARD:
                child.ward_id = ward_id
            Unit.objects.filter(pk=child.pk).update(
                path=child.path, depth=child.depth, ward_id=child.ward_id
            )


class AudienceGroup(models.Model):
    """A group a target is measured on (civil servants, teachers, students...), per ward."""

    ward = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="audience_groups", verbose_name=_("phường, xã")
    )
    code = models.SlugField(_("mã"), max_length=40)
    name = models.CharField(_("tên nhóm"), max_length=255)
    aliases = models.TextField(
        _("cách viết khác"),
        blank=True,
        help_text=_("Mỗi dòng một cách viết, ví dụ “CBCC”; dùng để nhận diện khi nhập Excel."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("nhóm đối tượng")
        verbose_name_plural = _("nhóm đối tượng")
        ordering = ["ward", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["ward", "code"], name="audience_code_unique_in_ward")
        ]

    def __str__(self) -> str:
        return self.name


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


@lru_cache(maxsize=65_536)
def _name_keys(full_name: str) -> tuple[str, str, str]:
    # Rosters repeat the same names many times; an import of 100,000 rows spends most of its
    # time here otherwise.
    name = clean_text(full_name)
    return name, search_key(name)[:255], person_sort_key(name)[:512]


class Person(models.Model):
    """One person on a ward's roster: the denominator of every coverage target."""

    # No index of their own on ward and unit: the composite indexes below start with them, and
    # every extra index is paid on each of the 100,000 rows of a roster import.
    ward = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("phường, xã"),
        db_index=False,
    )
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("đơn vị"),
        db_index=False,
    )
    audience_group = models.ForeignKey(
        AudienceGroup,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("nhóm đối tượng"),
    )
    full_name = models.CharField(_("họ và tên"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    active_from = models.DateField(_("từ ngày"), null=True, blank=True)
    active_to = models.DateField(_("đến ngày"), null=True, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    search_key = models.CharField(max_length=255, editable=False)
    sort_key = models.CharField(max_length=512, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("người")
        verbose_name_plural = _("danh sách người")
        ordering = ["sort_key", "id"]
        indexes = [
            # Phones and name keys are matched whole (imports, sign-in sheets): plain indexes,
            # without the LIKE-pattern twin PostgreSQL gets for db_index on a text column.
            models.Index(fields=["phone"], name="person_phone"),
            models.Index(fields=["search_key"], name="person_search_key"),
            models.Index(fields=["unit", "audience_group"], name="person_unit_group"),
            # Covers the people list (units.selectors.person_page): ward, Vietnamese order,
            # search and scope come from the index alone, so a search over 200,000 people
            # reads no table row until it shows one.
            models.Index(
                fields=["ward", "sort_key", "search_key", "unit"], name="person_ward_sort_search"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(active_to__isnull=True)
                | Q(active_from__isnull=True)
                | Q(active_to__gte=models.F("active_from")),
                name="person_active_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        self.refresh_keys()
        super().save(*args, **kwargs)

    def refresh_keys(self) -> None:
        """Called by save() and by bulk writers, which bypass save()."""
        self.full_name, self.search_key, self.sort_key = _name_keys(self.full_name)

    def is_active_on(self, day) -> bool:
        return (self.active_from is None or self.active_from <= day) and (
            self.active_to is None or day <= self.active_to
        )
