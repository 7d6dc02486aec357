"""The nine tables in plain text: a page copied out of a PDF viewer, `pdftotext -layout` output,
or the page texts of a PDF library (rows of code, name and amounts separated by spaces).

Text lines are turned into the same positioned fragments the PDF reader works on — x is the
character column, y the line number — so header stacking, wrapped labels and attaching amounts
to the nearest label are shared with `pdf_tables`. What differs from a PDF (docs/pdf.md, “Text
copies”):

* columns: `pdftotext -layout` places each character in one column whatever its width, while a
  text editor shows CJK characters two columns wide; both readings are tried per table and the
  one with fewer doubts, then fewer failing own sums, then the better column fit is kept;
  amounts are placed by order (`pdf_header.assign_ordered`), not by overlap;
* lines: numbers of a tall cell come on a line of their own; such a line is moved onto the line
  of words it belongs to (`_vlines`);
* ends and pages: a table ends at its note, the next title, a 第X部分 heading or a line that reads
  as a sentence; a form feed or a header repeated after rows starts a new page of the table.

`read_text_tables(lines)` returns the tables and the line numbers they claim, so the text
reader can keep table rows out of the prose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from audit.document import Table
from audit.readers.budget_titles import is_number_line
from audit.readers.paragraphs import is_page_number
from audit.readers.pdf_layout import AMOUNT_RE, CODE_RE, Frag, VLine
from audit.readers.pdf_pages import NOTE_RE, PART_RE, title_at
from audit.readers.pdf_tables import TableBuilder
from audit.readers.pdf_titles import header_vocabulary, is_structural, match_title, norm
from audit.table_sums import failures

_WORD = re.compile(r"\S+")
_BARE_FOLIO = re.compile(r"\d{1,3}")
_CODE_HEADS = {"类", "款", "项"}
_TOTALS = {"合计", "小计", "总计"}
_SENTENCE = re.compile(r"[，。；！？,;]")
_CJK = re.compile(r"[\u3400-\u9fff（）：]")
# Text geometry in the PDF reader's units (points of a 10-point font): a character column is half
# an em and a line is half an em, so three lines make the 1.5 em within which wrapped header
# words and labels are stacked (pdftotext leaves blank or interleaved lines inside tall cells).
SIZE = 10.0
COLUMN = 5.0
PITCH = 5.0
# Numbers and codes printed in the middle of a tall cell come out on lines of their own above the
# label (pdftotext orders lines top down): such a line belongs to the next line with words.
AHEAD = 4


def _char_width(ch: str) -> int:
    return 1


def _display_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in {"W", "F"} else 1


class _Placed:
    """pdftotext's own measure: it starts every word at the column of its place on the page and
    prints it one column per character, so a word's start is exact, but a CJK word, two columns
    wide on the page, ends at half its width. Starts by character, extents by display width."""

    def __call__(self, ch: str) -> int:
        return 1

    @staticmethod
    def extent(ch: str) -> int:
        return _display_width(ch)


_placed = _Placed()


def _frags(text: str, line: int, width: Callable[[str], int]) -> list[Frag]:
    """Cells of one text line; x counts columns with `width` per character.

    Every space separates cells (a label split this way is joined again on its baseline), except
    between single characters: `因 公 出 国` is one word spaced out by the producer.
    """
    cols = [0]
    for ch in text:
        cols.append(cols[-1] + width(ch))
    out: list[tuple[int, int, str]] = []
    spaced = False  # the last cell is a run of single characters one space apart
    for m in _WORD.finditer(text):
        start, end, word = m.start(), m.end(), m.group()
        if out and start - out[-1][1] == 1 and len(word) == 1 and _CJK.match(word):
            p0, p1, ptext = out[-1]
            if (spaced or p1 - p0 == 1) and _CJK.match(ptext):
                out[-1], spaced = (p0, end, ptext + word), True
                continue
        out.append((start, end, word))
        spaced = False
    y = line * PITCH
    extent = getattr(width, "extent", None)
    if extent is not None:
        # A start is rounded to a whole column: a word may reach a column into its neighbour's.
        return [Frag(t, cols[a] * COLUMN, (cols[a] + max(b - a, sum(map(extent, t)) - 1)) * COLUMN, y, SIZE,
                     line, a + 1) for a, b, t in out]
    return [Frag(t, cols[a] * COLUMN, cols[b] * COLUMN, y, SIZE, line, a + 1) for a, b, t in out]


def _vlines(lines: list[tuple[int, str]], width: Callable[[str], int]) -> list[VLine]:
    """Visual lines; a line without words moves onto the next line with words when a blank line
    separates it from the previous one but not from the next, when it is nearer to the next, or
    as near, carrying amounts, and either neighbour has numbers of its own. Otherwise it stays
    between: a label wrapped around the middle of its cell prints its codes and amounts on a
    line of their own between its two halves."""
    out = [VLine(frags, number) for number, text in lines if (frags := _frags(text, number, width))]
    worded = [ln.number for ln in out if any(_CJK.search(f.text) and f.text not in _CODE_HEADS for f in ln.frags)]
    ys = {ln.number: ln.y for ln in out}
    anchored = {ln.number: any(AMOUNT_RE.match(f.text) for f in ln.frags) for ln in out}  # codes too
    k = 0
    for ln in out:
        while k < len(worded) and worded[k] < ln.number:
            k += 1
        if k == len(worded) or worded[k] == ln.number or worded[k] - ln.number > AHEAD:
            continue
        ahead, behind = worded[k] - ln.number, ln.number - worded[k - 1] if k else AHEAD + 1
        amounts = any(AMOUNT_RE.match(f.text) and not CODE_RE.match(f.text) for f in ln.frags)
        gap_behind = k and any(n not in ys for n in range(worded[k - 1] + 1, ln.number))
        gap_ahead = any(n not in ys for n in range(ln.number + 1, worded[k]))
        numbered = anchored.get(worded[k], False) or (k > 0 and anchored.get(worded[k - 1], False))
        tie = ahead == behind and amounts and numbered
        if ahead < behind or tie or (gap_behind and not gap_ahead):
            ln.frags = [replace(f, y=ys[worded[k]] - 0.1) for f in ln.frags]
    return out


def _is_prose(ln: VLine, width: float) -> bool:
    """A run of text with no cell gap in it, longer than half the widest line, that reads as a
    sentence (punctuation, or longer than any 科目 name) ends a table."""
    return any(
        f.x1 - f.x0 > max(0.5 * width, 24 * COLUMN) and (_SENTENCE.search(f.text) or len(f.text) > 40)
        for f in ln.frags
    )


def _scan(vlines: list[VLine], width: float, pages: dict[int, int]) -> list[tuple[TableBuilder, list[int]]]:
    """Tables and the lines they claim. A table's page changes at a form feed, and at a header
    repeated after its rows (pages pasted one after another), so the header is read again."""
    found: list[tuple[TableBuilder, list[int]]] = []
    open_table: TableBuilder | None = None
    claimed: list[int] = []
    page = bump = 0
    rows_seen = False
    first = 0  # the first line of the current page: a title is judged on its own page, as in a PDF
    for i, ln in enumerate(vlines):
        if i and pages.get(ln.number, 1) != pages.get(vlines[i - 1].number, 1):
            first = i
        table_id = title_at(vlines[first:], i - first)
        if table_id:
            if open_table:
                found.append((open_table, claimed))
            bump, rows_seen = 0, False
            page = pages.get(ln.number, 1)
            open_table, claimed = TableBuilder(table_id, ln.text, page, ordered=True), [ln.number]
            continue
        if open_table and i and pages.get(ln.number) != pages.get(vlines[i - 1].number) and _prose_page(vlines, i, pages):
            found.append((open_table, claimed))  # a table runs on over pages, not onto a page of prose
            open_table = None
        if open_table is None:
            continue
        if NOTE_RE.match(ln.compact):
            open_table.note = ln.text
            found.append((open_table, [*claimed, ln.number]))
            open_table = None
        elif is_number_line(ln.compact) and not open_table.chunks:
            claimed.append(ln.number)  # the number under its own title
        elif PART_RE.match(ln.compact) or _is_prose(ln, width) or is_number_line(ln.compact):
            found.append((open_table, claimed))
            open_table = None
        else:
            if rows_seen and _header_only(ln, open_table.table_id):
                bump, rows_seen = bump + 1, False
            rows_seen = rows_seen or any(AMOUNT_RE.match(f.text) for f in ln.frags)
            open_table.add(pages.get(ln.number, 1) + bump, ln)
            claimed.append(ln.number)
    if open_table:
        found.append((open_table, claimed))
    return found


def _prose_page(vlines: list[VLine], i: int, pages: dict[int, int]) -> bool:
    """The page starting at line i holds a sentence (a run of text ending a sentence with 。)."""
    page = pages.get(vlines[i].number)
    return any(f.x1 - f.x0 > 24 * COLUMN and "。" in f.text for ln in vlines[i:] if pages.get(ln.number) == page
               and not NOTE_RE.match(ln.compact) for f in ln.frags)


def _header_only(ln: VLine, table_id: str) -> bool:
    vocab = header_vocabulary(table_id).split("|")
    if len(ln.frags) < 2 or all(f.text in _CODE_HEADS for f in ln.frags):
        # A lone word may be the wrapped end of a label (支出); pdftotext can print 类 款 项
        # below the first numbers of the table.
        return False
    return all((norm(f.text) in vocab or is_structural(f.text)) and norm(f.text) not in _TOTALS for f in ln.frags)


def _unpaged(table: Table, title_line: int) -> Table:
    """A text file has lines, not pages: places are line and character column."""
    for row in table.rows:
        row.page = None
        row.cells = [replace(c, page=None) for c in row.cells]
    table.page, table.line = None, title_line
    return table


def page_numbers(lines: list[tuple[int, str]]) -> set[int]:
    """Lines that are a page's number, never a table's cell: a decorated number ("- 15 -") anywhere,
    a bare short number ("15") when it is the last line of its page (a form feed or the end of
    the file follows), set apart by a blank line, as pdftotext prints a footer. Left in, it
    would become a code part ("2040401" + "15") or an amount of the row above or below."""
    out: set[int] = set()
    prev: tuple[int, str, bool] | None = None  # the last line with text, and whether set apart
    blank = False
    for number, text in [*lines, (0, "\f")]:
        if "\f" in text and prev and prev[2] and _BARE_FOLIO.fullmatch(prev[1].strip()):
            out.add(prev[0])
        body = text.replace("\f", "")
        if not body.strip():
            blank = True
            continue
        if is_page_number(body):
            out.add(number)
        prev, blank = (number, body, blank), False
    return out


def read_text_tables(lines: list[tuple[int, str]]) -> tuple[list[Table], set[int]]:
    """Tables found in numbered text lines, and the numbers of the lines they take.

    Each table is read with both column measures; the reading with fewer doubts wins (crowded
    rows, amounts off their columns, rows that cannot be placed), then
    the one whose own sums fail less often (a misplaced column breaks most of them, one wrong
    printed cell only a few, the same in both readings), then the one whose amounts sit nearer
    the middle of their headers.
    """
    texts = ["".join(t.split()) for _, t in lines]  # a title may run over two lines
    pairs = zip(["", *texts[:-1]], texts, strict=True)
    if not any("表" in u and (match_title(u) or match_title(t + u)) for t, u in pairs):
        return [], set()  # most text reports hold no table: keep their reading cheap
    pages, page = {}, 1
    for number, text in lines:
        page += text.count("\f")
        pages[number] = page
    folios = page_numbers(lines)
    lines = [(n, t) for n, t in lines if n not in folios]
    best: dict[int, tuple[tuple[int, int, float], Table, list[int]]] = {}
    for width in (_char_width, _display_width, _placed):
        vlines = _vlines(lines, width)
        page_width = max((ln.x1 for ln in vlines), default=0.0)
        for builder, claimed in _scan(vlines, page_width, pages):
            table = _unpaged(builder.finish(), claimed[0])
            t = builder.tally
            score = (-len(table.doubts), -failures(table), -t.distance / max(t.amounts, 1))
            if claimed[0] not in best or score > best[claimed[0]][0]:
                best[claimed[0]] = (score, table, claimed)
    tables = [best[k][1] for k in sorted(best)]
    return tables, {n for _, _, claimed in best.values() for n in claimed}
