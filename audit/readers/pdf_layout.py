"""Positioned text fragments from a PyMuPDF page, the raw material for both prose and tables.

Table cells in these reports are printed as separate text lines whose baselines need not agree
with their row's label (numbers are vertically centred in tall cells), so everything downstream
works on fragments with a baseline and an x-extent instead of on the text stream.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pymupdf

AMOUNT_RE = re.compile(r"^[-−]?\(?[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?\)?%?$")
CODE_RE = re.compile(r"^\d{2,7}$")


@dataclass(frozen=True, slots=True)
class Frag:
    """One run of text; `y` is the baseline, which stays stable when glyph boxes do not."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    # Text files only: the 1-based line and character column the fragment starts at.
    line: int | None = None
    col: int | None = None

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2

    def overlap(self, x0: float, x1: float) -> float:
        return min(self.x1, x1) - max(self.x0, x0)


@dataclass
class VLine:
    """Fragments sharing a baseline: one physical line of the page as a reader sees it."""

    frags: list[Frag]
    number: int = 0

    @property
    def y(self) -> float:
        return self.frags[0].y

    @property
    def x0(self) -> float:
        return self.frags[0].x0

    @property
    def x1(self) -> float:
        return max(f.x1 for f in self.frags)

    @property
    def size(self) -> float:
        return max(f.size for f in self.frags)

    @property
    def text(self) -> str:
        """Fragments joined as written; a visible gap becomes one space so cells stay apart."""
        out = self.frags[0].text
        for prev, cur in zip(self.frags, self.frags[1:], strict=False):
            gap = cur.x0 - prev.x1
            out += (" " if gap > 0.5 * cur.size else "") + cur.text
        return out

    @property
    def compact(self) -> str:
        return "".join(f.text for f in self.frags).replace(" ", "").replace("\u3000", "")


def page_frags(page: pymupdf.Page) -> list[Frag]:
    """Split dict lines at cell gaps: a producer may put two table cells into one text line."""
    import pymupdf  # here, not at import: the text reader shares this module and needs no MuPDF

    # Images are never needed and skipping them keeps get_text("dict") close to plain-text speed.
    flags = pymupdf.TEXTFLAGS_DICT & ~pymupdf.TEXT_PRESERVE_IMAGES
    frags: list[Frag] = []
    # A landscape table may be printed on a portrait page turned by /Rotate (Jiangsu 公开表):
    # MuPDF gives unrotated coordinates, so they are turned to the page as it is viewed.
    turn = page.rotation_matrix if page.rotation else None
    for block in page.get_text("dict", flags=flags)["blocks"]:
        for line in block.get("lines", ()):
            cur: list[dict] = []
            last: dict | None = None  # last span with ink: MuPDF fills gaps with space spans
            spaced = False  # a space span since the last inked one
            for span in line["spans"] if turn is None else (_turned(s, turn) for s in line["spans"]):
                if span["text"].strip():
                    if last is not None and (_cell_gap(last, span) or (spaced and _money(last))):
                        _emit(cur, frags)
                        cur = []
                    last, spaced = span, False
                else:
                    spaced = True
                cur.append(span)
            _emit(cur, frags)
    return frags


def _turned(span: dict, turn: pymupdf.Matrix) -> dict:
    """The span with its box and baseline origin in the coordinates of the viewed page."""
    import pymupdf

    rect = pymupdf.Rect(span["bbox"]) * turn
    origin = pymupdf.Point(span["origin"]) * turn
    return span | {"bbox": tuple(rect), "origin": (origin.x, origin.y)}


_UNIT_CHARS = set("万元亿%％‰个人辆倍次项，。；;,、）)")
_MONEY_RE = re.compile(r"^-?\d[\d,]*\.\d+$")


def _money(span: dict) -> bool:
    """An amount with decimals ends its cell: a producer may write it and the next cell's label
    into one line with only a space between (Jiangsu 收支预算总表), closer than any gap rule."""
    return bool(_MONEY_RE.match(span["text"].strip()))


def _cell_gap(prev: dict, span: dict) -> bool:
    """A gap over 1.5 em separates cells; beside a number, any visible gap (0.5 em) does.

    Cell padding can be a few points, so a right-aligned amount and the label of the next cell
    may be closer than 1.5 em; a number is never part of a longer cell text with a gap in it.
    Words inside a header or label can have such gaps, so those still need 1.5 em.
    """
    gap = span["bbox"][0] - prev["bbox"][2]
    if gap > 1.5 * span["size"]:
        return True
    if _cellish(prev["text"]) and _TRAIL_AMOUNT.search(prev["text"].strip()):
        return gap > 0.2 * span["size"]  # a label with its amount glued on, then the next cell
    before, after = AMOUNT_RE.match(prev["text"].strip()), AMOUNT_RE.match(span["text"].strip())
    if before and after:
        return gap > 0.1 * span["size"]  # two amounts are never one cell, however narrow the padding
    return bool(before or after) and gap > 0.5 * span["size"]


def _emit(spans: list[dict], out: list[Frag]) -> None:
    text = "".join(s["text"] for s in spans).strip()
    if not text:
        return
    inked = [s for s in spans if s["text"].strip()]
    frag = Frag(
        text=text,
        x0=inked[0]["bbox"][0],
        x1=inked[-1]["bbox"][2],
        y=round(spans[0]["origin"][1], 1),
        size=max(s["size"] for s in spans),
    )
    # Two cells in one run: amounts followed by more cells at spaces (split_money), then an
    # amount glued onto a label or a label's start (_split_lead_amount).
    for piece in split_money(frag):
        out.extend(_split_lead_amount(piece))


def split_money(frag: Frag) -> list[Frag]:
    """Cut a run at the spaces after an amount with decimals: some producers write a row's
    amount and the next cell ("33,172.15 一、基本支出") or two amounts ("2,558.26 620.75") as one
    run. An amount never shares its cell with more text, but its unit or punctuation may follow
    it in a sentence ("占 99.94 %；"), which stays one run. The places of the pieces are estimated
    in proportion to their width (a CJK character one em, anything else half an em)."""
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", frag.text)]
    if len(tokens) < 2 or not any(_MONEY_RE.match(frag.text[a:b]) for a, b in tokens):
        return [frag]
    pieces = [list(tokens[0])]
    for a, b in tokens[1:]:
        unit = frag.text[a] in _UNIT_CHARS  # "99.94 %", "13,994.31 万元" in a sentence: one run
        after = _MONEY_RE.match(frag.text[pieces[-1][0]:pieces[-1][1]])  # the run so far is an amount
        if not unit and after:
            pieces.append([a, b])
        else:
            pieces[-1][1] = b
    if len(pieces) == 1:
        return [frag]
    scale = (frag.x1 - frag.x0) / _width(frag.text)
    out = []
    for a, b in pieces:
        x = frag.x0 + _width(frag.text[:a]) * scale
        out.append(Frag(frag.text[a:b], x, x + _width(frag.text[a:b]) * scale, frag.y, frag.size, frag.line, frag.col))
    return out


def _width(text: str) -> float:
    return sum(1.0 if ord(c) > 0x2E7F else 0.5 for c in text)


# An amount with separators or decimals, one space, then a label: two cells in one span.
# (Non-ASCII stands for CJK here: a class over the CJK range costs ~2 ms to compile, docs/architecture.md.)
_LEAD_AMOUNT = re.compile(r"^([-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+\.\d+) (?=[^\x00-\x7f])")


_TRAIL_AMOUNT = re.compile(r"(?<=[^\x00-\x7f])[-−]?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$")


def _cellish(text: str) -> bool:
    """Short and without sentence punctuation: what a table cell's run looks like, not prose."""
    return len(text) <= 40 and not any(p in text for p in "，。；：！？")


def _split_lead_amount(f: Frag) -> list[Frag]:
    """A producer may write two cells as one span: a right-aligned amount and the next cell's
    label one space apart ("9,501,164 一、一般公共服务支出", the halves of a budget's 收支总表
    meeting), or a label with its amount glued on ("一、一般公共预算资金91,016,775.35"). Only amounts
    with separators or decimals are split off, so a year or a count in a sentence stays. The
    parts are placed by estimated glyph widths (`_width`)."""
    if not _cellish(f.text):
        return [f]
    m = _LEAD_AMOUNT.match(f.text)
    t = _TRAIL_AMOUNT.search(f.text)
    if not m and not t:
        return [f]
    cut, gap = (m.end(1), m.end()) if m else (t.start(), t.start())  # type: ignore[union-attr]
    head, tail = f.text[:cut], f.text[gap:]
    unit = (f.x1 - f.x0) / _width(f.text)
    return [Frag(head, f.x0, f.x0 + unit * _width(head), f.y, f.size),
            Frag(tail, f.x1 - unit * _width(tail), f.x1, f.y, f.size)]


def visual_lines(frags: list[Frag]) -> list[VLine]:
    """Cluster by baseline, numbered top to bottom; these numbers are the `Line.line` of the page."""
    lines: list[VLine] = []
    for f in sorted(frags, key=lambda f: (f.y, f.x0)):
        if lines and abs(f.y - lines[-1].y) <= 0.25 * max(f.size, lines[-1].size):
            lines[-1].frags.append(f)
        else:
            lines.append(VLine([f]))
    for i, ln in enumerate(lines, 1):
        ln.frags.sort(key=lambda f: f.x0)
        ln.number = i
    return lines
