"""The font the infographic is drawn with: DejaVu Sans, which has every Vietnamese glyph and
comes from Debian's package fonts-dejavu-core (installed by .ci/run), not from this repo."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),  # Debian, Ubuntu
    Path("/usr/share/fonts/dejavu"),  # Fedora, Arch
    Path("/usr/share/fonts/TTF"),
)
FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}


class FontMissing(ImproperlyConfigured):
    pass


def font_path(weight: str = "regular", dirs: tuple[Path, ...] = FONT_DIRS) -> Path:
    name = FONT_FILES[weight]
    for folder in dirs:
        if (folder / name).is_file():
            return folder / name
    raise FontMissing(
        _(
            "Không tìm thấy phông chữ %(name)s (đã tìm trong %(dirs)s). "
            "Cài gói fonts-dejavu-core: apt-get install fonts-dejavu-core."
        )
        % {"name": name, "dirs": ", ".join(str(d) for d in dirs)}
    )
