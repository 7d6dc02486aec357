"""Sum family: a total equals the sum of its parts, declared in YAML over concepts.

`relation: "基本支出 + 项目支出 = 本年支出合计"`; `optional:` names parts a report may leave
out under 不涉及的不列. In prose, when an optional part is missing the parts may legitimately fall
short of the total, so only an excess is certain (soft_below); in tables (`source: table`) a
blank cell is zero and the identity is exact. A missing required operand skips the
check (DQC: no comparison when a component does not exist); it is never read as 0.

`measure: change` binds the changes against last year instead of the amounts (Δ“三公” = Σ Δ
components): each change counts with the sign of its direction word (增加 +, 减少 −), so a part
without a direction word, or stated in another section than the total's, makes the sum
uncertain and it is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.analysis import Analysis
from audit.expr import ZERO, BinOp, Expr, Neg, Var, parse, variables
from audit.families.base import Option, Skip
from audit.model import Figure
from audit.names import flat_clause
from audit.relation import Relation
from audit.rulebook import Rule

_OP = re.compile(r"\s*(<=|≤|=)\s*")
# `this_year` in a budget: this year's amount is written “预算数为…” (period budget) or plainly
# (“因公出国（境）费0万元”, period current); both are the year's budget, never last year's.
PERIODS: dict[str, str | tuple[str, ...]] = {"this_year": ("current", "budget")}


def split_relation(text: str) -> tuple[Expr, str, Expr]:
    parts = _OP.split(text, maxsplit=1)
    if len(parts) != 3:
        raise ValueError(f"relation needs '=' or '<=': {text!r}")
    left, op, right = parts
    return parse(left), "<=" if op in {"<=", "≤"} else "=", parse(right)


def _drop(e: Expr, missing: set[str]) -> Expr:
    if isinstance(e, Var) and e.name in missing:
        return ZERO
    if isinstance(e, BinOp):
        return BinOp(e.op, _drop(e.left, missing), _drop(e.right, missing))
    if isinstance(e, Neg):
        return Neg(_drop(e.operand, missing))
    return e


def _signed(e: Expr, env: dict, flip: int) -> Expr:
    """Each change with the sign of its direction word, times `flip` (the total's sign), so the
    total stays the plain stated result a finding quotes."""
    if isinstance(e, Var) and e.name in env:
        return Neg(e) if env[e.name].direction * flip < 0 else e
    if isinstance(e, BinOp):
        left, right = _signed(e.left, env, flip), _signed(e.right, env, flip)
        if e.op in {"+", "-"} and isinstance(right, Neg):  # a + −b is written a − b
            return BinOp("-" if e.op == "+" else "+", left, right.operand)
        return BinOp(e.op, left, right)
    if isinstance(e, Neg):
        return Neg(_signed(e.operand, env, flip))
    return e


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    lhs, op, rhs = split_relation(rule.params["relation"])
    optional = set(rule.params["optional"])
    period, measure = PERIODS.get(rule.params["period"], rule.params["period"]), rule.params["measure"]
    source = rule.params["figures"]
    names = variables(lhs) + variables(rhs)
    anchor_name = variables(rhs)[-1] if len(variables(rhs)) == 1 else names[0]
    anchor = analysis.find(anchor_name, period=period, measure=measure, source=source)
    env, missing, zero = {}, set(), set()
    for name in dict.fromkeys(names):
        fig = analysis.find(name, period=period, measure=measure, near=anchor, source=source)
        if fig is None and measure == "change" and rule.params["flat_is_zero"] and _flat(analysis, name, anchor):
            zero.add(name)  # “…0万元，与上年预算持平”: its change is exactly zero
            continue
        if fig is None:
            if name not in optional:
                yield Skip("a part of the relation is not stated")
                return
            missing.add(name)
        else:
            env[name] = fig
    if len(env) < 2:
        yield Skip("fewer than two figures of the relation are stated")
        return
    target = variables(rhs)[0] if len(variables(rhs)) == 1 and variables(rhs)[0] in env else None
    if measure == "change":
        if target is None or any(f.direction is None or f.section != anchor.section for f in env.values()):
            yield Skip("a change without its direction word, or stated apart from the total")
            return
        flip = env[target].direction
        lhs, rhs = _signed(lhs, env, flip), _signed(rhs, env, flip)
    # In a printed table a blank cell means nothing to report, so a blank optional part is zero
    # and the identity is exact; in prose an unstated part is unknown, so a shortfall is skipped.
    soft = "skip" if missing and source != "table" else False
    dropped = missing | zero
    yield Relation(rule.id, _drop(lhs, dropped), op, _drop(rhs, dropped), env, target=target, soft_below=soft)


def _flat(analysis: Analysis, name: str, anchor: Figure | None) -> bool:
    """This year's amount of `name`, near the total, is said to be unchanged (持平 / 无变化) in
    its own sentence or in the figureless sentence right after it (“公务接待费1.35万元。比上年预算持平。”)."""
    if anchor is None:
        return False
    fig = analysis.find(name, period=PERIODS["this_year"], near=anchor, source=anchor.source)
    if fig is None or fig.section != anchor.section:
        return False
    claim = analysis.claims.get(fig.claim) if fig.claim is not None else None
    nxt = analysis.claims.get(fig.claim + 1) if fig.claim is not None else None
    return claim is not None and (claim.no_change or flat_clause(claim.text, fig) or (
        nxt is not None and nxt.paragraph == claim.paragraph and not nxt.figures and nxt.no_change))


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "relation": Option(str, required=True),
    "optional": Option(list, default=()),
    "period": Option(str, choices=("current", "prior", "budget", "this_year"), default="current"),
    # `change`: the changes against last year, signed by their direction words (see above).
    "measure": Option(str, choices=("amount", "change"), default="amount"),
    # With `measure: change`: a part whose amount is said to be unchanged (持平) counts as Δ = 0.
    "flat_is_zero": Option(bool, default=False),
    # Unset: the figures wherever they are stated; `table` for identities between cells.
    "figures": Option(str, choices=("narrative", "table"), default=None),
}
