"""Reading a roster workbook into people: who would be created or updated, which rows are bad
and why. Nothing here writes; units.services.roster_import saves the outcome.

Real sheets carry a title block above the header row, a row of column numbers under it,
section rows (`I. Trường Mầm non Hoa Sen`) that say which unit the rows below belong to, and a
"Tổng cộng" footer and signer lines after the data. The reader skips or uses each of them.
"""

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from common.bulk import collector_paused
from common.phones import InvalidPhone, normalize_phone
from common.spreadsheets import Sheet, SheetRow, cell_text, parse_date, read_sheets
from common.text import clean_text, search_key
from common.uploads import UploadRejected
from units.models import AudienceGroup, Gender, Person, Unit
from units.roster.columns import BY_FIELD, field_for_label
from units.roster.matching import GroupIndex, UnitIndex
from units.services import person_build

HEADER_SEARCH_ROWS = 30
# The template's own sheet of explanations is not a roster.
HELP_SHEET = "Hướng dẫn"

_WORDS = re.compile(r"[^0-9a-z]+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,3}\)?$")
_DATE_LINE = re.compile(r"ngay \d+ thang \d+ nam \d+")
# "Cộng" alone closes a table too, but many names start with "Công": only the whole cell counts.
_FOOTER_STARTS = ("tong cong", "tong so")
_FOOTER_CELLS = {"cong "}
_SIGNER_STARTS = (
    "nguoi lap",
    "thu truong",
    "hieu truong",
    "chu tich",
    "pho chu tich",
    "truong phong",
    "xac nhan",
    "tm ",
    "kt ",
    "ky ghi ro",
    "ky ten",
)
OPTIONAL_FIELDS = ("position", "date_of_birth", "gender", "phone", "email", "notes")
# (column field, model attribute) compared when a row matches someone on file.
_COMPARED = [
    (name, f"{name}_id" if name in ("unit", "audience_group") else name)
    for name in ("unit", "audience_group", "full_name", *OPTIONAL_FIELDS)
]
COMPARED_FIELDS = [attr for _name, attr in _COMPARED]


def created_changes(person: Person) -> dict:
    """What the audit log shows for a person an import created: every field that has a value."""
    values = ((attr, getattr(person, attr)) for attr in COMPARED_FIELDS)
    return {attr: (None, value) for attr, value in values if value not in (None, "")}


SETTLE_CHUNK = 2000
_SIGNER_FIRST_WORDS = {start.split()[0] for start in _SIGNER_STARTS}
_GENDERS = {"nam": Gender.MALE, "male": Gender.MALE, "nu": Gender.FEMALE, "female": Gender.FEMALE}


@lru_cache(maxsize=4096)
def _plain(value: object) -> str:
    return _WORDS.sub(" ", search_key(value)).strip() + " "


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str
    reason: str


@dataclass
class SheetResult:
    name: str
    header_row: int | None = None
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    bad: int = 0


@dataclass
class BadRow:
    sheet: str
    row: int
    values: dict[str, str]
    reasons: list[str]


@dataclass
class RosterResult:
    sheets: list[SheetResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[dict] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    to_create: list[Person] = field(default_factory=list)
    to_update: list[Person] = field(default_factory=list)
    # {attribute: (before, after)} for each person of to_update, in the same order: the audit.
    update_changes: list[dict] = field(default_factory=list)

    def update_fields(self) -> list[str]:
        """The columns the updates change, and what follows from them: writing only these
        spares the database every other column's indexes and the coverage trigger."""
        changed = {attr for change in self.update_changes for attr in change}
        if "full_name" in changed:
            changed |= {"search_key", "sort_key"}
        return sorted(changed) + ["updated_at"] if changed else []

    def total(self, name: str) -> int:
        return sum(getattr(sheet, name) for sheet in self.sheets)

    def as_dict(self) -> dict:
        """The preview as the command prints it and the web page stores it."""
        totals = ("rows", "new", "updated", "unchanged", "duplicates", "bad")
        return {
            "sheets": [
                {
                    **asdict(sheet),
                    "problems": [asdict(p) for p in self.problems if p.sheet == sheet.name],
                }
                for sheet in self.sheets
            ],
            "totals": {name: self.total(name) for name in totals},
            "problems": [asdict(p) for p in self.problems],
            "duplicates": self.duplicates,
        }


@dataclass
class _Header:
    row: int
    columns: dict[int, str]  # column index → field
    labels: dict[str, str]  # field → "SĐT (cột C)"

    @cached_property
    def name_column(self) -> int:
        return next(col for col, name in self.columns.items() if name == "full_name")


@lru_cache(maxsize=4096)
def _first_word_key(word: str) -> str:
    return search_key(word)


def _may_be_trailer(name: object) -> bool:
    """A person's name has no digit and does not open with a signer's title; only rows that
    fail this test are searched for date lines and signer blocks, which keeps data rows cheap."""
    if not isinstance(name, str) or not name.strip():
        return True
    if _DIGIT.search(name):
        return True
    return _first_word_key(name.split(maxsplit=1)[0]) in _SIGNER_FIRST_WORDS


@dataclass
class _Pending:
    sheet: SheetResult
    person_id: int
    values: tuple[tuple[str, object], ...]


class RosterReader:
    """Reads one workbook for one ward. `default_unit` / `default_group` fill rows that do
    not say (a school's own sheet has no unit column)."""

    def __init__(
        self,
        *,
        ward: Unit,
        default_unit: Unit | None = None,
        default_group: AudienceGroup | None = None,
    ):
        self.ward = ward
        self.default_unit = default_unit
        self.default_group = default_group
        self.units = UnitIndex(ward)
        self.groups = GroupIndex(ward)
        self.by_phone: dict[str, int] = {}
        self.by_name: dict[tuple[str, int], int] = {}
        for pk, phone, key, unit_id in Person.objects.filter(ward=ward).values_list(
            "pk", "phone", "search_key", "unit_id"
        ):
            if phone:
                self.by_phone.setdefault(phone, pk)
            self.by_name.setdefault((key, unit_id), pk)
        self.result = RosterResult()
        self.today = timezone.localdate()
        self.seen: dict[tuple, tuple[str, int]] = {}
        self.pending: list[_Pending] = []

    def read(self, path: Path | str) -> RosterResult:
        with collector_paused():
            return self._read(path)

    def _read(self, path: Path | str) -> RosterResult:
        for sheet in read_sheets(path):
            if search_key(sheet.name) == search_key(HELP_SHEET):
                continue
            self._read_sheet(sheet)
        if not any(sheet.header_row for sheet in self.result.sheets):
            raise UploadRejected(
                _(
                    "Không tìm thấy dòng tiêu đề ở trang tính nào: cần một dòng có cột "
                    "“Họ và tên”. Hãy dùng tệp mẫu hoặc thêm dòng tiêu đề."
                )
            )
        self._settle_updates()
        return self.result

    # Sheets and rows

    def _read_sheet(self, sheet: Sheet) -> None:
        outcome = SheetResult(name=sheet.name)
        header = self._find_header(sheet)
        if header is None:
            if self._sheet_had_content:
                self.result.sheets.append(outcome)
                self._problem(
                    outcome,
                    None,
                    "",
                    _(
                        "Không tìm thấy dòng tiêu đề (cần có cột “Họ và tên”) trong "
                        "%(count)s dòng đầu; trang tính này được bỏ qua."
                    )
                    % {"count": HEADER_SEARCH_ROWS},
                )
            return
        self.result.sheets.append(outcome)
        outcome.header_row = header.row
        sheet_units = self.units.find(sheet.name)
        context_unit = sheet_units[0] if len(sheet_units) == 1 else self.default_unit
        first = True
        for row in sheet.rows:
            if first and self._extends_header(header, row):
                first = False
                continue
            first = False
            kind = self._row_kind(row, header)
            if kind == "end":
                break
            if kind == "section":
                found = self.units.find(next(c for c in row.cells if c not in (None, "")))
                if len(found) == 1:
                    context_unit = found[0]
                continue
            if kind == "data":
                self._read_row(outcome, header, row, context_unit)

    def _find_header(self, sheet: Sheet) -> _Header | None:
        self._sheet_had_content = False
        for index, row in enumerate(sheet.rows):
            if index >= HEADER_SEARCH_ROWS:
                return None
            columns: dict[int, str] = {}
            labels: dict[str, str] = {}
            for col, cell in enumerate(row.cells):
                if cell in (None, ""):
                    continue
                self._sheet_had_content = True
                found = field_for_label(cell)
                if found and found not in labels:
                    columns[col] = found
                    labels[found] = _("%(label)s (cột %(letter)s)") % {
                        "label": clean_text(cell),
                        "letter": get_column_letter(col + 1),
                    }
            if "full_name" in labels:
                return _Header(row=row.number, columns=columns, labels=labels)
        return None

    def _extends_header(self, header: _Header, row: SheetRow) -> bool:
        """A second header row (merged group headings above it) adds its labels."""
        added = {}
        for col, cell in enumerate(row.cells):
            if cell in (None, "") or col in header.columns:
                continue
            found = field_for_label(cell)
            if found and found not in header.labels:
                added[col] = (found, cell)
        for col, (found, cell) in added.items():
            header.columns[col] = found
            header.labels[found] = _("%(label)s (cột %(letter)s)") % {
                "label": clean_text(cell),
                "letter": get_column_letter(col + 1),
            }
        return bool(added)

    def _row_kind(self, row: SheetRow, header: _Header) -> str:
        filled = [cell for cell in row.cells if cell not in (None, "")]
        if not filled:
            return "blank"
        if isinstance(filled[0], str):
            first = _plain(filled[0])
            if first.startswith(_FOOTER_STARTS) or first in _FOOTER_CELLS:
                return "end"
        name_col = header.name_column
        name = row.cells[name_col] if name_col < len(row.cells) else None
        if _may_be_trailer(name):
            keys = [_plain(cell) for cell in filled if isinstance(cell, str)]
            if any(_DATE_LINE.search(key) for key in keys):
                return "end"
            signer_name = name in (None, "") or _plain(name).startswith(_SIGNER_STARTS)
            if signer_name and any(key.startswith(_SIGNER_STARTS) for key in keys):
                return "end"
        # A name with letters is a person's row or a heading; only others can be the row of
        # column numbers under a header.
        named = isinstance(name, str) and _LETTER.search(name)
        if not named and all(_COLUMN_NUMBER.match(cell_text(cell)) for cell in filled):
            return "blank"
        # Merged across the row: a section heading, every filled cell holds the same value.
        if len(filled) >= 3 and all(cell == filled[0] for cell in filled):
            return "section"
        return "data"

    def _read_row(
        self, outcome: SheetResult, header: _Header, row: SheetRow, context_unit: Unit | None
    ) -> None:
        raw = {name: row.cells[col] for col, name in header.columns.items() if col < len(row.cells)}
        texts = {name: cell_text(value) for name, value in raw.items()}
        if not any(texts.values()):
            return
        outcome.rows += 1
        reasons: list[tuple[str, str]] = []

        def bad(name: str, reason: str) -> None:
            reasons.append((header.labels.get(name, str(BY_FIELD[name].label)), reason))

        name_ok = True
        for name, text in texts.items():
            limit = BY_FIELD[name].max_length
            if len(text) > limit:
                bad(
                    name,
                    _("Nội dung quá dài (%(length)s ký tự; tối đa %(limit)s ký tự).")
                    % {"length": f"{len(text):,}".replace(",", "."), "limit": limit},
                )
                texts[name] = ""
                name_ok = name_ok and name != "full_name"
        if name_ok and not _LETTER.search(texts.get("full_name", "")):
            if texts.get("full_name", "") == "":
                bad("full_name", _("Thiếu họ và tên."))
            else:
                bad(
                    "full_name", _("“%(value)s” không phải họ tên.") % {"value": texts["full_name"]}
                )
        values = self._parse_values(raw, texts, bad, context_unit)
        if reasons:
            self._bad_row(outcome, row.number, texts, reasons)
            return
        person = person_build(**values)
        self._place(outcome, row.number, person, present={k for k, v in texts.items() if v})

    def _parse_values(self, raw: dict, texts: dict, bad, context_unit: Unit | None) -> dict:
        values: dict = {
            "full_name": texts.get("full_name", ""),
            "position": texts.get("position", ""),
            "notes": texts.get("notes", ""),
        }
        try:
            values["phone"] = normalize_phone(raw.get("phone")) if texts.get("phone") else ""
        except InvalidPhone as exc:
            bad("phone", str(exc) + ".")
        values["unit"] = self._unit(texts.get("unit", ""), context_unit, bad)
        values["audience_group"] = self._group(texts.get("audience_group", ""), bad)
        try:
            born = parse_date(raw.get("date_of_birth") if texts.get("date_of_birth") else None)
            if born and not dt.date(1900, 1, 1) <= born <= self.today:
                bad(
                    "date_of_birth",
                    _("Ngày sinh %(value)s không hợp lý.") % {"value": texts["date_of_birth"]},
                )
            values["date_of_birth"] = born
        except ValueError:
            bad(
                "date_of_birth",
                _("“%(value)s” không phải ngày hợp lệ (cần dạng ngày/tháng/năm, ví dụ 05/01/1990).")
                % {"value": texts["date_of_birth"]},
            )
        gender_text = texts.get("gender", "")
        values["gender"] = _GENDERS.get(_plain(gender_text).strip(), "")
        if gender_text and not values["gender"]:
            bad(
                "gender",
                _("Giới tính “%(value)s” không rõ; ghi “Nam” hoặc “Nữ”.") % {"value": gender_text},
            )
        values["email"] = texts.get("email", "").lower()
        if values["email"]:
            try:
                validate_email(values["email"])
            except ValidationError:
                bad("email", _("Email “%(value)s” không hợp lệ.") % {"value": texts["email"]})
        return values

    def _unit(self, text: str, context_unit: Unit | None, bad) -> Unit | None:
        if not text:
            if context_unit is None:
                bad("unit", _("Thiếu đơn vị: ghi tên hoặc mã đơn vị, hoặc chọn đơn vị mặc định."))
            return context_unit
        found = self.units.find(text)
        if len(found) > 1:
            bad(
                "unit",
                _("Có %(count)s đơn vị cùng tên “%(value)s”; hãy ghi mã đơn vị.")
                % {"count": len(found), "value": text},
            )
            return None
        if not found:
            bad(
                "unit",
                _("Không có đơn vị “%(value)s” trong %(ward)s; kiểm tra tên hoặc ghi mã đơn vị.")
                % {"value": text, "ward": self.ward.name},
            )
            return None
        return found[0]

    def _group(self, text: str, bad) -> AudienceGroup | None:
        if not text:
            if self.default_group is None:
                bad(
                    "audience_group",
                    _("Thiếu nhóm đối tượng: ghi tên nhóm, hoặc chọn nhóm mặc định."),
                )
            return self.default_group
        group = self.groups.find(text)
        if group is None:
            bad(
                "audience_group",
                _("Không nhận ra nhóm đối tượng “%(value)s”; xem danh sách nhóm của phường.")
                % {"value": text},
            )
        return group

    # Outcome of one row

    def _problem(self, outcome: SheetResult, row: int | None, column: str, reason: str) -> None:
        self.result.problems.append(Problem(outcome.name, row, column, reason))

    def _bad_row(
        self, outcome: SheetResult, number: int, texts: dict, reasons: list[tuple[str, str]]
    ) -> None:
        outcome.bad += 1
        for column, reason in reasons:
            self._problem(outcome, number, column, reason)
        self.result.bad_rows.append(
            BadRow(
                outcome.name, number, texts, [f"{column}: {reason}" for column, reason in reasons]
            )
        )

    def _place(self, outcome: SheetResult, number: int, person: Person, present: set[str]) -> None:
        person_id = None
        if person.phone:
            person_id = self.by_phone.get(person.phone)
        if person_id is None:
            person_id = self.by_name.get((person.search_key, person.unit_id))
        name_key = ("name", person.search_key, person.unit_id)
        keys = [("id", person_id)] if person_id else []
        keys.append(("phone", person.phone) if person.phone else name_key)
        earlier = next((self.seen[key] for key in keys if key in self.seen), None)
        if earlier:
            outcome.duplicates += 1
            self.result.duplicates.append(
                {
                    "sheet": outcome.name,
                    "row": number,
                    "same_as_sheet": earlier[0],
                    "same_as_row": earlier[1],
                }
            )
            return
        for key in [*keys, name_key]:
            self.seen.setdefault(key, (outcome.name, number))
        if person_id is None:
            outcome.new += 1
            self.result.to_create.append(person)
        else:
            # Only what the row says is kept: a blank cell leaves what is on file.
            values = tuple(
                (attr, getattr(person, attr))
                for name, attr in _COMPARED
                if name not in OPTIONAL_FIELDS or name in present
            )
            self.pending.append(_Pending(outcome, person_id, values))

    def _settle_updates(self) -> None:
        """Compare matched rows with the people on file: only real changes are updates, so a
        file imported twice changes nothing the second time. In chunks, to bound memory."""
        now = timezone.now()
        pending, self.pending = self.pending, []
        while pending:
            # Each chunk of rows is let go once compared, not held beside every record it
            # updates: 55 MB less at the peak of a 100,000-row update.
            chunk, pending = pending[:SETTLE_CHUNK], pending[SETTLE_CHUNK:]
            existing = Person.objects.only("pk", *COMPARED_FIELDS).in_bulk(
                [item.person_id for item in chunk]
            )
            for item in chunk:
                person = existing[item.person_id]
                changed = [(attr, new) for attr, new in item.values if getattr(person, attr) != new]
                if not changed:
                    item.sheet.unchanged += 1
                    continue
                self.result.update_changes.append(
                    {attr: (getattr(person, attr), new) for attr, new in changed}
                )
                for attr, new in changed:
                    setattr(person, attr, new)
                person.refresh_keys()
                person.updated_at = now
                item.sheet.updated += 1
                self.result.to_update.append(person)
