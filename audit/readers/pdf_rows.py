"""Rows of one table section on one page, rebuilt from fragment positions.

A row is anchored on its label (科目名称 / 项目). Codes and amounts are attached to the nearest
label by baseline, because producers centre them vertically in tall cells and their baselines
can sit half a line above or below the label's. Labels that wrap are re-joined first.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from audit.document import Cell, TableRow
from audit.readers.pdf_header import Column, assign_ordered, pick_column
from audit.readers.pdf_layout import AMOUNT_RE, CODE_RE, Frag

MARKER_RE = re.compile(
    r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[、.．])"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_GLUED_CODE = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*(\D.*)$")


@dataclass
class Tally:
    """What the rows of one table looked like, for judging whether the reading can be trusted."""

    amounts: int = 0
    # Budget tables: a row whose amounts fall two to a column is placed by order instead, when
    # every amount then lies between its header's start and the next header's (right-aligned
    # amounts in wide cells under centred headers, Jiangsu 支出预算总表).
    refit: bool = False
    distance: float = 0.0  # text copies: summed misfit of amounts to their columns (assign_ordered)
    # Text copies: place a row's amounts by order (see pdf_header.assign_ordered), not by overlap.
    ordered: bool = False
    # Amounts that overlap no header column (placed at the nearest one), as (label, text).
    outside: list[tuple[str, str]] = field(default_factory=list)
    # Rows with two amounts in one column or more amounts than columns: their labels.
    crowded: list[str] = field(default_factory=list)
    # Text copies: rows with fewer amounts than columns, and whether the rows that fill every
    # column disagree on where a column is (then a short row cannot be placed by position).
    short: list[str] = field(default_factory=list)
    unaligned: bool = False
    columns: set[str] = field(default_factory=set)  # the amount columns the header gave


@dataclass
class _Group:
    lines: list[Frag]
    codes: list[Frag] = field(default_factory=list)
    amounts: list[Frag] = field(default_factory=list)

    @property
    def y(self) -> float:
        return (self.lines[0].y + self.lines[-1].y) / 2


def build_rows(
    frags: list[Frag],
    cols: list[Column],
    page: int,
    section: str | None,
    fallback_label: str,
    wrap_x1: float,
    tally: Tally | None = None,
) -> tuple[list[TableRow], float]:
    """Rows in reading order, plus the widest label seen so far (a full line may wrap onward)."""
    # Placeholders such as "…" or "-" label nothing and must not move the label column's edge.
    labels = [f for f in frags if _CJK.search(f.text) and not AMOUNT_RE.match(f.text)]
    # A total row's label may stand anywhere, even in the code column (合计 left-aligned).
    label_x0 = min((f.x0 for f in labels if re.sub(r"\s", "", f.text) not in ("合计", "总计")), default=math.inf)
    # A row of amounts without any label (a budget's 三公 table): its whole numbers are amounts.
    bare = not labels and tally is not None and tally.refit
    codes = [f for f in frags if not bare and CODE_RE.match(f.text)
             and (f.x1 <= label_x0 + 2 or _code_area(f, cols, tally))]
    if not bare:
        codes += _stray_digits(frags, codes, label_x0)
    code_ids = {id(f) for f in codes}
    amounts = [f for f in frags if AMOUNT_RE.match(f.text) and id(f) not in code_ids]
    wrap_x1 = max([wrap_x1, *(f.x1 for f in labels)])
    groups = _group_labels(_join_same_baseline(labels), codes, amounts, wrap_x1, bool(tally and tally.ordered),
                           around=bool(tally and tally.refit))
    if not groups:
        if not amounts:
            return [], wrap_x1
        groups = [_Group([Frag(fallback_label, 0, 0, amounts[0].y, amounts[0].size)])]
    for f in codes:
        min(groups, key=lambda g: abs(g.y - f.y)).codes.append(f)
    for f in amounts:
        min(groups, key=lambda g: abs(g.y - f.y)).amounts.append(f)
    tally = tally or Tally()
    edges = _edges(groups, cols, tally) if tally.ordered else {}
    return [_row(g, cols, page, section, tally, edges) for g in groups], wrap_x1


def _edges(groups: list[_Group], cols: list[Column], tally: Tally) -> dict[str, tuple[str, float]]:
    """Where each column's amounts line up, over the rows that fill every column: their right
    edge (right-aligned numbers) or their middle (centred numbers), whichever agrees better.

    When neither agrees within an em, the copy keeps no column positions (words separated by
    single spaces) and the edges mean nothing.
    """
    seen: dict[str, list[Frag]] = {}
    for g in groups:
        if cols and len(g.amounts) == len(cols):
            for f, c in zip(sorted(g.amounts, key=lambda f: f.x0), cols, strict=True):
                seen.setdefault(c.name, []).append(f)
    out: dict[str, tuple[str, float]] = {}
    for name, fs in seen.items():
        spread, attr = min((max(getattr(f, a) for f in fs) - min(getattr(f, a) for f in fs), a) for a in ("x1", "xc"))
        if spread > fs[0].size:
            tally.unaligned = True
            return {}
        out[name] = (attr, sum(getattr(f, attr) for f in fs) / len(fs))
    return out


def _ambiguous(f: Frag, col: Column, cols: list[Column]) -> bool:
    if f.overlap(col.x0, col.x1) > 0 or len(cols) < 2:
        return False
    d1, d2 = sorted(abs(f.xc - c.xc) for c in cols)[:2]
    return d2 - d1 < f.size


def _code_area(f: Frag, cols: list[Column], tally: Tally | None) -> bool:
    """Text copies do not keep labels aligned: a whole number left of every amount column is a code."""
    return bool(tally and tally.ordered and cols and f.x1 <= cols[0].x0)


def _stray_digits(frags: list[Frag], codes: list[Frag], label_x0: float) -> list[Frag]:
    """A single digit left of the labels on the baseline of other code parts ("7 11 02" where
    类 should read 210): it stands in the 类 column, so it is part of the code as printed, not an
    amount (which would crowd the row and make the whole table doubtful)."""
    return [f for f in frags if len(f.text) == 1 and f.text.isdigit() and f.x1 <= label_x0 + 2
            and any(c is not f and abs(c.y - f.y) <= 0.25 * f.size for c in codes)]


def _join_same_baseline(labels: list[Frag]) -> list[Frag]:
    out: list[Frag] = []
    for f in sorted(labels, key=lambda f: (f.y, f.x0)):
        if out and abs(out[-1].y - f.y) <= 0.25 * f.size:
            p = out[-1]
            out[-1] = Frag(p.text + f.text, p.x0, max(p.x1, f.x1), p.y, max(p.size, f.size), p.line, p.col)
        else:
            out.append(f)
    return out


def _group_labels(
    labels: list[Frag], codes: list[Frag], amounts: list[Frag], wrap_x1: float, ordered: bool = False,
    around: bool = False,
) -> list[_Group]:
    """Join a line to the previous label when that one filled the column and this one is bare.

    Bare means: close below and no row marker (一、). A line with its own code or amount is a new
    row unless the label above has none yet (a three-line label carries them on its middle line).
    With `around` (budget tables), a label wrapped around its amount — the amount's line between
    its two lines, up to 2 em apart (三、单位预留机动经 / 3,258.06 / 费) — is joined as well.
    """
    anchors = [f.y for f in (*codes, *amounts)]
    bare = [y for y in anchors if not any(abs(f.y - y) <= 0.25 * f.size for f in labels)]
    groups: list[_Group] = []
    for f in labels:
        if groups:
            g = groups[-1]
            prev = g.lines[-1]
            own = any(abs(f.y - y) <= 1.5 for y in anchors)
            # A text line is half an em high: there the window must not reach the next line.
            reach, fill = (0.4, 0.25) if ordered else (0.75, 0.6)
            g_anchored = any(g.lines[0].y - reach * f.size <= y <= prev.y + reach * f.size for y in anchors)
            # Text copies keep no widths: a stub of one to three characters under the label is its end.
            stub = ordered and len(f.text) <= 3 and abs(f.x0 - prev.x0) <= f.size
            # ... and the first line of a label whose codes and amounts stand alone on the next
            # line (a label wrapped around the middle of its cell) starts a row of its own.
            heads = ordered and not stub and g_anchored and any(f.y < y <= f.y + 0.6 * f.size for y in bare)
            # In a copy, a line with numbers of its own continues a label only as its middle line,
            # which fills the column like the first (a three-line label, numbers in the middle).
            whole = ordered and own and f.x1 < wrap_x1 - fill * f.size
            between = around and not own and any(prev.y + 1.5 < y < f.y - 1.5 for y in anchors)
            # In a budget copy, a label whose row already has its amount continues only on the next
            # line or around an amount: 当年收入小计 / (blank line) / 上年结转资金 are two rows.
            apart = around and ordered and g_anchored and not between and f.y - prev.y > 0.6 * f.size
            if not heads and not whole and not apart and (
                (prev.x1 >= wrap_x1 - fill * prev.size or stub)
                and 0 < f.y - prev.y <= (2 if between else 1.5) * f.size
                and not MARKER_RE.match(f.text)
                and not (own and g_anchored)
            ):
                groups[-1].lines.append(f)
                continue
        groups.append(_Group([f]))
    return groups


def _refit(
    placed: list[tuple[Column | None, float]], amounts: list[Frag], cols: list[Column], tally: Tally
) -> list[tuple[Column | None, float]]:
    names = [c.name for c, _ in placed if c]
    if not tally.refit or len(set(names)) == len(names):
        return placed
    ordered = assign_ordered(amounts, cols)
    if ordered and all(misfit == 0 for _, misfit in ordered):
        return [(c, m) for c, m in ordered]
    return placed


def _row(
    g: _Group, cols: list[Column], page: int, section: str | None, tally: Tally,
    edges: dict[str, tuple[str, float]],
) -> TableRow:
    label = " ".join("".join(f.text for f in g.lines).split())
    parts = [f.text for f in sorted(g.codes, key=lambda f: f.x0)]
    # A 款 or 项 printed as one digit ("301 2": a spreadsheet dropped the leading zero) is 02.
    code = "".join(parts[:1] + [p.zfill(2) for p in parts[1:]]) or None
    glued = _GLUED_CODE.match(label)
    if code is None and glued:
        code, label = glued.group(1), glued.group(2).strip()
    cells = []
    amounts = sorted(g.amounts, key=lambda f: f.x0)
    ordered = assign_ordered(amounts, cols, edges) if tally.ordered else None
    placed = ordered or _refit([(pick_column(f, cols), 0.0) for f in amounts], amounts, cols, tally)
    for f, (col, misfit) in zip(amounts, placed, strict=True):
        tally.amounts += 1
        tally.distance += misfit
        # Off its column: in a text copy, two em or more from it; in a PDF, under no header and
        # about as near to another header's middle (a wide column's amounts may miss a short
        # centred header, but then they are still clearly nearest to it). With one amount
        # column there is no other it could belong to.
        if col is not None and (misfit >= 2 and len(cols) > 1 if ordered else _ambiguous(f, col, cols)):
            tally.outside.append((label, f.text))
        cells.append(Cell(column=col.name if col else "", text=f.text, page=page, line=f.line, offset=f.col))
    names = [c.column for c in cells]
    if cols and (len(names) > len(cols) or len(set(names)) < len(names)):
        tally.crowded.append(label)
    elif tally.ordered and 0 < len(names) < len({c.name for c in cols}):  # same-named columns: alternatives
        tally.short.append(label)
    line = g.lines[0].line
    return TableRow(label=label, cells=cells, code=code, section=section, page=page, line=line)
