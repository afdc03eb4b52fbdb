"""In the browser: the coordinator imports the seed as Word, corrects a target on the review
screen and saves; the focal point of a school then finds the school's tasks."""

from pathlib import Path

import pytest
from django.conf import settings

from accounts.tests.support import browser_login
from plans.models import Plan
from plans.tests.docx_files import docx_from_lines

pytestmark = pytest.mark.browser

SEED = Path(settings.BASE_DIR) / "demo" / "data" / "ke-hoach-kim-tra-nq71.txt"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_import_review_correct_save_then_a_school_sees_its_tasks(page, world):
    browser_login(page, "coordinator")
    page.get_by_role("link", name="Kế hoạch").first.click()
    page.get_by_role("link", name="Nhập kế hoạch từ tệp").click()
    page.get_by_label("Tệp kế hoạch (.docx hoặc .txt)").set_input_files(
        {"name": "ke-hoach.docx", "mimeType": DOCX,
         "buffer": docx_from_lines(SEED.read_text().splitlines())}
    )  # fmt: skip
    page.get_by_role("button", name="Tải lên và nhận diện").click()
    page.get_by_role("heading", name="Soát kế hoạch vừa nhập").wait_for()
    assert "Mai Văn Xuân" in page.locator(".source-text").inner_text()
    value = page.locator("input[name='targets-0-value']")
    assert value.input_value() == "100"
    value.fill("95")
    page.get_by_role("button", name="Lưu kế hoạch").click()
    page.get_by_text("Đã lưu kế hoạch.").wait_for()
    plan = Plan.objects.get()
    assert plan.targets.get(order=0).value == 95
    assert plan.source_name == "ke-hoach.docx"

    page.context.clear_cookies()
    browser_login(page, "focal")
    page.get_by_role("button", name="Kế hoạch").click()
    page.get_by_role("link", name="Nhiệm vụ của đơn vị").click()
    page.get_by_role("heading", name="Nhiệm vụ của đơn vị: Trường Tiểu học Kim Trà").wait_for()
    body = page.locator("main").inner_text()
    assert "III.1 Đẩy mạnh công tác tuyên truyền, phổ biến" in body
    assert "III.2 Tăng cường truyền thông trong ngành giáo dục" in body
    assert "III.5" not in body
