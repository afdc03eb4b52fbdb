"""The dashboard's period list offers both halves of the year, as six-month schedules do."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_both_halves_of_the_year_are_offered(client, world):
    client.force_login(world.user("coordinator"))
    html = client.get(reverse("dashboard:overview"), {"period": "2026-Q3"}).content.decode()
    assert 'value="2026-H1"' in html and 'value="2026-H2"' in html
    assert "6 tháng cuối năm 2026" in html
