import pytest
from django.urls import reverse

from accounts.tests.support import PASSWORD


def _login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_login_page_is_vietnamese(client, db):
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Đăng nhập" in page and "Tên đăng nhập" in page and 'lang="vi"' in page


def test_a_user_logs_in_and_reaches_home(client, world):
    response = _login(client, "coordinator", PASSWORD)
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_five_failures_in_an_hour_lock_the_account(client, world):
    for _ in range(5):
        _login(client, "focal", "sai-mat-khau")
    response = _login(client, "focal", PASSWORD)
    assert response.status_code == 429
    assert "tạm khóa" in response.content.decode()


def test_a_new_user_must_change_password_first(client, world):
    user = world.user("focal")
    user.must_change_password = True
    user.save()
    _login(client, "focal", PASSWORD)
    response = client.get("/")
    assert response.status_code == 302 and response.url == reverse("accounts:password_change")
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Truong-hoc#2026",
            "new_password2": "Truong-hoc#2026",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.must_change_password
    assert client.get("/").status_code == 200


def test_weak_passwords_are_refused(client, world):
    client.force_login(world.user("focal"))
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert "quá ngắn" in response.content.decode() or "quá phổ biến" in response.content.decode()


@pytest.mark.parametrize("url", ["/", "/tai-khoan/doi-mat-khau/"])
def test_pages_need_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response.url
