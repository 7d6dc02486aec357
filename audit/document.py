"""What a reader hands to extraction: text and tables with their places, nothing about amounts.

Readers know file formats; extraction knows the report language. This module is the contract
between them, so a new format (docx, xlsx) only has to fill these few classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class UnreadableDocument(Exception):
    """Raised by a reader when a file cannot be turned into a Document; the message is for users."""


@dataclass(frozen=True)
class Line:
    """One physical line of text as written.

    `line` is the 1-based line number in the file (text) or within the page (PDF); `column` is the
    1-based column of `text[0]` in that original line, so a figure at `text[i]` sits at column
    `column + i`. `paragraph` numbers Word paragraphs. `layout` lists the indices of characters
    that only space the text out (a copy of a letter-spaced PDF line, “江 苏 省”): they stay in
    `text`, as written, and extraction reads the line without them.
    """

    text: str
    line: int | None = None
    page: int | None = None
    column: int = 1
    paragraph: int | None = None
    # The file this line comes from when several files are checked as one report (grouping).
    path: str | None = None
    layout: tuple[int, ...] = ()


@dataclass
class Paragraph:
    """Lines that form one run of prose; soft line breaks inside it are not sentence boundaries."""

    lines: list[Line]


@dataclass(frozen=True)
class Cell:
    """A table cell as written. `ref` is a spreadsheet reference such as D7 when there is one."""

    column: str
    text: str
    page: int | None = None
    ref: str | None = None
    # Text files: the 1-based line and character column of the number as written.
    line: int | None = None
    offset: int | None = None


@dataclass
class TableRow:
    """A row: its label (科目名称 / 项目), its classification code if any, and its cells.

    `section` separates the halves of side-by-side tables (T1/T4: 收入 / 支出; T6: 人员经费 /
    公用经费), whose labels such as 总计 occur once per half.
    """

    label: str
    cells: list[Cell]
    code: str | None = None
    section: str | None = None
    page: int | None = None
    line: int | None = None


@dataclass(frozen=True)
class TableDoubt:
    """Why a table's reading cannot be trusted, noted by the reader or by extraction.

    `kind` is columns (amounts outside every header column), amounts (a row with more amounts
    than columns, or two in one column), sums (most of the table's own sums fail) or shift
    (amounts fit the labels only when moved by `offset` rows). `proven` marks a shift that the
    table's own sums prove is printed that way in the document: a defect of the document, not of
    the reading. `rows` names the rows concerned, as printed.
    """

    kind: str
    detail: str
    rows: tuple[str, ...] = ()
    offset: int = 0
    proven: bool = False


@dataclass
class Table:
    """A recognised table. `table_id` is T1…T9 when the title matched a known table."""

    title: str
    rows: list[TableRow]
    table_id: str | None = None
    page: int | None = None
    sheet: str | None = None
    unit: str = "万元"
    empty_note: str | None = None
    # The file the table came from when several files are checked as one report.
    path: str | None = None
    # Reasons to doubt the reading; a doubtful table yields no error (see TableDoubt).
    doubts: list[TableDoubt] = field(default_factory=list)
    line: int | None = None


@dataclass
class Document:
    """A report as read: prose paragraphs in reading order and the tables found."""

    path: str
    kind: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    pages: int | None = None
    # Figures a reader already has (a reviewed figures file); extraction adds them as they are.
    figures: list[Any] = field(default_factory=list)
    # Links among those figures: figure index → head index, and claim id → claim attributes.
    parents: dict[int, int] = field(default_factory=dict)
    claims: dict[int, Any] = field(default_factory=dict)
    # What the reader library said about the file (MuPDF repairs, broken streams): kept here,
    # never printed, since only the report may go to stdout.
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[Line]:
        return [ln for p in self.paragraphs for ln in p.lines]
