import pytest

from accounts.tests.support import browser_login

pytestmark = pytest.mark.browser


def test_a_coordinator_logs_in_through_the_vietnamese_form(page, world):
    browser_login(page, "coordinator")
    page.wait_for_url(page.base_url + "/")
    assert "Xin chào" in page.content()
    account = page.locator("nav .dropdown-toggle").last
    account.click()
    assert page.get_by_role("button", name="Đăng xuất").is_visible()
