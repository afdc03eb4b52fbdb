from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import Channel
from activities.services import ActivityData
from plans.models import Phase, Plan, Task
from units.models import AudienceGroup, Unit

# A ward's audience is tens of thousands and a viral post a few million: far beyond these is a
# typing slip, and beyond 2**31 a database error.
MAX_REACH = 100_000_000
MAX_ATTENDEES = 1_000_000
FIRST_YEAR, LAST_YEAR = 2000, 2100


class ActivityForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Đơn vị thực hiện"))
    title = forms.CharField(label=_("Tên hoạt động"), max_length=255)
    starts_at = forms.DateTimeField(
        label=_("Thời gian"),
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    channel = forms.ModelChoiceField(queryset=Channel.objects.none(), label=_("Hình thức"))
    plan = forms.ModelChoiceField(queryset=Plan.objects.none(), label=_("Kế hoạch"), required=False)
    tasks = forms.ModelMultipleChoiceField(
        queryset=Task.objects.none(),
        label=_("Nhiệm vụ thực hiện"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_briefing = forms.BooleanField(
        label=_("Phổ biến, quán triệt nghị quyết (tính vào độ bao phủ)"), required=False
    )
    location = forms.CharField(label=_("Địa điểm"), max_length=255, required=False)
    reach = forms.IntegerField(
        label=_("Lượt nghe, lượt xem"),
        min_value=0,
        # Past the database's integer a 25-digit figure failed the save with a 500.
        max_value=MAX_REACH,
        required=False,
        help_text=_("Với phát thanh và tin, bài trên nền tảng số."),
    )
    duration_minutes = forms.IntegerField(
        label=_("Thời lượng (phút)"),
        min_value=1,
        max_value=24 * 60,
        required=False,
        help_text=_("Với phát thanh trên hệ thống loa."),
    )
    link = forms.URLField(
        label=_("Đường dẫn"), max_length=500, required=False, assume_scheme="https"
    )
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea({"rows": 3}))

    def __init__(self, *args, units, ward: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = list(AudienceGroup.objects.filter(ward=ward))
        self.fields["unit"].queryset = units
        self.fields["channel"].queryset = Channel.objects.filter(ward=ward, is_active=True)
        self.fields["plan"].queryset = Plan.objects.filter(ward=ward)
        self.fields["tasks"].queryset = Task.objects.filter(plan__ward=ward)
        self.fields["tasks"].label_from_instance = lambda task: str(task)[:120]
        for group in self.groups:
            self.fields[f"group_{group.pk}"] = forms.IntegerField(
                label=_("Số người tham dự: %(group)s") % {"group": group.name},
                min_value=0,
                max_value=MAX_ATTENDEES,
                required=False,
            )

    def clean_starts_at(self):
        # Year 0001 passed the field and broke the local-date arithmetic with a 500.
        starts_at = self.cleaned_data["starts_at"]
        if not FIRST_YEAR <= starts_at.year <= LAST_YEAR:
            raise forms.ValidationError(
                _("Năm phải trong khoảng %(first)s – %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return starts_at

    def clean(self):
        cleaned = super().clean()
        channel = cleaned.get("channel")
        if channel and channel.has_duration and not cleaned.get("duration_minutes"):
            self.add_error("duration_minutes", _("Hãy nhập thời lượng phát thanh (phút)."))
        if cleaned.get("is_briefing") and not cleaned.get("plan"):
            self.add_error("plan", _("Hoạt động phổ biến, quán triệt phải gắn với một kế hoạch."))
        plan = cleaned.get("plan")
        if any(task.plan_id != getattr(plan, "pk", None) for task in cleaned.get("tasks", [])):
            self.add_error("tasks", _("Nhiệm vụ phải thuộc kế hoạch đã chọn."))
        return cleaned

    def activity_data(self) -> ActivityData:
        data = self.cleaned_data
        audiences = tuple(
            (group, data[f"group_{group.pk}"])
            for group in self.groups
            if data.get(f"group_{group.pk}")
        )
        return ActivityData(
            title=data["title"],
            starts_at=data["starts_at"],
            channel=data["channel"],
            plan=data["plan"],
            tasks=tuple(data["tasks"]),
            is_briefing=data["is_briefing"],
            audiences=audiences,
            location=data["location"],
            reach=data["reach"],
            duration_minutes=data["duration_minutes"],
            link=data["link"],
            notes=data["notes"],
        )


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp minh chứng"),
        help_text=_("Ảnh (JPG, PNG), biên bản (PDF, Word), danh sách ký tên (Excel)."),
    )


class SheetForm(forms.Form):
    file = forms.FileField(
        label=_("Danh sách ký tên (.xlsx)"),
        help_text=_(
            "Cần cột “Họ và tên” và/hoặc “Số điện thoại”; cột “Đơn vị” giúp phân biệt người "
            "trùng tên. Chưa ghi nhận gì cho đến khi bạn xác nhận ở bước đối chiếu."
        ),
    )


class CheckinWindowForm(forms.Form):
    opens_at = forms.DateTimeField(
        label=_("Mở điểm danh từ"),
        input_formats=["%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    closes_at = forms.DateTimeField(
        label=_("Đóng điểm danh lúc"),
        input_formats=["%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class CheckinForm(forms.Form):
    phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=30,
        required=False,
        widget=forms.TextInput(
            attrs={"type": "tel", "inputmode": "numeric", "autocomplete": "tel"}
        ),
    )
    full_name = forms.CharField(label=_("Hoặc họ và tên"), max_length=120, required=False)
    unit = forms.ModelChoiceField(
        queryset=Unit.objects.none(),
        label=_("Tổ dân phố / đơn vị (nếu có)"),
        required=False,
        empty_label=_("Không thuộc đơn vị nào"),
    )

    def __init__(self, *args, ward: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            Unit.objects.filter(ward=ward, is_active=True).exclude(pk=ward.pk).order_by("sort_key")
        )


class CheckinNewPersonForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=120)
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Thêm vào đơn vị"))
    audience_group = forms.ModelChoiceField(
        queryset=AudienceGroup.objects.none(), label=_("Nhóm đối tượng")
    )

    def __init__(self, *args, units, ward: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["audience_group"].queryset = AudienceGroup.objects.filter(ward=ward)


class ChannelForm(forms.ModelForm):
    class Meta:
        model = Channel
        fields = ["name", "is_digital", "has_duration", "has_reach", "order", "is_active"]


class CoverageForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Đơn vị"))
    plan = forms.ModelChoiceField(queryset=Plan.objects.none(), label=_("Kế hoạch"))
    phase = forms.ChoiceField(label=_("Giai đoạn"), required=False)
    on = forms.DateField(
        label=_("Tính đến ngày"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, units, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["plan"].queryset = plans
        phases = Phase.objects.filter(plan__in=plans).select_related("plan")
        self.fields["phase"].choices = [("", _("Cả kế hoạch"))] + [
            (str(p.pk), f"{p.name}") for p in phases
        ]
