"""Test support shared by every app: one small world with a user per role, and a helper that
checks a URL for every role (after RapidPro's assertReadFetch).

The world: province Huế (46) with wards Kim Trà (20017) and Vỹ Dạ (19777); Hà Nội (01) with
Hoàn Kiếm (00070). Kim Trà has two schools and a mass organisation.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

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


@dataclass(frozen=True)
class UrlExample:
    """How to fill a URL pattern's arguments from the world, for the every-URL sweep
    (accounts/tests/test_every_url.py). `school_record`: the arguments point at a record of
    `world.school`, so the focal point of `world.other_school` must not get a 2xx answer."""

    build: Callable[[World], dict]
    school_record: bool = True


# Filled by each app's own `<app>/tests/support.py` (the sweep imports every one of them) with
# `register_url_example`; a URL with arguments and no example is reported as not covered.
URL_EXAMPLES: dict[str, UrlExample] = {}
# Routes anyone may open without logging in (the check-in page of a briefing, for example).
PUBLIC_URL_NAMES: set[str] = {"accounts:login"}
# Routes that show named people (rosters, phones, attendance): a city viewer must be refused.
PERSONAL_URL_NAMES: set[str] = set()


def register_url_example(
    name: str, build: Callable[[World], dict], *, school_record: bool = True
) -> None:
    URL_EXAMPLES[name] = UrlExample(build=build, school_record=school_record)


def register_public_url(name: str) -> None:
    PUBLIC_URL_NAMES.add(name)


def register_personal_url(name: str) -> None:
    PERSONAL_URL_NAMES.add(name)


def _focal_user(world: World) -> dict:
    return {"pk": world.user("focal").pk}


def _school_log(world: World) -> dict:
    # Creating the school wrote the first entry of its log.
    return {
        "content_type_id": ContentType.objects.get_for_model(Unit).pk,
        "object_pk": world.school.pk,
    }


for _name in ("user_edit", "user_reset_password", "user_deactivate", "user_activate"):
    register_url_example(f"accounts:{_name}", _focal_user)
register_url_example("accounts:audit_unit", lambda world: {"unit_id": world.school.pk})
register_url_example("accounts:audit_record", _school_log)
