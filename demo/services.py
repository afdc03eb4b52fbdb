"""The built-in demo: Kim Trà ward (Huế) and its plan for Resolution 71-NQ/TW.

Every name below other than the ward's is invented and the units are flagged `is_demo`.
Loading is idempotent: a second run finds what the first made and adds nothing.
"""

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction

from accounts.models import Role, User
from accounts.services import user_create
from activities.demo import demo_activities_load
from demo.names import random_mobile, random_person_name
from plans.demo import demo_plan_load
from reports.demo import demo_reports_load
from units.models import AudienceGroup, OrganisationType, Person, SchoolLevel, Unit, UnitKind
from units.services import person_build, unit_create, ward_create_from_official

WARD_CODE = "20017"
MASS = UnitKind.MASS_ORGANISATION
DEMO_PASSWORD = "KimTra@2026"

UNITS = [
    ("UBND", "Ủy ban nhân dân phường Kim Trà", UnitKind.PEOPLES_COMMITTEE, ""),
    ("VHXH", "Phòng Văn hóa – Xã hội", UnitKind.CULTURE_OFFICE, ""),
    ("MN01", "Trường Mầm non Hoa Mai", UnitKind.SCHOOL, SchoolLevel.PRESCHOOL),
    ("MN02", "Trường Mầm non Sơn Ca", UnitKind.SCHOOL, SchoolLevel.PRESCHOOL),
    ("TH01", "Trường Tiểu học Kim Trà 1", UnitKind.SCHOOL, SchoolLevel.PRIMARY),
    ("TH02", "Trường Tiểu học Kim Trà 2", UnitKind.SCHOOL, SchoolLevel.PRIMARY),
    ("TH03", "Trường Tiểu học Bình An", UnitKind.SCHOOL, SchoolLevel.PRIMARY),
    ("THCS01", "Trường THCS Kim Trà", UnitKind.SCHOOL, SchoolLevel.LOWER_SECONDARY),
    ("THCS02", "Trường THCS Hương Sơ", UnitKind.SCHOOL, SchoolLevel.LOWER_SECONDARY),
    ("THPT01", "Trường THPT Kim Trà", UnitKind.SCHOOL, SchoolLevel.UPPER_SECONDARY),
    ("MTTQ", "Ủy ban Mặt trận Tổ quốc phường", MASS, OrganisationType.FATHERLAND_FRONT),
    ("DTN", "Đoàn Thanh niên phường", MASS, OrganisationType.YOUTH_UNION),
    ("HPN", "Hội Liên hiệp Phụ nữ phường", MASS, OrganisationType.WOMENS_UNION),
    ("HCCB", "Hội Cựu chiến binh phường", MASS, OrganisationType.VETERANS),
    ("HND", "Hội Nông dân phường", MASS, OrganisationType.FARMERS),
    ("CD", "Công đoàn cơ sở phường", MASS, OrganisationType.TRADE_UNION),
] + [
    (f"TDP{i:02d}", f"Tổ dân phố {i}", UnitKind.RESIDENTIAL_GROUP, "") for i in range(1, 11)
]  # fmt: skip

# How many people each kind of unit has on the roster, and in which audience group.
ROSTER = {
    UnitKind.PEOPLES_COMMITTEE: ("civil_servants", 40),
    UnitKind.CULTURE_OFFICE: ("civil_servants", 8),
    UnitKind.SCHOOL: ("school_staff", 30),
    UnitKind.MASS_ORGANISATION: ("members", 25),
    UnitKind.RESIDENTIAL_GROUP: ("residents", 15),
}

USERS = [
    ("admin", Role.ADMIN, None, "Quản trị hệ thống"),
    ("vhxh", Role.COORDINATOR, "", "Trần Thị Thu Hà"),
    ("lanhdao", Role.LEADER, "", "Mai Văn Xuân"),
    ("th01", Role.FOCAL_POINT, "TH01", "Lê Thị Hồng Nhung"),
    ("hpn", Role.FOCAL_POINT, "HPN", "Nguyễn Thị Thanh Tâm"),
    ("thanhpho", Role.CITY_VIEWER, "PROVINCE", "Phan Quốc Bảo"),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    scope: str


def _units(ward: Unit) -> dict[str, Unit]:
    units = {}
    for suffix, name, kind, detail in UNITS:
        code = f"{ward.code}-{suffix}"
        unit = Unit.objects.filter(code=code).first() or unit_create(
            parent=ward,
            name=name,
            kind=kind,
            code=code,
            school_level=detail if kind == UnitKind.SCHOOL else "",
            organisation_type=detail if kind == UnitKind.MASS_ORGANISATION else "",
            is_demo=True,
        )
        units[suffix] = unit
    return units


def _birth_date(rng: random.Random) -> dt.date:
    return dt.date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))


def _people(ward: Unit, units: dict[str, Unit]) -> None:
    if Person.objects.filter(ward=ward).exists():
        return
    rng = random.Random(71)
    groups = {g.code: g for g in AudienceGroup.objects.filter(ward=ward)}
    people = []
    for unit in units.values():
        group_code, count = ROSTER[unit.kind]
        for _ in range(count):
            name, gender = random_person_name(rng)
            people.append(
                person_build(
                    unit=unit,
                    audience_group=groups[group_code],
                    full_name=name,
                    gender=gender,
                    phone=random_mobile(rng),
                    date_of_birth=dt.date(
                        rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28)
                    ),
                    position="Giáo viên" if unit.kind == UnitKind.SCHOOL else "",
                    active_from=dt.date(2025, 7, 1),
                )
            )
    Person.objects.bulk_create(people, batch_size=500)


def _users(ward: Unit, units: dict[str, Unit]) -> list[DemoLogin]:
    logins = []
    for username, role, unit_key, full_name in USERS:
        unit = {None: None, "": ward, "PROVINCE": ward.parent}.get(unit_key) or units.get(unit_key)
        if not User.objects.filter(username=username).exists():
            user_create(
                username=username,
                password=DEMO_PASSWORD,
                role=role,
                unit=unit,
                full_name=full_name,
                must_change_password=False,
            )
        scope = str(unit) if unit else "toàn hệ thống"
        logins.append(DemoLogin(username, DEMO_PASSWORD, str(role.label), scope))
    return logins


# Other apps add their part of the demo (the plan, activities, reports) here, in order.
EXTRA_STEPS: list = [demo_plan_load, demo_activities_load, demo_reports_load]


@transaction.atomic
def demo_load() -> list[DemoLogin]:
    ward = ward_create_from_official(code=WARD_CODE, is_demo=True)
    units = _units(ward)
    _people(ward, units)
    logins = _users(ward, units)
    for step in EXTRA_STEPS:
        step(ward=ward, units=units)
    return logins
