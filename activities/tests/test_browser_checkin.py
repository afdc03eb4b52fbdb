import datetime as dt

import pytest
from django.utils import timezone

from accounts.tests.support import browser_login
from activities.services import checkin_open

pytestmark = pytest.mark.browser


def test_a_phone_check_in_counts_on_the_unit_coverage_page(phone_page, page, world, make):
    plan = make.plan()
    make.person(name="Trần Thị Bích", phone="0912000111")
    teacher = make.person(name="Võ Văn Tín", phone="0987000222")
    now = timezone.now()
    activity = make.activity(plan=plan, day=timezone.localdate())
    checkin_open(
        activity=activity,
        opens_at=now - dt.timedelta(minutes=30),
        closes_at=now + dt.timedelta(hours=2),
    )
    coverage = f"/hoat-dong/do-bao-phu/?unit={world.school.pk}&plan={plan.pk}"
    not_briefed = f"/hoat-dong/do-bao-phu/chua-pho-bien/?unit={world.school.pk}&plan={plan.pk}"

    browser_login(page, "focal")
    page.goto(page.base_url + not_briefed)
    assert page.locator("#not-briefed").get_by_text(teacher.full_name).count() == 1

    phone_page.goto(phone_page.base_url + f"/d/{activity.checkin_token}/")
    phone_page.get_by_label("Số điện thoại").fill("0987 000 222")
    phone_page.get_by_role("button", name="Điểm danh").click()
    assert phone_page.get_by_role("status").inner_text() == "Đã ghi nhận điểm danh của bạn."
    assert teacher.full_name not in phone_page.content()

    page.goto(page.base_url + coverage)
    assert "Đã phổ biến 1/2 người (50,0%)" in page.locator("#coverage-total").inner_text()
    page.goto(page.base_url + not_briefed)
    table = page.locator("#not-briefed")
    assert table.get_by_text(teacher.full_name).count() == 0
    assert table.get_by_text("Trần Thị Bích").count() == 1


def test_the_check_in_pages_do_not_scroll_sideways_on_a_phone(phone_page, world, make):
    activity = make.activity(plan=make.plan(), day=timezone.localdate())
    now = timezone.now()
    checkin_open(
        activity=activity,
        opens_at=now - dt.timedelta(minutes=30),
        closes_at=now + dt.timedelta(hours=2),
    )
    browser_login(phone_page, "focal")
    fits = "document.documentElement.scrollWidth <= window.innerWidth"
    phone_page.goto(phone_page.base_url + f"/hoat-dong/{activity.pk}/ma-qr/")
    assert phone_page.locator("#checkin-url").is_visible()
    assert phone_page.evaluate(fits)
    phone_page.goto(phone_page.base_url + f"/d/{activity.checkin_token}/")
    assert phone_page.get_by_label("Số điện thoại").is_visible()
    assert phone_page.evaluate(fits)
