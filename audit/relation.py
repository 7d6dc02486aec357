"""A relation over stated figures and its verdict under rounding-interval semantics.

Families turn rules and figures into Relations; this module alone decides them. Verdicts:
- ok: some true values inside the rounding intervals satisfy it, and the stated result is what
  the other figures give when recomputed and rounded;
- rounding: consistent only thanks to rounding (info, never an error);
- truncation: inconsistent under round-to-nearest but consistent if the stated result was
  truncated instead of rounded (warning: the publishing software may truncate);
- fail: no true values inside the intervals satisfy it;
- unbounded: a divisor's interval contains zero, so nothing can be concluded (skipped).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, localcontext

from audit.expr import BinOp, Expr, Neg, Num, Var, evaluate, render, variables
from audit.intervals import Interval, RoundingMode, fmt, stated_interval
from audit.model import Figure


@dataclass(frozen=True, eq=False)
class Relation:
    """What a family asks the engine to decide: `lhs op rhs` over the figures in `env`, with
    `target` the stated result (the figure a finding quotes). Frozen: a family's output is final."""

    rule: str
    lhs: Expr
    op: str
    rhs: Expr
    env: dict[str, Figure]
    target: str | None = None
    # When the parts may be incomplete, falling short of the total cannot be judged:
    # "warning" says so (an incomplete list), "skip" counts it as not checked (parts not stated).
    soft_below: bool | str = False
    # Facts about the relation the engine needs when it words or weighs a finding (the list of
    # shares a stated share belongs to totals 100: `list_total`; the comparison word: `word`).
    args: Mapping[str, str] = field(default_factory=dict)

    def figures(self) -> list[Figure]:
        return list(self.env.values())


@dataclass
class Verdict:
    relation: Relation
    status: str
    lhs: Interval | None = None
    rhs: Interval | None = None


def intervals(env: dict[str, Figure], mode: RoundingMode = "round",
              override: dict[str, Figure] | None = None, truncated: str | None = None) -> dict[str, Interval]:
    """Rounding intervals of the figures; `truncated` names the one figure read as truncated."""
    out = {}
    for name, fig in env.items():
        f = (override or {}).get(name, fig)
        out[name] = stated_interval(f.value, f.decimals, f.unit, "truncate" if name == truncated else mode)
    return out


def _holds(op: str, lhs: Interval, rhs: Interval) -> bool:
    if op == "<=":
        return lhs.lo <= rhs.hi
    return lhs.intersects(rhs)


def check(rel: Relation, override: dict[str, Figure] | None = None) -> Verdict:
    env = intervals(rel.env, "round", override)
    lhs, rhs = evaluate(rel.lhs, env), evaluate(rel.rhs, env)
    if lhs is None or rhs is None:
        return Verdict(rel, _zero_base(rel, override))
    if not _holds(rel.op, lhs, rhs):
        # A printed result (a rate, a share) that was cut rather than rounded: 38.2877% shown as
        # 38.28%. Only a percentage result, or an amount restating a finer print of itself, is
        # read as truncated; the amounts a result is computed from are not.
        if rel.target is not None and _may_be_cut(rel):
            tenv = intervals(rel.env, "round", override, truncated=rel.target)
            tl, tr = evaluate(rel.lhs, tenv), evaluate(rel.rhs, tenv)
            if tl is not None and tr is not None and _holds(rel.op, tl, tr):
                return Verdict(rel, "truncation", lhs, rhs)
        return Verdict(rel, "fail", lhs, rhs)
    if rel.op == "=" and not _exact(rel, override):
        return Verdict(rel, "rounding", lhs, rhs)
    return Verdict(rel, "ok", lhs, rhs)


def _may_be_cut(rel: Relation) -> bool:
    """A percentage, or an amount that restates one printed with more decimals (a table's
    877,080.00 元 = 87.708 万元 stated as 87.70万元): publishing software may cut instead of round."""
    target = rel.env[rel.target] if rel.target else None
    if target is None:
        return False
    if target.unit == "%":
        return True
    other = other_side(rel)
    if not isinstance(other, Var) or rel.op != "=":
        return False
    source = rel.env[other.name]
    return source.unit == target.unit and source.decimals > target.decimals


def _zero_base(rel: Relation, override: dict[str, Figure] | None) -> str:
    """A rate over a base stated as zero is undefined: only 0 over 0 stated as 0% is accepted.

    Anything else stated (增长100% from a zero last year, 完成预算10% of a zero budget) is a
    failure; a base that is merely small enough to round to zero stays unjudged (unbounded).
    """
    if rel.target is None:
        return "unbounded"
    target = (override or {}).get(rel.target, rel.env[rel.target])
    division = _division(other_side(rel))
    if division is None:
        return "unbounded"
    numerator, divisor = point(division.left, rel.env, override), point(division.right, rel.env, override)
    if divisor != 0:
        return "unbounded"
    return "ok" if numerator == 0 and target.value == 0 else "fail"


def _division(e: Expr) -> BinOp | None:
    if isinstance(e, BinOp):
        if e.op == "/":
            return e
        return _division(e.left) or _division(e.right)
    if isinstance(e, Neg):
        return _division(e.operand)
    return None


def point(e: Expr, env: dict[str, Figure], override: dict[str, Figure] | None = None) -> Decimal | None:
    exact = {n: Interval.exact((override or {}).get(n, f).value) for n, f in env.items()}
    v = evaluate(e, exact)
    return None if v is None else v.lo


def _exact(rel: Relation, override: dict[str, Figure] | None) -> bool:
    """Whether the stated result equals the recomputed one once rounded to its decimals."""
    if rel.target is not None:
        target = (override or {}).get(rel.target, rel.env[rel.target])
        other = rel.rhs if rel.lhs == Var(rel.target) else rel.lhs
        v = point(other, rel.env, override)
        return v is not None and fmt(v, target.decimals) == fmt(target.value, target.decimals)
    a, b = point(rel.lhs, rel.env, override), point(rel.rhs, rel.env, override)
    return a is not None and a == b


def other_side(rel: Relation) -> Expr:
    return rel.rhs if rel.lhs == Var(rel.target) else rel.lhs


def describe(rel: Relation) -> tuple[str, str | None]:
    """(`120.50 + 85.25`, computed value as text) for the side that is not the stated result."""
    names = {n: f.text for n, f in rel.env.items()}
    if rel.target is None:
        # A failed “a <= b” is a > b; a failed “a = b” is a ≠ b.
        return f"{render(rel.lhs, names)} {'>' if rel.op == '<=' else '≠'} {render(rel.rhs, names)}", None
    side = other_side(rel)
    v = point(side, rel.env)
    decimals = max(rel.env[rel.target].decimals, 2)
    return render(side, names), None if v is None else fmt(v, decimals)


def solve(rel: Relation, name: str) -> Decimal | None:
    """The value `name` would need for the relation to hold exactly, others as stated."""
    lhs_has, rhs_has = name in variables(rel.lhs), name in variables(rel.rhs)
    if lhs_has == rhs_has:
        return None
    expr, other = (rel.lhs, rel.rhs) if lhs_has else (rel.rhs, rel.lhs)
    if variables(expr).count(name) != 1:
        return None
    goal = point(other, rel.env)
    if goal is None:
        return None
    return _invert(expr, name, goal, rel.env)


def _invert(e: Expr, name: str, goal: Decimal, env: dict[str, Figure]) -> Decimal | None:
    with localcontext() as ctx:
        ctx.prec = 34
        while True:
            if isinstance(e, Var):
                return goal if e.name == name else None
            if isinstance(e, Num):
                return None
            if isinstance(e, Neg):
                e, goal = e.operand, -goal
                continue
            assert isinstance(e, BinOp)
            in_left = name in variables(e.left)
            known = point(e.right if in_left else e.left, env)
            if known is None:
                return None
            if e.op == "+":
                goal = goal - known
            elif e.op == "-":
                goal = goal + known if in_left else known - goal
            elif e.op == "*":
                if known == 0:
                    return None
                goal = goal / known
            else:
                if in_left:
                    goal = goal * known
                elif goal == 0:
                    return None
                else:
                    goal = known / goal
            e = e.left if in_left else e.right
