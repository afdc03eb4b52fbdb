"""Pages of periodic reporting. Thin: rules live in services/selectors, permissions in
accounts.scoping."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from accounts.scoping import (
    Access,
    can,
    require,
    require_role,
    role_allows,
    scope_root,
    user_has_role,
    user_ward,
    visible_units,
    visible_wards,
)
from common.uploads import UploadRejected
from plans.models import Plan
from reports import selectors, services
from reports.compose import (
    BODY_TABLES,
    UNIT_REPORT_TABLES,
    figures_tables,
    shown_tables,
    ward_report_document,
)
from reports.documents import FORMATS
from reports.documents.pdf import PdfUnavailable
from reports.forms import (
    AnswerForm,
    AttachmentForm,
    DifficultyForm,
    NarrativeForm,
    PeriodForm,
    ReopenForm,
    ReviewForm,
    ScheduleForm,
    WardReportCreateForm,
    WardReportForm,
    WardSettingsForm,
)
from reports.models import (
    Difficulty,
    ReportSchedule,
    UnitReport,
    UnitReportAttachment,
    WardReport,
)
from reports.periods import parse_period
from units.models import Unit

# What the city's roll-up shows of the indicators: the wards side by side.
CITY_TABLES = ("reports_by_unit", "coverage_by_unit", "activities_by_unit", "trained_by_unit")


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _ward_for(request) -> Unit:
    """The ward a coordinator manages; an admin names it with ?phuong=<id>."""
    ward = user_ward(request.user)
    if ward is None:
        ward_id = request.GET.get("phuong") or request.POST.get("phuong")
        ward = get_object_or_404(Unit, pk=ward_id, kind="ward") if ward_id else None
    if ward is None:
        raise Http404
    return ward


def _schedule(request, pk: int, access: Access) -> ReportSchedule:
    schedule = get_object_or_404(ReportSchedule.objects.select_related("plan__ward"), pk=pk)
    require(request.user, access, schedule.plan.ward)
    return schedule


def _report(request, pk: int, access: Access) -> UnitReport:
    report = get_object_or_404(UnitReport.objects.select_related("unit", "schedule__plan"), pk=pk)
    require(request.user, access, report.unit)
    return report


def _ward_report(request, pk: int, access: Access) -> WardReport:
    report = get_object_or_404(WardReport.objects.select_related("ward", "schedule"), pk=pk)
    require(request.user, access, report.ward)
    return report


# Schedules -----------------------------------------------------------------------------------


@login_required
def schedule_list(request):
    require_role(request.user, Access.MANAGE)
    schedules = selectors.schedules_for_user(user=request.user)
    return render(request, "reports/schedule_list.html", {"schedules": schedules})


def _schedule_form(request, ward: Unit, data=None, initial=None):
    return ScheduleForm(
        data,
        initial=initial,
        plans=Plan.objects.filter(ward=ward),
        units=visible_units(request.user).filter(ward=ward).exclude(pk=ward.pk),
    )


def _schedule_values(form) -> dict:
    data = dict(form.cleaned_data)
    data.pop("plan", None)
    return data


@login_required
def schedule_create(request):
    require_role(request.user, Access.MANAGE)
    ward = _ward_for(request)
    require(request.user, Access.MANAGE, ward)
    form = _schedule_form(request, ward, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            schedule = services.schedule_create(
                actor=request.user, plan=form.cleaned_data["plan"], **_schedule_values(form)
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Đã tạo lịch báo cáo."))
            return redirect("reports:schedule_detail", pk=schedule.pk)
    return render(request, "reports/schedule_form.html", {"form": form})


@login_required
def schedule_detail(request, pk: int):
    schedule = _schedule(request, pk, Access.MANAGE)
    periods = selectors.schedule_recent_periods(schedule=schedule, today=timezone.localdate())
    form = PeriodForm(request.GET or None)
    code = ""
    if form.is_bound and not form.is_valid():
        messages.error(request, " ".join(form.errors.get("period_code", [])))
    elif form.is_bound:
        code = form.cleaned_data["period_code"]
    if not code and periods:
        code = periods[0].code
    try:
        period = selectors.schedule_period(schedule=schedule, period_code=code)
        standings = selectors.period_completeness(schedule=schedule, period_code=code)
    except ValueError as error:
        messages.error(request, str(error))
        period, standings = None, []
    return render(
        request,
        "reports/schedule_detail.html",
        {
            "schedule": schedule,
            "periods": periods,
            "period": period,
            "standings": standings,
            "counts": selectors.completeness_counts(standings),
            "form": form,
        },
    )


@login_required
@require_POST
def schedule_open_all(request, pk: int):
    schedule = _schedule(request, pk, Access.MANAGE)
    code = request.POST.get("period_code", "")
    try:
        count = services.unit_reports_open_all(
            actor=request.user, schedule=schedule, period_code=code
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Đã tạo %(count)s báo cáo nháp.") % {"count": count})
    url = redirect("reports:schedule_detail", pk=pk).url
    return redirect(f"{url}?period_code={code}")


# Unit reports --------------------------------------------------------------------------------


@login_required
def my_reports(request):
    """A focal point's list: what the unit owes, period by period; ward staff see every unit."""
    user = request.user
    today = timezone.localdate()
    owed = []
    unit = user.unit if user.unit_id and user.unit.kind not in ("ward", "province") else None
    if unit is not None:
        for schedule in selectors.schedules_for_unit(unit=unit):
            for period in selectors.schedule_recent_periods(schedule=schedule, today=today):
                report = UnitReport.objects.filter(
                    schedule=schedule, period_code=period.code, unit=unit
                ).first()
                owed.append({"schedule": schedule, "period": period, "report": report})
    reports = selectors.unit_reports_for_user(user=user)[:200]
    return render(
        request,
        "reports/my_reports.html",
        {"unit": unit, "owed": owed, "reports": reports, "can_edit": unit is not None},
    )


@login_required
@require_POST
def report_open(request):
    # The service checks that the user may write for the unit and that the unit owes this
    # schedule; a focal point does not reach the ward the schedule belongs to.
    unit = get_object_or_404(Unit, pk=request.POST.get("unit") or 0)
    require(request.user, Access.EDIT, unit)
    schedule = get_object_or_404(
        ReportSchedule.objects.select_related("plan"), pk=request.POST.get("schedule") or 0
    )
    try:
        report = services.unit_report_open(
            actor=request.user,
            schedule=schedule,
            period_code=request.POST.get("period_code", ""),
            unit=unit,
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("reports:my_reports")
    return redirect("reports:report_detail", pk=report.pk)


@login_required
def report_detail(request, pk: int):
    report = _report(request, pk, Access.VIEW)
    user = request.user
    may_edit = can(user, Access.EDIT, report.unit) and report.is_editable_by_unit
    may_review = can(user, Access.MANAGE, report.unit)
    form = NarrativeForm(request.POST or None, instance=report)
    if request.method == "POST":
        require(user, Access.EDIT, report.unit)
        if form.is_valid():
            narrative = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                services.unit_report_save(actor=user, report=report, **narrative)
                if "submit" in request.POST:
                    services.unit_report_submit(actor=user, report=report)
                    messages.success(request, _("Đã gửi báo cáo."))
                else:
                    messages.success(request, _("Đã lưu bản nháp."))
                return redirect("reports:report_detail", pk=pk)
            except ValidationError as error:
                if not may_edit:
                    # A locked or waiting report shows no form to put the error next to.
                    messages.error(request, _error_text(error))
                    return redirect("reports:report_detail", pk=pk)
                _apply_errors(form, error)
    return render(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            "form": form,
            "may_edit": may_edit,
            "may_review": may_review,
            "review_form": ReviewForm(),
            "reopen_form": ReopenForm(),
            "attachment_form": AttachmentForm(),
            "difficulty_form": DifficultyForm(),
            "versions": report.versions.select_related("actor"),
            "difficulties": report.difficulties.all(),
            "tables": shown_tables(report.figures, UNIT_REPORT_TABLES),
        },
    )


@login_required
@require_POST
def report_review(request, pk: int):
    report = _report(request, pk, Access.MANAGE)
    form = ReviewForm(request.POST)
    form.is_valid()
    comment = form.cleaned_data.get("comment", "")
    try:
        if request.POST.get("action") == "accept":
            services.unit_report_accept(actor=request.user, report=report, comment=comment)
            messages.success(request, _("Đã chấp nhận báo cáo; báo cáo đã khóa."))
        else:
            services.unit_report_return(actor=request.user, report=report, comment=comment)
            messages.success(request, _("Đã trả lại báo cáo cho đơn vị."))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("reports:report_detail", pk=pk)


@login_required
@require_POST
def report_reopen(request, pk: int):
    report = _report(request, pk, Access.MANAGE)
    try:
        services.unit_report_reopen(
            actor=request.user, report=report, reason=request.POST.get("reason", "")
        )
        messages.success(request, _("Đã mở lại báo cáo."))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("reports:report_detail", pk=pk)


@login_required
@require_POST
def report_attach(request, pk: int):
    report = _report(request, pk, Access.EDIT)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Chọn một tệp để đính kèm."))
        return redirect("reports:report_detail", pk=pk)
    try:
        services.unit_report_attach(
            actor=request.user, report=report, upload=form.cleaned_data["file"]
        )
        messages.success(request, _("Đã đính kèm tệp."))
    except (ValidationError, UploadRejected) as error:
        messages.error(
            request, str(error) if isinstance(error, UploadRejected) else _error_text(error)
        )
    return redirect("reports:report_detail", pk=pk)


@login_required
def attachment_download(request, pk: int):
    attachment = get_object_or_404(
        UnitReportAttachment.objects.select_related("report__unit"), pk=pk
    )
    require(request.user, Access.VIEW, attachment.report.unit)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@login_required
def review_queue(request):
    require_role(request.user, Access.MANAGE)
    return render(
        request,
        "reports/review_queue.html",
        {"reports": selectors.review_queue(user=request.user)},
    )


# Difficulties --------------------------------------------------------------------------------


@login_required
def difficulty_list(request):
    user = request.user
    form = DifficultyForm(request.POST or None)
    unit = user.unit if user.unit_id and user.unit.kind not in ("ward", "province") else None
    if request.method == "POST":
        if unit is None:
            raise PermissionDenied
        report = None
        if request.POST.get("report"):
            report = _report(request, int(request.POST["report"]), Access.EDIT)
        if form.is_valid():
            try:
                services.difficulty_raise(
                    actor=user,
                    unit=report.unit if report else unit,
                    text=form.cleaned_data["text"],
                    report=report,
                )
                messages.success(request, _("Đã gửi khó khăn, vướng mắc."))
                return (
                    redirect("reports:report_detail", pk=report.pk)
                    if report
                    else redirect("reports:difficulty_list")
                )
            except ValidationError as error:
                _apply_errors(form, error)
    return render(
        request,
        "reports/difficulty_list.html",
        {
            "difficulties": selectors.difficulties_for_user(user=user)[:300],
            "form": form,
            "may_raise": unit is not None and can(user, Access.EDIT, unit),
            "answer_form": AnswerForm(),
            "may_answer": role_allows(user, Access.MANAGE),
        },
    )


@login_required
@require_POST
def difficulty_answer(request, pk: int):
    difficulty = get_object_or_404(Difficulty.objects.select_related("unit"), pk=pk)
    require(request.user, Access.MANAGE, difficulty.unit)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Chọn cách xử lý."))
        return redirect("reports:difficulty_list")
    action = {
        "answer": services.difficulty_answer,
        "resolve": services.difficulty_resolve,
        "escalate": services.difficulty_escalate,
    }[form.cleaned_data["action"]]
    try:
        action(actor=request.user, difficulty=difficulty, answer=form.cleaned_data["answer"])
        messages.success(request, _("Đã cập nhật khó khăn, vướng mắc."))
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("reports:difficulty_list")


# Ward report ---------------------------------------------------------------------------------


@login_required
def ward_report_list(request):
    require_role(request.user, Access.MANAGE)
    form = None
    ward = user_ward(request.user)
    if ward is not None:
        form = WardReportCreateForm(
            request.POST or None,
            schedules=ReportSchedule.objects.filter(plan__ward=ward),
            initial={"issued_on": timezone.localdate()},
        )
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            report = services.ward_report_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            return redirect("reports:ward_report_edit", pk=report.pk)
    return render(
        request,
        "reports/ward_report_list.html",
        {"reports": selectors.ward_reports_for_user(user=request.user), "form": form},
    )


@login_required
def ward_report_edit(request, pk: int):
    report = _ward_report(request, pk, Access.MANAGE)
    form = WardReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        try:
            services.ward_report_update(
                actor=request.user,
                report=report,
                number=values.pop("number"),
                issued_on=values.pop("issued_on"),
                **values,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu báo cáo của phường."))
            return redirect("reports:ward_report_edit", pk=pk)
    report.refresh_from_db()
    return render(
        request,
        "reports/ward_report_edit.html",
        {
            "report": report,
            "form": form,
            "tables": shown_tables(report.figures, BODY_TABLES),
            "figures_day": parse_date(report.figures.get("day") or ""),
            "pdf_ready": FORMATS["pdf"].soffice_path() is not None,
            "pdf_help": FORMATS["pdf"].HOW_TO_GET_IT,
        },
    )


@login_required
@require_POST
def ward_report_refresh(request, pk: int):
    report = _ward_report(request, pk, Access.MANAGE)
    services.ward_report_refresh_figures(actor=request.user, report=report)
    messages.success(request, _("Đã cập nhật số liệu từ các chỉ số."))
    return redirect("reports:ward_report_edit", pk=pk)


@login_required
def ward_report_export(request, pk: int, fmt: str):
    report = _ward_report(request, pk, Access.VIEW)
    module = FORMATS.get(fmt)
    if module is None:
        raise Http404
    try:
        data = module.render(ward_report_document(report=report))
    except PdfUnavailable as error:
        messages.error(request, str(error))
        return redirect("reports:ward_report_list")
    response = HttpResponse(data, content_type=module.CONTENT_TYPE)
    filename = f"bao-cao-{report.number:02d}-{report.year}.{module.EXTENSION}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def ward_settings_edit(request):
    ward = _ward_for(request)
    require(request.user, Access.MANAGE, ward)
    current = services.ward_settings_get(ward=ward)
    form = WardSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.ward_settings_update(actor=request.user, ward=ward, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thiết lập văn bản."))
            return redirect("reports:ward_settings")
    return render(request, "reports/ward_settings.html", {"form": form, "ward": ward})


# Who still owes what; the city's roll-up --------------------------------------------------------


@login_required
def outstanding(request):
    """The coordinator's chase list: completeness per period and the units still owing."""
    require_role(request.user, Access.MANAGE)
    ward = _ward_for(request)
    require(request.user, Access.MANAGE, ward)
    today = timezone.localdate()
    summaries, owing = selectors.reporting_overview(ward=ward, today=today)
    return render(
        request,
        "reports/outstanding.html",
        {"ward": ward, "summaries": summaries, "owing": owing, "today": today},
    )


def _city_root(request) -> Unit:
    """The province a city viewer reaches; an admin names it with ?tinh=<id>."""
    root = scope_root(request.user)
    if root is None:
        provinces = Unit.objects.filter(kind="province")
        wanted = request.GET.get("tinh", "")
        root = provinces.filter(pk=wanted).first() if wanted.isdigit() else provinces.first()
    if root is None:
        raise Http404
    return root


@login_required
def city_roll_up(request):
    if not user_has_role(request.user, Role.CITY_VIEWER):
        raise PermissionDenied
    root = _city_root(request)
    require(request.user, Access.VIEW, root)
    wards = visible_wards(request.user).filter(path__startswith=root.path)
    form = PeriodForm(request.GET or None)
    code = form.cleaned_data["period_code"] if form.is_bound and form.is_valid() else ""
    code = code or selectors.latest_period_code(wards=wards, today=timezone.localdate())
    period = parse_period(code) if code else None
    figures = selectors.roll_up_figures(root=root, period=period) if period else None
    return render(
        request,
        "reports/city_roll_up.html",
        {
            "root": root,
            "form": form,
            "period": period,
            "roll_up": selectors.city_roll_up(user=request.user, wards=wards, period=period),
            "key_figures": figures.key_figures if figures else [],
            "tables": shown_tables(figures_tables(figures), CITY_TABLES) if figures else [],
        },
    )
