from accounts.checks import secret_key_is_strong, sqlite_folder_errors


def test_a_short_secret_key_is_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = "ngan-qua"
    errors = secret_key_is_strong(None)
    assert [e.id for e in errors] == ["truyenthong.E001"]
    assert "SECRET_KEY" in errors[0].msg and "secrets.token_urlsafe" in errors[0].hint


def test_a_long_secret_key_passes(settings):
    settings.DEBUG = False
    settings.SECRET_KEY = "a1b2c3d4e5" * 6
    assert secret_key_is_strong(None) == []


def test_a_missing_sqlite_folder_is_refused(tmp_path):
    engine = "django.db.backends.sqlite3"
    missing = {"ENGINE": engine, "NAME": str(tmp_path / "khong-co" / "db.sqlite3")}
    assert [e.id for e in sqlite_folder_errors(missing)] == ["truyenthong.E002"]
    assert sqlite_folder_errors({"ENGINE": engine, "NAME": str(tmp_path / "db.sqlite3")}) == []
