"""Forms only validate; services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from reports.models import NARRATIVE_FIELDS, ScheduleKind, UnitReport, WardReport, WardSettings
from reports.periods import parse_period
from units.models import WARD_UNIT_KINDS, UnitKind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ScheduleForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=None)
    name = forms.CharField(label=_("Tên báo cáo"), max_length=255)
    kind = forms.ChoiceField(label=_("Loại báo cáo"), choices=ScheduleKind.choices)
    working_days = forms.IntegerField(
        label=_("Số ngày làm việc sau ngày chốt số liệu"), min_value=1, max_value=60, initial=3
    )
    unit_kinds = forms.MultipleChoiceField(
        label=_("Loại đơn vị phải báo cáo"),
        choices=[(k, UnitKind(k).label) for k in WARD_UNIT_KINDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Hoặc từng đơn vị"), queryset=None, required=False
    )
    starts_on = forms.DateField(label=_("Số liệu từ ngày"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("Số liệu đến ngày"), required=False, widget=DATE)
    due_on = forms.DateField(label=_("Hạn gửi"), required=False, widget=DATE)

    def __init__(self, *args, plans, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["units"].queryset = units
        for name in ("starts_on", "ends_on", "due_on"):
            self.fields[name].help_text = _("Chỉ dùng cho báo cáo chuyên đề, đột xuất.")


class PeriodForm(forms.Form):
    period_code = forms.CharField(
        label=_("Kỳ báo cáo"),
        max_length=10,
        required=False,
        help_text=_("Ví dụ: 2026-01, 2026-Q1, 2026-H1, 2026-9M, 2026."),
    )

    def clean_period_code(self) -> str:
        code = self.cleaned_data["period_code"].strip()
        if code:
            try:
                return parse_period(code).code
            except ValueError as error:
                raise forms.ValidationError(str(error)) from error
        return code


class NarrativeForm(forms.ModelForm):
    class Meta:
        model = UnitReport
        fields = NARRATIVE_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in NARRATIVE_FIELDS}


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Lý do mở lại"), widget=forms.Textarea(attrs={"rows": 3}))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Tệp đính kèm (PDF, Word, Excel, ảnh)"))


class DifficultyForm(forms.Form):
    text = forms.CharField(label=_("Khó khăn, vướng mắc"), widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(forms.Form):
    ACTIONS = [
        ("answer", _("Trả lời")),
        ("resolve", _("Đã giải quyết")),
        ("escalate", _("Báo cáo lãnh đạo phường")),
    ]
    action = forms.ChoiceField(label=_("Xử lý"), choices=ACTIONS)
    answer = forms.CharField(
        label=_("Nội dung trả lời"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class WardReportCreateForm(forms.Form):
    schedule = forms.ModelChoiceField(label=_("Lịch báo cáo"), queryset=None)
    period_code = forms.CharField(
        label=_("Kỳ báo cáo"),
        max_length=10,
        required=False,
        help_text=PeriodForm.base_fields["period_code"].help_text,
    )
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DATE)

    def __init__(self, *args, schedules, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schedule"].queryset = schedules


class WardReportForm(forms.ModelForm):
    class Meta:
        model = WardReport
        fields = [
            "number",
            "issued_on",
            "place",
            "subject",
            "narrative",
            "recipients",
            "signer_authority",
            "signer_title",
            "signer_name",
        ]
        widgets = {
            "issued_on": DATE,
            "subject": forms.Textarea(attrs={"rows": 2}),
            "narrative": forms.Textarea(attrs={"rows": 20}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
            "signer_authority": forms.Textarea(attrs={"rows": 2}),
        }

    def validate_unique(self) -> None:
        """The service checks the number, with a message naming it."""


class WardSettingsForm(forms.ModelForm):
    class Meta:
        model = WardSettings
        fields = [
            "parent_body",
            "issuing_body",
            "place_name",
            "symbol_suffix",
            "archive_line",
            "default_recipients",
            "signer_authority",
            "signer_title",
            "signer_name",
        ]
        widgets = {
            "issuing_body": forms.Textarea(attrs={"rows": 2}),
            "default_recipients": forms.Textarea(attrs={"rows": 4}),
            "signer_authority": forms.Textarea(attrs={"rows": 2}),
        }
