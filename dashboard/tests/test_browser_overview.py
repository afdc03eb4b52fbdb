import pytest
from openpyxl import load_workbook
from PIL import Image

from accounts.tests.support import browser_login
from indicators.tests.support import build_dataset

pytestmark = pytest.mark.browser


def test_the_leader_drills_to_a_school_exports_and_downloads_the_infographic(page, world):
    data = build_dataset(world)
    browser_login(page, "leader")
    page.get_by_role("link", name="Bảng điều khiển").click()
    assert world.ward.name in page.locator("h1").inner_text()
    page.get_by_label("Kỳ báo cáo").select_option(data.period.code)
    page.get_by_role("button", name="Xem").click()
    assert page.locator("#targets li").count() == 5

    page.locator("#table-coverage_by_unit").get_by_role("link", name=world.school.name).click()
    assert world.school.name in page.locator("h1").inner_text()
    assert world.ward.name in page.get_by_role("navigation", name="Đường dẫn đơn vị").inner_text()
    coverage = page.locator("#table-coverage_by_group")
    assert "50,0%" in coverage.inner_text()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải bảng này (Excel)").first.click()
    with open(download_info.value.path(), "rb") as downloaded:
        book = load_workbook(downloaded)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "Tỉ lệ được phổ biến theo nhóm đối tượng"
    assert rows[-1][1:] == (6, 3, 0.5)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải infographic (PNG)").click()
    image = Image.open(download_info.value.path())
    assert image.size == (1080, 1350)
