"""Sum family: a total equals the sum of its parts, declared in YAML over concepts.

`relation: "基本支出 + 项目支出 = 本年支出合计"`; `optional:` names parts a report may leave
out under 不涉及的不列. In prose, when an optional part is missing the parts may legitimately fall
short of the total, so only an excess is certain (soft_below); in tables (`source: table`) a
blank cell is zero and the identity is exact. A missing required operand skips the
check (DQC: no comparison when a component does not exist); it is never read as 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.analysis import Analysis
from audit.expr import ZERO, BinOp, Expr, Neg, Var, parse, variables
from audit.families.base import Option, Skip
from audit.relation import Relation
from audit.rulebook import Rule

_OP = re.compile(r"\s*(<=|≤|=)\s*")


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


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    lhs, op, rhs = split_relation(rule.params["relation"])
    optional = set(rule.params["optional"])
    period = rule.params["period"]
    source = rule.params["figures"]
    names = variables(lhs) + variables(rhs)
    anchor_name = variables(rhs)[-1] if len(variables(rhs)) == 1 else names[0]
    anchor = analysis.find(anchor_name, period=period, source=source)
    env, missing = {}, set()
    for name in dict.fromkeys(names):
        fig = analysis.find(name, period=period, near=anchor, source=source)
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
    # In a printed table a blank cell means nothing to report, so a blank optional part is zero
    # and the identity is exact; in prose an unstated part is unknown, so a shortfall is skipped.
    soft = "skip" if missing and source != "table" else False
    yield Relation(rule.id, _drop(lhs, missing), op, _drop(rhs, missing), env, target=target, soft_below=soft)


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "relation": Option(str, required=True),
    "optional": Option(list, default=()),
    "period": Option(str, choices=("current", "prior", "budget"), default="current"),
    # Unset: the figures wherever they are stated; `table` for identities between cells.
    "figures": Option(str, choices=("narrative", "table"), default=None),
}
