"""Comparison words against the numbers they describe, where N030 and N041 cannot see them.

N041 checks 决算数等于/大于/小于预算数 against the execution rate, and N030 checks a stated
增加/减少 amount against this year − last year. Left over: “与上年持平” (or 无变化) while the
sentence's own figures differ or a change is stated, and a bare 增加/减少 (no amount) whose
stated last-year value points the other way. Both are relations, decided with rounding intervals.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from audit.analysis import Analysis
from audit.expr import Num, Var
from audit.families.base import Option
from audit.lazy_re import lazy
from audit.model import Figure
from audit.names import compared_basis, fits
from audit.numbers import normalise
from audit.relation import Relation
from audit.rulebook import Rule

UP = lazy(r"增加|增长|上升")
DOWN = lazy(r"减少|下降|降低")


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation]:
    for cid, claim in analysis.claims.items():
        figs = [f for f in analysis.in_claim(cid) if f.source == "narrative"]
        changes = [f for f in figs if f.measure in {"change", "change_rate"}]
        # Last year's budget and last year's execution are different quantities: only the one
        # the sentence compares with (比上年预算 / 比上年预算执行数) is its last year.
        basis = compared_basis(normalise(claim.text))
        last = next((f for f in figs if f.period == "prior" and f.measure == "amount" and fits(f, basis)), None)
        this = _this(analysis, figs, last)
        if claim.no_change:  # 持平 / 无变化
            for d in changes:
                yield Relation(rule.id, Var("d"), "=", Num(Decimal(0)), {"d": d}, target="d")
            if not changes and last is not None and this is not None:
                yield Relation(rule.id, Var("this"), "=", Var("last"), {"this": this, "last": last})
            continue
        if changes or last is None or this is None:
            continue
        at = claim.text.find(last.text + last.unit)
        tail = claim.text[at + len(last.text) + len(last.unit):].lstrip() if at >= 0 else ""
        up, down = UP.match(tail), DOWN.match(tail)
        if up:  # “上年…万元，增加”: last year was less
            yield Relation(rule.id, Var("last"), "<=", Var("this"), {"this": this, "last": last})
        elif down:  # “…减少”: last year was more
            yield Relation(rule.id, Var("this"), "<=", Var("last"), {"this": this, "last": last})


def _this(analysis: Analysis, figs: list[Figure], last: Figure | None) -> Figure | None:
    if last is None:
        return None
    same = [f for f in figs if f.period == "current" and f.measure == "amount" and f.unit == last.unit
            and f.index < last.index]
    if same:
        near = same[-1]
        named = not near.concept.startswith("claim:") and not last.concept.startswith("claim:")
        return None if named and near.concept != last.concept else near
    if last.concept.startswith("claim:"):
        return None
    found = analysis.find(last.concept, near=last, source="narrative")
    return found if found is not None and found.unit == last.unit else None


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {}
