"""intervals.py and relation.py: the §5 examples of domain.md decided by interval arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest

from audit.expr import BinOp, Num, Var
from audit.families.breakdown import sum_expr
from audit.intervals import Interval, fmt, quantize
from audit.model import Figure, Location
from audit.numbers import parse_number
from audit.relation import Relation, check

HUNDRED = Num(Decimal(100))


def fig(text: str, index: int = 0, unit: str = "万元") -> Figure:
    parsed = parse_number(text)
    assert parsed is not None
    return Figure(concept=f"c{index}", value=parsed.value, decimals=parsed.decimals, unit=unit,
                  location=Location(path="t", line=1, column=1, text=text), index=index)


def ratio_status(p: str, a: str, b: str) -> str:
    env = {"p": fig(p, 0, "%"), "a": fig(a, 1), "b": fig(b, 2)}
    rel = Relation("T", Var("p"), "=", BinOp("*", BinOp("/", Var("a"), Var("b")), HUNDRED), env, target="p")
    return check(rel).status


def sum_status(total: str, parts: list[str]) -> str:
    env = {"total": fig(total, 0)} | {f"p{i}": fig(v, i + 1) for i, v in enumerate(parts)}
    rel = Relation("T", sum_expr([f"p{i}" for i in range(len(parts))]), "=", Var("total"), env, target="total")
    return check(rel).status


def test_interval_of_rounded_and_truncated_values() -> None:
    assert Interval.of(Decimal("56.57"), 2) == Interval(Decimal("56.565"), Decimal("56.575"))
    assert Interval.of(Decimal("86"), 0) == Interval(Decimal("85.5"), Decimal("86.5"))
    assert Interval.of(Decimal("38.28"), 2, "truncate") == Interval(Decimal("38.28"), Decimal("38.29"))
    assert Interval.of(Decimal("-1.5"), 1, "truncate") == Interval(Decimal("-1.6"), Decimal("-1.5"))
    assert Interval.of(Decimal("0"), 2, "truncate") == Interval(Decimal("-0.01"), Decimal("0.01"))


def test_division_by_an_interval_containing_zero_is_unbounded() -> None:
    assert Interval.of(Decimal(1), 2) / Interval.of(Decimal(0), 2) is None


def test_a_rate_over_a_zero_base_is_undefined() -> None:
    """Domain §5.4.7: any stated rate over a zero base fails, except 0% for nothing over nothing."""
    assert ratio_status("100", "1.20", "0.00") == "fail"
    assert ratio_status("10.00", "0.00", "0.00") == "fail"
    assert ratio_status("0.00", "0.00", "0.00") == "ok"


@pytest.mark.parametrize(("p", "a", "b", "status"), [
    ("21.74", "12.34", "56.78", "rounding"),   # §5.2 made-up: [21.7223, 21.7437] meets [21.735, 21.745]
    ("21.73", "12.34", "56.78", "ok"),
    ("21.75", "12.34", "56.78", "fail"),       # misses [21.745, 21.755]
    ("86", "37.24", "43.2", "ok"),             # S32: 86.2% printed as an integer
    ("6.76", "32.19", "486.88", "fail"),       # S23: the rate is 6.61%
    ("43", "1.71", "3", "fail"),               # S27: the uncompleted share
    ("38.28", "2570.97", "6714.88", "truncation"),  # S24: 38.2877% truncated, not rounded → warning
])
def test_ratio_examples(p: str, a: str, b: str, status: str) -> None:
    assert ratio_status(p, a, b) == status


@pytest.mark.parametrize(("n", "off", "status"), [
    (2, "0.01", "rounding"), (2, "0.02", "fail"),
    (4, "0.02", "rounding"), (4, "0.03", "fail"),
    (12, "0.06", "rounding"), (12, "0.07", "fail"),
])
def test_n_term_sum_tolerance(n: int, off: str, status: str) -> None:
    """Calc 1.1 for 2-dp amounts: consistent iff |T − Σx| ≤ 0.005·(n + 1) (total below the sum)."""
    total = Decimal(10 * n) - Decimal(off)
    assert sum_status(f"{total:.2f}", ["10.00"] * n) == status


@pytest.mark.parametrize("n", [1, 2, 4, 12])
def test_tolerance_formula(n: int) -> None:
    parts = Interval.exact(Decimal(0))
    for _ in range(n):
        parts = parts + Interval.of(Decimal("10.00"), 2)
    total = Interval.of(Decimal(10 * n), 2)
    slack = (parts.hi - parts.lo) / 2 + (total.hi - total.lo) / 2
    assert slack == Decimal("0.005") * (n + 1)


def test_real_sums_of_domain_5_2() -> None:
    assert sum_status("2940.05", ["2106.66", "326.72", "60.99", "445.69"]) == "rounding"  # S02 T5, 2940.06
    assert sum_status("2940.05", ["2106.66", "326.71", "60.99", "445.69"]) == "ok"        # S02 T1
    assert sum_status("171.07", ["21.21", "7.61", "0.09", "4.88", "1.20", "2.83", "4.05", "2.01", "24.42",
                                 "42.77", "48.49", "11.53"]) == "rounding"               # S02 T6 302, 171.09
    assert sum_status("434.72", ["434.16", "0.00", "0.55"]) == "rounding"                # S22
    assert sum_status("300.00", ["120.34", "179.68"]) == "fail"                          # 0.02 off, n = 2


def test_duplicate_prints_one_cent_apart_are_rounding() -> None:
    env = {"a": fig("326.71", 0), "b": fig("326.72", 1)}
    assert check(Relation("T", Var("b"), "=", Var("a"), env, target="b")).status == "rounding"
    env = {"a": fig("326.71", 0), "b": fig("326.73", 1)}
    assert check(Relation("T", Var("b"), "=", Var("a"), env, target="b")).status == "fail"


def test_partial_order_uses_the_most_lenient_values() -> None:
    env = {"a": fig("20.01", 0), "b": fig("20.00", 1)}
    assert check(Relation("T", Var("a"), "<=", Var("b"), env)).status == "ok"
    env = {"a": fig("20.02", 0), "b": fig("20.00", 1)}
    assert check(Relation("T", Var("a"), "<=", Var("b"), env)).status == "fail"


def test_suggested_values_round_half_up() -> None:
    assert quantize(Decimal("8.525"), 2) == Decimal("8.53")
    assert fmt(Decimal("86.2037"), 0) == "86"
    assert fmt(Decimal("6.6114"), 2) == "6.61"


def test_quantize_is_exact_for_huge_values_and_refuses_infinite_ones() -> None:
    D = Decimal
    assert quantize(D("9" * 400 + ".995"), 2) == D("1" + "0" * 400 + ".00")
    assert fmt(D("1E+40"), 2) == "1" + "0" * 40 + ".00"
    with pytest.raises(ValueError):
        quantize(D("Infinity"), 2)
    assert fmt(D("NaN"), 2) == "NaN"
