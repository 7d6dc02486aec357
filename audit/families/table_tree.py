"""Table tree family: 类 = Σ 款 = Σ 项 by classification code, and 合计 = Σ 类, per column.

Codes nest by prefix (201 → 20106 → 2010601; 301 → 30101). A parent is compared with its
children only when it has some; a blank cell among the children contributes nothing (a printed
table leaves a cell blank when there is nothing to report) while a blank parent is skipped.
Sums of many rounded items carry wide intervals: 12 items of 2 decimals may differ from their
printed total by up to 0.065 and still be consistent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from audit.analysis import Analysis
from audit.expr import Var, sum_expr
from audit.families.base import Option
from audit.model import Figure
from audit.relation import Relation
from audit.rulebook import Rule


def _children(parent: str, codes: list[str]) -> list[str]:
    """Direct children: the longest-by-one-level codes under `parent` (款 of a 类, 项 of a 款)."""
    longer = [c for c in codes if c.startswith(parent) and len(c) > len(parent)]
    if not longer:
        return []
    step = min(len(c) for c in longer)
    return [c for c in longer if len(c) == step]


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation]:
    total_row = rule.params["total_row"]
    for table in rule.params["tables"]:
        cells: dict[str, dict[str, Figure]] = defaultdict(dict)
        totals: dict[str, Figure] = {}
        for f in analysis.figures:
            if f.table != table or f.source != "table":
                continue
            _, row, column = f.concept.split(":", 2)
            if f.code:
                cells[column][f.code] = f
            elif total_row and row.split("|")[-1] == total_row:
                totals[column] = f
        for column, by_code in cells.items():
            codes = sorted(by_code)
            for parent in codes:
                yield from _relation(rule, by_code[parent], [by_code[c] for c in _children(parent, codes)])
            roots = [c for c in codes if not any(c != p and c.startswith(p) for p in codes)]
            if column in totals and roots:
                top = min(len(c) for c in roots)
                yield from _relation(rule, totals[column], [by_code[c] for c in roots if len(c) == top])


def _relation(rule: Rule, total: Figure, parts: list[Figure]) -> Iterator[Relation]:
    if not parts:
        return
    env = {"total": total} | {f"p{i}": p for i, p in enumerate(parts)}
    yield Relation(rule.id, sum_expr([f"p{i}" for i in range(len(parts))]), "=", Var("total"), env, target="total")


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "tables": Option(list, required=True),
    "total_row": Option(str, default=None),
}
