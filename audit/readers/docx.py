"""Word drafts (.docx) → Document: paragraphs and tables in document order.

Text is taken from the XML rather than from python-docx's `Paragraph.text`, which skips tracked
insertions (w:ins) — drafts under review are full of them, and an inserted figure is a stated
figure. Runs are concatenated, so a number Word split over several runs (formatting, spell
check, revisions) reads as one. Deleted text (w:delText) and field codes are not part of the text.

Paragraphs are numbered 1, 2, … in document order, counting empty paragraphs and the
paragraphs inside table cells (one per cell), so `¶n` is stable whatever the extraction does.
Line.line is the same number: Word has no stable line numbers, and a paragraph is one line of
the document saved as plain text, so a draft and its .txt export agree on every location.
Word paragraphs then go through `paragraphs.rebuild` like the lines of a text file: a draft pasted
from a PDF (one Word paragraph per printed line, page numbers between) gets its paragraphs back,
while a draft written in Word (no wrap width) keeps one paragraph per Word paragraph. A table titled
as one of the nine tables (by a paragraph just before it, or by its own first row) becomes a
Table whose cells refer to `表k!RrCc` (table k of the document, row r, column c); any other
table is prose: each cell becomes a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from audit.document import Document, Line, Paragraph, Table, UnreadableDocument
from audit.readers.office_grid import NOTE_RE, Grid, GridCell, build_table, find_tables, row_title
from audit.readers.office_vet import vet
from audit.readers.paragraphs import Row, by_characters, rebuild, tab_cells

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TITLE_LOOKBACK = 3


def read_docx(path: str) -> Document:
    vet(path, "docx")
    try:
        import docx

        word = docx.Document(path)
        reader = _Reader(path)
        for block in word.iter_inner_content():
            if isinstance(block, docx.table.Table):
                reader.table(block)
            else:
                reader.paragraph(paragraph_text(block._p))
    except UnreadableDocument:
        raise
    except Exception as exc:  # library boundary: malformed XML or parts inside a valid zip
        raise UnreadableDocument(f"Word 文档已损坏，无法解析 (damaged .docx): {type(exc).__name__}: {exc}") from exc
    if not reader.paragraphs and not reader.tables:
        raise UnreadableDocument("文件为空 (empty document)")
    return Document(path=path, kind="docx", paragraphs=rebuild(tab_cells(reader.rows), by_characters), tables=reader.tables)


def paragraph_text(p) -> str:
    """Visible text of a w:p element: w:t in all runs (inserted ones too), tabs and breaks."""
    parts = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


@dataclass
class _Reader:
    path: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    number: int = 0
    count: int = 0
    recent: list[str] = field(default_factory=list)
    pending: Table | None = None
    # What paragraphs.rebuild sees: soft breaks always continue, cells never join, a table between
    # two paragraphs separates them.
    rows: list[Row] = field(default_factory=list)
    after_table: bool = False
    after_blank: bool = False

    def _rows(self, lines: list[Line], cell: bool) -> None:
        """An empty paragraph before a line is a blank line, as in a text file."""
        for i, line in enumerate(lines):
            gap = (self.after_table or self.after_blank) and i == 0
            self.rows.append(Row(line, soft=i > 0, cell=cell, gap=gap))
        self.after_table = self.after_blank = False

    def _lines(self, text: str) -> list[Line]:
        """One Line per soft line break, all with this paragraph's number."""
        self.number += 1
        return [Line(text=t, line=self.number, paragraph=self.number, column=1)
                for t in text.split("\n") if t.strip()]

    def paragraph(self, text: str) -> None:
        lines = self._lines(text)
        if not lines:
            self.after_blank = True
            return
        self.paragraphs.append(Paragraph(lines))
        self._rows(lines, cell=False)
        joined = "".join(ln.text for ln in lines).strip()
        if self.pending is not None:
            if NOTE_RE.match(joined):
                self._note(self.pending, joined)
            self.pending = None
        self.recent = (self.recent + [joined])[-_TITLE_LOOKBACK:]

    def table(self, tbl) -> None:
        self.count += 1
        grid: Grid = []
        cell_texts: list[str] = []
        above: list = []
        for r, row in enumerate(tbl.rows, start=1):
            cells = [None] * row.grid_cols_before + list(row.cells)
            out = []
            for c, cell in enumerate(cells, start=1):
                if cell is None:
                    out.append(GridCell(""))
                    continue
                tc = cell._tc
                anchor = not ((c > 1 and cells[c - 2] is not None and cells[c - 2]._tc is tc)
                              or (c - 1 < len(above) and above[c - 1] is tc))
                text = "".join(paragraph_text(p) for p in tc.iter(f"{_W}p")).strip()
                if anchor:
                    cell_texts.append(text)
                out.append(GridCell(text, f"表{self.count}!R{r}C{c}", anchor))
            above = [None if cell is None else cell._tc for cell in cells]
            grid.append(out)
        tables = self._recognise(grid)
        if tables:
            self.number += len(cell_texts)
            self.tables.extend(tables)
            self.pending = tables[-1]
            self.recent = []
            self.after_table = True
            return
        for text in cell_texts:  # not one of the nine tables: its cells are prose
            lines = self._lines(text)
            if lines:
                self.paragraphs.append(Paragraph(lines))
                self._rows(lines, cell=True)
        self.pending = None

    def _recognise(self, grid: Grid) -> list[Table]:
        if any(row_title(row) for row in grid[:2]):
            return find_tables(grid)
        for text in reversed(self.recent):
            found = row_title([GridCell(text)])
            if found:
                return [build_table(found[0], found[1], grid)]
        return []

    @staticmethod
    def _note(table: Table, note: str) -> None:
        rebuilt = build_table(table.table_id or "", table.title, [], note=note)
        if rebuilt.empty_note:
            table.empty_note = rebuilt.empty_note
            table.rows = [r for r in table.rows if r.cells]
