"""Paragraphs rebuilt from what the lines say, for every reader that sees hard-wrapped lines.

Text copied out of a PDF viewer, page texts of a PDF library and PDF text layers break paragraphs
at the page width and put page numbers and running headers between pages, often mid-sentence.
A reader turns its lines into `Row`s (the Line as written, its page, and whatever layout cue it
has) and `rebuild` decides, line by line, whether a line continues the previous one:

* never across a table row, a heading or list marker (第X部分, 一、, （一）, 1., 1、, (1)),
  an indented first line, or a blank line / gap on the same page;
* a line that runs to the wrap width (the next line's first word would not have fitted) is a
  soft wrap: the paragraph goes on;
* otherwise the content decides: a line ending a sentence (。！？；：, closing brackets and quotes
  allowed after it) or a heading-like paragraph ends; a short line ends too, unless a page break
  falls after it, where an unfinished sentence runs on to the next page.

Page furniture (page numbers such as "- 13 -", "─ 13 ─", "第13页", "第 13 页 共 20 页", a bare
number at the top or bottom of a page, running headers repeated on many pages) is dropped first,
so a sentence it interrupts is joined again. Each Line keeps its own text, page, line and column:
extraction joins a paragraph's lines and maps every character back to the line it came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from audit.document import Line, Paragraph

_NUM = "一二三四五六七八九十"
MARKER = re.compile(
    rf"^(第[{_NUM}]+部分|第[{_NUM}\d]+条|[{_NUM}]+[、．.]|[（(][{_NUM}]+[）)]|[（(]\d{{1,2}}[）)]"
    r"|\d{1,2}(、|．|\.(?!\d)))"
)
_CLOSERS = "”’」』】》〉）)]\"' \t\u3000"
SENTENCE_END = "。！？；：!?;:"
_PAGE_NUMBER = re.compile(
    r"^(?:[-—─–－_~·•.\s]*\d{1,4}[-—─–－_~·•.\s]*"
    r"|第\s*\d{1,4}\s*页\s*[,，/]?\s*(?:共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$"
)
_DECORATED = re.compile(r"[-—─–－_~·•]|第|页|/|page", re.I)
_AMOUNT = r"[-−]?\(?[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\)?%?"
_NUMBERS_ONLY = re.compile(rf"^{_AMOUNT}(?:\s+{_AMOUNT})*$")
_CELLS = re.compile(r"\S(?:\t|\s{2,}|\u3000)+\S")
_TITLE_END = re.compile(r"(情况说明|情况|说明|名词解释|概况|附件\d*|附表|目录|目\s*录)$")
_HEADING_MAX = 45
_PROSE_LINE = 8  # shorter lines are labels or cells (≥, 人, 满意度指标), not lines of a sentence
_NUMBER_END = re.compile(r"\d\s*$")
_DIGIT_START = re.compile(r"[.,]?\d")
_UNIT_START = re.compile(r"\s*(万元|亿元|元|万|亿|%|％|个|人|辆|台|套|次|批|家|项)")
# Share of lines at the wrap width that marks a hard-wrapped text: 0.3-0.8 in wrapped texts and
# PDFs with table cells among the lines, under 0.05 with one paragraph per line.
_WRAPPED_SHARE = 0.12
_WRAPPED_LINES = 5  # and at least this many: two equal headings in a short text are no wrap width
# Marks a line may not start with: a wrapper moves the character before them down as well.
_NO_START = "，。、；：？！）)”’》」』】%"


@dataclass(frozen=True)
class Row:
    """One physical line and the layout cues its reader could see (None: no such cue).

    `page` counts pages (form feeds in text, pages in a PDF); `full` says the line runs to the
    wrap width (the next line's first word would not have fitted; readers usually leave it to
    the `measure` given to `rebuild`); `indent` that it starts right of the text block; `gap`
    that a blank line or a wide vertical space lies before it on the same page; `cell` that the
    reader knows it is a table cell or row; `soft` that it follows a soft line break inside one
    source paragraph (Word's Shift+Enter), which always continues.
    """

    line: Line
    page: int = 1
    full: bool | None = None
    indent: bool = False
    gap: bool = False
    cell: bool = False
    soft: bool = False


@lru_cache(maxsize=8192)
def ends_sentence(text: str) -> bool:
    t = text.rstrip(_CLOSERS)
    return bool(t) and t[-1] in SENTENCE_END


@lru_cache(maxsize=8192)
def starts_marker(text: str) -> bool:
    return bool(MARKER.match(text.lstrip(" \t\u3000\f")))


@lru_cache(maxsize=8192)
def is_table_row(text: str) -> bool:
    """Amounts alone, or cells apart by tabs or wide spaces: a table row, never part of prose.

    Justified prose printed with wide spacing has wide gaps too, but also its commas and stops.
    """
    t = text.strip(" \t\u3000\f")
    if _NUMBERS_ONLY.match(t) or "\t" in t:
        return True
    return len(_CELLS.findall(t)) >= 2 and not any(c in t for c in "，,。；;")


def is_page_number(text: str) -> bool:
    """A decorated page number ("- 13 -", "第13页"); a bare number only counts where it stands."""
    t = text.strip(" \t\u3000\f")
    return bool(_PAGE_NUMBER.match(t)) and bool(_DECORATED.search(t))


def _bare_number(text: str) -> bool:
    t = text.strip(" \t\u3000\f")
    return t.isdigit() and len(t) <= 4 and not t.startswith("0")


@lru_cache(maxsize=8192)
def heading_like(text: str) -> bool:
    """A paragraph so far that reads as a heading or a title: short, no sentence end, numbered
    or ending in a title word (…情况说明, 名词解释)."""
    t = text.strip(" \t\u3000\f")
    if not t or len(t) > _HEADING_MAX or any(c in t for c in "。；！？：:"):
        return False
    return starts_marker(t) or bool(_TITLE_END.search(t))


@lru_cache(maxsize=8192)
def width(text: str) -> int:
    """Display width: CJK characters take two columns, as in a viewer or a fixed-pitch dump."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def first_token(text: str) -> str:
    """What a wrapper moves as one piece: a number or Latin word, else one character."""
    t = text.lstrip(" \t\u3000\f")
    m = re.match(r"[\d.,%]+|[A-Za-z]+", t)
    head = m.group(0) if m else t[:1]
    rest = t[len(head):]
    return head + rest[: len(rest) - len(rest.lstrip(_NO_START))]


def tab_cells(rows: list[Row]) -> list[Row]:
    """A run of tab-led lines is a flattened table, one cell per line (self-evaluation forms
    exported to text or pasted into Word); a lone tab-led line is only an indented one."""
    led = [row.line.text.lstrip("\f").startswith("\t") for row in rows]
    out = []
    for i, row in enumerate(rows):
        run = led[i] and ((i > 0 and led[i - 1]) or (i + 1 < len(rows) and led[i + 1]))
        out.append(replace(row, cell=True) if run and not row.cell else row)
    return out


def drop_furniture(rows: list[Row]) -> tuple[list[Row], set[int]]:
    """Rows without page numbers and running headers; also the indices (into the result) of rows
    that directly follow dropped furniture, where a page break lies even without a form feed."""
    firsts, lasts = _page_ends(rows)
    ends = firsts | lasts
    headers = _running_headers(rows, ends)
    kept: list[Row] = []
    after: set[int] = set()
    for i, row in enumerate(rows):
        text = row.line.text
        bare = _bare_number(text) and not row.cell and not _beside_numbers(rows, i) and (
            i in firsts or i in lasts or row.gap or (i + 1 < len(rows) and rows[i + 1].gap)
            or _inside_sentence(rows, i))
        if is_page_number(text) or bare or (i in ends and _key(text) in headers):
            after.add(len(kept))
            continue
        kept.append(row)
    return kept, after


def _beside_numbers(rows: list[Row], i: int) -> bool:
    """A bare number next to another number line is a cell of a flattened table, not a folio."""
    return any(0 <= j < len(rows) and _NUMBERS_ONLY.match(rows[j].line.text.strip(" \t\u3000\f"))
               for j in (i - 1, i + 1))


def _inside_sentence(rows: list[Row], i: int) -> bool:
    """Between two prose lines of one unfinished sentence (a page number pasted without a page
    break): the line before is a line of prose (not a short label or cell) that does not end a
    sentence, and neither neighbour is a table row."""
    if i == 0 or i + 1 >= len(rows):
        return False
    before, after = rows[i - 1], rows[i + 1]
    if before.cell or after.cell or is_table_row(before.line.text) or is_table_row(after.line.text):
        return False
    prose = len(before.line.text.strip()) >= _PROSE_LINE
    return prose and not ends_sentence(before.line.text) and not starts_marker(after.line.text)


def _page_ends(rows: list[Row]) -> tuple[set[int], set[int]]:
    """Indices of the first two and last two rows of every page."""
    by_page: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        by_page.setdefault(row.page, []).append(i)
    firsts = {i for idx in by_page.values() for i in idx[:2]}
    lasts = {i for idx in by_page.values() for i in idx[-2:]}
    return firsts, lasts


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _running_headers(rows: list[Row], ends: set[int]) -> set[str]:
    """Short lines without sentence marks repeated at the top or bottom of at least three pages
    (and of a third of them), digits aside: 某某局2022年度部门决算, 第 n 页."""
    pages = len({row.page for row in rows})
    seen: dict[str, set[int]] = {}
    for i in ends:
        text = rows[i].line.text.strip()
        if text and len(text) <= 40 and not starts_marker(text) and not rows[i].cell \
                and not any(c in text for c in "，,。；：:"):
            seen.setdefault(_key(text), set()).add(rows[i].page)
    return {k for k, on in seen.items() if len(on) >= 3 and 3 * len(on) >= pages}


Measure = Callable[[list[Row]], list[bool | None]]


def rebuild(rows: list[Row], measure: Measure | None = None) -> list[Paragraph]:
    """Paragraphs in reading order; furniture dropped; each Line trimmed, its column kept exact.

    `measure` judges which rows are full once the furniture is gone (a page number would hide
    the first word of the next page's line).
    """
    kept, after = drop_furniture(rows)
    if measure is not None:
        fulls = measure(kept)
    else:
        fulls = [row.full for row in kept]
    out: list[Paragraph] = []
    so_far = ""
    for i, row in enumerate(kept):
        if i and _continues(kept[i - 1], fulls[i - 1], row, so_far, i in after or row.page != kept[i - 1].page):
            out[-1].lines.append(_trim(row.line, lead=True))
            so_far += out[-1].lines[-1].text
        else:
            out.append(Paragraph([_trim(row.line, lead=False)]))
            so_far = out[-1].lines[0].text
    return out


def _continues(prev: Row, full: bool | None, cur: Row, so_far: str, page_break: bool) -> bool:
    """Does `cur` continue the paragraph `so_far`, whose last line `prev` is `full` or not?"""
    text, before = cur.line.text, prev.line.text
    if cur.soft:
        return True
    if prev.cell or cur.cell or is_table_row(before) or is_table_row(text):
        return False
    lead = text.lstrip(" \u3000\f")[:1]
    if lead and lead in _NO_START and not (lead in SENTENCE_END and ends_sentence(before)):
        return True  # no paragraph starts with a closing mark or a comma (but "。" after "。" is no wrap)
    if _NUMBER_END.search(before) and (_UNIT_START.match(text) or _DIGIT_START.match(text)):
        return True  # an amount split from its unit, or a number split, by the wrap
    if starts_marker(text) or cur.indent or (cur.gap and not page_break):
        return False
    if heading_like(so_far):
        return _heading_goes_on(full, so_far, text)
    if full:
        # A full line may still end its paragraph: a title standing alone on the next line says so.
        return not (ends_sentence(before) and _TITLE_END.search(text.strip()) and heading_like(text))
    if ends_sentence(before):
        return False
    return page_break or full is None


def _heading_goes_on(full: bool | None, so_far: str, text: str) -> bool:
    """A heading wrapped at the width runs on to a tail that keeps it a heading.

    A heading already ending in a title word (…情况) only runs on to complete another
    (…情况|说明): a heading followed by a paragraph is common, one wrapped at its last word is
    not. Otherwise a full line followed by sentence text, or running on past any heading's
    length, is a list item (1. …（项）：支出决算为…) that wraps.
    """
    if not full:
        return False
    head, tail = so_far.strip(), text.strip()
    done = bool(_TITLE_END.search(head))
    if any(c in tail for c in "，,。；：:！？"):
        return not done
    joined = head + tail
    if len(joined) > _HEADING_MAX:
        return not done
    if not heading_like(joined):
        return False
    return not done or (len(tail) <= 4 and bool(_TITLE_END.search(joined)))


def _trim(line: Line, lead: bool) -> Line:
    """Drop a form feed (and, for a continuation line, the leading blanks) and trailing blanks;
    the column moves with the text, so every character keeps its place in the file."""
    text = line.text.rstrip()
    strip = "\f"
    stripped = text.lstrip(strip)
    cut = len(text) - len(stripped)
    if cut == 0 and text == line.text:
        return line
    return replace(line, text=stripped, column=line.column + cut)


@dataclass(frozen=True)
class Ruler:
    """The wrap width of a document in one measure, when its lines show one.

    A hard-wrapped text has many lines of nearly the same length (its width); a text with one
    paragraph per line has lengths all over. `exact` when many lines have exactly that length:
    a text wrapped by a program, not typeset (typeset lines vary by a character or two).
    """

    size: float
    slack: float
    exact: bool = False

    @staticmethod
    def of(lengths: list[float], slack: float) -> Ruler | None:
        if len(lengths) < 8:
            return None
        ordered = sorted(lengths)
        size = ordered[int(0.9 * (len(ordered) - 1))]
        near = sum(1 for x in ordered if size - 2 * slack <= x <= size + 2 * slack)
        exact = ordered.count(size) >= _WRAPPED_SHARE * len(ordered)
        wrapped = near >= max(_WRAPPED_LINES, _WRAPPED_SHARE * len(ordered))
        return Ruler(size, slack, exact) if wrapped else None

    def full(self, length: float, next_token: float, open_end: bool = False) -> bool:
        """Full when the next line's first piece would not have fitted on this one. A typeset
        line copied to text may end a character or two short of the width (`pdftotext -layout`
        compresses punctuation): one that leaves its sentence open counts as full there."""
        slack = 2 * self.slack if open_end else 0
        return length + next_token > self.size - slack


def _texts(rows: list[Row]) -> list[str]:
    # Leading blanks take room on the line too (and trailing ones, where a wrapper left them).
    return [row.line.text.lstrip("\f").rstrip("\r\n") for row in rows]


def rulers(rows: list[Row]) -> list[tuple[Ruler, Callable[[str], int]]]:
    """The wrap width in characters and in display columns, where the lines show one. Table rows
    and cells (and indented first lines) do not count towards it."""
    prose = [t for t, row in zip(_texts(rows), rows, strict=True)
             if t and not row.cell and not row.indent and not is_table_row(t)]
    found = ((Ruler.of([len(t) for t in prose], 1), len), (Ruler.of([width(t) for t in prose], 2), width))
    return [(r, m) for r, m in found if r]


# Typesetters end full lines up to a few ems short of the edge: brackets and numbers are kept
# whole, punctuation is compressed or hung (measured on real reports: up to 3 em); a text copy of
# a typeset page (`pdftotext -layout`, a viewer's copy) does the same, and adds spaces around numbers.
TYPESET_SLACK_EM = 4.0


def typeset_slack(found: list[tuple[Ruler, Callable[[str], int]]]) -> float:
    """The slack in ems a full line may leave: none where a program wrapped the text (many lines
    of exactly one length), since there a short line is short; a typesetter's otherwise."""
    return 0.0 if any(r.exact for r, m in found if m is len) else TYPESET_SLACK_EM


def by_characters(rows: list[Row], typeset: bool = False) -> list[bool | None]:
    """Is each line full, given the next one, counting characters and display columns?

    False everywhere when the lines show no wrap width (one paragraph per line). `typeset`: a
    text copy of a typeset page, judged as the PDF reader judges the page (`typeset_slack`);
    otherwise a line that leaves its sentence open gets the ruler's own slack (`Ruler.full`).
    """
    texts = _texts(rows)
    found = rulers(rows)
    if not found:
        return [False] * len(rows)
    slack = typeset_slack(found) if typeset else 0.0
    out: list[bool | None] = []
    for i, text in enumerate(texts):
        token = first_token(texts[i + 1]) if i + 1 < len(texts) else ""
        open_end = not typeset and not ends_sentence(text) and not heading_like(text)  # a short heading is no wrap
        out.append(bool(token) and any(r.full(m(text), m(token) + slack * m("一"), open_end) for r, m in found))
    return out
