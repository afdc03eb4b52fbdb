import ast
import gettext
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

CATALOG = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES"


@pytest.fixture(autouse=True)
def _back_to_vietnamese():
    # The test client runs requests in this thread; later tests that call gettext directly
    # expect the default.
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _po_entries() -> dict[str, list[str]]:
    """msgid → its msgstr values; small reader for the catalog's own plain layout."""
    entries: dict[str, list[str]] = {}
    for block in (CATALOG / "django.po").read_text().split("\n\n")[1:]:
        fields: dict[str, str] = {}
        key = ""
        for line in block.splitlines():
            if line.startswith("#"):
                assert not line.startswith("#, fuzzy"), block
                continue
            if line.startswith('"'):
                fields[key] += ast.literal_eval(line)
            else:
                key, _, value = line.partition(" ")
                fields[key] = ast.literal_eval(value)
        entries[fields["msgid"]] = [v for k, v in fields.items() if k.startswith("msgstr")]
    return entries


def test_every_message_of_the_catalog_is_translated_and_compiled():
    with open(CATALOG / "django.mo", "rb") as compiled:
        mo = gettext.GNUTranslations(compiled)
    entries = _po_entries()
    assert len(entries) > 100
    for msgid, translations in entries.items():
        assert all(translations), f"not translated: {msgid}"
        if len(translations) == 1:
            assert mo.gettext(msgid) == translations[0], (
                f"django.mo is stale: run make messages ({msgid})"
            )


def test_the_interface_is_vietnamese_by_default_and_switches_to_english(client, world):
    client.force_login(world.user("coordinator"))
    page = client.get("/").content.decode()
    assert 'lang="vi"' in page and "Việc cần làm tiếp theo" in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert 'lang="en"' in page and "What to do next" in page and "Log out" in page
    assert "units have no focal-point account" in page or "unit has no focal-point" in page
    client.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert "Đăng xuất" in client.get("/").content.decode()


def test_the_login_page_in_english(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Username" in page and "Log in" in page


def test_an_english_browser_still_gets_vietnamese_until_the_user_switches(client, world):
    client.force_login(world.user("coordinator"))
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in page and "Việc cần làm tiếp theo" in page
