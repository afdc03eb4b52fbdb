"""Vietnamese phone numbers as people write them in spreadsheets and forms."""

import re

from django.utils.translation import gettext as _

_NOISE = re.compile(r"[\s.\-()/]")
# Mobile prefixes in use since the 2018 renumbering, and landlines with a 2xx area code.
_VALID = re.compile(r"0[35789]\d{8}|02\d{9}")


class InvalidPhone(ValueError):
    pass


def normalize_phone(raw: object) -> str:
    """Return `0912345678` from `+84 912 345 678`, `912345678` (Excel lost the 0), `0912.345.678`.

    Blank input gives ''. Anything that is not a Vietnamese number raises InvalidPhone with a
    message for the user.
    """
    if raw is None:
        return ""
    if isinstance(raw, str) and _VALID.fullmatch(raw):
        return raw  # already normalised: imports pass each number through here twice
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw) if isinstance(raw, int) else _NOISE.sub("", str(raw).strip())
    if text == "":
        return ""
    if text.startswith("+84"):
        text = "0" + text[3:]
    elif text.startswith("84") and len(text) == 11:
        text = "0" + text[2:]
    elif text.startswith("0084"):
        text = "0" + text[4:]
    if text.isdigit() and not text.startswith("0") and len(text) in (9, 10):
        text = "0" + text
    if _VALID.fullmatch(text):
        return text
    raise InvalidPhone(_("Số điện thoại “%(value)s” không hợp lệ") % {"value": str(raw).strip()})
