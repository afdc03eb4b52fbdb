from pathlib import Path

import pytest
from PIL import ImageFont

from dashboard.fonts import FontMissing, font_path


def test_it_finds_the_packaged_font_with_every_vietnamese_letter():
    font = ImageFont.truetype(str(font_path("bold")), 40)
    notdef = font.getmask("\uffff").getbbox()
    for letter in "ẮẰẲẴẶắằẳẵặỆệỘộỢợỰựỸỹĐđƯưƠơ":
        assert font.getmask(letter).getbbox() != notdef, letter


def test_a_missing_font_names_the_package_to_install(tmp_path: Path):
    with pytest.raises(FontMissing, match="fonts-dejavu-core"):
        font_path("regular", dirs=(tmp_path,))
