import pytest

from accounts.tests.support import browser_login
from units.models import Person
from units.tests.rosters import messy_roster

pytestmark = pytest.mark.browser


def test_coordinator_imports_a_messy_roster_then_finds_a_person(page, world, tmp_path):
    path = messy_roster(tmp_path / "danh-sach.xlsx")
    browser_login(page, "coordinator")
    page.wait_for_url(page.base_url + "/")
    page.get_by_role("button", name="Đơn vị, nhân sự").click()
    page.get_by_role("link", name="Danh sách người", exact=True).click()
    page.get_by_role("link", name="Nhập từ Excel").click()
    page.get_by_label("Tệp Excel (.xlsx)").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và xem trước").click()

    problems = page.locator("#problems tbody tr")
    problems.first.wait_for()
    rows = [problems.nth(i).inner_text() for i in range(problems.count())]
    for row, reason in [
        ("9", "Số điện thoại “12345” không hợp lệ"),
        ("10", "“31/02/1990” không phải ngày hợp lệ"),
        ("14", "Không có đơn vị “Trường Không Có”"),
        ("15", "Nội dung quá dài (10.000 ký tự"),
    ]:
        assert any(f"\t{row}\t" in line and reason in line for line in rows), (row, rows)
    assert Person.objects.count() == 0

    page.get_by_role("button", name="Lưu 6 dòng hợp lệ").click()
    page.wait_for_url("**/don-vi/nguoi/")
    assert "6 người mới" in page.content()

    page.get_by_label("Tìm theo họ tên").fill("nguyen van an")
    results = page.locator("#people-results")
    results.get_by_text("1 người").wait_for()
    assert results.get_by_role("link", name="Nguyễn Văn An").is_visible()
    assert results.get_by_role("link", name="Trần Thị Bình").count() == 0
