"""Pages for the unit tree, the roster and its import and export. Permissions come from
accounts.scoping only; logic lives in services and selectors."""

import tempfile

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.scoping import (
    Access,
    can,
    can_see_people,
    is_admin,
    require,
    require_people,
    require_role,
    role_allows,
    user_ward,
    visible_units,
    visible_wards,
)
from common.uploads import UploadRejected
from units import selectors, services
from units.forms import AudienceGroupForm, PersonForm, RosterUploadForm, UnitForm
from units.models import AudienceGroup, Person, Unit, UnitKind
from units.official import search_official_wards
from units.roster.xlsx import roster_export, roster_template

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE_SIZE = 50
PREVIEW_PROBLEMS_SHOWN = 1000


def _xlsx_response(write, filename: str) -> FileResponse:
    # A spooled file keeps small workbooks in memory and big exports on disk.
    stream = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 FileResponse closes it
    write(stream)
    stream.seek(0)
    return FileResponse(stream, as_attachment=True, filename=filename, content_type=XLSX)


def _form_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def _require_posted(request, field: str, access: Access) -> None:
    """A unit named in a POST is checked before the form, so an out-of-reach unit answers
    404 like every other out-of-reach record, not a form error."""
    value = request.POST.get(field, "")
    if request.method == "POST" and value.isdigit():
        require(request.user, access, get_object_or_404(Unit, pk=value))


def _managed_wards(user):
    return visible_wards(user) if role_allows(user, Access.MANAGE) else Unit.objects.none()


# Unit tree


@login_required
def unit_tree(request):
    require_role(request.user, Access.VIEW)
    nodes = selectors.unit_tree(units=visible_units(request.user))
    return render(
        request,
        "units/tree.html",
        {
            "nodes": nodes,
            "can_manage": role_allows(request.user, Access.MANAGE),
            "is_admin": is_admin(request.user),
        },
    )


@login_required
def unit_detail(request, pk: int):
    unit = get_object_or_404(Unit, pk=pk)
    require(request.user, Access.VIEW, unit)
    managing = can(request.user, Access.MANAGE, unit)
    return render(
        request,
        "units/unit_detail.html",
        {
            "unit": unit,
            "ancestors": Unit.objects.filter(
                pk__in=[int(part) for part in unit.path.strip("/").split("/")[:-1]]
            ).order_by("depth"),
            "groups": selectors.unit_people_by_group(unit=unit),
            "children": selectors.unit_tree(units=unit.subtree().filter(depth=unit.depth + 1)),
            "can_edit": managing and unit.kind not in (UnitKind.PROVINCE, UnitKind.WARD),
            "can_add_child": managing and unit.kind != UnitKind.PROVINCE,
            "can_see_people": can_see_people(request.user, unit),
        },
    )


@login_required
def unit_create(request):
    require_role(request.user, Access.MANAGE)
    _require_posted(request, "parent", Access.MANAGE)
    parents = visible_units(request.user).exclude(kind=UnitKind.PROVINCE)
    form = UnitForm(
        request.POST or None, parents=parents, initial={"parent": request.GET.get("parent")}
    )
    if request.method == "POST" and form.is_valid():
        parent = form.cleaned_data["parent"]
        require(request.user, Access.MANAGE, parent)
        data = {k: v for k, v in form.cleaned_data.items() if k != "parent"}
        try:
            unit = services.unit_create(parent=parent, **data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Đã thêm đơn vị “%(name)s”.") % {"name": unit.name})
            return redirect("units:unit_detail", pk=unit.pk)
    return render(request, "units/unit_form.html", {"form": form, "title": _("Thêm đơn vị")})


@login_required
def unit_edit(request, pk: int):
    unit = get_object_or_404(Unit, pk=pk)
    require(request.user, Access.MANAGE, unit)
    if unit.kind in (UnitKind.PROVINCE, UnitKind.WARD):
        raise Http404
    initial = {
        "name": unit.name,
        "kind": unit.kind,
        "school_level": unit.school_level,
        "organisation_type": unit.organisation_type,
        "is_active": unit.is_active,
    }
    form = UnitForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_update(unit=unit, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Đã lưu đơn vị."))
            return redirect("units:unit_detail", pk=unit.pk)
    title = _("Sửa đơn vị %(name)s") % {"name": unit.name}
    return render(request, "units/unit_form.html", {"form": form, "title": title, "unit": unit})


@login_required
def ward_create(request):
    if not is_admin(request.user):
        raise PermissionDenied
    if request.method == "POST":
        try:
            ward = services.ward_create_from_official(code=request.POST.get("code", ""))
        except (ValidationError, ValueError):
            messages.error(request, _("Không có phường, xã này trong danh mục chính thức."))
        else:
            messages.success(request, _("Đã tạo %(name)s.") % {"name": ward.name})
            return redirect("units:unit_detail", pk=ward.pk)
    return render(request, "units/ward_create.html", _ward_results(request))


@login_required
def ward_search(request):
    if not is_admin(request.user):
        raise PermissionDenied
    return render(request, "units/_ward_results.html", _ward_results(request))


def _ward_results(request) -> dict:
    query = request.GET.get("q", "")
    found = search_official_wards(query) if query else []
    existing = set(
        Unit.objects.filter(code__in=[w.code for w in found]).values_list("code", flat=True)
    )
    return {"query": query, "results": [(w, w.code in existing) for w in found]}


# People


def _people_filters(request):
    user = request.user
    wards = visible_wards(user)
    ward = user_ward(user)
    if ward is None and request.GET.get("ward", "").isdigit():
        ward = wards.filter(pk=request.GET["ward"]).first()
    units = visible_units(user).exclude(kind__in=(UnitKind.PROVINCE, UnitKind.WARD))
    groups = AudienceGroup.objects.filter(ward__in=wards)
    if ward is not None:
        units = units.filter(ward=ward)
        groups = groups.filter(ward=ward)
    unit = group = None
    if request.GET.get("unit", "").isdigit():
        unit = units.filter(pk=request.GET["unit"]).first()
    if request.GET.get("group", "").isdigit():
        group = groups.filter(pk=request.GET["group"]).first()
    return {
        "wards": wards,
        "ward": ward,
        "units": units.order_by("sort_key"),
        "unit": unit,
        "groups": groups,
        "group": group,
        "query": request.GET.get("q", "")[:100],
    }


def _filtered_people(request, filters: dict):
    return selectors.person_list(
        # The units the user reaches, as a subquery: the database resolves it once, instead of
        # joining the unit table for each of 200,000 people.
        people=Person.objects.filter(unit__in=visible_units(request.user).values("pk")),
        query=filters["query"],
        ward=filters["ward"],
        unit=filters["unit"],
        audience_group=filters["group"],
    )


@login_required
def person_list(request):
    require_people(request.user)
    filters = _people_filters(request)
    page = selectors.person_page(
        people=_filtered_people(request, filters), number=request.GET.get("page"), size=PAGE_SIZE
    )
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        **filters,
        "page": page,
        "params": params.urlencode(),
        "can_edit": role_allows(request.user, Access.EDIT),
        "can_manage": role_allows(request.user, Access.MANAGE),
    }
    template = "units/_people_results.html" if request.htmx else "units/person_list.html"
    return render(request, template, context)


@login_required
def person_detail(request, pk: int):
    person = get_object_or_404(Person.objects.select_related("unit", "audience_group"), pk=pk)
    require_people(request.user, person.unit)
    return render(
        request,
        "units/person_detail.html",
        {"person": person, "can_edit": can(request.user, Access.EDIT, person.unit)},
    )


def _person_form(request, person: Person | None):
    units = visible_units(request.user).exclude(kind__in=(UnitKind.PROVINCE, UnitKind.WARD))
    groups = AudienceGroup.objects.filter(ward__in=visible_wards(request.user))
    initial = {}
    if person is not None:
        initial = {name: getattr(person, name) for name in services.PERSON_FIELDS}
    return PersonForm(request.POST or None, units=units, groups=groups, initial=initial)


@login_required
def person_create(request):
    require_role(request.user, Access.EDIT)
    _require_posted(request, "unit", Access.EDIT)
    form = _person_form(request, None)
    if request.method == "POST" and form.is_valid():
        require(request.user, Access.EDIT, form.cleaned_data["unit"])
        try:
            person = services.person_create(**form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Đã thêm %(name)s.") % {"name": person.full_name})
            return redirect("units:person_detail", pk=person.pk)
    return render(request, "units/person_form.html", {"form": form, "title": _("Thêm người")})


@login_required
def person_edit(request, pk: int):
    person = get_object_or_404(Person, pk=pk)
    require(request.user, Access.EDIT, person.unit)
    _require_posted(request, "unit", Access.EDIT)
    form = _person_form(request, person)
    if request.method == "POST" and form.is_valid():
        require(request.user, Access.EDIT, form.cleaned_data["unit"])
        try:
            services.person_update(person=person, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thông tin của %(name)s.") % {"name": person})
            return redirect("units:person_detail", pk=person.pk)
    title = _("Sửa thông tin %(name)s") % {"name": person.full_name}
    return render(request, "units/person_form.html", {"form": form, "title": title})


# Roster import and export


@login_required
def roster_export_view(request):
    require_people(request.user)
    filters = _people_filters(request)
    people = _filtered_people(request, filters)
    scope = filters["unit"] or filters["ward"]
    title = _("DANH SÁCH NGƯỜI THUỘC ĐỐI TƯỢNG TUYÊN TRUYỀN") + (
        f" – {scope.name}" if scope else ""
    )
    code = scope.code if scope else "tat-ca"
    return _xlsx_response(
        lambda stream: roster_export(people=people, stream=stream, title=title),
        f"danh-sach-nguoi-{code}.xlsx",
    )


@login_required
def roster_template_view(request):
    require_role(request.user, Access.MANAGE)
    ward = user_ward(request.user)
    if ward is None and request.GET.get("ward", "").isdigit():
        ward = get_object_or_404(visible_wards(request.user), pk=request.GET["ward"])
    return _xlsx_response(
        lambda stream: roster_template(ward=ward, stream=stream), "mau-danh-sach-nguoi.xlsx"
    )


@login_required
def roster_upload(request):
    require_role(request.user, Access.MANAGE)
    _require_posted(request, "ward", Access.MANAGE)
    wards = _managed_wards(request.user)
    form = RosterUploadForm(request.POST or None, request.FILES or None, wards=wards)
    if request.method == "POST" and form.is_valid():
        ward = form.cleaned_data["ward"]
        require(request.user, Access.MANAGE, ward)
        try:
            token = services.roster_preview_create(
                upload=form.cleaned_data["file"],
                user=request.user,
                ward=ward,
                default_unit=form.cleaned_data["default_unit"],
                default_group=form.cleaned_data["default_group"],
            )
        except UploadRejected as error:
            form.add_error("file", str(error))
        else:
            return redirect("units:roster_preview", token=token)
    return render(request, "units/roster_upload.html", {"form": form})


def _preview_or_404(request, token: str) -> dict:
    data = selectors.roster_preview_get(token=token, user=request.user)
    if data is None:
        raise Http404
    require(request.user, Access.MANAGE, get_object_or_404(Unit, pk=data["ward"]))
    return data


def _already_saved_or_404(request, token: str):
    saved = selectors.roster_saved_get(token=token, user=request.user)
    if saved is None:
        raise Http404
    ward = get_object_or_404(Unit, pk=saved["ward"])
    require(request.user, Access.MANAGE, ward)
    return render(request, "units/roster_saved.html", {"saved": saved, "ward": ward})


@login_required
def roster_preview(request, token: str):
    if selectors.roster_preview_get(token=token, user=request.user) is None:
        return _already_saved_or_404(request, token)
    data = _preview_or_404(request, token)
    preview = data["preview"]
    return render(
        request,
        "units/roster_preview.html",
        {
            "token": token,
            "data": data,
            "preview": preview,
            "problems": preview["problems"][:PREVIEW_PROBLEMS_SHOWN],
            "more_problems": max(0, len(preview["problems"]) - PREVIEW_PROBLEMS_SHOWN),
            "good": preview["totals"]["new"] + preview["totals"]["updated"],
        },
    )


@login_required
@require_POST
def roster_confirm(request, token: str):
    if selectors.roster_preview_get(token=token, user=request.user) is None:
        return _already_saved_or_404(request, token)
    data = _preview_or_404(request, token)
    if request.POST.get("choice") != "save":
        services.roster_preview_discard(token=token)
        messages.info(request, _("Đã hủy: không lưu dòng nào."))
        return redirect("units:roster_upload")
    try:
        result = services.roster_preview_apply(token=token, data=data, actor=request.user)
    except (ValidationError, UploadRejected) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("units:roster_upload")
    messages.success(
        request,
        _("Đã lưu: %(new)s người mới, %(updated)s người được cập nhật; %(bad)s dòng lỗi bỏ qua.")
        % {
            "new": result.total("new"),
            "updated": result.total("updated"),
            "bad": result.total("bad"),
        },
    )
    return redirect("units:person_list")


@login_required
def roster_bad_rows(request, token: str):
    _preview_or_404(request, token)
    path = selectors.roster_bad_rows_path(token=token)
    if path is None:
        raise Http404
    return FileResponse(
        open(path, "rb"), as_attachment=True, filename="dong-loi.xlsx", content_type=XLSX
    )


# Audience groups


@login_required
def audience_groups(request, ward_pk: int):
    ward = get_object_or_404(Unit, pk=ward_pk, kind=UnitKind.WARD)
    require(request.user, Access.VIEW, ward)
    return render(
        request,
        "units/audience_groups.html",
        {
            "ward": ward,
            "groups": AudienceGroup.objects.filter(ward=ward),
            "can_manage": can(request.user, Access.MANAGE, ward),
        },
    )


@login_required
def audience_group_edit(request, ward_pk: int, pk: int | None = None):
    ward = get_object_or_404(Unit, pk=ward_pk, kind=UnitKind.WARD)
    require(request.user, Access.MANAGE, ward)
    group = get_object_or_404(AudienceGroup, pk=pk, ward=ward) if pk else None
    initial = {"name": group.name, "aliases": group.aliases, "order": group.order} if group else {}
    form = AudienceGroupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.audience_group_save(ward=ward, group=group, **form.cleaned_data)
        except ValidationError as error:
            _form_errors(form, error)
        else:
            messages.success(request, _("Đã lưu nhóm đối tượng."))
            return redirect("units:audience_groups", ward_pk=ward.pk)
    title = _("Sửa nhóm đối tượng") if group else _("Thêm nhóm đối tượng")
    return render(
        request, "units/audience_group_form.html", {"form": form, "title": title, "ward": ward}
    )
