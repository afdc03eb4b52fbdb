import unicodedata

from common.text import clean_text, person_sort_key, search_key, split_full_name, vi_sorted


def test_it_normalises_nfd_to_nfc_and_folds_spaces():
    nfd = unicodedata.normalize("NFD", "  Nguyễn   Văn  Á ")
    assert clean_text(nfd) == unicodedata.normalize("NFC", "Nguyễn Văn Á")


def test_search_key_ignores_diacritics_case_and_maps_d_bar():
    assert search_key("Giáo DỤC") == "giao duc"
    assert search_key("Đặng Văn Đạt") == "dang van dat"
    assert search_key(unicodedata.normalize("NFD", "Nguyễn")) == "nguyen"


def test_sorting_follows_the_vietnamese_alphabet():
    words = ["ư", "u", "đ", "d", "â", "ă", "a", "ơ", "ô", "o", "e", "ê"]
    assert vi_sorted(words) == ["a", "ă", "â", "d", "đ", "e", "ê", "o", "ô", "ơ", "u", "ư"]


def test_tones_order_after_letters():
    assert vi_sorted(["bà", "bá", "ba", "bả", "bạ", "bã", "bác"]) == [
        "ba",
        "bà",
        "bả",
        "bã",
        "bá",
        "bạ",
        "bác",
    ]


def test_people_sort_by_given_name_then_family_then_middle():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Đỗ Minh Ánh", "Nguyễn Văn An"]
    ordered = sorted(names, key=person_sort_key)
    assert ordered == [
        "Lê Văn An",
        "Nguyễn Thị An",
        "Nguyễn Văn An",
        "Đỗ Minh Ánh",
        "Trần Văn Bình",
    ]


def test_split_full_name():
    assert split_full_name("Nguyễn Thị Minh Khai") == ("Nguyễn", "Thị Minh", "Khai")
    assert split_full_name("Khai") == ("", "", "Khai")


def test_clean_text_takes_numbers_and_blanks_as_cells_hold_them():
    assert clean_text(1990) == "1990"
    assert clean_text("") == clean_text(None) == ""
    assert clean_text(" Ngô\u0300  ") == clean_text(" Ngô\u0300  ") == "Ngồ"
