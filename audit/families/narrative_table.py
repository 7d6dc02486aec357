"""Family `narrative_table`: every statement of a concept in the 情况说明 against the table cell
that holds the same quantity.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.facts import Facts
from audit.families.table_cells import pair
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, facts: Facts) -> Iterator[Relation]:
    for entry in rule.params["pairs"]:
        cell = facts.find(entry["cell"], source="table")
        stated = [f for f in facts.by_concept.get(entry["concept"], ())
                  if f.source == "narrative" and f.measure == "amount" and f.period == entry.get("period", "current")]
        if cell is None:
            facts.skipped += len(stated)
            continue
        for f in stated:
            yield pair(rule, f, cell, entry.get("op", "="))
