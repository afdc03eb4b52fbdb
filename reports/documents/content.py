"""What an official document says, independent of how it is laid out."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

Cell = str | int | float | Decimal | None


class ColumnFormat:
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"  # one decimal place
    PERCENT = "percent"  # values in percent units: 85.3 means 85,3%


@dataclass
class FigureTable:
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    formats: list[str] = field(default_factory=list)

    def format_of(self, index: int, value: Cell) -> str:
        if index < len(self.formats) and self.formats[index]:
            return self.formats[index]
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            return ColumnFormat.TEXT
        return ColumnFormat.INTEGER if isinstance(value, int) else ColumnFormat.DECIMAL

    @classmethod
    def from_dict(cls, data: dict) -> "FigureTable":
        return cls(
            title=str(data.get("title", "")),
            columns=[str(c) for c in data.get("columns", [])],
            rows=[list(row) for row in data.get("rows", [])],
            formats=list(data.get("formats", [])),
        )


class ParagraphKind:
    HEADING = "heading"  # I., II.: capitals, bold
    ITEM = "item"  # 1., 2.: bold title
    TEXT = "text"
    BASIS = "basis"  # căn cứ: italic


@dataclass
class Paragraph:
    text: str
    kind: str = ParagraphKind.TEXT


Block = Paragraph | FigureTable


@dataclass
class OfficialDocument:
    issuing_body: list[str]
    number_text: str  # `12/BC-UBND`
    place: str
    issued_on: dt.date
    doc_type: str  # `BÁO CÁO`
    subject: str
    body: list[Block]
    parent_body: str = ""
    recipients: list[str] = field(default_factory=list)
    archive_line: str = "Lưu: VT."
    signer_authority: list[str] = field(default_factory=list)
    signer_title: str = ""
    signer_name: str = ""
    annex_tables: list[FigureTable] = field(default_factory=list)

    @property
    def tables(self) -> list[FigureTable]:
        """Every table, in the body first, then the annex: what the spreadsheet carries."""
        return [b for b in self.body if isinstance(b, FigureTable)] + self.annex_tables
