"""The indicators dashboard: one dataset, the same figures on the page, in the .xlsx export
and in the JSON command; a cost that does not grow with data; the print view and PNG."""

import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from PIL import Image

from indicators.tests.support import build_dataset

OVERVIEW = reverse("dashboard:overview")


class _Tables(HTMLParser):
    """Cell texts of every <table id="table-..."> and the key-figure cards of a page."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.keys: dict[str, str] = {}
        self._table = self._cell = self._key = None
        self._in_body = False
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and (attrs.get("id") or "").startswith("table-"):
            self._table = attrs["id"][6:]
            self.tables[self._table] = []
        elif self._table and tag == "tbody":
            self._in_body = True
        elif self._table and self._in_body and tag == "tr":
            self.tables[self._table].append([])
        elif self._table and self._in_body and tag in ("td", "th"):
            self._cell = []
        elif attrs.get("data-key"):
            self._key, self._depth = attrs["data-key"], 0
        elif self._key and tag == "div":
            self._depth += 1
            if self._depth == 1:
                self._cell = []

    def handle_endtag(self, tag):
        if self._table and tag in ("td", "th") and self._cell is not None:
            self.tables[self._table][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table, self._in_body = None, False
        elif self._key and tag == "div" and self._depth == 1 and self._cell is not None:
            self.keys[self._key] = "".join(self._cell).strip()
            self._cell, self._key = None, None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _number(text: str):
    """`1.234,5` / `50,0%` / `—` as a number (None for a dash), text left as text."""
    text = text.strip()
    if text in ("", "—"):
        return None
    plain = text.rstrip("%").replace(".", "").replace(",", ".")
    return float(plain) if re.fullmatch(r"-?\d+(\.\d+)?", plain) else text


def _same(value):
    if isinstance(value, int | float) and not isinstance(value, bool):
        return round(float(value), 1)
    return None if value in ("", None) else value


@pytest.fixture
def data(world):
    return build_dataset(world)


def _get(client, world, who="coordinator", **params):
    client.force_login(world.user(who))
    return client.get(OVERVIEW, params)


def test_it_shows_the_ward_with_targets_key_figures_and_charts(client, world, data):
    response = _get(client, world, period=data.period.code)
    assert response.status_code == 200
    html = response.content.decode()
    assert world.ward.name in html
    assert html.count('role="img"') >= 4  # target bars and charts, each titled
    assert "<title id=" in html and "Chậm tiến độ" in html and "Đúng tiến độ" in html


def test_page_xlsx_and_command_carry_the_same_figures(client, world, data):
    response = _get(client, world, period=data.period.code)
    page = _Tables()
    page.feed(response.content.decode())

    export = client.get(reverse("dashboard:overview_export"), {"period": data.period.code})
    book = load_workbook(io.BytesIO(export.content))
    out = io.StringIO()
    call_command("indicators", unit=world.ward.code, period=data.period.code, json=True, stdout=out)
    printed = json.loads(out.getvalue())

    sheets = {}
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        formats = [c.number_format for c in next(sheet.iter_rows(min_row=5, max_row=5))]
        sheets[rows[0][0]] = (rows[4:], formats)
    compared = 0
    for table in printed["tables"]:
        xlsx_rows, number_formats = sheets[table["title"]]
        assert len(xlsx_rows) == len(table["rows"]), table["key"]
        for json_row, xlsx_row in zip(table["rows"], xlsx_rows, strict=True):
            for value, cell, fmt in zip(json_row, xlsx_row, number_formats, strict=False):
                cell = cell * 100 if fmt == "0.0%" and cell is not None else cell
                assert _same(cell) == _same(value), (table["key"], json_row, xlsx_row)
        if table["key"] not in page.tables:
            continue
        assert len(page.tables[table["key"]]) == len(table["rows"]), table["key"]
        for json_row, page_row in zip(table["rows"], page.tables[table["key"]], strict=True):
            assert [_same(_number(t)) for t in page_row] == [_same(v) for v in json_row]
            compared += 1
    assert compared >= 10
    for figure in printed["key_figures"]:
        assert _same(_number(page.keys[figure["key"]])) == _same(figure["value"]), figure
    assert "0.0%" in sheets["Tỉ lệ được phổ biến theo nhóm đối tượng"][1]


def _queries(client, user, params) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(OVERVIEW, params).status_code == 200
    return len(captured)


def test_the_ward_page_costs_a_few_queries_whatever_the_data_size(client, world):
    small = build_dataset(world)
    params = {"period": small.period.code}
    before = _queries(client, world.user("coordinator"), params)
    build_dataset(world, scale=4)
    after = _queries(client, world.user("coordinator"), params)
    # The budget is 15 a page, reporting's two sections (schedules owing the period,
    # open difficulties) included.
    assert before <= 15 and after == before
    # A unit asked for by id is one more row to read, beside the user's own unit.
    drilled = _queries(client, world.user("leader"), {**params, "unit": world.school.pk})
    assert drilled <= before + 1


def test_a_drill_down_link_leads_to_the_school(client, world, data):
    html = _get(client, world, "leader", period=data.period.code).content.decode()
    assert f"unit={world.school.pk}" in html
    school = _get(client, world, "leader", period=data.period.code, unit=world.school.pk)
    text = school.content.decode()
    assert world.school.name in text and world.ward.name in text  # the way back up


def test_the_city_sees_its_wards_rolled_up(client, world, data):
    html = _get(client, world, "city", period=data.period.code).content.decode()
    assert world.province.name in html
    assert world.ward.name in html and world.other_ward.name in html


def test_a_bad_period_is_named_and_the_current_one_shown(client, world, data):
    response = _get(client, world, period="2026-Q9")
    assert response.status_code == 200
    assert "quý phải từ 1 đến 4" in response.content.decode()


def test_the_print_view_has_the_figures_without_filters(client, world, data):
    client.force_login(world.user("leader"))
    response = client.get(reverse("dashboard:overview_print"), {"period": data.period.code})
    html = response.content.decode()
    assert 'id="table-coverage_by_group"' in html and 'name="channel"' not in html


def test_the_infographic_is_a_1080_by_1350_png(client, world, data):
    client.force_login(world.user("leader"))
    response = client.get(reverse("dashboard:infographic"), {"period": data.period.code})
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.size == (1080, 1350)


def test_one_table_exports_alone(client, world, data):
    client.force_login(world.user("leader"))
    response = client.get(
        reverse("dashboard:overview_export"),
        {"period": data.period.code, "table": "reach_by_channel"},
    )
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.worksheets) == 1
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[3] == (
        "Hình thức",
        "Số tin, bài, buổi phát",
        "Lượt nghe, lượt xem",
        "Thời lượng (phút)",
    )
    unknown = client.get(reverse("dashboard:overview_export"), {"table": "nope"})
    assert unknown.status_code == 404
