"""Test support shared by every app: one small world with a user per role, and a helper that
checks a URL for every role (after RapidPro's assertReadFetch).

The world: province Huế (46) with wards Kim Trà (20017) and Vỹ Dạ (19777); Hà Nội (01) with
Hoàn Kiếm (00070). Kim Trà has two schools and a mass organisation.
"""

from dataclasses import dataclass

from accounts.models import Role, User
from accounts.services import user_create
from units.models import OrganisationType, SchoolLevel, Unit, UnitKind
from units.services import unit_create, ward_create_from_official

PASSWORD = "mat-khau-thu-nghiem-1"


@dataclass
class World:
    province: Unit
    ward: Unit
    other_ward: Unit
    far_ward: Unit
    school: Unit
    other_school: Unit
    organisation: Unit
    far_school: Unit
    users: dict[str, User]

    def user(self, name: str) -> User:
        return self.users[name]


def build_world() -> World:
    ward = ward_create_from_official(code="20017")
    other_ward = ward_create_from_official(code="19777")
    far_ward = ward_create_from_official(code="00070")
    school = unit_create(
        parent=ward,
        name="Trường Tiểu học Kim Trà",
        kind=UnitKind.SCHOOL,
        school_level=SchoolLevel.PRIMARY,
    )
    other_school = unit_create(
        parent=ward,
        name="Trường Mầm non Hoa Sen",
        kind=UnitKind.SCHOOL,
        school_level=SchoolLevel.PRESCHOOL,
    )
    organisation = unit_create(
        parent=ward,
        name="Hội Liên hiệp Phụ nữ phường",
        kind=UnitKind.MASS_ORGANISATION,
        organisation_type=OrganisationType.WOMENS_UNION,
    )
    far_school = unit_create(
        parent=other_ward,
        name="Trường THCS Vỹ Dạ",
        kind=UnitKind.SCHOOL,
        school_level=SchoolLevel.LOWER_SECONDARY,
    )
    province = ward.parent
    specs = {
        "admin": (Role.ADMIN, None),
        "coordinator": (Role.COORDINATOR, ward),
        "leader": (Role.LEADER, ward),
        "focal": (Role.FOCAL_POINT, school),
        "other_focal": (Role.FOCAL_POINT, other_school),
        "other_coordinator": (Role.COORDINATOR, other_ward),
        "city": (Role.CITY_VIEWER, province),
        "far_city": (Role.CITY_VIEWER, far_ward.parent),
    }
    users = {
        name: user_create(
            username=name, password=PASSWORD, role=role, unit=unit, must_change_password=False
        )
        for name, (role, unit) in specs.items()
    }
    return World(
        province=province,
        ward=ward,
        other_ward=other_ward,
        far_ward=far_ward,
        school=school,
        other_school=other_school,
        organisation=organisation,
        far_school=far_school,
        users=users,
    )


def assert_access(
    client, world: World, url: str, allowed: set[str], method: str = "get", data=None
):
    """Fetch `url` as every user of the world; those in `allowed` get a 2xx or 3xx answer,
    every other one 403 or 404 (for a POST: and nothing is changed by it, the caller checks)."""
    failures = []
    for name, user in world.users.items():
        client.force_login(user)
        response = getattr(client, method)(url, data or {})
        ok = response.status_code < 400
        if (name in allowed) != ok or (not ok and response.status_code not in (403, 404)):
            failures.append(f"{name}: {response.status_code}")
        client.logout()
    assert not failures, f"{url}: unexpected answers {failures}"


def browser_login(page, username: str, password: str = PASSWORD) -> None:
    page.goto(page.base_url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
