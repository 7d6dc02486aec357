"""Group prose lines of a PDF into paragraphs: layout cues where the page has them, content always.

PDF lines are soft-wrapped mid-sentence. Each line becomes a `paragraphs.Row` with the cues the
page geometry gives: whether it runs to the right edge of the text block (a soft wrap), whether it
is indented, whether a wide vertical gap lies before it, whether it is split into cells by wide
gaps (a table row). `paragraphs.rebuild` drops page numbers and running headers and decides from
those cues and from the text itself (sentence ends, heading and list markers), so a PDF whose
lines carry no indentation or margin cue — or a hard-wrapped text printed to PDF — still gets its
paragraphs back.
"""

from __future__ import annotations

import unicodedata

from audit.document import Line, Paragraph
from audit.readers.paragraphs import Row, by_characters, first_token, rebuild, rulers, typeset_slack
from audit.readers.pdf_layout import VLine

_RIGHT_QUANTILE = 0.9
def paragraphs(
    prose: list[tuple[int, VLine]], widths: list[float], captions: set[tuple[int, int]] = frozenset()
) -> list[Paragraph]:
    """Paragraphs may run across a page break; each Line keeps its own page number.

    `captions` (page, line number) are table titles and notes, left out of the margins.
    """
    left, right = _margins(prose, widths, captions)
    lefts = _page_lefts(prose, captions)
    rows: list[Row] = []
    geometry: dict[int, tuple[VLine, float]] = {}
    prev: tuple[int, VLine] | None = None
    for page, ln in prose:
        w = widths[page - 1]
        line = Line(text=ln.text, line=ln.number, page=page, column=1)
        gap = prev is not None and prev[0] == page and not 0 < ln.y - prev[1].y <= 2.0 * max(ln.size, prev[1].size)
        far = prev is not None and page not in (prev[0], prev[0] + 1)
        edge = max(left[w], lefts.get(page, left[w]))
        rows.append(Row(line, page=page, indent=ln.x0 > edge + 0.8 * ln.size, gap=gap or far, cell=_cells(ln)))
        geometry[id(line)] = (ln, right[w])
        prev = (page, ln)

    def measure(kept: list[Row]) -> list[bool | None]:
        """Full by the page geometry or by character count. Where a program wrapped the text
        (many lines of exactly one length) the geometry gets no slack: there a short line is
        short, and digits, narrower than CJK, are what the count is for."""
        by_text = by_characters(kept)
        slack = typeset_slack(rulers(kept))
        out: list[bool | None] = []
        for i, row in enumerate(kept):
            ln, edge = geometry[id(row.line)]
            token = first_token(kept[i + 1].line.text) if i + 1 < len(kept) else ""
            reach = ln.x1 + (_em(token) + slack) * ln.size
            out.append(bool(token) and (reach > edge or bool(by_text[i])))
        return out

    return rebuild(rows, measure)


def _em(text: str) -> float:
    """Width of a piece of text in ems: CJK one, everything else about half."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


def _cells(ln: VLine) -> bool:
    """Fragments apart by more than 1.5 em are cells of a table row, not words of a sentence."""
    return any(b.x0 - a.x1 > 1.5 * ln.size for a, b in zip(ln.frags, ln.frags[1:], strict=False))


def _page_lefts(prose: list[tuple[int, VLine]], captions: set[tuple[int, int]]) -> dict[int, float]:
    """The left edge of each page's own text block, where at least three lines start on it: a
    page set with wider margins than its neighbours of the same width (a 编制说明 page between
    landscape tables) would otherwise have every line look indented, one paragraph each."""
    starts: dict[int, list[float]] = {}
    for page, ln in prose:
        if (page, ln.number) not in captions:
            starts.setdefault(page, []).append(ln.x0)
    out = {}
    for page, xs in starts.items():
        edge = min(xs)
        if sum(1 for x in xs if x - edge < 1.0) >= 3:
            out[page] = edge
    return out


def _margins(
    prose: list[tuple[int, VLine]], widths: list[float], captions: set[tuple[int, int]]
) -> tuple[dict[float, float], dict[float, float]]:
    """Text margins per page width, so portrait and landscape pages are judged separately.

    A table note starts at the table's edge, often left of the text block; counted in the left
    margin it would make every continuation line look indented. So captions set the left margin
    only for a page width without other prose. The right edge is where most full lines end (a
    high quantile, not the maximum): one long table cell or title must not make every line of
    the page look short.
    """
    left: dict[float, float] = {}
    ends: dict[float, list[float]] = {}
    for page, ln in prose:
        w = widths[page - 1]
        ends.setdefault(w, []).append(ln.x1)
        if (page, ln.number) not in captions:
            left[w] = min(left.get(w, ln.x0), ln.x0)
    fallback: dict[float, float] = {}
    for page, ln in prose:
        w = widths[page - 1]
        if w not in left:
            fallback[w] = min(fallback.get(w, ln.x0), ln.x0)
    right = {w: sorted(xs)[int(_RIGHT_QUANTILE * (len(xs) - 1))] for w, xs in ends.items()}
    return left | fallback, right
