"""Plans of other wards and resolutions, in the shapes real plans take (plans/tests/fixtures
and generated .docx files), each with the structure it must give."""

import unicodedata
from pathlib import Path

import pytest

from plans.importers import read_blocks
from plans.importers.parser import parse
from plans.tests.docx_files import docx_from_lines, thuan_hoa_plan

FIXTURES = Path(__file__).parent / "fixtures"


def _parse(name: str, kind: str = "txt", data: bytes | None = None):
    data = data if data is not None else (FIXTURES / name).read_bytes()
    return parse(read_blocks(data, kind))


@pytest.fixture(scope="module")
def an_cuu():
    return _parse("ke-hoach-an-cuu-nq57.txt").structure


def test_a_two_column_text_header_and_footer(an_cuu):
    assert an_cuu["document"] == {
        "type": "KẾ HOẠCH",
        "number": "45/KH-UBND",
        "issuer": "ỦY BAN NHÂN DÂN PHƯỜNG AN CỰU",
        "place": "An Cựu",
        "date": "2026-03-05",
        "title": "Tuyên truyền thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá "
        "phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    }
    assert an_cuu["recipients"] == ["UBND thành phố (b/c)", "Lưu: VT"]
    assert an_cuu["signature"] == {
        "authority": ["TM. ỦY BAN NHÂN DÂN"],
        "title": "CHỦ TỊCH",
        "name": "Nguyễn Văn An",
    }  # UỶ written ỦY


def test_bases_one_per_paragraph_with_dashed_dates(an_cuu):
    assert [(b["number"], b["date"], b["issuer"]) for b in an_cuu["legal_bases"]] == [
        ("57-NQ/TW", "2024-12-22", "Bộ Chính trị"),
        ("210/KH-UBND", "2026-01-15", "UBND thành phố Huế"),
    ]
    preamble = an_cuu["sections"][0]
    assert preamble["number"] is None and "xây dựng Kế hoạch" in preamble["text"]


def test_bullets_with_and_without_space_and_plus_stay_in_their_section(an_cuu):
    purposes = an_cuu["sections"][1]["children"][0]
    assert purposes["title"] == "Mục đích"
    assert "-Phát huy vai trò của đoàn viên" in purposes["text"]
    assert "+ Tuyên truyền thường xuyên" in an_cuu["sections"][1]["children"][1]["text"]


def test_targets_by_year_with_percent_and_counts(an_cuu):
    found = [(t["phase"], t["value"], t["unit"], t["audiences"]) for t in an_cuu["targets"]]
    assert found == [
        (None, None, None, []),
        ([2026, 2026], 90, "%", ["civil_servants"]),
        ([2026, 2026], 2, "tin, bài", []),
        ([2026, 2030], 100, "%", ["students", "parents"]),
        ([2026, 2030], 5, "lớp tập huấn", ["civil_servants"]),
    ]
    assert [(p["name"], p["start_year"], p["end_year"]) for p in an_cuu["phases"]] == [
        ("Năm 2026", 2026, 2026),
        ("Đến năm 2030", 2026, 2030),
    ]


def test_tasks_with_named_leads_in_lines_and_in_brackets(an_cuu):
    first, second, third = an_cuu["tasks"]
    assert (first["number"], first["title"], first["timing"]) == (
        "III.1",
        "Tổ chức quán triệt Nghị quyết",
        "Quý II/2026",
    )
    assert first["lead"] == [{"label": "Phòng Văn hóa – Xã hội", "unit_kind": "culture_office"}]
    assert first["cooperating"] == [{"label": "các cơ sở giáo dục", "unit_kind": "school"}]
    assert [e["label"] for e in second["lead"]] == [
        "Hội Liên hiệp Phụ nữ phường",
        "Đoàn Thanh niên phường",
    ]
    assert second["cooperating"] == [{"label": "các tổ dân phố", "unit_kind": "residential_group"}]
    assert {"video ngắn", "infographic", "mạng xã hội"} <= set(second["channels"])
    assert third["lead"] == [] and third["cooperating"] == []


def test_lettered_responsibilities_and_bulleted_funding(an_cuu):
    assert [(r["unit"], r["unit_kind"]) for r in an_cuu["responsibilities"]] == [
        ("Phòng Văn hóa - Xã hội", "culture_office"),
        ("Các trường học trên địa bàn", "school"),
        ("Công an phường", "other_agency"),
    ]
    assert an_cuu["funding"] == ["Ngân sách phường", "Nguồn xã hội hóa"]


def test_a_draft_in_nfd_with_crlf_and_duplicated_numbering():
    text = (FIXTURES / "du-thao-xa-phong-dien-nq68.txt").read_text()
    data = unicodedata.normalize("NFD", text).replace("\n", "\r\n").encode()
    parsed = _parse("", data=data)
    plan = parsed.structure
    assert plan["document"]["number"] is None  # "Số:     /KH-UBND"
    assert plan["document"]["date"] is None  # "ngày     tháng 4 năm 2026"
    assert plan["document"]["issuer"] == "ỦY BAN NHÂN DÂN XÃ PHONG ĐIỀN"
    assert plan["document"]["place"] == "Phong Điền"
    assert [(s["number"], s["title"]) for s in plan["sections"]] == [
        (None, ""),  # what the header holds besides the known lines: "DỰ THẢO"
        ("1", "mục đích, yêu cầu"),
        ("2", "nội dung tuyên truyền"),
        ("3", "tổ chức thực hiện"),
    ]
    assert plan["sections"][0]["text"] == "DỰ THẢO"
    first = plan["sections"][1]
    assert first["children"] == [] and first["text"].startswith("1. Làm cho cán bộ")
    assert "2. Tạo sự đồng thuận" in first["text"]
    assert [t["number"] for t in plan["tasks"]] == ["2.1", "2.2"]
    assert [(r["unit"], r["unit_kind"]) for r in plan["responsibilities"]] == [
        ("Văn phòng HĐND và UBND xã", "peoples_committee"),
        ("Các ban ngành, đoàn thể xã", "mass_organisation"),
    ]
    assert plan["signature"]["name"] == "Trần Thị Bình"
    assert "Không tìm thấy mục tiêu, chỉ tiêu." in parsed.warnings


def test_a_party_plan_with_a_task_table_typed_as_text():
    plan = _parse("ke-hoach-dang-uy-vy-da.txt").structure
    assert plan["document"]["number"] == "12-KH/ĐU"
    assert plan["document"]["issuer"] == "ĐẢNG ỦY PHƯỜNG VỸ DẠ"
    assert plan["document"]["date"] == "2026-02-10"
    assert [(t["number"], t["title"], t["timing"]) for t in plan["tasks"]] == [
        ("I.1", "Hội nghị học tập Nghị quyết cho cán bộ chủ chốt", "Tháng 3/2026"),
        ("I.2", "Sinh hoạt chuyên đề tại các chi bộ", "Quý II/2026"),
        ("II.1", "Đăng tin trên trang thông tin điện tử", "Thường xuyên"),
    ]
    assert [e["label"] for e in plan["tasks"][2]["cooperating"]] == [
        "Đoàn Thanh niên phường",
        "các trường học",
    ]
    assert plan["signature"] == {"authority": ["T/M ĐẢNG ỦY"], "title": "BÍ THƯ",
                                 "name": "Lê Văn Cường"}  # fmt: skip
    assert "STT | Nội dung" in plan["sections"][1]["text"]


def test_a_docx_with_header_table_and_task_appendix():
    parsed = _parse("", kind="docx", data=thuan_hoa_plan())
    plan = parsed.structure
    assert plan["document"]["number"] == "27/KH-UBND"
    assert plan["document"]["issuer"] == "ỦY BAN NHÂN DÂN PHƯỜNG THUẬN HÓA"
    assert parsed.parent_issuer == "UBND THÀNH PHỐ HUẾ"
    assert plan["document"]["date"] == "2026-04-18"
    assert [(b["number"], b["date"]) for b in plan["legal_bases"]] == [
        ("66-NQ/TW", "2025-04-30"),
        ("75/KH-UBND", "2026-04-02"),
    ]
    assert [(t["phase"], t["value"], t["unit"], t["audiences"]) for t in plan["targets"]] == [
        ([2026, 2027], 95, "%", ["members"]),
        ([2026, 2027], 4, "hội nghị", []),
    ]
    first, second = plan["tasks"]
    assert first["lead"] == [{"label": "Phòng Văn hóa – Xã hội", "unit_kind": "culture_office"}]
    assert first["cooperating"] == [
        {"label": "Các ban ngành, đoàn thể", "unit_kind": "mass_organisation"}
    ]
    assert second["lead"] == [{"label": "Các tổ dân phố", "unit_kind": "residential_group"}]
    assert {"loa truyền thanh", "mạng xã hội"} <= set(second["channels"])
    assert plan["recipients"] == ["UBND thành phố", "Lưu: VT, VHXH"]
    assert plan["signature"] == {"authority": ["TM. ỦY BAN NHÂN DÂN"], "title": "CHỦ TỊCH",
                                 "name": "Hoàng Thị Hoa"}  # fmt: skip


def test_the_seed_reads_the_same_from_word():
    seed = Path(__file__).resolve().parents[2] / "demo" / "data" / "ke-hoach-kim-tra-nq71.txt"
    text = _parse("", data=seed.read_bytes()).structure
    word = _parse("", kind="docx", data=docx_from_lines(seed.read_text().splitlines()))
    assert word.structure == text


def test_text_without_headings_is_kept_whole_with_a_warning():
    data = "Tuyên truyền Nghị quyết đến Nhân dân.\nVận động người dân tham gia.".encode()
    parsed = _parse("", data=data)
    assert [s["text"] for s in parsed.structure["sections"]] == [
        "Tuyên truyền Nghị quyết đến Nhân dân.\nVận động người dân tham gia."
    ]
    assert parsed.warnings[0].startswith("Không nhận ra đề mục nào")
