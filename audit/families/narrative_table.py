"""Family `narrative_table`: every statement of a concept in the 情况说明 against the table cell
that holds the same quantity.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.analysis import Analysis
from audit.families.base import Option, Skip
from audit.families.table_cells import pair
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    for entry in rule.params["pairs"]:
        cell = analysis.find(entry["cell"], source="table")
        stated = [f for f in analysis.by_concept.get(entry["concept"], ())
                  if f.source == "narrative" and f.measure == "amount" and f.period == entry.get("period", "current")]
        if cell is None:
            yield from (Skip("the table cell for a stated quantity is blank") for _ in stated)
            continue
        for f in stated:
            yield pair(rule, f, cell, entry.get("op", "="))


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {"pairs": Option(list, required=True)}
