"""Breakdown family: the parts a sentence lists after 其中 / 主要用于 add up to the amount before.

A list may leave out parts that do not apply, so parts falling short of the head is only a
warning unless the list shows it is complete: the parts' shares add up to 100%, or a closing
“合计X” (extraction's role `restates`) sums the list up. Parts exceeding the head cannot be
explained by omission and are an error. The closing total is the head stated again: it is
checked equal to the head, never added as a part.
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


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation]:
    groups: dict[int, list[int]] = defaultdict(list)
    for part, head in analysis.parents.items():
        groups[head].append(part)
    for head, linked in groups.items():
        head_fig = analysis.figures[head]
        parts = [p for p in sorted(linked) if analysis.figures[p].role != "restates"]
        closing = [analysis.figures[p] for p in sorted(linked) if analysis.figures[p].role == "restates"]
        for again in closing:
            yield Relation(rule.id, Var("again"), "=", Var("total"), {"total": head_fig, "again": again},
                           target="again")
        if not parts:
            continue
        env = {"total": head_fig}
        names = []
        for i, p in enumerate(parts):
            env[f"p{i}"] = analysis.figures[p]
            names.append(f"p{i}")
        yield Relation(rule.id, sum_expr(names), "=", Var("total"), env, target="total",
                       soft_below=_below(head_fig, bool(closing) or _complete(analysis, parts)))


def _below(head: Figure, complete: bool) -> bool | str:
    """What parts falling short of the head mean: in a complete list, an error; otherwise a
    warning under an outcome, and nothing under a budget (“支出预算X万元，其中：财政拨款支出预算Y万元”
    names the one source it stresses, and a budget's list of funds or projects is usually partial)."""
    if complete:
        return False
    return "skip" if head.period == "budget" else True


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
