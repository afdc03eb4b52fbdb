"""The activities' coverage page and the dashboard show the same coverage, digit for digit:
both count with activities.selectors.coverage_counts and take the percentage from its
coverage_percent."""

import re

from django.urls import reverse

from indicators.tests.support import build_dataset


def test_the_coverage_page_and_the_dashboard_agree(client, world):
    data = build_dataset(world)
    client.force_login(world.user("coordinator"))
    day = data.period.window.end
    coverage = client.get(
        reverse("activities:coverage"),
        {
            "unit": world.ward.pk,
            "plan": data.plan.pk,
            "phase": data.phase.pk,
            "on": day.isoformat(),
        },
    ).content.decode()
    dashboard = client.get(reverse("dashboard:overview"), {"period": data.period.code}).content
    dashboard = dashboard.decode()
    total = re.search(r"Đã phổ biến ([\d.]+)/([\d.]+) người \(([\d,]+%)\)", coverage)
    assert total is not None
    briefed, roster, percent = total.groups()
    assert re.search(rf'data-key="briefed">\s*<div class="kf-value">{briefed}<', dashboard)
    assert re.search(rf'data-key="roster">\s*<div class="kf-value">{roster}<', dashboard)
    assert re.search(rf'data-key="briefed_percent">\s*<div class="kf-value">{percent}<', dashboard)
    school = re.search(rf"{world.school.name}</a></td>\s*(.*?)</tr>", coverage, re.S).group(1)
    cells = re.findall(r'<td class="num">([^<]*)</td>', school)
    row = re.search(rf"{world.school.name}</a></th>(.*?)</tr>", dashboard).group(1)
    assert re.findall(r'<td class="num">([^<]*)</td>', row) == cells
