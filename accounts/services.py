"""Writes on user accounts. auditlog records each save with the acting user (AuditlogMiddleware
in a request, `auditlog.context.set_actor` in a command)."""

import string

from axes.utils import reset as axes_reset
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from accounts.models import Role, User
from common.phones import InvalidPhone, normalize_phone
from common.text import clean_text
from units.models import Unit, UnitKind

# No 0/O, 1/l/I: the password is read aloud or copied by hand from the screen.
_PASSWORD_CHARS = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")
TEMPORARY_PASSWORD_LENGTH = 12

# The kind of unit each role's account hangs from (None: an admin needs no unit).
_UNIT_KINDS_FOR_ROLE = {
    Role.COORDINATOR: {UnitKind.WARD},
    Role.LEADER: {UnitKind.WARD},
    Role.CITY_VIEWER: {UnitKind.PROVINCE},
}


def temporary_password() -> str:
    while True:
        password = get_random_string(TEMPORARY_PASSWORD_LENGTH, _PASSWORD_CHARS)
        if not password.isdigit():
            return password


def _phone(raw: object) -> str:
    try:
        return normalize_phone(raw)
    except InvalidPhone as error:
        raise ValidationError({"phone": str(error)}) from error


def user_role_unit_check(*, role: str, unit: Unit | None) -> None:
    """Each role reaches the subtree of one unit of the right level."""
    if role == Role.ADMIN:
        return
    if unit is None:
        raise ValidationError({"unit": _("Vai trò này cần chọn đơn vị phụ trách.")})
    kinds = _UNIT_KINDS_FOR_ROLE.get(role)
    if kinds is None:
        if unit.kind in (UnitKind.PROVINCE, UnitKind.WARD):
            raise ValidationError(
                {
                    "unit": _(
                        "Đầu mối phải thuộc một đơn vị của phường, xã, không phải cấp hành chính."
                    )
                }
            )
    elif unit.kind not in kinds:
        message = (
            _("Lãnh đạo và cán bộ đầu mối được gắn với một phường, xã.")
            if UnitKind.WARD in kinds
            else _("Cán bộ cấp thành phố được gắn với một tỉnh, thành phố.")
        )
        raise ValidationError({"unit": message})


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    role: Role,
    unit: Unit | None,
    full_name: str = "",
    phone: object = "",
    email: str = "",
    must_change_password: bool = True,
) -> User:
    user_role_unit_check(role=role, unit=unit)
    user = User(
        username=clean_text(username),
        role=role,
        unit=unit if role != Role.ADMIN else None,
        full_name=clean_text(full_name),
        phone=_phone(phone),
        email=clean_text(email).lower(),
        must_change_password=must_change_password,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def user_update(
    *, user: User, full_name: str, phone: object, role: Role, unit: Unit | None, email: str = ""
) -> User:
    user_role_unit_check(role=role, unit=unit)
    user.full_name = clean_text(full_name)
    user.phone = _phone(phone)
    user.email = clean_text(email).lower()
    user.role = role
    user.unit = unit if role != Role.ADMIN else None
    user.is_staff = user.is_superuser = role == Role.ADMIN
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def user_reset_password(*, user: User) -> str:
    """Give the account a new temporary password, to be changed at the next login."""
    password = temporary_password()
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    # The coordinator hands the new password to someone locked out by failed logins: without
    # this the login still answers "Tài khoản tạm khóa" for up to an hour.
    axes_reset(username=user.username)
    return password


@transaction.atomic
def user_deactivate(*, user: User) -> User:
    """Lock the account; its history stays, so it is never deleted."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    return user


@transaction.atomic
def user_activate(*, user: User) -> User:
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


def user_password_changed(*, user: User) -> None:
    user.must_change_password = False
    user.save(update_fields=["must_change_password"])
