"""An account locked by failed logins is opened again by a new temporary password."""

from axes.models import AccessAttempt

from accounts.services import user_reset_password


def test_resetting_the_password_clears_the_lockout(world):
    user = world.user("focal")
    AccessAttempt.objects.create(
        username=user.username, ip_address="10.0.0.1", user_agent="", failures_since_start=5
    )
    user_reset_password(user=user)
    assert not AccessAttempt.objects.filter(username=user.username).exists()


def test_the_user_list_says_which_accounts_are_locked(client, world):
    from django.urls import reverse

    user = world.user("focal")
    AccessAttempt.objects.create(
        username=user.username, ip_address="10.0.0.1", user_agent="", failures_since_start=5
    )
    client.force_login(world.user("coordinator"))
    page = client.get(reverse("accounts:user_list")).content.decode()
    assert "Tạm khóa (đăng nhập sai nhiều lần)" in page
