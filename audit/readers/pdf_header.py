"""Numeric columns of a table, read from its (possibly multi-line, multi-level) header.

Header words wrap inside narrow cells ("本年收入合" / "计"), so fragments that sit directly under
one another are stacked back into one cell before their text is compared with the known layouts.
A column is then the x-extent of its header cell; cells are assigned to it by overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from audit.readers.budget_titles import COLUMNS as BUDGET_COLUMNS
from audit.readers.budget_titles import GROUPED, budget_header
from audit.readers.pdf_layout import Frag
from audit.readers.pdf_titles import COLUMNS, STRUCTURAL, T7_GROUPS, T7_MEASURES, is_structural, norm

# Single-character code headers sit under "科目编码" and must not be read as its last line; the
# same character ending a wrapped column header ("一般公共预算财政拨" / "款") does belong to it.
_NEVER_STACK = {"类", "款", "项"}
# Captions beside a header (部门名称：…, 编制单位：…, the 元 of a unit wrapped as 单位：万 / 元) are no
# column: a header word printed below one starts a cell of its own.
_CAPTION_STARTS = ("部门", "单位", "编制单位", "编制部门")
_UNIT_WORDS = {"元", "万元", "千元"}


@dataclass(frozen=True)
class Column:
    name: str
    x0: float
    x1: float

    @property
    def xc(self) -> float:
        return (self.x0 + self.x1) / 2


def stack_cells(frags: list[Frag]) -> list[list[Frag]]:
    """Group header fragments into cells: same column (x-overlap) and consecutive lines."""
    cells: list[list[Frag]] = []
    for f in sorted(frags, key=lambda f: (f.y, f.x0)):
        home = None
        for cell in cells:
            last = cell[-1]
            if (
                last.text not in _NEVER_STACK
                and norm("".join(g.text for g in cell)) not in STRUCTURAL
                and not _caption(cell)
                and 0 < f.y - last.y <= 1.5 * f.size
                and f.overlap(last.x0, last.x1) > 0
                and not (f.text in _NEVER_STACK and is_structural("".join(g.text for g in cell)))
            ):
                home = cell
                break
        if home is None:
            cells.append([f])
        else:
            home.append(f)
    return cells


def _caption(cell: list[Frag]) -> bool:
    text = norm("".join(g.text for g in cell))
    return text.startswith(_CAPTION_STARTS) or text in _UNIT_WORDS


def _span(cell: list[Frag]) -> tuple[float, float]:
    return min(f.x0 for f in cell), max(f.x1 for f in cell)


def find_columns(table_id: str, frags: list[Frag]) -> list[Column]:
    """Numeric columns left to right; unknown non-structural headers keep their printed text."""
    if table_id == "T7":
        return _t7_columns(frags)
    if table_id in GROUPED:
        return _grouped_columns(GROUPED[table_id], frags)
    known = COLUMNS.get(table_id, {})
    cols: list[Column] = []
    cells = stack_cells(frags)
    for cell in _spaced_out(known, _restack(known, cells) if table_id in BUDGET_COLUMNS else cells):
        key = budget_header(norm("".join(f.text for f in cell)))
        if key in known:
            if (name := known[key]) is None:
                continue  # a group header (Y1's 基本支出 over 人员经费 | 公用经费)
        elif is_structural(key) or key.startswith(("单位", "部门")) or not key:
            continue
        else:
            name = " ".join("".join(f.text for f in cell).split())
        cols.append(Column(name, *_span(cell)))
    return sorted(cols, key=lambda c: c.x0)


def _spaced_out(known: dict[str, str | None], cells: list[list[Frag]]) -> list[list[Frag]]:
    """A header spaced out over its cell ("金   额") is two cells on one baseline; they are one
    when neither is a header alone and together they are."""
    out: list[list[Frag]] = []
    for cell in sorted(cells, key=lambda c: (c[0].y, c[0].x0)):
        prev = out[-1] if out else None
        if (prev and abs(prev[0].y - cell[0].y) <= 0.25 * cell[0].size
                and norm(_text(prev)) not in known and norm(_text(cell)) not in known
                and norm(_text(prev) + _text(cell)) in known):
            out[-1] = prev + cell
        else:
            out.append(cell)
    return out


def _text(cell: list[Frag]) -> str:
    return "".join(f.text for f in cell)


def _t7_columns(frags: list[Frag]) -> list[Column]:
    """Name the 12 leaves "<预算数|决算数>/<item>"; items are paired with leaf pairs in x order."""
    leaves = sorted((f for f in frags if norm(f.text) in T7_MEASURES), key=lambda f: f.x0)
    groups: list[tuple[str, float]] = []
    for cell in stack_cells([f for f in frags if norm(f.text) not in T7_MEASURES]):
        key = norm("".join(f.text for f in cell)).replace("(", "（").replace(")", "）")
        if key in T7_GROUPS:
            x0, x1 = _span(cell)
            groups.append((T7_GROUPS[key], (x0 + x1) / 2))
    groups.sort(key=lambda g: g[1])
    pairs = [leaves[i : i + 2] for i in range(0, len(leaves) - 1, 2)]
    if len(groups) != len(pairs):
        order = list(dict.fromkeys(T7_GROUPS.values()))
        groups = [(order[i], 0.0) for i in range(min(len(order), len(pairs)))]
    cols: list[Column] = []
    for (group, _), pair in zip(groups, pairs, strict=False):
        for leaf in pair:
            cols.append(Column(f"{norm(leaf.text)}/{group}", leaf.x0, leaf.x1))
    return cols


def _grouped_columns(known: dict[str, str | None], frags: list[Frag]) -> list[Column]:
    """Leaves under group headers (a budget's 三公 table); group headers are no column.

    A leaf that repeats (小计) is the subtotal of a group, printed as the group's first column;
    groups are nested, the outer one printed above, so the repeated leaves taken left to right
    belong to the groups taken top to bottom (`group/leaf`). Header texts are narrower than their
    merged cells, so a leaf need not lie under its group's words.
    """
    cells = sorted(((norm("".join(f.text for f in c)), c) for c in _restack(known, stack_cells(frags))),
                   key=lambda kc: _span(kc[1])[0])
    groups = sorted((c[0].y, key) for key, c in cells if any(k.startswith(key + "/") for k in known))
    seen: dict[str, int] = {}
    cols: list[Column] = []
    for key, cell in cells:
        n = seen[key] = seen.get(key, -1) + 1
        paths = [f"{g}/{key}" for _, g in groups if f"{g}/{key}" in known]
        name = known.get(paths[n]) if n < len(paths) else known.get(key)
        if name:
            cols.append(Column(name, *_span(cell)))
    return cols


def _restack(known: dict[str, str | None], cells: list[list[Frag]]) -> list[list[Frag]]:
    """Join a cell with the one just below it (within two em, overlapping) while their words
    together begin a known leaf: wrapped header lines may be spaced wider than `stack_cells`
    allows ("因公出" / "国（境）" / "费")."""
    leaves = [k.rsplit("/", 1)[-1] for k in known]
    cells = sorted(cells, key=lambda c: c[0].y)
    merged = True
    while merged:
        merged = False
        for a in cells:
            text = norm("".join(f.text for f in a))
            if text in leaves:
                continue
            below = [b for b in cells if b is not a and 0 < b[0].y - a[-1].y <= 2 * a[-1].size
                     and b[0].overlap(*_span(a)) > 0]
            for b in below:
                if any(leaf.startswith(text + norm("".join(f.text for f in b))) for leaf in leaves):
                    a.extend(b)
                    cells.remove(b)
                    merged = True
                    break
            if merged:
                break
    return cells


def pick_column(frag: Frag, cols: list[Column]) -> Column | None:
    """Largest overlap wins; numbers that miss every header fall to the nearest centre."""
    if not cols:
        return None
    best = max(cols, key=lambda c: frag.overlap(c.x0, c.x1))
    if frag.overlap(best.x0, best.x1) > 0:
        return best
    return min(cols, key=lambda c: abs(c.xc - frag.xc))


def assign_ordered(
    frags: list[Frag], cols: list[Column], edges: dict[str, tuple[str, float]] | None = None
) -> list[tuple[Column, float]] | None:
    """Columns for a row's amounts (left to right) kept in order, each with its misfit in em.

    Text copies place numbers only roughly under their headers (pdftotext counts a CJK character
    as one column, an editor as two), but never reorder them: the i-th amount of a row lies in a
    column right of the (i-1)-th. A header is centred over its cell and an amount right-aligned
    in it, so an amount's middle falls between its own header's start and the next header's
    start; `edges` (where the amounts of the table's rows that fill every column line up: right
    edge or middle) are used instead where known, since numbers line up with one another better
    than with any header. None when the row has more amounts than columns.
    """
    m, n = len(frags), len(cols)
    if m > n:
        return None
    edges = edges or {}
    inf = math.inf

    def misfit(f: Frag, j: int) -> float:
        c = cols[j]
        if c.name in edges:
            attr, x = edges[c.name]
            return abs(getattr(f, attr) - x) / f.size
        lo, hi = c.x0, cols[j + 1].x0 if j + 1 < n else inf
        return 0.0 if lo <= f.xc < hi else min(abs(f.xc - lo), abs(f.xc - hi)) / f.size

    # cost[i][j]: best total misfit placing the first i amounts in the first j columns.
    cost = [[0.0] * (n + 1)] + [[inf] * (n + 1) for _ in range(m)]
    for i in range(1, m + 1):
        for j in range(i, n + 1):
            cost[i][j] = min(cost[i][j - 1], cost[i - 1][j - 1] + misfit(frags[i - 1], j - 1))
    out: list[tuple[Column, float]] = []
    j = n
    for i in range(m, 0, -1):
        while j > i and cost[i][j] == cost[i][j - 1]:
            j -= 1
        out.append((cols[j - 1], misfit(frags[i - 1], j - 1)))
        j -= 1
    return out[::-1]
