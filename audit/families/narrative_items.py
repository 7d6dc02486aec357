"""Family `narrative_items`: 类 and 类/款/项 amounts in the 情况说明 against the same 科目 in a table.

Final accounts state each item's 决算数 (period current) against T5. A budget's 编制说明 lists
“X（类）Y（款）Z（项）”N万元 and then “{年}年预算安排N万元” (period budget, this year's initial
budget), both against the 项's row of the 一般公共预算 table (`periods: [current, budget]`). A
table in 元 meets the narrative in 万元 exactly (`table_cells.pair`), compared at the narrative's
decimals. `exclusive` names tables in which the same 科目 makes the item ambiguous (an item of
财政拨款 that also has 政府性基金 money is not the 一般公共预算 row alone): such an item is skipped.
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


def _paths(analysis: Analysis, table: str, column: str) -> dict[str, Figure]:
    """The table's cells of `column` by 科目 path (`科目:类|款|项`, rename-aware names)."""
    names: dict[str, str] = {}
    by_code: dict[str, Figure] = {}
    for f in analysis.figures:
        if f.table == table and f.source == "table" and f.code and f.concept.endswith(":" + column):
            by_code[f.code] = f
            names[f.code] = canonical(f.location.cell.row if f.location.cell else "")
    by_path: dict[str, Figure] = {}
    for code, f in by_code.items():
        parts = [names.get(code[:n]) for n in (3, 5, 7) if len(code) >= n]
        if all(parts):
            by_path["科目:" + "|".join(p for p in parts if p)] = f
    return by_path


def _stated(f: Figure, periods: list[str]) -> bool:
    """An amount of this year as the narrative states it: 决算数, or this year's initial budget."""
    if f.source != "narrative" or not f.concept.startswith("科目:") or f.measure != "amount":
        return False
    return f.period in periods and not (f.period == "budget" and f.basis is not None)


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    by_path = _paths(analysis, rule.params["table"], column_key(rule.params["column"]))
    if not by_path:
        return
    shared = {p for t in rule.params["exclusive"] for p in _paths(analysis, t, column_key(rule.params["column"]))}
    for f in analysis.figures:
        if not _stated(f, rule.params["periods"]):
            continue
        cell = by_path.get(f.concept)
        if cell is None:
            yield Skip("no table row for the 科目 the narrative names")
        elif f.concept in shared:
            yield Skip("the 科目 has amounts in another fund's table too")
        else:
            yield pair(rule, f, cell)


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "table": Option(str, required=True),
    "column": Option(str, required=True),
    "periods": Option(list, default=["current"]),
    "exclusive": Option(list, default=()),
}
