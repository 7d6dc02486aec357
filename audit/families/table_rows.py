"""Cross-table family `table_rows`: every row of one table against the row of another that stands
for the same 科目, matched by code, or for class rows by rename-aware name (T1/T4 print class rows
without codes).
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.analysis import Analysis
from audit.families.base import Option, Skip
from audit.families.table_cells import pair
from audit.model import Figure
from audit.names import canonical, column_key
from audit.relation import Relation
from audit.rulebook import Rule


def _row_identity(f: Figure) -> tuple[str, str]:
    label = f.location.cell.row.split(":")[-1] if f.location.cell else ""
    if f.code and len(f.code) > 3:
        return ("code", f.code)
    return ("class", canonical(label))


def _table_cells(analysis: Analysis, spec: dict) -> dict[tuple[str, str], Figure]:
    out: dict[tuple[str, str], Figure] = {}
    column = column_key(spec["column"])
    section = spec.get("section")
    for f in analysis.figures:
        if f.table != spec["table"] or f.source != "table":
            continue
        _, row, col = f.concept.split(":", 2)
        if col != column or (section and not row.startswith(section + "|")):
            continue
        if not f.code and not row.split("|")[-1].endswith("支出"):
            continue  # totals and balance rows are compared by name in `cells` rules
        out.setdefault(_row_identity(f), f)
    return out


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    """`left`/`right`, or a list `pairs_of_tables` of such pairs checked under one rule id."""
    pairs = rule.params["pairs_of_tables"] or [{"left": rule.params["left"], "right": rule.params["right"]}]
    for spec in pairs:
        yield from _pairs(rule, analysis, spec["left"], spec["right"])


def _pairs(rule: Rule, analysis: Analysis, left_spec: dict, right_spec: dict) -> Iterator[Relation | Skip]:
    left, right = _table_cells(analysis, left_spec), _table_cells(analysis, right_spec)
    op = rule.params["op"]
    for ident, a in left.items():
        b = right.get(ident)
        if b is None:
            if ident[0] == "class" and right:
                yield Skip("a class row with no counterpart in the other table")
            continue
        yield pair(rule, a, b, op)


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "left": Option(dict),
    "right": Option(dict),
    "pairs_of_tables": Option(list, default=()),
    "op": Option(str, choices=("=", "<="), default="="),
}
ONE_OF = (("left", "pairs_of_tables"), ("right", "pairs_of_tables"))
