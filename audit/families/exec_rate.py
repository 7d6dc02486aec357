"""Execution family: 完成预算 c% = actual ÷ budget × 100, and the words 等于/大于/小于 agree with c.

The budget is the amount the same sentence states after 预算(为); when a sentence gives only
the rate (完成预算100%), the rate cannot be recomputed and is skipped, but the comparison words
(决算数等于预算数) are still checked against it.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.analysis import Analysis
from audit.expr import HUNDRED, BinOp, Var
from audit.families.base import Option, Skip
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    mode = rule.params["check"]
    for rate in analysis.figures:
        if rate.measure != "exec_rate" or rate.source != rule.params["figures"]:
            continue
        figs = analysis.in_claim(rate.claim)
        # Budget and actual are the rate's own subject: in “三公…预算为0.95万元…其中：因公出国（境）费
        # 决算为0.00万元，完成预算的0%” the item's rate must not be read against the total's budget.
        before = [f for f in figs if f.index < rate.index and f.unit != "%" and f.concept == rate.concept]
        budget = next((f for f in reversed(before) if f.period == "budget"), None)
        actual = next((f for f in reversed(before) if f.period == "current" and f.measure == "amount"), None)
        if mode == "rate":
            if budget is None or actual is None:
                yield Skip("an execution rate without its budget or actual amount")
                continue
            env = {"c": rate, "a": actual, "b": budget}
            yield Relation(rule.id, Var("c"), "=", BinOp("*", BinOp("/", Var("a"), Var("b")), HUNDRED), env, target="c")
        elif mode == "wording":
            # Claim ids start at 0, so test for None: `rate.claim or -1` would lose the first sentence.
            claim = analysis.claims.get(rate.claim) if rate.claim is not None else None
            if claim is None or claim.compare is None:
                continue
            env = {"c": rate}
            if claim.compare == 0:  # 等于预算
                yield Relation(rule.id, Var("c"), "=", HUNDRED, env, target="c")
            elif claim.compare > 0:  # 大于预算
                yield Relation(rule.id, HUNDRED, "<=", Var("c"), env)
            else:  # 小于预算
                yield Relation(rule.id, Var("c"), "<=", HUNDRED, env)


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "check": Option(str, choices=("rate", "wording"), default="rate"),
    "figures": Option(str, choices=("narrative", "table"), default="narrative"),
}
