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
