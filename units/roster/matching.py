"""Recognising a ward's units and audience groups from what a spreadsheet cell says."""

import re

from common.spreadsheets import loose_key
from units.models import AudienceGroup, Unit

# Abbreviations clerks use in unit names; both the cell and the unit's own name are expanded,
# so `Trường MN Hoa Sen` finds `Trường Mầm non Hoa Sen` and the other way round.
_ABBREVIATIONS = {
    "mn": "mam non",
    "th": "tieu hoc",
    "thcs": "trung hoc co so",
    "thpt": "trung hoc pho thong",
    "ubnd": "uy ban nhan dan",
    "tdp": "to dan pho",
    "mttq": "mat tran to quoc",
    "hlhpn": "hoi lien hiep phu nu",
    "lhpn": "lien hiep phu nu",
    "hccb": "hoi cuu chien binh",
}
_SECTION_NUMBER = re.compile(r"^(?:[ivxl]+|\d+|[a-h])\s+")


def unit_key(value: object) -> str:
    words = []
    for word in _SECTION_NUMBER.sub("", loose_key(value)).split():
        if word.isdigit():
            word = str(int(word))
        words.append(_ABBREVIATIONS.get(word, word))
    # "Trường" and "số" are often left out: `TH An Cựu`, `Tổ dân phố 01`.
    if words[:1] == ["truong"]:
        words = words[1:]
    return " ".join(words).replace("to dan pho so ", "to dan pho ")


class UnitIndex:
    """The ward's units by name (loosely) and by code, full or the part after the ward's."""

    def __init__(self, ward: Unit):
        self.by_name: dict[str, list[Unit]] = {}
        self.by_code: dict[str, Unit] = {}
        self.found: dict[object, list[Unit]] = {}
        for unit in Unit.objects.filter(ward=ward).exclude(pk=ward.pk):
            self.by_name.setdefault(unit_key(unit.name), []).append(unit)
            code = unit.code.lower()
            self.by_code[code] = unit
            self.by_code.setdefault(code.rsplit("-", 1)[-1], unit)

    def find(self, value: object) -> list[Unit]:
        """Every unit the text may mean: one is a match, several are ambiguous."""
        # A roster names the same few units over and over.
        if value not in self.found:
            text = str(value).strip().lower()
            found = [self.by_code[text]] if text in self.by_code else None
            self.found[value] = found or self.by_name.get(unit_key(value), [])
        return self.found[value]


class GroupIndex:
    """The ward's audience groups by name, each alias and code, loosely."""

    def __init__(self, ward: Unit):
        self.groups: dict[str, AudienceGroup] = {}
        self.found: dict[object, AudienceGroup | None] = {}
        for group in AudienceGroup.objects.filter(ward=ward):
            for text in (group.name, group.code, *group.aliases.splitlines()):
                key = loose_key(text)
                if key:
                    self.groups.setdefault(key, group)

    def find(self, value: object) -> AudienceGroup | None:
        if value not in self.found:
            self.found[value] = self.groups.get(loose_key(value))
        return self.found[value]
