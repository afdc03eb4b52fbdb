import re
from pathlib import Path

import pytest
from django.conf import settings

from accounts.tests.support import browser_login

APP_CSS = Path(settings.BASE_DIR) / "truyenthong" / "static" / "truyenthong" / "app.css"


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_brand_colour_passes_wcag_aa_against_white():
    css = APP_CSS.read_text()
    brand = re.search(r"--brand:\s*(#[0-9a-fA-F]{6})", css).group(1)
    menu_text = re.search(r"--brand-on:\s*(#[0-9a-fA-F]{6})", css).group(1)
    assert brand.lower() == "#8b1a1a"
    assert contrast(brand, "#ffffff") >= 4.5
    assert contrast(menu_text, brand) >= 4.5
    assert contrast("#777777", "#ffffff") < 4.5  # the formula itself rejects a weak grey


@pytest.mark.browser
def test_the_layout_fits_a_phone_and_the_menu_opens_from_the_keyboard(phone_page, world, tmp_path):
    page = phone_page
    page.goto(page.base_url + "/tai-khoan/dang-nhap/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    browser_login(page, "coordinator")
    page.wait_for_url(page.base_url + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    menu_link = page.get_by_role("link", name="Người dùng")
    assert not menu_link.is_visible()
    page.get_by_role("button", name="Mở menu").focus()
    page.keyboard.press("Enter")
    admin_group = page.get_by_role("button", name="Quản trị")
    admin_group.wait_for()
    admin_group.focus()
    page.keyboard.press("Enter")
    menu_link.wait_for()
    assert menu_link.is_visible()
    page.screenshot(path=str(tmp_path / "home-390.png"), full_page=True)
    menu_link.click()
    page.wait_for_url("**/tai-khoan/nguoi-dung/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.browser
def test_form_errors_sit_next_to_their_field(page, world):
    page.goto(page.base_url + "/tai-khoan/dang-nhap/")
    page.get_by_role("button", name="Đăng nhập").click()
    username = page.get_by_label("Tên đăng nhập")
    assert username.get_attribute("aria-invalid") == "true"
    error_id = username.get_attribute("aria-describedby")
    assert page.locator(f"#{error_id}").is_visible()
