"""The roster's columns and the ways real sheets label them."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from common.spreadsheets import loose_key


@dataclass(frozen=True)
class Column:
    field: str
    label: object  # lazy translation: the heading the template and export write
    # Headings recognised on import (the Vietnamese source of `label` first), by loose_key;
    # plain strings, so recognition never depends on the active language.
    labels: tuple[str, ...]
    max_length: int


COLUMNS = [
    Column("full_name", _("Họ và tên"), ("Họ và tên", "Họ tên", "Họ, tên", "Họ và tên người"), 255),
    Column(
        "phone",
        _("Số điện thoại"),
        ("Số điện thoại", "SĐT", "Điện thoại", "Số ĐT", "ĐT", "ĐTDĐ", "Di động", "Số di động"),
        40,
    ),
    Column(
        "unit", _("Đơn vị"), ("Đơn vị", "Đơn vị công tác", "Cơ quan, đơn vị", "Nơi công tác"), 255
    ),
    Column("audience_group", _("Nhóm đối tượng"), ("Nhóm đối tượng", "Đối tượng", "Nhóm"), 255),
    Column("position", _("Chức vụ"), ("Chức vụ", "Chức danh", "Chức vụ, chức danh"), 255),
    Column("date_of_birth", _("Ngày sinh"), ("Ngày sinh", "Ngày tháng năm sinh", "Sinh ngày"), 40),
    Column("gender", _("Giới tính"), ("Giới tính", "Nam/Nữ", "Giới"), 20),
    Column("email", _("Email"), ("Email", "E-mail", "Thư điện tử", "Địa chỉ email"), 254),
    Column("notes", _("Ghi chú"), ("Ghi chú",), 2000),
]
BY_FIELD = {column.field: column for column in COLUMNS}


def _label_index() -> dict[str, str]:
    index = {}
    for column in COLUMNS:
        for label in column.labels:
            index[loose_key(label)] = column.field
    return index


_LABELS = _label_index()


def field_for_label(label: object) -> str | None:
    return _LABELS.get(loose_key(label))
