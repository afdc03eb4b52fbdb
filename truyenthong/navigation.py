"""The menu each role sees. Each entry: (url name, label, roles that see it).

Entries of one app share a drop-down named in GROUPS, so the bar stays one line on a laptop
however many pages an app adds; a group with one visible entry is shown as a plain link."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Role

EVERYONE = tuple(Role)
WARD_STAFF = (Role.ADMIN, Role.COORDINATOR, Role.LEADER)
# A city viewer needs figures, not the roster (accounts.scoping.can_see_people).
SEES_PEOPLE = tuple(role for role in Role if role != Role.CITY_VIEWER)

MENU = [
    ("dashboard:home", _("Trang chủ"), EVERYONE),
    ("dashboard:overview", _("Bảng điều khiển"), EVERYONE),
    ("units:tree", _("Đơn vị"), EVERYONE),
    ("units:person_list", _("Danh sách người"), SEES_PEOPLE),
    ("plans:list", _("Kế hoạch"), EVERYONE),
    ("plans:my_tasks", _("Nhiệm vụ của đơn vị"), (Role.FOCAL_POINT,)),
    ("activities:list", _("Hoạt động"), EVERYONE),
    ("activities:coverage", _("Độ bao phủ"), EVERYONE),
    ("reports:my_reports", _("Báo cáo"), EVERYONE),
    ("reports:schedule_list", _("Lịch báo cáo"), (Role.ADMIN, Role.COORDINATOR)),
    ("reports:review_queue", _("Duyệt báo cáo"), (Role.ADMIN, Role.COORDINATOR)),
    ("reports:difficulty_list", _("Khó khăn, vướng mắc"), EVERYONE),
    ("reports:ward_report_list", _("Báo cáo của phường"), (Role.ADMIN, Role.COORDINATOR)),
    ("reports:outstanding", _("Đơn vị còn nợ báo cáo"), (Role.COORDINATOR,)),
    ("reports:city_roll_up", _("Báo cáo các phường"), (Role.ADMIN, Role.CITY_VIEWER)),
    ("accounts:user_list", _("Người dùng"), (Role.ADMIN, Role.COORDINATOR)),
    ("accounts:audit_index", _("Nhật ký thay đổi"), (Role.ADMIN, Role.COORDINATOR)),
    ("admin:index", _("Quản trị"), (Role.ADMIN,)),
]


GROUPS = {
    "units": _("Đơn vị, nhân sự"),
    "plans": _("Kế hoạch"),
    "activities": _("Hoạt động"),
    "reports": _("Báo cáo"),
    "accounts": _("Quản trị"),
    "admin": _("Quản trị"),
}


def _grouped(items: list[dict]) -> list[dict]:
    menu: list[dict] = []
    groups: dict[str, dict] = {}
    for item in items:
        label = GROUPS.get(item["app"])
        if label is None:
            menu.append(item)
            continue
        if label not in groups:
            groups[label] = {"label": label, "children": [], "active": False}
            menu.append(groups[label])
        groups[label]["children"].append(item)
        groups[label]["active"] |= item["active"]
    return [
        entry["children"][0] if len(entry.get("children", [1, 2])) == 1 else entry for entry in menu
    ]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.must_change_password:
        return {"menu": []}
    role = Role.ADMIN if user.is_superuser else user.role
    items = [
        {
            "url": reverse(name),
            "label": label,
            "active": request.path == reverse(name),
            "app": name.split(":")[0],
        }
        for name, label, roles in MENU
        if role in roles
    ]
    return {"menu": _grouped(items)}
