"""Keys for matching plan text: `common.text.search_key` with every dash made `-`, one
character per character, so a match found in the key is a match at the same place in the
text."""

import re

from common.text import clean_text, search_key

_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
# Both placements of the tone on "uy" occur in real documents (UỶ, ỦY); ỦY is the one kept.
_OLD_UY = re.compile(r"([uU])([ỷỶ])")
_TONED_U = {"u": "ủ", "U": "Ủ"}
_PLAIN_Y = {"ỷ": "y", "Ỷ": "Y"}


def tidy(value: object) -> str:
    """Text as written, cleaned (NFC, single spaces), with `UỶ` written `ỦY`."""
    return _OLD_UY.sub(lambda m: _TONED_U[m.group(1)] + _PLAIN_Y[m.group(2)], clean_text(value))


def key(value: str) -> str:
    """Lower case, no diacritics, dashes unified; as long as `value` when it is clean."""
    return search_key(value).translate(_DASHES)
