"""Password rules toward ASVS level 2 (issue 18, item 9)."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


def _refused(password, user) -> str:
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    return " ".join(refused.value.messages)


def test_twelve_characters_at_least(world):
    assert "12" in _refused("Kx9#vTq2!mZ", world.user("focal"))


def test_common_vietnamese_passwords_are_refused(world):
    assert "phổ biến" in _refused("Matkhau123456", world.user("focal"))
    assert "phổ biến" in _refused("MậtKhẩu@2026!", world.user("focal"))


def test_a_password_made_of_the_username_is_refused(world):
    user = world.user("focal")
    assert "tên đăng nhập" in _refused(f"{user.username}{user.username}#2026xx", user)


def test_the_current_password_cannot_be_set_again(world):
    user = world.user("focal")
    user.set_password("Sông-Hương#2026")
    user.save()
    assert "khác mật khẩu đang dùng" in _refused("Sông-Hương#2026", user)


def test_a_good_password_passes(world):
    validate_password("Sông-Hương#2026", world.user("focal"))
