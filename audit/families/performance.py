"""Performance-table arithmetic: weights, execution rate, fund rows, scores (P.* in domain §7.3).

Each check is a Relation over the figures of one 绩效自评表, so the engine decides it with the
same rounding intervals as the narrative. A blank cell is missing, never 0: a relation that
needs it is skipped (and the blank itself is reported by the completeness rule).
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.analysis import Analysis, PerfCell, PerfForm
from audit.expr import HUNDRED, ZERO, BinOp, Var, sum_expr
from audit.families.base import Option, Skip
from audit.model import Figure
from audit.relation import Relation
from audit.rulebook import Rule

PARTS = ("财政资金", "财政专户管理资金", "单位资金", "上年结转资金", "其他资金")


def fig(cell: PerfCell | None) -> Figure | None:
    """The figure a form cell holds (extraction linked it), or None for a missing or blank cell."""
    return cell.figure if cell is not None else None


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    check = rule.params["check"]
    for t in analysis.forms:
        yield from CHECKS[check](rule, t, analysis)


def _weights(rule: Rule, t: PerfForm, analysis: Analysis) -> Iterator[Relation | Skip]:
    total = t.fund("总额")
    weights = [fig(i.cells.get("权重")) for i in t.indicators]
    exec_w = fig(total.cells.get("权重")) if total else None
    if not t.indicators or exec_w is None or any(w is None for w in weights):
        yield Skip("a weight of the form is blank")
        return
    env = {"w0": exec_w, **{f"w{k + 1}": w for k, w in enumerate(weights) if w is not None}}
    stated = fig(t.total_weight)
    if stated is not None:
        env["total"] = stated
        yield Relation(rule.id, Var("total"), "=", sum_expr([n for n in env if n != "total"]), env, target="total")
    else:
        yield Relation(rule.id, sum_expr(list(env)), "=", HUNDRED, env)


def _rate(rule: Rule, t: PerfForm, analysis: Analysis) -> Iterator[Relation | Skip]:
    for row in t.funds:
        c, a, b = (fig(row.cells.get(k)) for k in ("执行率", "执行数", "调整后预算"))
        if c is None:
            continue
        if a is None or b is None:
            yield Skip("the form leaves an amount of the rate blank")
            continue
        env = {"c": c, "a": a, "b": b}
        yield Relation(rule.id, Var("c"), "=", BinOp("*", BinOp("/", Var("a"), Var("b")), HUNDRED), env, target="c")


def _funds(rule: Rule, t: PerfForm, analysis: Analysis) -> Iterator[Relation | Skip]:
    total = t.fund("总额")
    if total is None:
        return
    for col in ("年初预算", "调整后预算", "执行数"):
        whole = fig(total.cells.get(col))
        parts = [p for r in t.funds if r.label in PARTS if (p := fig(r.cells.get(col))) is not None]
        if whole is None or not parts:
            yield Skip("the form leaves the total or every part of a fund column blank")
            continue
        env = {"total": whole, **{f"p{k}": p for k, p in enumerate(parts)}}
        yield Relation(rule.id, Var("total"), "=", sum_expr([n for n in env if n != "total"]), env, target="total")


def _scores(rule: Rule, t: PerfForm, analysis: Analysis) -> Iterator[Relation | Skip]:
    rows = [r.cells for r in t.funds if r.label == "总额"] + [i.cells for i in t.indicators]
    scores = []
    for cells in rows:
        s, w = fig(cells.get("得分")), fig(cells.get("权重"))
        scores.append(s)
        if s is None:
            continue
        yield Relation(rule.id, ZERO, "<=", Var("s"), {"s": s})
        if w is not None:
            yield Relation(rule.id, Var("s"), "<=", Var("w"), {"s": s, "w": w})
    total = fig(t.total_score)
    if total is None or not scores:
        return
    if any(s is None for s in scores):
        yield Skip("a score of the form is blank")
        return
    env = {"total": total, **{f"s{k}": s for k, s in enumerate(scores) if s is not None}}
    yield Relation(rule.id, Var("total"), "=", sum_expr([n for n in env if n != "total"]), env, target="total")


CHECKS = {"weights": _weights, "rate": _rate, "funds": _funds, "scores": _scores}


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {"check": Option(str, choices=tuple(CHECKS), required=True)}
