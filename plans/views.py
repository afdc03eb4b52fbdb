"""Plan pages: list, import and review, detail, edit, original file, ownership, unit tasks.

Permissions come from accounts.scoping: reading a plan needs its ward among the user's
visible wards; importing and editing need Access.MANAGE on the ward."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.scoping import Access, can, require, user_ward, visible_units, visible_wards
from common.uploads import UploadRejected
from plans.forms import UploadForm
from plans.review import (
    build_forms,
    initial_from_structure,
    structure_from_forms,
    structure_of_plan,
)
from plans.selectors import draft_get, plan_get, plans_visible, task_owners, tasks_for_unit
from plans.services import plan_draft_keep, plan_draft_save, plan_import, plan_update
from units.models import Unit, UnitKind


def _manageable_wards(user):
    return [w for w in visible_wards(user) if can(user, Access.MANAGE, w)]


@login_required
def plan_list(request):
    plans = plans_visible(user=request.user).prefetch_related("tasks")
    return render(request, "plans/plan_list.html", {
        "plans": plans, "can_import": bool(_manageable_wards(request.user)),
    })  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def plan_upload(request):
    ward = user_ward(request.user)
    wards = None
    if ward is None:
        choices = _manageable_wards(request.user)
        if not choices:
            raise PermissionDenied
        wards = Unit.objects.filter(pk__in=[w.pk for w in choices])
    else:
        require(request.user, Access.MANAGE, ward)
    form = UploadForm(request.POST or None, request.FILES or None, wards=wards)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data.get("ward") or ward
        require(request.user, Access.MANAGE, target)
        try:
            outcome = plan_import(ward=target, upload=form.cleaned_data["file"], user=request.user)
        except UploadRejected as exc:
            form.add_error("file", str(exc))
        else:
            for message in outcome.messages:
                messages.warning(request, message)
            if outcome.plan is not None:
                return redirect("plans:detail", pk=outcome.plan.pk)
            return redirect("plans:review", token=outcome.draft.token)
    return render(request, "plans/upload.html", {"form": form})


def _review_page(request, template: str, ward, forms, context: dict):
    return render(request, template, {"forms": forms, "ward": ward, **context})


@login_required
@require_http_methods(["GET", "POST"])
def plan_review(request, token):
    draft = draft_get(user=request.user, token=token)
    require(request.user, Access.MANAGE, draft.ward)
    parsed = draft.parsed
    details = {k: parsed.get(k, "") for k in ("parent_issuer", "resolution", "purposes",
                                               "requirements")}  # fmt: skip
    initial = initial_from_structure(draft.ward, parsed["structure"], details)
    if request.method == "POST":
        plan_draft_keep(draft=draft, posted={k: request.POST.getlist(k) for k in request.POST})
    data = _bound_data(request, draft.review)
    forms = build_forms(draft.ward, data=data, initial=initial)
    if request.method == "POST" and forms.is_valid():
        structure, chosen = structure_from_forms(
            draft.ward, forms, parsed["structure"]["sections"], initial["labels"]
        )
        plan = plan_draft_save(
            draft=draft, structure=structure,
            details={**chosen, "warnings": parsed.get("warnings", [])}, user=request.user,
        )  # fmt: skip
        messages.success(request, _("Đã lưu kế hoạch."))
        return redirect("plans:detail", pk=plan.pk)
    return _review_page(request, "plans/review.html", draft.ward, forms, {
        "draft": draft, "source_text": draft.source_text,
        "warnings": parsed.get("warnings", []), "submitted": data is not None,
    })  # fmt: skip


def _bound_data(request, kept: dict):
    """The submitted form, or what was typed before (kept on the draft), or nothing."""
    if request.method == "POST":
        return request.POST
    if kept:
        data = QueryDict(mutable=True)
        for key, values in kept.items():
            data.setlist(key, values)
        return data
    return None


@login_required
def plan_detail(request, pk: int):
    plan = plan_get(user=request.user, pk=pk)
    return render(request, "plans/plan_detail.html", {
        "plan": plan,
        "bases": plan.legal_bases.all(),
        "phases": plan.phases.all(),
        "targets": plan.targets.select_related("phase").prefetch_related("audience_groups"),
        "owners": task_owners(plan=plan),
        "responsibilities": plan.responsibilities.prefetch_related("units"),
        "can_manage": can(request.user, Access.MANAGE, plan.ward),
    })  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk: int):
    plan = plan_get(user=request.user, pk=pk)
    require(request.user, Access.MANAGE, plan.ward)
    structure, details = structure_of_plan(plan)
    initial = initial_from_structure(plan.ward, structure, details)
    forms = build_forms(plan.ward, data=request.POST or None, initial=initial)
    if request.method == "POST" and forms.is_valid():
        structure, chosen = structure_from_forms(plan.ward, forms, plan.sections, initial["labels"])
        plan_update(plan=plan, structure=structure,
                    details={**chosen, "warnings": plan.warnings}, user=request.user)  # fmt: skip
        messages.success(request, _("Đã lưu thay đổi của kế hoạch."))
        return redirect("plans:detail", pk=plan.pk)
    return _review_page(request, "plans/review.html", plan.ward, forms, {
        "plan": plan, "source_text": plan.source_text, "warnings": [],
        "submitted": request.method == "POST",
    })  # fmt: skip


@login_required
def plan_source(request, pk: int):
    plan = plan_get(user=request.user, pk=pk)
    if not plan.source_file:
        raise Http404
    return FileResponse(plan.source_file.open("rb"), as_attachment=True,
                        filename=plan.source_name or "ke-hoach")  # fmt: skip


@login_required
def plan_owners(request, pk: int):
    plan = plan_get(user=request.user, pk=pk)
    require(request.user, Access.VIEW, plan.ward)
    rows = task_owners(plan=plan)
    return render(request, "plans/owners.html", {
        "plan": plan, "rows": rows, "unowned": [r for r in rows if not r.has_owner],
    })  # fmt: skip


@login_required
def my_tasks(request):
    unit = request.user.unit
    if unit is not None and unit.kind not in (UnitKind.WARD, UnitKind.PROVINCE):
        return redirect("plans:unit_tasks", unit_id=unit.pk)
    units = visible_units(request.user).exclude(kind__in=[UnitKind.WARD, UnitKind.PROVINCE])
    return render(request, "plans/unit_choice.html", {"units": units.select_related("ward")})


@login_required
def unit_tasks(request, unit_id: int):
    unit = get_object_or_404(Unit, pk=unit_id)
    require(request.user, Access.VIEW, unit)
    return render(request, "plans/unit_tasks.html", {
        "unit": unit, "rows": tasks_for_unit(unit=unit),
    })  # fmt: skip
