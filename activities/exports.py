"""Excel exports of activity data (Vietnamese headers, one row per person)."""

import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from common.text import search_key
from common.xlsx import safe_row
from units.models import Person, Unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def not_briefed_xlsx(people, unit: Unit) -> HttpResponse:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Chưa được phổ biến"))
    for column, width in zip("ABCDEF", (6, 30, 40, 34, 24, 14), strict=True):
        sheet.column_dimensions[column].width = width
    header = [
        _("STT"),
        _("Họ và tên"),
        _("Đơn vị"),
        _("Nhóm đối tượng"),
        _("Chức vụ"),
        _("Số điện thoại"),
    ]
    sheet.append(header)
    person: Person
    for number, person in enumerate(people.iterator(chunk_size=2000), start=1):
        sheet.append(
            safe_row(
                sheet,
                [
                    number,
                    person.full_name,
                    person.unit.name,
                    person.audience_group.name,
                    person.position,
                    person.phone,
                ],
            )
        )
    buffer = io.BytesIO()
    book.save(buffer)
    slug = search_key(unit.name).replace(" ", "-")
    name = f"chua-pho-bien-{slug}-{timezone.localdate():%Y%m%d}.xlsx"
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
