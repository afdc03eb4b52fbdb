"""Finding the ward's units a plan names: `Phòng Văn hóa – Xã hội` is that office, `Các cơ sở
giáo dục trên địa bàn` is every school of the ward."""

from plans.textkeys import key, tidy
from units.models import Unit

_PLURAL = ("cac ", "nhung ")
# A specific unit is named with at least this many words ("Hội Liên hiệp Phụ nữ").
_MIN_NAME_WORDS = 2


def ward_units(ward: Unit) -> list[Unit]:
    return list(Unit.objects.filter(ward=ward, is_active=True).exclude(pk=ward.pk))


def named_unit(*, ward: Unit, label: str, units: list[Unit] | None = None) -> Unit | None:
    """The one unit of the ward the label names, if exactly one; never for a plural label."""
    label_key = key(tidy(label))
    if label_key.startswith(_PLURAL) or len(label_key.split()) < _MIN_NAME_WORDS:
        return None
    candidates = units if units is not None else ward_units(ward)
    found = [
        u
        for u in candidates
        if key(u.name) == label_key or key(u.name) in label_key or label_key in key(u.name)
    ]
    return found[0] if len(found) == 1 else None


def unit_matches(*, ward: Unit, label: str, kind: str) -> list[Unit]:
    units = ward_units(ward)
    unit = named_unit(ward=ward, label=label, units=units)
    if unit is not None:
        return [unit]
    return [u for u in units if kind and u.kind == kind]
