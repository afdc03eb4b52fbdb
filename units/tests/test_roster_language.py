import io

from django.utils import translation
from openpyxl import load_workbook

from units.roster.xlsx import roster_template


def test_the_template_keeps_vietnamese_headings_so_it_imports_back_from_any_interface(world):
    stream = io.BytesIO()
    with translation.override("en"):
        roster_template(ward=world.ward, stream=stream)
    stream.seek(0)
    workbook = load_workbook(stream)
    headings = [
        cell.value for sheet in workbook for row in sheet.iter_rows(max_row=6) for cell in row
    ]
    assert "Họ và tên" in headings
