from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import selectors, services
from accounts.forms import ChangePasswordForm, LoginForm, UserCreateForm, UserForm
from accounts.models import User
from accounts.scoping import (
    Access,
    manageable_users,
    require,
    require_manage_users,
    require_path,
    require_role,
    user_ward,
)
from units.models import Unit

AUDIT_PAGE_SIZE = 50
# The one-time password waits in the session between the POST and the page that shows it.
_TEMPORARY_PASSWORD_KEY = "accounts_temporary_password"


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = ChangePasswordForm
    success_url = reverse_lazy("dashboard:home")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.user_password_changed(user=self.request.user)
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return response


def _managed_user(request, pk: int) -> User:
    require_manage_users(request.user)
    return get_object_or_404(manageable_users(request.user), pk=pk)


def _hand_over_password(request, user: User, password: str) -> None:
    request.session[_TEMPORARY_PASSWORD_KEY] = {"user": user.pk, "password": password}


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@login_required
def user_list(request):
    require_manage_users(request.user)
    users = selectors.users_for_manager(user=request.user)
    locked = selectors.locked_usernames(users=users)
    return render(request, "accounts/user_list.html", {"users": users, "locked": locked})


@login_required
def user_create(request):
    require_manage_users(request.user)
    form = UserCreateForm(request.POST or None, manager=request.user)
    if request.method == "POST" and form.is_valid():
        password = services.temporary_password()
        try:
            user = services.user_create(password=password, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            _hand_over_password(request, user, password)
            messages.success(request, _("Đã tạo tài khoản %(name)s.") % {"name": user.username})
            return redirect("accounts:user_edit", pk=user.pk)
    return render(request, "accounts/user_form.html", {"form": form, "creating": True})


@login_required
def user_edit(request, pk: int):
    user = _managed_user(request, pk)
    initial = {
        "full_name": user.full_name,
        "phone": user.phone,
        "email": user.email,
        "role": user.role,
        "unit": user.unit_id,
    }
    form = UserForm(request.POST or None, manager=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update(user=user, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Đã lưu thông tin tài khoản."))
            return redirect("accounts:user_edit", pk=user.pk)
    handed_over = request.session.pop(_TEMPORARY_PASSWORD_KEY, None)
    password = handed_over["password"] if handed_over and handed_over["user"] == user.pk else None
    content_type = ContentType.objects.get_for_model(User)
    return render(
        request,
        "accounts/user_form.html",
        {
            "form": form,
            "account": user,
            "temporary_password": password,
            "content_type_id": content_type.pk,
        },
    )


@login_required
@require_POST
def user_reset_password(request, pk: int):
    user = _managed_user(request, pk)
    password = services.user_reset_password(user=user)
    _hand_over_password(request, user, password)
    messages.success(request, _("Đã cấp mật khẩu tạm thời mới."))
    return redirect("accounts:user_edit", pk=user.pk)


@login_required
@require_POST
def user_deactivate(request, pk: int):
    user = _managed_user(request, pk)
    services.user_deactivate(user=user)
    messages.success(request, _("Đã khóa tài khoản %(name)s.") % {"name": user.username})
    return redirect("accounts:user_edit", pk=user.pk)


@login_required
@require_POST
def user_activate(request, pk: int):
    user = _managed_user(request, pk)
    services.user_activate(user=user)
    messages.success(request, _("Đã mở khóa tài khoản %(name)s.") % {"name": user.username})
    return redirect("accounts:user_edit", pk=user.pk)


def _audit_page(request, entries, title: str, subject: str):
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(
        request,
        "accounts/audit_log.html",
        {
            "title": title,
            "subject": subject,
            "page": page,
            "rows": selectors.audit_rows(page.object_list),
        },
    )


@login_required
def audit_index(request):
    """The coordinator's ward, or everything for an admin."""
    require_role(request.user, Access.MANAGE)
    ward = user_ward(request.user)
    if ward is None:
        return _audit_page(
            request, selectors.audit_log_all(), _("Nhật ký thay đổi"), _("Toàn hệ thống")
        )
    return redirect("accounts:audit_unit", unit_id=ward.pk)


@login_required
def audit_unit(request, unit_id: int):
    unit = get_object_or_404(Unit, pk=unit_id)
    require(request.user, Access.MANAGE, unit)
    return _audit_page(
        request, selectors.audit_log_for_unit(unit=unit), _("Nhật ký thay đổi"), unit.name
    )


@login_required
def audit_record(request, content_type_id: int, object_pk: str):
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    path = selectors.audit_record_unit_path(content_type=content_type, object_pk=object_pk)
    if path is None:
        raise Http404
    require_path(request.user, Access.MANAGE, path)
    entries = selectors.audit_log_for_record(content_type=content_type, object_pk=object_pk)
    latest = entries.first()
    return _audit_page(request, entries, _("Lịch sử bản ghi"), latest.object_repr)
