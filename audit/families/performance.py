"""Performance-table arithmetic: weights, execution rate, fund rows, scores (P.* in domain §7.3).

Each check is a Relation over the figures of one 绩效自评表, so the engine decides it with the
same rounding intervals as the narrative. A blank cell is missing, never 0: a relation that
needs it is skipped (and the blank itself is reported by the completeness rule).
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.expr import HUNDRED, ZERO, BinOp, Var, sum_expr
from audit.extract.performance import PerfCell, PerfTable, performance_tables
from audit.facts import Facts
from audit.model import Figure
from audit.relation import Relation
from audit.rulebook import Rule

PARTS = ("财政资金", "财政专户管理资金", "单位资金", "上年结转资金", "其他资金")


def tables(facts: Facts) -> list[PerfTable]:
    return performance_tables(facts.document) if facts.document is not None else []


def placed(facts: Facts) -> dict:
    """Facts' own copies of the performance figures (re-indexed by extract), by location."""
    return {f.location: f for f in facts.figures if f.source == "performance"}


def _fig(cell: PerfCell | None, by_loc: dict) -> Figure | None:
    if cell is None or cell.figure is None:
        return None
    return by_loc.get(cell.location, cell.figure)


def bind(rule: Rule, facts: Facts) -> Iterator[Relation]:
    check = rule.params.get("check")
    by_loc = placed(facts)
    for t in tables(facts):
        yield from CHECKS[check](rule, t, by_loc, facts)


def _weights(rule: Rule, t: PerfTable, by_loc: dict, facts: Facts) -> Iterator[Relation]:
    total = t.fund("总额")
    weights = [_fig(i.cells.get("权重"), by_loc) for i in t.indicators]
    exec_w = _fig(total.cells.get("权重"), by_loc) if total else None
    if not t.indicators or exec_w is None or any(w is None for w in weights):
        facts.skipped += 1
        return
    env = {"w0": exec_w, **{f"w{k + 1}": w for k, w in enumerate(weights) if w is not None}}
    stated = _fig(t.total_weight, by_loc)
    if stated is not None:
        env["total"] = stated
        yield Relation(rule.id, Var("total"), "=", sum_expr([n for n in env if n != "total"]), env, target="total")
    else:
        yield Relation(rule.id, sum_expr(list(env)), "=", HUNDRED, env)


def _rate(rule: Rule, t: PerfTable, by_loc: dict, facts: Facts) -> Iterator[Relation]:
    for row in t.funds:
        c, a, b = (_fig(row.cells.get(k), by_loc) for k in ("执行率", "执行数", "调整后预算"))
        if c is None:
            continue
        if a is None or b is None:
            facts.skipped += 1
            continue
        env = {"c": c, "a": a, "b": b}
        yield Relation(rule.id, Var("c"), "=", BinOp("*", BinOp("/", Var("a"), Var("b")), HUNDRED), env, target="c")


def _funds(rule: Rule, t: PerfTable, by_loc: dict, facts: Facts) -> Iterator[Relation]:
    total = t.fund("总额")
    if total is None:
        return
    for col in ("年初预算", "调整后预算", "执行数"):
        whole = _fig(total.cells.get(col), by_loc)
        parts = [p for r in t.funds if r.label in PARTS if (p := _fig(r.cells.get(col), by_loc)) is not None]
        if whole is None or not parts:
            facts.skipped += 1
            continue
        env = {"total": whole, **{f"p{k}": p for k, p in enumerate(parts)}}
        yield Relation(rule.id, Var("total"), "=", sum_expr([n for n in env if n != "total"]), env, target="total")


def _scores(rule: Rule, t: PerfTable, by_loc: dict, facts: Facts) -> Iterator[Relation]:
    rows = [r.cells for r in t.funds if r.label == "总额"] + [i.cells for i in t.indicators]
    scores = []
    for cells in rows:
        s, w = _fig(cells.get("得分"), by_loc), _fig(cells.get("权重"), by_loc)
        scores.append(s)
        if s is None:
            continue
        yield Relation(rule.id, ZERO, "<=", Var("s"), {"s": s})
        if w is not None:
            yield Relation(rule.id, Var("s"), "<=", Var("w"), {"s": s, "w": w})
    total = _fig(t.total_score, by_loc)
    if total is None or not scores:
        return
    if any(s is None for s in scores):
        facts.skipped += 1
        return
    env = {"total": total, **{f"s{k}": s for k, s in enumerate(scores) if s is not None}}
    yield Relation(rule.id, Var("total"), "=", sum_expr([n for n in env if n != "total"]), env, target="total")


CHECKS = {"weights": _weights, "rate": _rate, "funds": _funds, "scores": _scores}
