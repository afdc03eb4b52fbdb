"""The official list of provinces and communes/wards (Decision 19/2025/QĐ-TTg), from the
`vietnam-provinces` package, so a ward's code and name are never typed by hand."""

from dataclasses import dataclass
from functools import cache

from vietnam_provinces import Province, Ward

from common.text import search_key


@dataclass(frozen=True)
class OfficialDivision:
    code: str
    name: str
    province_code: str
    province_name: str


@cache
def _provinces() -> dict[int, Province]:
    return {int(p.code): p for p in Province.iter_all()}


@cache
def official_wards() -> tuple[OfficialDivision, ...]:
    provinces = _provinces()
    return tuple(
        OfficialDivision(
            code=f"{int(w.code):05d}",
            name=w.name,
            province_code=f"{int(w.province_code):02d}",
            province_name=provinces[int(w.province_code)].name,
        )
        for w in Ward.iter_all()
    )


def official_provinces() -> list[tuple[str, str]]:
    return sorted((f"{code:02d}", p.name) for code, p in _provinces().items())


def find_official_ward(code: str) -> OfficialDivision | None:
    wanted = f"{int(code):05d}" if str(code).isdigit() else code
    return next((w for w in official_wards() if w.code == wanted), None)


def search_official_wards(query: str, limit: int = 30) -> list[OfficialDivision]:
    """`an cuu` finds `Phường An Cựu`; a code finds its ward."""
    key = search_key(query)
    if not key:
        return []
    found = [
        w
        for w in official_wards()
        if key in search_key(w.name) or key in search_key(w.province_name) or w.code == key
    ]
    return found[:limit]
