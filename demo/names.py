"""Invented Vietnamese names for demo and generated data: common family, middle and given
names, drawn with a seeded generator so every run makes the same people."""

import random

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Trương",
    "Đoàn",
    "Tôn",
    "Hà",
    "Lương",
    "Châu",
    "Mai",
    "Cao",
    "Tạ",
]
MIDDLE_MALE = ["Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thành", "Xuân", "Đình", "Ngọc", "Anh"]
MIDDLE_FEMALE = [
    "Thị",
    "Ngọc",
    "Thu",
    "Thanh",
    "Kim",
    "Phương",
    "Diệu",
    "Mỹ",
    "Bảo",
    "Khánh",
    "Thùy",
]
GIVEN_MALE = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Đức",
    "Hải",
    "Hiếu",
    "Hòa",
    "Hùng",
    "Huy",
    "Khánh",
    "Khoa",
    "Long",
    "Lộc",
    "Minh",
    "Nam",
    "Nghĩa",
    "Phong",
    "Phúc",
    "Quân",
    "Quang",
    "Sơn",
    "Tài",
    "Thắng",
    "Thành",
    "Tiến",
    "Toàn",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
]
GIVEN_FEMALE = [
    "Anh",
    "Ánh",
    "Châu",
    "Chi",
    "Diễm",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hiền",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Loan",
    "Mai",
    "My",
    "Nga",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phương",
    "Quyên",
    "Tâm",
    "Thảo",
    "Thủy",
    "Trang",
    "Trâm",
    "Uyên",
    "Vân",
    "Yến",
]


def random_person_name(rng: random.Random) -> tuple[str, str]:
    """(full name, gender code)."""
    if rng.random() < 0.5:
        parts = rng.choice(FAMILY), rng.choice(MIDDLE_MALE), rng.choice(GIVEN_MALE)
        return " ".join(parts), "male"
    parts = rng.choice(FAMILY), rng.choice(MIDDLE_FEMALE), rng.choice(GIVEN_FEMALE)
    return " ".join(parts), "female"


def random_mobile(rng: random.Random) -> str:
    return rng.choice(["09", "08", "07", "03", "05"]) + f"{rng.randrange(10**8):08d}"
