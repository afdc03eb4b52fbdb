"""The seed plan (Kim Trà, Resolution 71) read through the text importer: what "Must show"
lists in issue 3."""

from pathlib import Path

import pytest
from django.conf import settings

from plans.importers import read_blocks
from plans.importers.parser import parse

SEED = Path(settings.BASE_DIR) / "demo" / "data" / "ke-hoach-kim-tra-nq71.txt"


@pytest.fixture(scope="module")
def seed() -> dict:
    return parse(read_blocks(SEED.read_bytes(), "txt")).structure


def test_it_reads_three_legal_bases(seed):
    assert [(b["number"], b["date"], b["issuer"]) for b in seed["legal_bases"]] == [
        ("71-NQ/TW", "2025-08-22", "Bộ Chính trị"),
        ("14-CTr/TU", "2025-12-19", "Thành ủy"),
        ("132/KH/UBND", "2026-03-12", "Ủy ban nhân dân thành phố Huế"),
    ]
    assert seed["legal_bases"][2]["text"].endswith("về đột phá phát triển giáo dục và đào tạo")


def test_it_reads_the_document(seed):
    assert seed["document"]["type"] == "KẾ HOẠCH"
    assert seed["document"]["title"].startswith("Triển khai thực hiện công tác truyền thông")
    assert seed["document"]["title"].endswith("phường Kim Trà")
    assert seed["document"]["number"] is None
    assert seed["document"]["date"] is None


def test_it_reads_five_top_sections_with_clean_titles(seed):
    assert [(s["number"], s["title"]) for s in seed["sections"]] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "MỤC TIÊU"),
        ("III", "NHIỆM VỤ VÀ GIẢI PHÁP"),
        ("IV", "KINH PHÍ"),
        ("V", "TỔ CHỨC THỰC HIỆN"),
    ]
    first = seed["sections"][0]
    assert [(c["number"], c["title"]) for c in first["children"]] == [
        ("1", "Mục đích"),
        ("2", "Yêu cầu"),
    ]
    assert "Lan tỏa các mô hình hay" in first["children"][0]["text"]
    assert "Trên đây là Kế hoạch" in seed["sections"][4]["text"]


def test_it_reads_two_phases(seed):
    assert [(p["start_year"], p["end_year"]) for p in seed["phases"]] == [
        (2026, 2030),
        (2030, 2035),
    ]
    assert seed["phases"][0]["name"] == "Giai đoạn 2026 – 2030"


def test_it_reads_the_full_coverage_target_with_both_audiences(seed):
    target = next(t for t in seed["targets"] if t["value"] == 100)
    assert target["unit"] == "%"
    assert target["phase"] == [2026, 2030]
    assert target["audiences"] == ["civil_servants", "school_staff"]
    assert target["text"].startswith("100% cán bộ, công chức, người lao động")


def test_it_keeps_every_goal_of_both_phases_as_a_target(seed):
    texts = [t["text"] for t in seed["targets"]]
    assert any(t.startswith("Duy trì chuyên mục tuyên truyền") for t in texts)
    assert any(t.startswith("Tăng cường năng lực truyền thông") for t in texts)
    later = [t for t in seed["targets"] if t["phase"] == [2030, 2035]]
    assert len(later) == 2


def test_it_reads_five_tasks_with_their_items(seed):
    tasks = seed["tasks"]
    assert [t["number"] for t in tasks] == ["III.1", "III.2", "III.3", "III.4", "III.5"]
    assert tasks[0]["title"] == "Đẩy mạnh công tác tuyên truyền, phổ biến"
    assert len(tasks[0]["items"]) == 3
    assert tasks[0]["items"][2].startswith("Phối hợp các cơ sở giáo dục")
    assert tasks[3]["items"][1].startswith("Khuyến khích xây dựng các sản phẩm truyền thông")
    assert all(t["items"] for t in tasks)


def test_it_reads_channels_and_units_of_tasks(seed):
    first, second = seed["tasks"][0], seed["tasks"][1]
    assert {"hội nghị", "sinh hoạt chuyên đề", "loa truyền thanh", "mạng xã hội"} <= set(
        first["channels"]
    )
    assert {"video ngắn", "infographic"} <= set(seed["tasks"][3]["channels"])
    assert {"label": "các cơ sở giáo dục", "unit_kind": "school"} in first["cooperating"]
    assert [a["unit_kind"] for a in second["lead"]] == ["school"]


def test_it_reads_four_responsibilities_with_unit_kinds(seed):
    assert [(r["number"], r["unit"], r["unit_kind"]) for r in seed["responsibilities"]] == [
        ("V.1", "Phòng Văn hóa – Xã hội", "culture_office"),
        ("V.2", "Các cơ sở giáo dục trên địa bàn", "school"),
        ("V.3", "Các ban ngành, đoàn thể phường", "mass_organisation"),
        ("V.4", "Các bộ phận, đơn vị liên quan", "other_agency"),
    ]
    assert seed["responsibilities"][0]["duties"].startswith("Tham mưu UBND phường")


def test_it_reads_funding_recipients_and_signature(seed):
    assert seed["funding"] == [
        "ngân sách phường theo phân cấp",
        "các nguồn huy động hợp pháp khác",
    ]
    assert seed["recipients"] == [
        "CT và các PCT phường",
        "Các đơn vị có tên ở mục V",
        "Lưu: VT, VHXH",
    ]
    assert seed["signature"] == {
        "authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
        "title": "PHÓ CHỦ TỊCH",
        "name": "Mai Văn Xuân",
    }


def test_it_returns_exactly_the_documented_keys(seed):
    assert list(seed) == [
        "document", "legal_bases", "sections", "phases", "targets", "tasks",
        "responsibilities", "funding", "recipients", "signature",
    ]  # fmt: skip
    assert set(seed["document"]) == {"type", "number", "issuer", "place", "date", "title"}
    assert set(seed["targets"][0]) == {"phase", "value", "unit", "text", "audiences"}
