"""What the home page tells each role to do next."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Role

# (role, url name, what to do). The home page lists the steps of the user's role.
_STEPS = {
    Role.ADMIN: [
        ("admin:index", _("Tạo phường, đơn vị và tài khoản người dùng cho từng vai trò.")),
    ],
    Role.COORDINATOR: [],
    Role.LEADER: [],
    Role.FOCAL_POINT: [],
    Role.CITY_VIEWER: [],
}


@dataclass(frozen=True)
class Step:
    url: str
    text: str


def register_step(role: Role, url_name: str, text) -> None:
    """Apps add their own next steps from AppConfig.ready, so this page never imports them."""
    _STEPS[role].append((url_name, text))


def next_steps_for(user) -> list[Step]:
    role = Role.ADMIN if user.is_superuser else Role(user.role)
    steps = []
    for url_name, text in _STEPS[role]:
        try:
            steps.append(Step(url=reverse(url_name), text=str(text)))
        except NoReverseMatch:
            continue
    return steps
