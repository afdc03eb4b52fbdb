"""Roster workbooks we write: the template, the export and the file of rows that failed.

All three use the importer's column headings, so any of them can be filled in and imported.
Written in openpyxl's write-only mode: rows go to disk as they come, whatever the roster's size.
"""

from collections.abc import Iterable
from typing import IO

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from common.i18n import in_official_language
from common.xlsx import safe_row
from units.models import AudienceGroup, Gender, Person, Unit
from units.roster.columns import COLUMNS
from units.roster.importer import HELP_SHEET, BadRow

_DATE_FORMAT = "DD/MM/YYYY"
_WIDTHS = {"full_name": 28, "unit": 32, "audience_group": 30, "position": 20, "notes": 30}


def _headings() -> list[str]:
    return [_("STT"), *(str(column.label) for column in COLUMNS)]


def _sheet(workbook: Workbook, title: str, headings: list[str], widths: list[int]):
    sheet = workbook.create_sheet(title)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = []
    for text in headings:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        bold.append(cell)
    return sheet, bold


def _roster_widths() -> list[int]:
    return [6, *(_WIDTHS.get(column.field, 16) for column in COLUMNS)]


def _date_cell(sheet, value):
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = _DATE_FORMAT
    return cell


@in_official_language
def roster_template(*, ward: Unit | None, stream: IO[bytes]) -> None:
    """An empty roster with the headings, and a sheet that lists the ward's units and groups
    as the importer recognises them."""
    workbook = Workbook(write_only=True)
    sheet, header = _sheet(workbook, _("Danh sách"), _headings(), _roster_widths())
    sheet.append([_("DANH SÁCH NGƯỜI THUỘC ĐỐI TƯỢNG TUYÊN TRUYỀN")])
    sheet.append([ward.name if ward else ""])
    sheet.append(header)
    help_sheet, _header = _sheet(workbook, HELP_SHEET, [_("Nội dung")], [100])
    for line in _help_lines(ward):
        help_sheet.append([line])
    workbook.save(stream)


def _help_lines(ward: Unit | None) -> Iterable[str]:
    yield _("Điền mỗi người một dòng ở trang “Danh sách”, dưới dòng tiêu đề; không đổi tên cột.")
    yield _("Bắt buộc: Họ và tên, Đơn vị (tên hoặc mã), Nhóm đối tượng (tên hoặc cách viết khác).")
    yield _(
        "Số điện thoại: 10 chữ số, ví dụ 0912345678. Ngày sinh: ngày/tháng/năm, ví dụ 05/01/1990."
    )
    yield _("Giới tính: Nam hoặc Nữ.")
    yield _("Nhập lại cùng tệp không tạo người trùng: người đã có trong danh sách được cập nhật.")
    if ward is None:
        return
    yield ""
    yield _("Đơn vị của %(ward)s (mã – tên):") % {"ward": ward.name}
    for unit in Unit.objects.filter(ward=ward).exclude(pk=ward.pk).order_by("sort_key"):
        yield f"{unit.code} – {unit.name}"
    yield ""
    yield _("Nhóm đối tượng (tên; các cách viết khác):")
    for group in AudienceGroup.objects.filter(ward=ward):
        aliases = "; ".join(group.aliases.splitlines())
        yield f"{group.name}" + (f" ({aliases})" if aliases else "")


@in_official_language
def roster_export(*, people: QuerySet[Person], stream: IO[bytes], title: str) -> None:
    workbook = Workbook(write_only=True)
    sheet, header = _sheet(workbook, _("Danh sách"), _headings(), _roster_widths())
    sheet.append([title])
    sheet.append(header)
    genders = dict(Gender.choices)
    rows = people.order_by("sort_key", "pk").values_list(
        "full_name",
        "phone",
        "unit__name",
        "audience_group__name",
        "position",
        "date_of_birth",
        "gender",
        "email",
        "notes",
    )
    for number, row in enumerate(rows.iterator(chunk_size=2000), start=1):
        name, phone, unit, group, position, born, gender, email, notes = row
        sheet.append(
            safe_row(
                sheet,
                [
                    number,
                    name,
                    phone,
                    unit,
                    group,
                    position,
                    _date_cell(sheet, born) if born else None,
                    str(genders.get(gender, "")),
                    email,
                    notes,
                ],
            )
        )
    workbook.save(stream)


@in_official_language
def bad_rows_workbook(*, bad_rows: list[BadRow], stream: IO[bytes]) -> None:
    """The rows that could not be imported, with why, ready to correct and import again."""
    workbook = Workbook(write_only=True)
    headings = [_("Trang tính"), _("Dòng"), _("Lỗi"), *(str(c.label) for c in COLUMNS)]
    widths = [14, 7, 60, *(_WIDTHS.get(column.field, 16) for column in COLUMNS)]
    sheet, header = _sheet(workbook, _("Dòng lỗi"), headings, widths)
    sheet.append(header)
    for bad in bad_rows:
        sheet.append(
            safe_row(
                sheet,
                [
                    bad.sheet,
                    bad.row,
                    "; ".join(bad.reasons),
                    *(bad.values.get(column.field, "") for column in COLUMNS),
                ],
            )
        )
    workbook.save(stream)
