"""Word files for tests, made with python-docx the way clerks lay them out."""

import io

from docx import Document


def docx_from_lines(lines: list[str]) -> bytes:
    """One paragraph per line, as a .txt plan pasted into Word."""
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    return _bytes(document)


def _two_column_table(document, left: list[str], right: list[str]) -> None:
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


def thuan_hoa_plan() -> bytes:
    """Header and footer as two-column tables, tasks in an appendix table (Decree 30 layout)."""
    document = Document()
    _two_column_table(
        document,
        ["UBND THÀNH PHỐ HUẾ", "ỦY BAN NHÂN DÂN", "PHƯỜNG THUẬN HÓA", "Số: 27/KH-UBND"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc",
         "Thuận Hóa, ngày 18 tháng 4 năm 2026"],
    )  # fmt: skip
    for line in [
        "KẾ HOẠCH",
        "Tuyên truyền Nghị quyết số 66-NQ/TW về đổi mới công tác xây dựng và thi hành pháp luật",
        "Căn cứ Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác "
        "xây dựng và thi hành pháp luật; Kế hoạch số 75/KH-UBND ngày 02/4/2026 của Ủy ban nhân "
        "dân thành phố Huế về tuyên truyền Nghị quyết, Ủy ban nhân dân phường ban hành Kế hoạch "
        "như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Nâng cao ý thức chấp hành pháp luật của Nhân dân.",
        "II. CHỈ TIÊU",
        "Giai đoạn 2026 - 2027:",
        "- 95% hội viên, đoàn viên được phổ biến Nghị quyết.",
        "- Tổ chức ít nhất 04 hội nghị tuyên truyền mỗi năm.",
        "III. NHIỆM VỤ",
        "Các nhiệm vụ cụ thể tại Phụ lục kèm theo.",
    ]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=5)
    rows = [
        ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"],
        ["1", "Tổ chức hội nghị phổ biến Nghị quyết", "Phòng Văn hóa – Xã hội",
         "Các ban ngành, đoàn thể", "Quý II/2026"],
        ["2", "Tuyên truyền trên loa truyền thanh và mạng xã hội", "Các tổ dân phố",
         "Đoàn Thanh niên phường", "Thường xuyên"],
    ]  # fmt: skip
    for index, values in enumerate(rows):
        cells = table.rows[0].cells if index == 0 else table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    document.add_paragraph("IV. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("1. Phòng Văn hóa – Xã hội: theo dõi, tổng hợp, báo cáo.")
    document.add_paragraph("2. Các cơ sở giáo dục: phổ biến đến giáo viên.")
    _two_column_table(
        document,
        ["Nơi nhận:", "- UBND thành phố;", "- Lưu: VT, VHXH."],
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Hoàng Thị Hoa"],
    )
    return _bytes(document)


def _bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
