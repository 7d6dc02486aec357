"""Group prose lines into paragraphs using the page geometry.

PDF lines are soft-wrapped mid-sentence. A paragraph goes on while a line runs to the right
margin and the next one is neither indented nor a heading (一、 （一） 1. 第X部分); a short line,
an indent, a heading or a large vertical gap ends it.
"""

from __future__ import annotations

import re

from audit.document import Line, Paragraph
from audit.readers.pdf_layout import VLine

_HEADING = re.compile(
    r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+(、|．|\.(?!\d))|第[一二三四五六七八九十\d]+条)"
)


def paragraphs(
    prose: list[tuple[int, VLine]], widths: list[float], captions: set[tuple[int, int]] = frozenset()
) -> list[Paragraph]:
    """Paragraphs may run across a page break; each Line keeps its own page number.

    `captions` (page, line number) are table titles and notes, left out of the margins.
    """
    margins = _margins(prose, widths, captions)
    out: list[Paragraph] = []
    prev: tuple[int, VLine] | None = None
    for page, ln in prose:
        line = Line(text=ln.text, line=ln.number, page=page, column=1)
        if prev is not None and _continues(prev, (page, ln), margins, widths):
            out[-1].lines.append(line)
        else:
            out.append(Paragraph([line]))
        prev = (page, ln)
    return out


def _margins(
    prose: list[tuple[int, VLine]], widths: list[float], captions: set[tuple[int, int]]
) -> tuple[dict[float, float], dict[float, float]]:
    """Text margins per page width, so portrait and landscape pages are judged separately.

    A table note starts at the table's edge, often left of the text block; counted in the left
    margin it would make every continuation line look indented. So captions set the left margin
    only for a page width without other prose. The right margin counts every line: a wide
    caption only makes lines look short, which ends paragraphs rather than joining them.
    """
    left: dict[float, float] = {}
    right: dict[float, float] = {}
    for page, ln in prose:
        w = widths[page - 1]
        right[w] = max(right.get(w, ln.x1), ln.x1)
        if (page, ln.number) not in captions:
            left[w] = min(left.get(w, ln.x0), ln.x0)
    fallback: dict[float, float] = {}
    for page, ln in prose:
        w = widths[page - 1]
        if w not in left:
            fallback[w] = min(fallback.get(w, ln.x0), ln.x0)
    return left | fallback, right


def _continues(
    prev: tuple[int, VLine],
    cur: tuple[int, VLine],
    margins: tuple[dict[float, float], dict[float, float]],
    widths: list[float],
) -> bool:
    (p_page, p), (c_page, c) = prev, cur
    size = max(p.size, c.size)
    if _HEADING.match(c.compact) or c_page not in (p_page, p_page + 1):
        return False
    if c_page == p_page and not 0 < c.y - p.y <= 2.0 * size:
        return False
    left, right = margins
    full = p.x1 >= right[widths[p_page - 1]] - 5 * size
    return full and c.x0 <= left[widths[c_page - 1]] + 0.8 * size
