from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from accounts.scoping import assignable_units, grantable_roles


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Sau 5 lần sai trong một giờ, "
            "tài khoản sẽ bị tạm khóa."
        ),
        "inactive": _("Tài khoản này đã bị khóa."),
    }


class ChangePasswordForm(PasswordChangeForm):
    pass


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit) -> str:
        if unit.kind in ("province", "ward") or unit.ward_id is None:
            return unit.name
        return f"{unit.name} ({unit.ward.name})"


class UserForm(forms.Form):
    """The fields a manager sets on an account; which roles and units it offers depends on
    who is managing (accounts.scoping)."""

    full_name = forms.CharField(label=_("Họ và tên"), max_length=255)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    role = forms.ChoiceField(label=_("Vai trò"))
    unit = UnitChoiceField(
        label=_("Đơn vị phụ trách"),
        queryset=None,
        required=False,
        help_text=_(
            "Đầu mối: đơn vị của mình. Lãnh đạo, cán bộ đầu mối: phường, xã. "
            "Cán bộ cấp thành phố: tỉnh, thành phố."
        ),
    )

    def __init__(self, *args, manager: User, **kwargs):
        super().__init__(*args, **kwargs)
        roles = grantable_roles(manager)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]
        self.fields["unit"].queryset = assignable_units(manager).select_related("ward")
        if len(roles) == 1:
            self.fields["role"].initial = roles[0].value
            self.fields["unit"].required = True
            self.fields["unit"].help_text = ""
        if Role.ADMIN not in roles:
            self.fields["unit"].empty_label = None


class UserCreateForm(UserForm):
    username = forms.SlugField(
        label=_("Tên đăng nhập"),
        max_length=150,
        help_text=_("Chữ không dấu, số, dấu gạch ngang; ví dụ: th-ancuu1."),
    )
    field_order = ["username", "full_name", "phone", "email", "role", "unit"]

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].lower()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("Tên đăng nhập này đã có người dùng."))
        return username
