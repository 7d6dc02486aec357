"""Breakdown family: the parts a sentence lists after 其中 / 主要用于 add up to the amount before.

A list may leave out parts that do not apply, so parts falling short of the head is only a
warning unless the parts' shares show the list is complete (they add up to 100%). Parts
exceeding the head cannot be explained by omission and are an error.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from audit.analysis import Analysis
from audit.expr import Var, sum_expr
from audit.families.base import Option
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation]:
    groups: dict[int, list[int]] = defaultdict(list)
    for part, head in analysis.parents.items():
        groups[head].append(part)
    for head, parts in groups.items():
        head_fig = analysis.figures[head]
        env = {"total": head_fig}
        names = []
        for i, p in enumerate(sorted(parts)):
            env[f"p{i}"] = analysis.figures[p]
            names.append(f"p{i}")
        yield Relation(rule.id, sum_expr(names), "=", Var("total"), env, target="total",
                       soft_below=not _complete(analysis, parts))


def _complete(analysis: Analysis, parts: list[int]) -> bool:
    """Shares stated for every part that add up to about 100 show the list is exhaustive."""
    total = 0
    for p in parts:
        fig = analysis.figures[p]
        share = next((f for f in analysis.in_claim(fig.claim) if f.measure == "share" and f.concept == fig.concept), None)
        if share is None:
            return False
        total += share.value
    return abs(total - 100) <= 1


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {}
