"""Rounding intervals and interval arithmetic: the only home of tolerance policy.

A figure written with d decimals stands for every true value that rounds to it. Under
round-to-nearest that is [v - ½·10^-d, v + ½·10^-d]; under truncation [v, v + 10^-d) for v > 0.
A relation is consistent when some choice of true values inside these intervals satisfies it
(XBRL Calculations 1.1). Bounds are treated as closed: a value exactly on the boundary could
round either way (half-up or half-even), so the lenient reading avoids false alarms.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Literal

RoundingMode = Literal["round", "truncate"]

ZERO = Decimal(0)


@dataclass(frozen=True)
class Interval:
    lo: Decimal
    hi: Decimal

    @staticmethod
    def exact(v: Decimal) -> Interval:
        return Interval(v, v)

    @staticmethod
    def of(value: Decimal, decimals: int, mode: RoundingMode = "round") -> Interval:
        unit = Decimal(1).scaleb(-decimals)
        if mode == "round":
            half = unit / 2
            return Interval(value - half, value + half)
        if value > 0:
            return Interval(value, value + unit)
        if value < 0:
            return Interval(value - unit, value)
        return Interval(-unit, unit)

    def __add__(self, o: Interval) -> Interval:
        return Interval(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o: Interval) -> Interval:
        return Interval(self.lo - o.hi, self.hi - o.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __mul__(self, o: Interval) -> Interval:
        ps = [self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi]
        return Interval(min(ps), max(ps))

    def __truediv__(self, o: Interval) -> Interval | None:
        """None when the divisor may be zero: the ratio is then unbounded and cannot be judged."""
        if o.lo <= 0 <= o.hi:
            return None
        with localcontext() as ctx:
            ctx.prec = 34
            ps = [self.lo / o.lo, self.lo / o.hi, self.hi / o.lo, self.hi / o.hi]
        return Interval(min(ps), max(ps))

    def intersects(self, o: Interval) -> bool:
        return self.lo <= o.hi and o.lo <= self.hi

    def contains(self, v: Decimal) -> bool:
        return self.lo <= v <= self.hi

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2


# Whole things counted one by one: a stated 4个 or 28人次 is exact, not a rounded measurement.
# (万人 and 万元 are scaled and rounded, so they keep their rounding interval.)
COUNTED_UNITS = frozenset({"个", "人", "人次", "批次", "次", "辆", "台", "套", "台(套)", "家", "项"})


def stated_interval(value: Decimal, decimals: int, unit: str, mode: RoundingMode = "round") -> Interval:
    """The true values a stated figure stands for; the one place where that policy lives.

    A written zero amount (“0万元”, “0辆”) states that there is nothing, and a whole count is
    exact; everything else stands for the values that round (or truncate) to it.
    """
    if decimals == 0 and (unit in COUNTED_UNITS or (value == 0 and unit != "%")):
        return Interval.exact(value)
    return Interval.of(value, decimals, mode)


def unit_of(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def quantize(value: Decimal, decimals: int) -> Decimal:
    """Round half up to `decimals`: how the tool writes a suggested value.

    Exact whatever the size of `value`: the context is widened to hold every digit (the default
    28 digits would raise InvalidOperation on a 400-digit or 1E+40 value). An infinite or NaN
    value cannot be written and raises ValueError, which no caller lets through to the user.
    """
    if not value.is_finite():
        raise ValueError(f"cannot round a non-finite value: {value}")
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, value.adjusted() + decimals + 2)
        ctx.Emax = max(ctx.Emax, value.adjusted() + 1)
        ctx.Emin = min(ctx.Emin, -decimals - 1)
        return value.quantize(unit_of(decimals), rounding=ROUND_HALF_UP)


def fmt(value: Decimal, decimals: int) -> str:
    if not value.is_finite():
        return str(value)
    q = quantize(value, decimals)
    return f"{q:.{decimals}f}" if decimals > 0 else str(q.to_integral_value())
