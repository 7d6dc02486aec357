"""Family `narrative_items`: 类 and 类/款/项 amounts in the 情况说明 against the same 科目 in a table."""

from __future__ import annotations

from collections.abc import Iterator

from audit.extract.paths import canonical
from audit.extract.tables import column_key
from audit.facts import Facts
from audit.families.table_cells import pair
from audit.model import Figure
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, facts: Facts) -> Iterator[Relation]:
    table, column = rule.params["table"], column_key(rule.params["column"])
    names: dict[str, str] = {}
    by_code: dict[str, Figure] = {}
    for f in facts.figures:
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
    for f in facts.figures:
        if f.source != "narrative" or not f.concept.startswith("科目:") or f.measure != "amount" or f.period != "current":
            continue
        cell = by_path.get(f.concept)
        if cell is None:
            facts.skipped += 1
            continue
        yield pair(rule, f, cell)
