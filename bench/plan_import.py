"""Plan import: a 40-page plan (.txt and .docx) read, parsed and saved.

Run: .venv/bin/python bench/plan_import.py [--pages 40] [--repeat 3]
Uses a throw-away SQLite database (or BENCH_DATABASE_URL) and prints timings in ms. The plan
is the seed's shape grown to the page count: more bases, phases, targets, tasks with items,
responsibilities and a task appendix table, about 450 words a page as in a Word plan.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORDS_PER_PAGE = 450

ITEM = (
    "Tổ chức tuyên truyền Nghị quyết thông qua hội nghị, sinh hoạt chuyên đề, hệ thống loa "
    "truyền thanh, mạng xã hội và các hình thức phù hợp; Lồng ghép nội dung Nghị quyết vào các "
    "cuộc họp, hoạt động của cơ quan, đoàn thể, tổ dân phố; Phối hợp các cơ sở giáo dục tuyên "
    "truyền đến giáo viên, học sinh và phụ huynh."
)


def plan_lines(pages: int) -> list[str]:
    words = pages * WORDS_PER_PAGE
    tasks = max(5, words // 280)
    lines = [
        "ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "PHƯỜNG AN CỰU                   Độc lập - Tự do - Hạnh phúc",
        "Số: 15/KH-UBND                  An Cựu, ngày 20 tháng 3 năm 2026",
        "KẾ HOẠCH",
        "Triển khai thực hiện Nghị quyết số 71-NQ/TW về đột phá phát triển giáo dục và đào tạo",
    ]
    lines += [
        f"Căn cứ Kế hoạch số {n}/KH-UBND ngày 12/3/2026 của Ủy ban nhân dân thành phố Huế về "
        "triển khai thực hiện Nghị quyết;"
        for n in range(1, 21)
    ]
    lines += ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", ITEM, "2. Yêu cầu", ITEM, "II. MỤC TIÊU"]
    for n, year in enumerate(range(2026, 2036), start=1):
        lines += [f"{n}. Giai đoạn {year} – {year + 1}"]
        lines += [
            f"- Phấn đấu {80 + k}% cán bộ, công chức, người lao động được phổ biến Nghị quyết."
            for k in range(10)
        ]
    lines += ["III. NHIỆM VỤ VÀ GIẢI PHÁP"]
    for n in range(1, tasks + 1):
        lines += [f"{n}. Nhiệm vụ thứ {n} về tăng cường truyền thông", ITEM, ITEM, ITEM]
        lines += ["- Chủ trì: Phòng Văn hóa – Xã hội", "- Phối hợp: các cơ sở giáo dục"]
    lines += ["IV. KINH PHÍ", "Kinh phí thực hiện từ nguồn ngân sách phường theo phân cấp."]
    lines += ["V. TỔ CHỨC THỰC HIỆN"]
    lines += [f"{n}. Các ban ngành, đoàn thể phường\n{ITEM}" for n in range(1, 11)]
    lines += ["PHỤ LỤC", "| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |"]
    lines += [
        f"| {n} | Hội nghị quán triệt số {n} | Các cơ sở giáo dục | Đoàn Thanh niên phường | "
        "Quý II/2026 |"
        for n in range(1, tasks + 1)
    ]
    lines += ["Nơi nhận:", "- Như trên;", "- Lưu: VT, VHXH.", "TM. ỦY BAN NHÂN DÂN",
              "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Mai Văn Xuân"]  # fmt: skip
    return "\n".join(lines).split("\n")


def _django(folder: str) -> None:
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ["DATABASE_URL"] = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{folder}/bench.sqlite3"
    )
    os.environ["TRUYENTHONG_VAR_DIR"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "truyenthong.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        _django(folder)
        from plans.importers import read_blocks
        from plans.importers.parser import parse
        from plans.models import Plan
        from plans.services import plan_import_file
        from plans.tests.docx_files import docx_from_lines
        from units.services import ward_create_from_official

        lines = plan_lines(args.pages)
        text = "\n".join(lines).encode()
        word = docx_from_lines(lines)
        words = len(text.decode().split())
        print(f"plan: {words:,} words (~{words // WORDS_PER_PAGE} pages), "
              f"{len(text) // 1024} KB .txt, {len(word) // 1024} KB .docx")  # fmt: skip
        for kind, data in (("txt", text), ("docx", word)):
            parse_ms = _ms(lambda d=data, k=kind: parse(read_blocks(d, k)), args.repeat)
            print(f"{kind}: read + parse {parse_ms:,.0f} ms")
        ward = ward_create_from_official(code="19815")
        for kind, data in (("txt", text), ("docx", word)):
            path = Path(folder) / f"plan.{kind}"
            path.write_bytes(data)

            def full_import(p=path):
                Plan.objects.filter(ward=ward).delete()
                plan_import_file(ward=ward, path=p)

            total = _ms(full_import, args.repeat)
            plan = Plan.objects.get(ward=ward)
            print(f"{kind}: check + read + parse + save {total:,.0f} ms "
                  f"({plan.tasks.count()} tasks, {plan.targets.count()} targets, "
                  f"{plan.legal_bases.count()} bases)")  # fmt: skip


if __name__ == "__main__":
    main()
