"""What users typed stays text in every workbook we write: no formula, no character that
breaks the file (issue 10 item 5, issue 18 item 4)."""

import io

from openpyxl import load_workbook

from activities.exports import not_briefed_xlsx
from common.text import clean_text
from units.models import AudienceGroup, Person
from units.roster.xlsx import roster_export
from units.services import person_create

HOSTILE = ['=HYPERLINK("http://x","a")', "=1+1", "+1", "-1", "@SUM(A1)"]


def _people(world):
    group = AudienceGroup.objects.get(ward=world.ward, code="school_staff")
    for number, name in enumerate(HOSTILE):
        person_create(
            unit=world.school,
            audience_group=group,
            full_name=name,
            position="=1+1",
            phone=f"09120000{number:02d}",
        )
    # Saved before input was cleaned: the export must still work.
    Person.objects.filter(full_name="=1+1").update(notes="ghi\x03chú\x0b")
    return Person.objects.filter(unit=world.school)


def _texts(sheet):
    return [cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


def test_the_roster_export_writes_formulas_as_plain_text(world):
    stream = io.BytesIO()
    roster_export(people=_people(world), stream=stream, title="Danh sách")
    cells = _texts(load_workbook(io.BytesIO(stream.getvalue())).active)
    values = {cell.value for cell in cells}
    assert set(HOSTILE) <= values
    assert "ghichú" in values
    assert all(cell.data_type == "s" for cell in cells)


def test_the_not_briefed_list_writes_formulas_as_plain_text(world):
    people = _people(world).select_related("unit", "audience_group")
    answer = not_briefed_xlsx(people, world.school)
    cells = _texts(load_workbook(io.BytesIO(answer.content)).active)
    assert set(HOSTILE) <= {cell.value for cell in cells}
    assert all(cell.data_type == "s" for cell in cells)


def test_control_bidi_and_zero_width_characters_are_cleaned_on_the_way_in():
    assert clean_text("Lý\x03Thị") == "Lý Thị"
    assert clean_text("Nguy\u200bễn\u202e Văn\ufeff") == "Nguyễn Văn"
