"""Forms of the plan screens; they only validate (plans/review.py converts)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from plans.models import IndicatorKind
from units.models import UnitKind

_DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
_YEARS = re.compile(r"^\s*(\d{4})\s*[-–—]\s*(\d{4})\s*$")
_LINES_HELP = _("Mỗi dòng một mục.")


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp kế hoạch (.docx hoặc .txt)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.txt"}),
        error_messages={"empty": _("Tệp rỗng, không có nội dung.")},
    )
    ward = forms.ModelChoiceField(label=_("Phường, xã"), queryset=None, required=False)

    def __init__(self, *args, wards=None, **kwargs):
        super().__init__(*args, **kwargs)
        if wards is None:
            del self.fields["ward"]
        else:
            self.fields["ward"].queryset = wards
            self.fields["ward"].required = True


class LinesField(forms.CharField):
    """A textarea whose lines are the items of a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _LINES_HELP)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value

    def has_changed(self, initial, data) -> bool:
        return self.to_python(self.prepare_value(initial) or "") != self.to_python(data)

    def to_python(self, value):
        text = super().to_python(value)
        return [line.strip(" -+;") for line in text.splitlines() if line.strip(" -+;")]


class HeaderForm(forms.Form):
    doc_type = forms.CharField(label=_("Loại văn bản"), max_length=40)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=80, required=False)
    parent_issuer = forms.CharField(label=_("Cơ quan chủ quản"), max_length=255, required=False)
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=255, required=False)
    place = forms.CharField(label=_("Địa danh"), max_length=120, required=False)
    date = forms.DateField(
        label=_("Ngày ban hành"), required=False, input_formats=_DATE_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
    )  # fmt: skip
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    resolution = forms.CharField(label=_("Nghị quyết thực hiện"), max_length=120, required=False)
    purposes = forms.CharField(
        label=_("Mục đích"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    requirements = forms.CharField(
        label=_("Yêu cầu"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    funding = LinesField(label=_("Nguồn kinh phí"))
    recipients = LinesField(label=_("Nơi nhận"))
    signature_authority = LinesField(label=_("Thẩm quyền ký (TM., KT., ...)"))
    signature_title = forms.CharField(label=_("Chức vụ người ký"), max_length=120, required=False)
    signature_name = forms.CharField(label=_("Người ký"), max_length=120, required=False)


class BasisForm(forms.Form):
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=80, required=False)
    date = forms.DateField(
        label=_("Ngày"), required=False, input_formats=_DATE_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}),
    )  # fmt: skip
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=255, required=False)
    text = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 2}))


class PhaseForm(forms.Form):
    name = forms.CharField(label=_("Tên giai đoạn"), max_length=120)
    start_year = forms.IntegerField(label=_("Từ năm"), min_value=1945, max_value=2100)
    end_year = forms.IntegerField(label=_("Đến năm"), min_value=1945, max_value=2100)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("Năm kết thúc phải từ năm bắt đầu trở đi."))
        return data


def _choices_field(label, choices):
    return forms.MultipleChoiceField(
        label=label, required=False, choices=choices,
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )  # fmt: skip


class TargetForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Nội dung chỉ tiêu"), widget=forms.Textarea(attrs={"rows": 2}))
    value = forms.DecimalField(
        label=_("Chỉ tiêu"), required=False, max_digits=12, decimal_places=2, localize=True
    )
    unit = forms.CharField(label=_("Đơn vị tính"), max_length=40, required=False)
    phase = forms.CharField(
        label=_("Giai đoạn (năm – năm)"), required=False, max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "2026 – 2030"}),
    )  # fmt: skip
    audiences = forms.MultipleChoiceField(
        label=_("Nhóm đối tượng"), required=False, widget=forms.CheckboxSelectMultiple
    )
    # A blank extra row must come back unchanged, so its select starts where it would.
    indicator_kind = forms.ChoiceField(
        label=_("Cách đo"), choices=IndicatorKind.choices, initial=IndicatorKind.NOT_MEASURED
    )
    channel = forms.CharField(label=_("Hình thức (khi đo theo hình thức)"), max_length=60,
                              required=False)  # fmt: skip

    def __init__(self, *args, audience_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audiences"].choices = audience_choices

    def clean_phase(self):
        value = self.cleaned_data["phase"].strip()
        if not value:
            return None
        match = _YEARS.match(value)
        if not match or int(match[2]) < int(match[1]):
            raise ValidationError(_("Ghi giai đoạn dạng “2026 – 2030”."))
        return [int(match[1]), int(match[2])]


class TaskForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    number = forms.CharField(label=_("Số thứ tự"), max_length=20, required=False)
    title = forms.CharField(label=_("Nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 2}))
    items = LinesField(label=_("Nội dung cụ thể"))
    lead = forms.MultipleChoiceField(label=_("Chủ trì"), required=False)
    cooperating = forms.MultipleChoiceField(label=_("Phối hợp"), required=False)
    channels = LinesField(label=_("Hình thức nêu trong kế hoạch"))
    timing = forms.CharField(label=_("Thời gian"), max_length=255, required=False)

    def __init__(self, *args, owner_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("lead", "cooperating"):
            self.fields[name].choices = owner_choices
            self.fields[name].widget.attrs["size"] = 4


class ResponsibilityForm(forms.Form):
    number = forms.CharField(label=_("Số thứ tự"), max_length=20, required=False)
    unit = forms.CharField(label=_("Đơn vị (như ghi trong kế hoạch)"), max_length=255)
    unit_kind = forms.ChoiceField(
        label=_("Loại đơn vị"), required=False, choices=[("", "—"), *UnitKind.choices]
    )
    units = forms.MultipleChoiceField(label=_("Đơn vị của phường"), required=False)
    duties = forms.CharField(
        label=_("Nhiệm vụ"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, unit_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].choices = unit_choices
        self.fields["units"].widget.attrs["size"] = 4


BasisFormSet = formset_factory(BasisForm, extra=1, can_delete=True)
PhaseFormSet = formset_factory(PhaseForm, extra=1, can_delete=True)
TargetFormSet = formset_factory(TargetForm, extra=1, can_delete=True)
TaskFormSet = formset_factory(TaskForm, extra=1, can_delete=True)
ResponsibilityFormSet = formset_factory(ResponsibilityForm, extra=1, can_delete=True)
