"""Legal bases: the `Căn cứ ...` / `Thực hiện ...` paragraphs before the first heading, split
into one entry per document with its number, date and issuer."""

import re

from plans.importers.header import parse_date
from plans.textkeys import key, tidy

BASIS_OPENERS = ("can cu", "thuc hien", "trien khai", "thi hanh", "theo chi dao", "quan triet")
_DOC_WORDS = (
    r"Nghị quyết|Chỉ thị|Kết luận|Quyết định|Kế hoạch|Chương trình hành động|Chương trình|"
    r"Luật|Bộ luật|Nghị định|Thông tư liên tịch|Thông tư|Công văn|Văn bản|Hướng dẫn|"
    r"Thông báo|Đề án|Quy định|Hiến pháp|Điều lệ|Thông tri"
)
_DOC = re.compile(rf"(?P<type>{_DOC_WORDS})\b", re.IGNORECASE)
_NUMBER = re.compile(r"\bsố\s*:?\s*(?P<number>[0-9][\w./\-–]*\w)", re.IGNORECASE)
_DATE = re.compile(
    r"\bngày\s+(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>\d{4})"
    r"|\bngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})",
    re.IGNORECASE,
)
_ISSUER = re.compile(r"\bcủa\s+(?P<issuer>.+)", re.IGNORECASE)
# Where an issuer's name ends: the subject of the document starts.
_ISSUER_END = re.compile(
    r"\s+(?:về|triển khai|thực hiện|hướng dẫn|ban hành|quy định|sửa đổi|phê duyệt|tiếp tục|"
    r"đẩy mạnh|tăng cường|nâng cao|tổ chức|lãnh đạo|chỉ đạo|trong|đối với|nhằm|khóa|khoá)\b"
    r"|[,;(:]",
    re.IGNORECASE,
)
# A second document in one clause: "..., Nghị quyết số ..." or "... và Kế hoạch số ...".
_SPLIT = re.compile(rf"\s*;\s*|,\s+(?=(?:{_DOC_WORDS})\s+số)|\s+và\s+(?=(?:{_DOC_WORDS})\s+số)")
# The closing words of the last basis: ", Ủy ban nhân dân phường ban hành Kế hoạch ... sau:".
_ENACTING = re.compile(
    r",[^,;]*(?:(?:ban hành|xây dựng)\s+kế hoạch[^;]*|như sau[^;]*)$", re.IGNORECASE
)


def is_basis_paragraph(text: str) -> bool:
    text_key = key(text)
    return any(text_key.startswith(opener) for opener in BASIS_OPENERS)


def _strip_opener(text: str) -> str:
    text_key = key(text)
    for opener in BASIS_OPENERS:
        if text_key.startswith(opener + " "):
            return text[len(opener) + 1 :].strip()
    return text


def _issuer(text: str) -> str | None:
    match = _ISSUER.search(text)
    if not match:
        return None
    issuer = _ISSUER_END.split(match["issuer"], maxsplit=1)[0]
    return tidy(issuer).rstrip(".") or None


def basis_of(clause: str) -> dict:
    """One document reference: the first document named in the clause, from its type on."""
    text = tidy(clause).rstrip(";.,")
    doc = _DOC.search(text)
    head = text[doc.start() :] if doc else text
    number = _NUMBER.search(head[:80])
    date = _DATE.search(head)
    reference_end = max(number.end() if number else 0, date.end() if date else 0)
    issuer = _issuer(head[reference_end:]) if reference_end else None
    if date and date["d"]:
        day = parse_date(date["d"], date["m"], date["y"])
    else:
        day = parse_date(date["d2"], date["m2"], date["y2"]) if date else None
    return {
        "number": tidy(number["number"]).replace("–", "-") if number else None,
        "date": day,
        "issuer": issuer,
        "text": text,
    }


def read_bases(paragraphs: list[str]) -> tuple[list[dict], list[str]]:
    """(bases, paragraphs that were not bases)."""
    bases: list[dict] = []
    rest: list[str] = []
    for paragraph in paragraphs:
        if not is_basis_paragraph(paragraph):
            rest.append(paragraph)
            continue
        body = _ENACTING.sub("", tidy(paragraph))
        for clause in _SPLIT.split(body):
            clause = _strip_opener(clause.strip())
            if clause and len(clause.split()) >= 2:
                bases.append(basis_of(clause))
    return bases, rest
