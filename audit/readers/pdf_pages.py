"""Walk the pages once, deciding for every line whether it is prose or belongs to a table.

A table starts at a line that is a whole table title followed by a table head, runs over
following pages while they still look like a table, and ends at its 注/说明 note, at the next
title, or at a page of prose.
"""

from __future__ import annotations

import re

from audit.document import Table
from audit.readers.budget_titles import is_number_line
from audit.readers.pdf_layout import VLine
from audit.readers.pdf_tables import TableBuilder
from audit.readers.pdf_titles import match_title

NOTE_RE = re.compile(r"^(注|说明|备注)?[：:]")  # a row label never starts with a colon (注 lost: "：…为必填项")
PART_RE = re.compile(r"^第[一二三四五六七八九十]+部分")
_HEADISH = ("单位", "项目", "科目", "预算数", "决算数", "经济分类", "功能分类")


def split_pages(
    pages: list[tuple[list[VLine], float]],
) -> tuple[list[tuple[int, VLine]], list[Table], set[tuple[int, int]]]:
    """Return prose lines as (page, line) in reading order, the tables found, and the captions.

    Captions are the table titles and notes: prose, but placed by the table, so they are kept
    out of the text margins (a note starts at the table's edge, often left of the text block).
    """
    prose: list[tuple[int, VLine]] = []
    captions: set[tuple[int, int]] = set()
    tables: list[Table] = []
    open_table: TableBuilder | None = None
    for pno, (lines, width) in enumerate(pages, 1):
        folio = lines[-1] if _page_number(lines, width) else None
        lines = lines[:-1] if folio else lines
        if open_table and not _looks_tabular(lines, width):
            tables.append(open_table.finish())
            open_table = None
        skip = -1
        for i, ln in enumerate(lines):
            table_id = title_at(lines, i)
            if table_id:
                if open_table:
                    tables.append(open_table.finish())
                title, skip = (ln.text, -1) if match_title(ln.compact) else (ln.text + lines[i + 1].text, i + 1)
                open_table = TableBuilder(table_id, title, pno)
                prose.append((pno, ln))
                captions.add((pno, ln.number))
            elif i == skip or (open_table and is_number_line(ln.compact)):
                # The second line of a title, or a budget table's number (公开05表): a caption. A
                # number printed above the next title ends the table; one under its own title not.
                if i != skip and open_table and open_table.chunks:
                    tables.append(open_table.finish())
                    open_table = None
                prose.append((pno, ln))
                captions.add((pno, ln.number))
            elif open_table and NOTE_RE.match(ln.compact):
                open_table.note = ln.text
                tables.append(open_table.finish())
                open_table = None
                prose.append((pno, ln))
                captions.add((pno, ln.number))
            elif open_table:
                open_table.add(pno, ln)
            else:
                prose.append((pno, ln))
        if folio:  # prose, which paragraphs.py drops as a page number
            prose.append((pno, folio))
    if open_table:
        tables.append(open_table.finish())
    return prose, tables, captions


def title_at(lines: list[VLine], i: int) -> str | None:
    """A table of contents lists the same titles, but one after another and with no table head.
    A title may be printed over two lines (公开09表：一般公共预算“三公”经费、会议费、培训费 /
    支出预算表); then the head follows its second line."""
    table_id = match_title(lines[i].compact)
    following = lines[i + 1 : i + 5]
    if not table_id and following and not match_title(following[0].compact):
        table_id = match_title(lines[i].compact + following[0].compact)
        following = following[1:]
    if not table_id:
        return None
    if following and match_title(following[0].compact):
        return None
    if len(following) > 1 and match_title(following[0].compact + following[1].compact):
        return None  # ... or by the next entry wrapped over two lines (a contents page hard-wrapped)
    if i > 0 and match_title(lines[i - 1].compact):
        return None  # the last title of a contents list, followed by the next part's heading
    if i > 1 and match_title(lines[i - 2].compact + lines[i - 1].compact):
        return None  # ... after an entry wrapped over two lines (a contents page hard-wrapped)
    if not any(w in ln.compact for ln in following for w in _HEADISH):
        return None
    return table_id


def _page_number(lines: list[VLine], width: float) -> bool:
    """The page's last line is a bare page number (a short whole number, centred, set apart):
    it must not become an amount of the table's last row."""
    if len(lines) < 2 or len(lines[-1].frags) != 1:
        return False
    f = lines[-1].frags[0]
    return (bool(re.fullmatch(r"\d{1,3}", f.text.strip())) and abs(f.xc - width / 2) < 0.1 * width
            and f.y - lines[-2].y > 1.5 * f.size)


def _looks_tabular(lines: list[VLine], width: float) -> bool:
    """Prose pages have lines running most of the page width; table cells are short."""
    if lines and PART_RE.match(lines[0].compact):
        return False
    # A unit line ("单位：万元" padded with spaces to the page's right edge) or the title of the
    # next table is no prose either.
    wide = sum(
        1 for ln in lines if not NOTE_RE.match(ln.compact) for f in ln.frags
        if f.x1 - f.x0 > 0.5 * width and not f.text.strip().startswith("单位") and not match_title(ln.compact)
    )
    return wide < 2
