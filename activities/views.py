"""Pages of the activity log, attendance, evidence, check-in and coverage. Thin: every rule is
in services/selectors, every permission in accounts.scoping."""

import hashlib
import secrets

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.scoping import (
    Access,
    can,
    can_see_people,
    require,
    require_people,
    require_role,
    user_ward,
    visible_units,
)
from activities import exports, selectors, services
from activities.forms import (
    ActivityForm,
    ChannelForm,
    CheckinForm,
    CheckinNewPersonForm,
    CheckinWindowForm,
    CoverageForm,
    EvidenceForm,
    SheetForm,
)
from activities.models import Activity, ActivityAudience, CheckinRequest, Evidence, SheetImport
from common.uploads import UploadRejected
from plans.models import Phase, Plan
from units.models import AudienceGroup, Person, Unit, UnitKind

DEVICE_COOKIE = "tt_device"
# A ward's roster runs to thousands: the drop-down lists this many, the search finds the rest.
CHECKIN_MATCH_LIMIT = 200
CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _activity(request, pk: int, access: Access) -> Activity:
    activity = get_object_or_404(
        Activity.objects.select_related("unit", "ward", "channel", "plan"), pk=pk
    )
    require(request.user, access, activity.unit)
    return activity


def _editable_units(user, ward: Unit):
    units = visible_units(user).filter(ward=ward).exclude(kind=UnitKind.PROVINCE)
    return units.order_by("path")


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


# Activity log ---------------------------------------------------------------------------


@login_required
def activity_list(request):
    require_role(request.user, Access.VIEW)
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = get_object_or_404(Unit, pk=request.GET["unit"])
        require(request.user, Access.VIEW, unit)
    query = request.GET.get("q", "").strip()
    activities = selectors.activity_list(user=request.user, unit=unit, query=query)
    page = Paginator(activities, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "activities/list.html",
        {"page": page, "unit": unit, "query": query, "can_log": _can_log(request.user)},
    )


def _can_log(user) -> bool:
    root = user.unit
    return root is None or root.kind != UnitKind.PROVINCE and can(user, Access.EDIT, root)


def _ward_for_create(request) -> Unit | None:
    if request.GET.get("unit", "").isdigit():
        unit = get_object_or_404(Unit, pk=request.GET["unit"])
        require(request.user, Access.EDIT, unit)
        return unit if unit.is_ward else unit.ward
    return user_ward(request.user)


@login_required
def activity_create(request):
    require_role(request.user, Access.EDIT)
    ward = _ward_for_create(request)
    if ward is None:
        wards = visible_units(request.user).filter(kind=UnitKind.WARD).order_by("name")
        return render(request, "activities/choose_ward.html", {"wards": wards})
    services.channels_seed(ward=ward)
    units = _editable_units(request.user, ward)
    form = ActivityForm(request.POST or None, units=units, ward=ward)
    if request.method == "GET" and units.count() == 1:
        form.initial["unit"] = units.first()
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["unit"]
        require(request.user, Access.EDIT, unit)
        try:
            activity = services.activity_log(
                unit=unit, data=form.activity_data(), user=request.user
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Đã ghi nhận hoạt động. Hãy điểm danh người tham dự."))
            return redirect("activities:detail", pk=activity.pk)
    return render(request, "activities/form.html", {"form": form, "activity": None})


@login_required
def activity_edit(request, pk: int):
    activity = _activity(request, pk, Access.EDIT)
    units = Unit.objects.filter(pk=activity.unit_id)
    initial = {
        "unit": activity.unit,
        "title": activity.title,
        "starts_at": timezone.localtime(activity.starts_at),
        "channel": activity.channel,
        "plan": activity.plan,
        "tasks": list(activity.tasks.all()),
        "is_briefing": activity.is_briefing,
        "location": activity.location,
        "reach": activity.reach,
        "duration_minutes": activity.duration_minutes,
        "link": activity.link,
        "notes": activity.notes,
    }
    for audience in activity.audiences.all():
        initial[f"group_{audience.audience_group_id}"] = audience.participants
    form = ActivityForm(request.POST or None, initial=initial, units=units, ward=activity.ward)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(activity=activity, data=form.activity_data())
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("activities:detail", pk=activity.pk)
    return render(request, "activities/form.html", {"form": form, "activity": activity})


@login_required
def activity_detail(request, pk: int):
    activity = _activity(request, pk, Access.VIEW)
    audiences = ActivityAudience.objects.filter(activity=activity).select_related("audience_group")
    return render(
        request,
        "activities/detail.html",
        {
            "activity": activity,
            "audiences": audiences,
            "tasks": activity.tasks.all(),
            "evidence": activity.evidence.all(),
            "attendee_count": activity.attendance.count(),
            "pending_checkins": selectors.checkin_queue(activity=activity).count(),
            "can_edit": can(request.user, Access.EDIT, activity.unit),
            "sees_people": can_see_people(request.user, activity.unit),
            "evidence_form": EvidenceForm(),
        },
    )


@login_required
@require_POST
def activity_delete(request, pk: int):
    activity = _activity(request, pk, Access.EDIT)
    services.activity_delete(activity=activity)
    messages.success(request, _("Đã xóa hoạt động “%(title)s”.") % {"title": activity.title})
    return redirect("activities:list")


# Evidence ------------------------------------------------------------------------------


@login_required
@require_POST
def evidence_add(request, pk: int):
    activity = _activity(request, pk, Access.EDIT)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một tệp minh chứng."))
    else:
        try:
            evidence = services.evidence_add(
                activity=activity, upload=form.cleaned_data["file"], user=request.user
            )
        except UploadRejected as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Đã tải lên “%(name)s”.") % {"name": evidence.original_name}
            )
    return redirect("activities:detail", pk=activity.pk)


def _evidence(request, pk: int, access: Access) -> Evidence:
    evidence = get_object_or_404(Evidence.objects.select_related("activity__unit"), pk=pk)
    require(request.user, access, evidence.activity.unit)
    return evidence


@login_required
def evidence_download(request, pk: int):
    evidence = _evidence(request, pk, Access.VIEW)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    # A PDF may carry JavaScript that the browser's viewer runs in our origin: only images
    # open in the page, and even they under a sandbox that runs nothing.
    inline = evidence.kind in {"jpg", "png"}
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=evidence.original_name,
        content_type=CONTENT_TYPES[evidence.kind],
    )
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'"
    return response


@login_required
@require_POST
def evidence_delete(request, pk: int):
    evidence = _evidence(request, pk, Access.EDIT)
    activity_pk = evidence.activity_id
    services.evidence_delete(evidence=evidence)
    messages.success(request, _("Đã xóa tệp minh chứng."))
    return redirect("activities:detail", pk=activity_pk)


# Attendance ------------------------------------------------------------------------------


def _int_list(values) -> list[int]:
    return [int(v) for v in values if str(v).isdigit()]


@login_required
def attendance(request, pk: int):
    activity = _activity(request, pk, Access.VIEW)
    require_people(request.user, activity.unit)
    editable = can(request.user, Access.EDIT, activity.unit)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        _attendance_post(request, activity)
        return redirect(
            reverse("activities:attendance", args=[activity.pk]) + _keep_filters(request)
        )
    query = request.GET.get("q", "").strip()
    group_id = request.GET.get("group", "")
    group_id = int(group_id) if group_id.isdigit() else None
    roster = selectors.activity_roster(activity=activity, query=query, group_id=group_id)
    page = Paginator(roster.order_by("unit__path", "sort_key", "pk"), 100).get_page(
        request.GET.get("page")
    )
    context = {
        "activity": activity,
        "page": page,
        "present": selectors.attendee_ids(activity=activity),
        "groups": AudienceGroup.objects.filter(ward=activity.ward),
        "query": query,
        "group_id": group_id,
        "editable": editable,
        "attendees": selectors.activity_attendees(activity=activity).order_by("sort_key")[:500],
    }
    template = "activities/_roster.html" if request.htmx else "activities/attendance.html"
    return render(request, template, context)


def _keep_filters(request) -> str:
    query = request.POST.get("q", "")
    group = request.POST.get("group", "")
    params = [f"{k}={v}" for k, v in (("q", query), ("group", group)) if v]
    return "?" + "&".join(params) if params else ""


def _attendance_post(request, activity: Activity) -> None:
    if request.POST.get("add_group", "").isdigit():
        people = selectors.activity_roster(
            activity=activity, group_id=int(request.POST["add_group"])
        )
        added = services.attendance_add(
            activity=activity, person_ids=people.values_list("pk", flat=True), source="tick"
        )
        messages.success(request, _("Đã thêm %(n)s người của nhóm.") % {"n": added})
        return
    shown = set(_int_list(request.POST.getlist("shown")))
    ticked = set(_int_list(request.POST.getlist("person"))) & shown
    roster_ids = set(
        selectors.activity_roster(activity=activity)
        .filter(pk__in=shown)
        .values_list("pk", flat=True)
    )
    present = selectors.attendee_ids(activity=activity)
    added = services.attendance_add(
        activity=activity, person_ids=(ticked & roster_ids) - present, source="tick"
    )
    removed = services.attendance_remove(activity=activity, person_ids=(shown - ticked) & present)
    messages.success(
        request, _("Đã lưu điểm danh: thêm %(a)s, bỏ %(r)s người.") % {"a": added, "r": removed}
    )


@login_required
def sheet_upload(request, pk: int):
    activity = _activity(request, pk, Access.EDIT)
    form = SheetForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            sheet = services.sheet_import_create(
                activity=activity, upload=form.cleaned_data["file"], user=request.user
            )
        except UploadRejected as error:
            form.add_error("file", str(error))
        else:
            return redirect("activities:sheet_review", pk=activity.pk, import_pk=sheet.pk)
    return render(request, "activities/sheet_upload.html", {"activity": activity, "form": form})


@login_required
def sheet_review(request, pk: int, import_pk: int):
    activity = _activity(request, pk, Access.EDIT)
    sheet = get_object_or_404(SheetImport, pk=import_pk, activity=activity)
    if request.method == "POST" and sheet.applied_at is None:
        choices = {
            int(key[4:]): int(value)
            for key, value in request.POST.items()
            if key.startswith("row_") and key[4:].isdigit() and value.isdigit()
        }
        result = services.sheet_import_apply(sheet_import=sheet, choices=choices)
        messages.success(
            request,
            _("Đã ghi nhận %(r)s người; %(a)s người đã có từ trước; bỏ qua %(s)s dòng.")
            % {"r": result.recorded, "a": result.already, "s": result.skipped},
        )
        return redirect("activities:attendance", pk=activity.pk)
    unit_roster = selectors.activity_roster(activity=activity).order_by("sort_key")
    people = {
        p.pk: p
        for p in Person.objects.filter(
            pk__in=[r["person"] for r in sheet.rows if r["person"]]
        ).select_related("unit")
    }
    rows = [dict(row, matched=people.get(row["person"])) for row in sheet.rows]
    return render(
        request,
        "activities/sheet_review.html",
        {"activity": activity, "sheet": sheet, "rows": rows, "unit_roster": unit_roster},
    )


# QR check-in -----------------------------------------------------------------------------


@login_required
def checkin_setup(request, pk: int):
    activity = _activity(request, pk, Access.EDIT)
    if request.method == "POST" and request.POST.get("close"):
        services.checkin_close(activity=activity)
        messages.success(request, _("Đã đóng điểm danh bằng mã QR."))
        return redirect("activities:checkin_setup", pk=activity.pk)
    now = timezone.now()
    start, end = selectors.checkin_default_window(activity=activity, now=now)
    if activity.checkin_token:
        start = timezone.localtime(activity.checkin_opens_at)
        end = timezone.localtime(activity.checkin_closes_at)
    form = CheckinWindowForm(request.POST or None, initial={"opens_at": start, "closes_at": end})
    if request.method == "POST" and form.is_valid():
        try:
            services.checkin_open(activity=activity, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Đã mở điểm danh bằng mã QR."))
            return redirect("activities:checkin_setup", pk=activity.pk)
    url = (
        request.build_absolute_uri(reverse("checkin", args=[activity.checkin_token]))
        if activity.checkin_token
        else ""
    )
    return render(
        request,
        "activities/checkin_setup.html",
        {
            "activity": activity,
            "form": form,
            "checkin_url": url,
            "qr_svg": _qr_svg(url),
            "state": selectors.checkin_state(activity=activity, now=now),
        },
    )


def _qr_svg(url: str) -> str:
    if not url:
        return ""
    return segno.make(url, error="m").svg_inline(scale=6, title=_("Mã QR điểm danh"))


@login_required
def checkin_queue(request, pk: int):
    activity = _activity(request, pk, Access.VIEW)
    # The queue shows the names and phones residents typed.
    require_people(request.user, activity.unit)
    editable = can(request.user, Access.EDIT, activity.unit)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        checkin = get_object_or_404(
            CheckinRequest, pk=request.POST.get("request", "0") or 0, activity=activity
        )
        if request.POST.get("add"):
            _checkin_add_person(request, activity, checkin)
            return redirect("activities:checkin_queue", pk=activity.pk)
        person = None
        if request.POST.get("person", "").isdigit():
            person = get_object_or_404(
                selectors.checkin_match_candidates(user=request.user, activity=activity),
                pk=request.POST["person"],
            )
        services.checkin_request_resolve(request=checkin, person=person)
        messages.success(request, _("Đã xử lý yêu cầu điểm danh."))
        return redirect("activities:checkin_queue", pk=activity.pk)
    query = request.GET.get("q", "").strip()
    return render(
        request,
        "activities/checkin_queue.html",
        {
            "activity": activity,
            "queue": selectors.checkin_queue(activity=activity),
            "query": query,
            "new_person_form": _checkin_new_person_form(request, activity),
            "roster": selectors.checkin_match_candidates(
                user=request.user, activity=activity, query=query
            )[:CHECKIN_MATCH_LIMIT],
            "editable": editable,
        },
    )


def _checkin_new_person_form(request, activity: Activity, data=None) -> CheckinNewPersonForm:
    units = (
        visible_units(request.user)
        .filter(ward=activity.ward, is_active=True)
        .exclude(pk=activity.ward_id)
        .order_by("sort_key")
    )
    return CheckinNewPersonForm(data, units=units, ward=activity.ward)


def _checkin_add_person(request, activity: Activity, checkin: CheckinRequest) -> None:
    form = _checkin_new_person_form(request, activity, request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập họ và tên, chọn đơn vị và nhóm đối tượng."))
        return
    try:
        services.checkin_request_add_person(
            actor=request.user, request=checkin, **form.cleaned_data
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã thêm người mới vào danh sách và ghi nhận điểm danh."))


def _device(request) -> tuple[str, str | None]:
    """(device key, new cookie value or None). A request without our cookie is keyed on its
    address, so a script that drops cookies shares one allowance."""
    address = request.META.get("REMOTE_ADDR", "")
    cookie = request.COOKIES.get(DEVICE_COOKIE, "")
    if len(cookie) == 32 and cookie.isalnum():
        return "c:" + cookie, None
    return "a:" + hashlib.sha256(address.encode()).hexdigest()[:40], secrets.token_hex(16)


def checkin(request, token: str):
    """The public page behind the QR code: no login, nothing about anyone shown."""
    activity = selectors.activity_for_checkin(token=token)
    if activity is None:
        raise Http404
    device, new_cookie = _device(request)
    form = CheckinForm(request.POST or None, ward=activity.ward)
    outcome = None
    if request.method == "POST" and form.is_valid():
        outcome = services.checkin_submit(
            activity=activity,
            phone=form.cleaned_data["phone"],
            full_name=form.cleaned_data["full_name"],
            unit=form.cleaned_data["unit"],
            device=device,
            address=request.META.get("REMOTE_ADDR", ""),
        )
        if outcome.field and not outcome.recorded:
            form.add_error(outcome.field, outcome.message)
    response = render(
        request,
        "activities/checkin.html",
        {
            "activity": activity,
            "form": form,
            "outcome": outcome,
            "is_open": activity.checkin_is_open(timezone.now()),
        },
        status=429 if outcome and outcome.rate_limited else 200,
    )
    if new_cookie:
        response.set_cookie(
            DEVICE_COOKIE, new_cookie, max_age=60 * 60 * 24 * 30, httponly=True, samesite="Lax"
        )
    return response


# Coverage --------------------------------------------------------------------------------


def _coverage_context(request):
    units = visible_units(request.user).exclude(kind=UnitKind.PROVINCE).order_by("path")
    default_unit = request.user.unit
    if default_unit is None or default_unit.is_province:
        default_unit = units.filter(kind=UnitKind.WARD).first()
    unit = default_unit
    if request.GET.get("unit", "").isdigit():
        unit = get_object_or_404(Unit, pk=request.GET["unit"])
    if unit is None:
        raise Http404
    require(request.user, Access.VIEW, unit)
    ward = unit if unit.is_ward else unit.ward
    plans = Plan.objects.filter(ward=ward)
    plan = plans.filter(pk=request.GET.get("plan") or 0).first() or plans.first()
    data = {"unit": unit.pk, "plan": getattr(plan, "pk", None), **request.GET.dict()}
    form = CoverageForm(data, units=units, plans=plans)
    form.is_valid()
    phase = None
    if plan and str(form.cleaned_data.get("phase") or "").isdigit():
        phase = Phase.objects.filter(plan=plan, pk=form.cleaned_data["phase"]).first()
    on = form.cleaned_data.get("on")
    return {
        "form": form,
        "unit": unit,
        "plan": plan,
        "phase": phase,
        "on": on,
        "sees_people": can_see_people(request.user, unit),
    }


@login_required
def coverage(request):
    context = _coverage_context(request)
    plan = context["plan"]
    if plan is not None:
        context["table"] = selectors.coverage_table(
            root=context["unit"], plan=plan, phase=context["phase"], on=context["on"]
        )
        context["day"] = selectors.coverage_day(phase=context["phase"], on=context["on"])
    return render(request, "activities/coverage.html", context)


@login_required
def not_briefed(request):
    context = _coverage_context(request)
    require_people(request.user, context["unit"])
    plan = context["plan"]
    if plan is None:
        raise Http404
    people = selectors.people_not_briefed(
        root=context["unit"], plans=[plan], phase=context["phase"], on=context["on"]
    )
    if request.GET.get("format") == "xlsx":
        return exports.not_briefed_xlsx(people, context["unit"])
    context["page"] = Paginator(people, 100).get_page(request.GET.get("page"))
    context["query_string"] = request.GET.urlencode()
    return render(request, "activities/not_briefed.html", context)


# Channels --------------------------------------------------------------------------------


@login_required
def channels(request):
    ward = user_ward(request.user)
    if request.GET.get("ward", "").isdigit():
        ward = get_object_or_404(Unit, pk=request.GET["ward"], kind=UnitKind.WARD)
    if ward is None:
        raise Http404
    require(request.user, Access.MANAGE, ward)
    services.channels_seed(ward=ward)
    channel = None
    if request.GET.get("edit", "").isdigit():
        channel = get_object_or_404(
            selectors.channels_for_ward(ward=ward, active_only=False), pk=request.GET["edit"]
        )
    form = ChannelForm(request.POST or None, instance=channel)
    if request.method == "POST" and form.is_valid():
        try:
            services.channel_save(ward=ward, channel=channel, **form.cleaned_data)
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("Đã lưu hình thức tuyên truyền."))
            return redirect(reverse("activities:channels") + f"?ward={ward.pk}")
    return render(
        request,
        "activities/channels.html",
        {
            "ward": ward,
            "channels": selectors.channels_for_ward(ward=ward, active_only=False),
            "form": form,
            "channel": channel,
        },
    )
