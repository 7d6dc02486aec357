"""Execution family: 完成预算 c% = actual ÷ budget × 100, and the words 等于/大于/小于 agree.

The item sentence of every final-accounts narrative reads “年初预算为X万元，支出决算为Y万元，完成年初
预算的Z%。决算数大于/小于/等于预算数的主要原因…”. Three checks (`check:`):

* `rate` — Z = Y ÷ X × 100, the budget being the one the rate names (完成调整预算的… takes the
  adjusted budget, otherwise the initial one);
* `wording` — the words against Z: 等于 is 100%, 大于 at least 100%, 小于 at most 100%; when a
  sentence gives only the rate (完成预算100%), this is all that can be checked;
* `compare` — the words against X and Y themselves, for sentences that state no rate.

Budget and actual are the rate's own subject, in the same sentence: in “三公…预算为0.95万元…其中：
因公出国（境）费决算为0.00万元，完成预算的0%” the item's rate is not read against the total's budget.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.analysis import Analysis
from audit.expr import HUNDRED, BinOp, Var
from audit.facts import ClaimInfo
from audit.families.base import Option, Skip
from audit.model import Figure
from audit.relation import Relation
from audit.rulebook import Rule

WORDS = {0: "等于", 1: "大于", -1: "小于"}


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    mode = rule.params.get("check", "rate")
    source = rule.params.get("figures", "narrative")
    if mode == "compare":
        yield from _compare(rule, analysis, source)
        return
    for rate in analysis.figures:
        if rate.measure != "exec_rate" or rate.source != source:
            continue
        if mode == "rate":
            budget, actual = _amounts(analysis.in_claim(rate.claim), rate.concept, rate.index, rate.basis)
            if budget is None or actual is None:
                yield Skip("an execution rate without its budget or actual amount")
                continue
            env = {"c": rate, "a": actual, "b": budget}
            yield Relation(rule.id, Var("c"), "=", BinOp("*", BinOp("/", Var("a"), Var("b")), HUNDRED), env, target="c")
        elif mode == "wording":
            claim = _claim(analysis, rate.claim)
            if claim is None or claim.compare is None:
                continue
            yield _wording(rule, rate, claim.compare)


def _amounts(figs: list[Figure], concept: str, before: int, basis: str | None) -> tuple[Figure | None, Figure | None]:
    """The last budget (of the given basis) and the last actual of `concept` before index `before`."""
    own = [f for f in figs if f.index < before and f.unit != "%" and f.concept == concept and f.measure == "amount"]
    budget = next((f for f in reversed(own) if f.period == "budget" and f.basis == basis), None)
    actual = next((f for f in reversed(own) if f.period == "current"), None)
    return budget, actual


def _claim(analysis: Analysis, claim_id: int | None) -> ClaimInfo | None:
    # Claim ids start at 0, so test for None: `claim_id or -1` would lose the first sentence.
    return analysis.claims.get(claim_id) if claim_id is not None else None


def _wording(rule: Rule, rate: Figure, compare: int) -> Relation:
    env = {"c": rate}
    if compare == 0:
        return Relation(rule.id, Var("c"), "=", HUNDRED, env, target="c", args={"word": WORDS[0]})
    if compare > 0:
        return Relation(rule.id, HUNDRED, "<=", Var("c"), env, args={"word": WORDS[1]})
    return Relation(rule.id, Var("c"), "<=", HUNDRED, env, args={"word": WORDS[-1]})


def _compare(rule: Rule, analysis: Analysis, source: str) -> Iterator[Relation | Skip]:
    """决算数等于/大于/小于预算数 against the initial budget X and the actual Y of the sentence."""
    for cid, claim in analysis.claims.items():
        if claim.compare is None:
            continue
        figs = [f for f in analysis.in_claim(cid) if f.source == source]
        concepts = dict.fromkeys(f.concept for f in figs if f.period == "budget" and f.measure == "amount")
        pairs = [p for p in (_amounts(figs, c, len(analysis.figures), None) for c in concepts)
                 if p[0] is not None and p[1] is not None and p[0].unit == p[1].unit]
        if len(pairs) != 1:
            continue  # the words could be about any of several items (a total and its 其中): not certain
        for budget, actual in pairs:
            env = {"b": budget, "a": actual}
            word = {"word": WORDS[claim.compare]}
            if claim.compare == 0:
                yield Relation(rule.id, Var("a"), "=", Var("b"), env, args=word)
            elif claim.compare > 0:
                yield Relation(rule.id, Var("b"), "<=", Var("a"), env, args=word)
            else:
                yield Relation(rule.id, Var("a"), "<=", Var("b"), env, args=word)


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "check": Option(str, choices=("rate", "wording", "compare"), default="rate"),
    "figures": Option(str, choices=("narrative", "table"), default="narrative"),
}
