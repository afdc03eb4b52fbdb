"""Out-of-range values on the activity form get a message beside the field, never a 500
(issue 18, item 5)."""

import pytest
from django.urls import reverse

from activities.models import Activity


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("reach", "9" * 25, "nhỏ hơn hoặc bằng"),
        ("starts_at", "0001-01-01T08:00", "Năm phải trong khoảng"),
        ("group", "9" * 25, "nhỏ hơn hoặc bằng"),
    ],
)
def test_an_overlong_number_or_a_far_date_is_refused_with_a_message(
    client, world, make, field, value, message
):
    channel = make.channel()
    group = next(iter(make.groups.values()))
    data = {
        "unit": world.school.pk,
        "title": "Phát thanh tuyên truyền",
        "starts_at": "2026-04-10T08:00",
        "channel": channel.pk,
    }
    data[f"group_{group.pk}" if field == "group" else field] = value
    client.force_login(world.user("focal"))
    response = client.post(reverse("activities:create"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Activity.objects.exists()
