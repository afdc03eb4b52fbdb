"""Password rules beyond Django's own, toward ASVS level 2: twelve characters (settings), not
made of the user's name, not the password the user has now, and not the Vietnamese words
everyone tries first ("matkhau", "123456"), which Django's English list does not know."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from common.text import search_key

_NOT_LETTER_OR_DIGIT = re.compile(r"[^0-9a-z]+")
# Folded (no diacritics, lower case, letters and digits only); a password containing one of
# them is guessed in the first minutes of an attack on a Vietnamese site.
_COMMON_WORDS = (
    "matkhau",
    "password",
    "123456",
    "abcdef",
    "qwerty",
    "quantri",
    "admin",
    "vietnam",
    "hanoi",
    "saigon",
    "iloveyou",
    "anhyeuem",
    "emyeuanh",
    "hue",
)


def _folded(text: str) -> str:
    return _NOT_LETTER_OR_DIGIT.sub("", search_key(text))


class NotMadeOfNameValidator:
    """The username or a word of the full name inside the password makes it guessable."""

    def validate(self, password, user=None):
        if user is None:
            return
        folded = _folded(password)
        names = [
            getattr(user, "username", "") or "",
            *(getattr(user, "full_name", "") or "").split(),
        ]
        for name in names:
            key = _folded(name)
            if len(key) >= 3 and key in folded:
                raise ValidationError(
                    _("Mật khẩu không được chứa tên đăng nhập hoặc họ tên của bạn."),
                    code="password_contains_name",
                )

    def get_help_text(self):
        return _("Mật khẩu không được chứa tên đăng nhập hoặc họ tên.")


class VietnameseCommonPasswordValidator:
    def validate(self, password, user=None):
        folded = _folded(password)
        if (
            any(word in folded for word in _COMMON_WORDS if len(word) >= 5)
            or folded in _COMMON_WORDS
        ):
            raise ValidationError(
                _(
                    "Mật khẩu chứa từ quá phổ biến (như “matkhau”, “123456”); "
                    "hãy chọn mật khẩu khác."
                ),
                code="password_too_common_vi",
            )

    def get_help_text(self):
        return _("Mật khẩu không dùng các từ phổ biến như “matkhau”, “123456”.")


class NotCurrentPasswordValidator:
    """A change must change the password: reusing the current one keeps a leaked one valid."""

    def validate(self, password, user=None):
        if (
            user is not None
            and user.pk
            and user.has_usable_password()
            and user.check_password(password)
        ):
            raise ValidationError(
                _("Mật khẩu mới phải khác mật khẩu đang dùng."), code="password_unchanged"
            )

    def get_help_text(self):
        return _("Mật khẩu mới phải khác mật khẩu đang dùng.")
