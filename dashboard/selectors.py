"""What the home page tells each role to do next, from the data the user reaches.

A step names the URL names it may link to, best first: apps still being built may not have
their pages yet, and a step with no page that resolves is left out rather than linking nowhere.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Role, User
from accounts.scoping import is_admin
from accounts.selectors import people_count, records_in_scope, units_without_focal_point


@dataclass(frozen=True)
class Step:
    url: str
    text: str


# A rule looks at the user's data and returns (url name, text) when the step applies.
Rule = Callable[[User], tuple[str, str] | None]


def _plans(user: User) -> int | None:
    return records_in_scope(user=user, model_label="plans.Plan", unit_field="ward")


def _activities(user: User) -> int | None:
    return records_in_scope(user=user, model_label="activities.Activity", unit_field="unit")


def _no_plan(user):
    if _plans(user) == 0:
        return "plans:upload", _("Chưa có kế hoạch nào: nhập kế hoạch.")
    return None


def _no_people(user):
    if people_count(user=user) == 0:
        return (
            "units:roster_upload",
            _("Chưa có danh sách người: nhập danh sách từ tệp Excel."),
        )
    return None


def _unstaffed_units(user):
    count = units_without_focal_point(user=user).count()
    if count:
        text = ngettext(
            "%(count)d đơn vị chưa có tài khoản đầu mối: tạo tài khoản.",
            "%(count)d đơn vị chưa có tài khoản đầu mối: tạo tài khoản.",
            count,
        ) % {"count": count}
        return "accounts:user_create", text
    return None


def _no_activity(user):
    count = _activities(user)
    if count == 0:
        return (
            "activities:create",
            _("Chưa có hoạt động tuyên truyền nào được ghi nhận: ghi nhận hoạt động đầu tiên."),
        )
    if count:
        return "activities:create", _("Ghi nhận hoạt động mới của đơn vị.")
    return None


def _follow_activities(user):
    count = _activities(user)
    if count:
        text = ngettext(
            "Xem %(count)d hoạt động đã ghi nhận.", "Xem %(count)d hoạt động đã ghi nhận.", count
        ) % {"count": count}
        return "activities:list", text
    return None


def _coverage(user):
    if _activities(user):
        return "activities:coverage", _("Xem mức độ bao phủ theo nhóm đối tượng.")
    return None


def _plan_to_read(user):
    if _plans(user):
        return "plans:list", _("Xem kế hoạch đang thực hiện.")
    return None


def _always(url_name: str, text) -> Rule:
    return lambda user: (url_name, str(text))


_RULES: dict[Role, list[Rule]] = {
    Role.ADMIN: [
        _unstaffed_units,
        _always("accounts:user_list", _("Quản lý tài khoản người dùng của từng vai trò.")),
        _always("admin:index", _("Tạo phường, đơn vị và sửa dữ liệu trong trang quản trị.")),
    ],
    Role.COORDINATOR: [
        _no_plan,
        _no_people,
        _unstaffed_units,
        _follow_activities,
        _coverage,
        _always("accounts:audit_index", _("Xem nhật ký thay đổi dữ liệu của phường.")),
    ],
    Role.LEADER: [_plan_to_read, _follow_activities, _coverage],
    Role.FOCAL_POINT: [_plan_to_read, _no_activity],
    Role.CITY_VIEWER: [_follow_activities, _coverage],
}


def register_step(role: Role, url_name: str, text) -> None:
    """A step shown to every user of the role (used from AppConfig.ready of page apps)."""
    _RULES[role].append(_always(url_name, text))


def next_steps_for(user: User) -> list[Step]:
    role = Role.ADMIN if is_admin(user) else Role(user.role)
    steps = []
    for rule in _RULES[role]:
        found = rule(user)
        if found is None:
            continue
        url_name, text = found
        # A wrong name raises: the hints once vanished behind a swallowed NoReverseMatch.
        steps.append(Step(url=reverse(url_name), text=str(text)))
    return steps
