"""Family `narrative_items`: 类 and 类/款/项 amounts in the 情况说明 against the same 科目 in a table."""

from __future__ import annotations

from collections.abc import Iterator

from audit.analysis import Analysis
from audit.families.base import Option, Skip
from audit.families.table_cells import pair
from audit.model import Figure
from audit.names import canonical, column_key
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    table, column = rule.params["table"], column_key(rule.params["column"])
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
    if not by_path:
        return
    for f in analysis.figures:
        if f.source != "narrative" or not f.concept.startswith("科目:") or f.measure != "amount" or f.period != "current":
            continue
        cell = by_path.get(f.concept)
        if cell is None:
            yield Skip("no table row for the 科目 the narrative names")
            continue
        yield pair(rule, f, cell)


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "table": Option(str, required=True),
    "column": Option(str, required=True),
}
