"""Words plans use for units, channels and counted things, as search keys (see textkeys.key).

Lists, not code: a new way of writing a unit kind or a channel is one more entry here.
"""

import re
from dataclasses import dataclass
from functools import cache

from plans.textkeys import key
from units.models import UnitKind

# (unit kind, phrases naming it) in priority order: the first kind with a phrase in a label
# wins, so "Ủy ban Mặt trận Tổ quốc" is a mass organisation, not the People's Committee.
UNIT_KIND_PHRASES: list[tuple[str, tuple[str, ...]]] = [
    (
        UnitKind.CULTURE_OFFICE,
        (
            "phong van hoa - xa hoi",
            "phong van hoa xa hoi",
            "phong van hoa, xa hoi",
            "vhxh",
            "van hoa - xa hoi",
            "van hoa - thong tin",
            "phong van hoa",
        ),
    ),
    (
        UnitKind.MASS_ORGANISATION,
        (
            "mat tran to quoc",
            "mttq",
            "ban nganh, doan the",
            "ban nganh doan the",
            "doan the",
            "doan thanh nien",
            "hoi lien hiep phu nu",
            "hoi phu nu",
            "hoi cuu chien binh",
            "hoi nong dan",
            "cong doan",
            "hoi nguoi cao tuoi",
            "hoi chu thap do",
            "to chuc chinh tri - xa hoi",
            "cac hoi",
        ),
    ),
    (
        UnitKind.PEOPLES_COMMITTEE,
        ("uy ban nhan dan", "ubnd", "van phong hdnd", "van phong ubnd", "van phong hoi dong"),
    ),
    (
        UnitKind.SCHOOL,
        (
            "co so giao duc",
            "truong hoc",
            "nha truong",
            "cac truong",
            "truong mam non",
            "truong tieu hoc",
            "truong thcs",
            "truong thpt",
            "truong trung hoc",
            "truong lien cap",
            "nhom tre",
            "trung tam giao duc",
        ),
    ),
    (
        UnitKind.RESIDENTIAL_GROUP,
        ("to dan pho", "khu dan cu", "khu pho", "thon", "ban dieu hanh"),
    ),
    (
        UnitKind.OTHER_AGENCY,
        (
            "don vi lien quan",
            "co quan lien quan",
            "bo phan",
            "co quan, don vi",
            "tram y te",
            "cong an",
            "ban chi huy quan su",
            "phong kinh te",
            "phong noi vu",
            "trung tam",
            "cac don vi khac",
            "cac co quan",
        ),
    ),
]

# Kinds a task may name in passing ("phối hợp các cơ sở giáo dục") and so be assigned to it.
TASK_MENTION_KINDS = (
    UnitKind.CULTURE_OFFICE,
    UnitKind.SCHOOL,
    UnitKind.MASS_ORGANISATION,
    UnitKind.RESIDENTIAL_GROUP,
)

# A label naming a single office ("Công an phường", "Ban Chỉ huy Quân sự") is some agency.
AGENCY_WORDS = ("phong", "ban", "tram", "trung tam", "van phong", "cong an", "chi nhanh")

# Channels a task may name: (label kept in the plan, search keys that name it).
CHANNELS: list[tuple[str, tuple[str, ...]]] = [
    ("hội nghị", ("hoi nghi",)),
    ("sinh hoạt chuyên đề", ("sinh hoat chuyen de",)),
    ("sinh hoạt chuyên môn", ("sinh hoat chuyen mon",)),
    ("hoạt động ngoại khóa", ("ngoai khoa",)),
    ("loa truyền thanh", ("loa truyen thanh", "dai truyen thanh", "truyen thanh co so")),
    ("hệ thống thông tin cơ sở", ("thong tin co so",)),
    ("trang thông tin điện tử", ("trang thong tin dien tu", "cong thong tin dien tu", "website")),
    ("mạng xã hội", ("mang xa hoi", "facebook", "fanpage", "zalo", "tiktok", "youtube")),
    ("nền tảng số", ("nen tang so",)),
    ("video ngắn", ("video ngan", "video clip", "clip")),
    ("infographic", ("infographic", "inforgraphic", "infographics")),
    ("tờ rơi, tài liệu", ("to roi", "to gap", "tai lieu tuyen truyen", "so tay")),
    ("pano, áp phích, băng rôn", ("pano", "ap phich", "bang ron", "khau hieu")),
    ("bảng tin", ("bang tin",)),
    ("cuộc thi", ("cuoc thi", "hoi thi")),
    ("tọa đàm, diễn đàn", ("toa dam", "dien dan", "giao luu")),
    ("tập huấn, bồi dưỡng", ("tap huan", "boi duong")),
    ("tin nhắn", ("tin nhan", "sms")),
    ("báo chí", ("bao chi", "phong su")),
    ("chuyên mục tuyên truyền", ("chuyen muc",)),
]

# Things a count target counts, as written after the number ("ít nhất 02 tin, bài").
COUNT_UNITS = (
    "luot nguoi",
    "tin, bai",
    "tin bai",
    "bai viet",
    "hoi nghi",
    "cuoc thi",
    "toa dam",
    "san pham",
    "chuyen muc",
    "chuyen de",
    "mo hinh",
    "lop tap huan",
    "video",
    "buoi",
    "cuoc",
    "luot",
    "nguoi",
    "lop",
    "dot",
    "tin",
    "bai",
    "lan",
    "truong",
    "don vi",
    "ky",
    "ho",
    "hoc sinh",
    "giao vien",
    "can bo",
    "tap the",
    "ca nhan",
    "pano",
    "to roi",
    "clip",
    "so",
)


@dataclass(frozen=True)
class Phrase:
    value: str
    pattern: re.Pattern


def _word_pattern(phrase_key: str) -> re.Pattern:
    return re.compile(r"(?<![a-z0-9])" + re.escape(phrase_key) + r"(?![a-z0-9])")


@cache
def unit_kind_patterns() -> tuple[Phrase, ...]:
    return tuple(
        Phrase(kind, _word_pattern(phrase))
        for kind, phrases in UNIT_KIND_PHRASES
        for phrase in phrases
    )


@cache
def channel_patterns() -> tuple[Phrase, ...]:
    return tuple(
        Phrase(label, _word_pattern(phrase)) for label, phrases in CHANNELS for phrase in phrases
    )


def unit_kind_of(label: str) -> str | None:
    """The unit kind a label such as `Các ban ngành, đoàn thể phường` names, if any."""
    label_key = key(label)
    for phrase in unit_kind_patterns():
        if phrase.pattern.search(label_key):
            return phrase.value
    first = label_key.removeprefix("cac ").strip()
    if any(first.startswith(word + " ") for word in AGENCY_WORDS):
        return UnitKind.OTHER_AGENCY
    return None


def channels_in(text: str) -> list[str]:
    text_key = key(text)
    found: list[str] = []
    for phrase in channel_patterns():
        if phrase.value not in found and phrase.pattern.search(text_key):
            found.append(phrase.value)
    return found
