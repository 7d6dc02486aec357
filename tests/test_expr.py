"""expr.py: a small arithmetic language parsed by hand (never eval), evaluated on intervals, solved."""

from __future__ import annotations

from decimal import Decimal

import pytest

import audit.expr as expr_module
from audit.expr import BinOp, ExprError, Neg, Num, Var, evaluate, parse, render, variables
from audit.families.sum import split_relation
from audit.intervals import Interval
from audit.model import Figure, Location
from audit.relation import Relation, solve


def test_parse_precedence_and_names() -> None:
    tree = parse("基本支出 + 项目支出 * 2 - (a - b)")
    assert tree == BinOp("-", BinOp("+", Var("基本支出"), BinOp("*", Var("项目支出"), Num(Decimal(2)))),
                         BinOp("-", Var("a"), Var("b")))
    assert variables(tree) == ["基本支出", "项目支出", "a", "b"]
    assert parse("-x") == Neg(Var("x"))
    assert parse("因公出国（境）费") == Var("因公出国（境）费")


def test_relation_splits_on_equals_and_less_or_equal() -> None:
    lhs, op, rhs = split_relation("机关运行经费 <= 公用经费")
    assert (lhs, op, rhs) == (Var("机关运行经费"), "<=", Var("公用经费"))
    assert split_relation("a ≤ b")[1] == "<="
    with pytest.raises(ValueError):
        split_relation("a + b")


@pytest.mark.parametrize("junk", ["", "a +", "(a + b", "a b", "a + * b", "a)", "__import__('os')",
                                  "a = b", "1 +", "a ** b"])
def test_rejects_junk(junk: str) -> None:
    with pytest.raises(ExprError):
        parse(junk)


def test_never_calls_eval() -> None:
    source = open(expr_module.__file__, encoding="utf-8").read()
    assert "eval(" not in source.replace("evaluate(", "").replace("_eval", "")
    assert "exec(" not in source


def test_evaluate_on_intervals() -> None:
    env = {"a": Interval.of(Decimal("12.34"), 2), "b": Interval.of(Decimal("56.78"), 2)}
    value = evaluate(parse("a / b * 100"), env)
    assert value is not None
    assert Decimal("21.7222") < value.lo < Decimal("21.7223") and Decimal("21.7437") < value.hi < Decimal("21.7438")
    assert evaluate(parse("a - b"), env) == Interval(Decimal("-44.45"), Decimal("-44.43"))
    assert evaluate(parse("a / (b - b)"), env) is None


def _fig(value: str, index: int) -> Figure:
    d = Decimal(value)
    return Figure(concept=f"c{index}", value=d, decimals=max(0, -d.as_tuple().exponent),  # type: ignore[operator]
                  unit="万元", location=Location(path="t", line=1, column=1, text=value), index=index)


def test_solve_for_each_variable() -> None:
    env = {"this": _fig("543.25", 0), "last": _fig("534.72", 1), "d": _fig("5.53", 2), "r": _fig("1.6", 3)}
    delta = Relation("N", Var("d"), "=", parse("this - last"), env, target="d")
    assert solve(delta, "d") == Decimal("8.53")
    assert solve(delta, "last") == Decimal("537.72")
    assert solve(delta, "this") == Decimal("540.25")
    rate = Relation("N", Var("r"), "=", parse("d / last * 100"), env, target="r")
    assert solve(rate, "d") is not None and abs(solve(rate, "d") - Decimal("8.55552")) < Decimal("0.0001")  # type: ignore[operator]
    assert solve(rate, "last") is not None and abs(solve(rate, "last") - Decimal("345.625")) < Decimal("0.001")  # type: ignore[operator]


def test_render_shows_figures_as_written() -> None:
    tree = parse("(a + b) / c * 100")
    assert render(tree, {"a": "1.00", "b": "2.00", "c": "3.00"}) == "(1.00 + 2.00) ÷ 3.00 × 100"
