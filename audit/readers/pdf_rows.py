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
from audit.readers.pdf_header import Column, pick_column
from audit.readers.pdf_layout import AMOUNT_RE, CODE_RE, Frag

MARKER_RE = re.compile(
    r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[、.．])"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_GLUED_CODE = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*(\D.*)$")


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
) -> tuple[list[TableRow], float]:
    """Rows in reading order, plus the widest label seen so far (a full line may wrap onward)."""
    # Placeholders such as "…" or "-" label nothing and must not move the label column's edge.
    labels = [f for f in frags if _CJK.search(f.text) and not AMOUNT_RE.match(f.text)]
    label_x0 = min((f.x0 for f in labels), default=math.inf)
    codes = [f for f in frags if CODE_RE.match(f.text) and f.x1 <= label_x0 + 2]
    code_ids = {id(f) for f in codes}
    amounts = [f for f in frags if AMOUNT_RE.match(f.text) and id(f) not in code_ids]
    wrap_x1 = max([wrap_x1, *(f.x1 for f in labels)])
    groups = _group_labels(_join_same_baseline(labels), codes, amounts, wrap_x1)
    if not groups:
        if not amounts:
            return [], wrap_x1
        groups = [_Group([Frag(fallback_label, 0, 0, amounts[0].y, amounts[0].size)])]
    for f in codes:
        min(groups, key=lambda g: abs(g.y - f.y)).codes.append(f)
    for f in amounts:
        min(groups, key=lambda g: abs(g.y - f.y)).amounts.append(f)
    return [_row(g, cols, page, section) for g in groups], wrap_x1


def _join_same_baseline(labels: list[Frag]) -> list[Frag]:
    out: list[Frag] = []
    for f in sorted(labels, key=lambda f: (f.y, f.x0)):
        if out and abs(out[-1].y - f.y) <= 0.25 * f.size:
            p = out[-1]
            out[-1] = Frag(p.text + f.text, p.x0, max(p.x1, f.x1), p.y, max(p.size, f.size))
        else:
            out.append(f)
    return out


def _group_labels(labels: list[Frag], codes: list[Frag], amounts: list[Frag], wrap_x1: float) -> list[_Group]:
    """Join a line to the previous label when that one filled the column and this one is bare.

    Bare means: close below and no row marker (一、). A line with its own code or amount is a new
    row unless the label above has none yet (a three-line label carries them on its middle line).
    """
    anchors = [f.y for f in (*codes, *amounts)]
    groups: list[_Group] = []
    for f in labels:
        if groups:
            g = groups[-1]
            prev = g.lines[-1]
            own = any(abs(f.y - y) <= 1.5 for y in anchors)
            g_anchored = any(g.lines[0].y - 0.75 * f.size <= y <= prev.y + 0.75 * f.size for y in anchors)
            if (
                prev.x1 >= wrap_x1 - 0.6 * prev.size
                and 0 < f.y - prev.y <= 1.5 * f.size
                and not MARKER_RE.match(f.text)
                and not (own and g_anchored)
            ):
                groups[-1].lines.append(f)
                continue
        groups.append(_Group([f]))
    return groups


def _row(g: _Group, cols: list[Column], page: int, section: str | None) -> TableRow:
    label = " ".join("".join(f.text for f in g.lines).split())
    code = "".join(f.text for f in sorted(g.codes, key=lambda f: f.x0)) or None
    glued = _GLUED_CODE.match(label)
    if code is None and glued:
        code, label = glued.group(1), glued.group(2).strip()
    cells = []
    for f in sorted(g.amounts, key=lambda f: f.x0):
        col = pick_column(f, cols)
        cells.append(Cell(column=col.name if col else "", text=f.text, page=page))
    return TableRow(label=label, cells=cells, code=code, section=section, page=page)
