from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from common.phones import InvalidPhone, normalize_phone
from common.text import clean_multiline, clean_text
from units.models import AudienceGroup, Gender, Unit, UnitKind

_DATE_INPUT = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"}, format="%d/%m/%Y")
_WARD_KINDS = [
    (value, label) for value, label in UnitKind.choices if value not in ("province", "ward")
]


class UnitForm(forms.Form):
    parent = forms.ModelChoiceField(label=_("Thuộc"), queryset=Unit.objects.none())
    name = forms.CharField(label=_("Tên đơn vị"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại đơn vị"), choices=_WARD_KINDS)
    school_level = forms.ChoiceField(
        label=_("Cấp học (cơ sở giáo dục)"),
        choices=[("", "—"), *Unit._meta.get_field("school_level").choices],
        required=False,
    )
    organisation_type = forms.ChoiceField(
        label=_("Loại tổ chức (ban ngành, đoàn thể)"),
        choices=[("", "—"), *Unit._meta.get_field("organisation_type").choices],
        required=False,
    )
    is_active = forms.BooleanField(label=_("Đang hoạt động"), required=False, initial=True)

    def __init__(self, *args, parents=None, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["parent"]
        else:
            del self.fields["is_active"]
            self.fields["parent"].queryset = parents

    def clean_name(self) -> str:
        return clean_text(self.cleaned_data["name"])

    def clean(self):
        data = super().clean()
        if data.get("kind") == UnitKind.SCHOOL and not data.get("school_level"):
            self.add_error("school_level", _("Chọn cấp học của cơ sở giáo dục."))
        if data.get("kind") == UnitKind.MASS_ORGANISATION and not data.get("organisation_type"):
            self.add_error("organisation_type", _("Chọn loại tổ chức."))
        return data


class PersonForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=255)
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=Unit.objects.none())
    audience_group = forms.ModelChoiceField(
        label=_("Nhóm đối tượng"), queryset=AudienceGroup.objects.none()
    )
    position = forms.CharField(label=_("Chức vụ"), max_length=255, required=False)
    date_of_birth = forms.DateField(label=_("Ngày sinh"), required=False, widget=_DATE_INPUT)
    gender = forms.ChoiceField(
        label=_("Giới tính"), choices=[("", "—"), *Gender.choices], required=False
    )
    phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=40,
        required=False,
        help_text=_("Ví dụ 0912345678 hoặc +84 912 345 678."),
    )
    email = forms.EmailField(label=_("Email"), required=False)
    active_from = forms.DateField(label=_("Từ ngày"), required=False, widget=_DATE_INPUT)
    active_to = forms.DateField(label=_("Đến ngày"), required=False, widget=_DATE_INPUT)
    notes = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, units=None, groups=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["audience_group"].queryset = groups

    def clean_full_name(self) -> str:
        name = clean_text(self.cleaned_data["full_name"])
        if not any(ch.isalpha() for ch in name):
            raise ValidationError(_("Họ và tên phải có chữ."))
        return name

    def clean_phone(self) -> str:
        try:
            return normalize_phone(self.cleaned_data["phone"])
        except InvalidPhone as exc:
            raise ValidationError(str(exc)) from exc

    def clean_notes(self) -> str:
        return clean_multiline(self.cleaned_data["notes"])

    def clean(self):
        data = super().clean()
        unit, group = data.get("unit"), data.get("audience_group")
        if unit and group and group.ward_id != unit.ward_id:
            self.add_error("audience_group", _("Nhóm đối tượng này thuộc phường, xã khác."))
        start, end = data.get("active_from"), data.get("active_to")
        if start and end and end < start:
            self.add_error("active_to", _("“Đến ngày” phải sau “Từ ngày”."))
        return data


class AudienceGroupForm(forms.Form):
    name = forms.CharField(label=_("Tên nhóm"), max_length=255)
    aliases = forms.CharField(
        label=_("Cách viết khác"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mỗi dòng một cách viết, ví dụ “CBCC”; dùng để nhận diện khi nhập Excel."),
    )
    order = forms.IntegerField(label=_("Thứ tự"), min_value=0, max_value=999, initial=0)


class RosterUploadForm(forms.Form):
    ward = forms.ModelChoiceField(label=_("Phường, xã"), queryset=Unit.objects.none())
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx)"),
        help_text=_(
            "Nhận tệp có dòng tiêu đề, nhiều trang tính, ô gộp; tối đa theo giới hạn tải lên."
        ),
    )
    default_unit = forms.ModelChoiceField(
        label=_("Đơn vị cho các dòng không ghi đơn vị"),
        queryset=Unit.objects.none(),
        required=False,
    )
    default_group = forms.ModelChoiceField(
        label=_("Nhóm đối tượng cho các dòng không ghi nhóm"),
        queryset=AudienceGroup.objects.none(),
        required=False,
    )

    def __init__(self, *args, wards=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ward"].queryset = wards
        if wards is not None and wards.count() == 1:
            self.fields["ward"].initial = wards.first()
        self.fields["default_unit"].queryset = Unit.objects.filter(ward__in=wards).exclude(
            kind=UnitKind.WARD
        )
        self.fields["default_group"].queryset = AudienceGroup.objects.filter(ward__in=wards)

    def clean(self):
        data = super().clean()
        ward = data.get("ward")
        for name in ("default_unit", "default_group"):
            chosen = data.get(name)
            if ward and chosen and chosen.ward_id != ward.pk:
                self.add_error(name, _("Không thuộc phường, xã đã chọn."))
        return data
