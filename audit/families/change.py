"""Change family: 与上年相比 增加/减少 Δ，增长/下降 r%.

Δ = this year − last year and r = Δ ÷ last year × 100, with the direction word giving the sign.
When the sentence does not state last year, it is implied as this year ∓ Δ. A last year of zero
leaves the rate undefined: a stated finite rate is then an error of its own (zero_base).
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.analysis import Analysis
from audit.expr import HUNDRED, BinOp, Var
from audit.families.base import Direct, Option, Skip
from audit.model import Figure
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Direct | Skip]:
    source = rule.params.get("figures", "narrative")
    for claim_id in sorted({f.claim for f in analysis.figures if f.measure in {"change", "change_rate"}
                            and f.source == source and f.claim is not None}):
        figs = analysis.in_claim(claim_id)
        for subject in dict.fromkeys(f.concept for f in figs if f.measure in {"change", "change_rate"}):
            yield from _subject(rule, analysis, [f for f in figs if f.concept == subject])


def _subject(rule: Rule, analysis: Analysis, figs: list) -> Iterator[Relation | Direct | Skip]:
    delta = next((f for f in figs if f.measure == "change"), None)
    rate = next((f for f in figs if f.measure == "change_rate"), None)
    anchor = delta or rate
    last = next((f for f in figs if f.period == "prior" and f.measure == "amount"), None)
    this = _this(analysis, figs, anchor)
    if this is not None and this.unit != (delta.unit if delta else this.unit):
        this = None
    sign = anchor.direction or 1
    env = {}
    if this is not None:
        env["this"] = this
    if last is not None:
        env["last"] = last
    if delta is not None:
        env["d"] = delta
    if rate is not None:
        env["r"] = rate
    # Δ stated with its sign word: this − last = Δ (increase) or last − this = Δ (decrease).
    diff = (BinOp("-", Var("this"), Var("last")) if sign > 0 else BinOp("-", Var("last"), Var("this")))
    if delta is not None and this is not None and last is not None:
        yield Relation(rule.id, Var("d"), "=", diff, env, target="d")
    if rate is None:
        if delta is not None and (this is None and last is None):
            yield Skip("a change with neither this year's nor last year's amount")
        return
    if delta is None and this is None:
        yield Skip("a rate and last year's amount, but neither this year's amount nor Δ")
        return
    if last is not None:
        base = Var("last")
    elif this is not None and delta is not None:
        base = BinOp("-", Var("this"), Var("d")) if sign > 0 else BinOp("+", Var("this"), Var("d"))
    else:
        yield Skip("a rate of change without its base")
        return
    from audit.relation import point

    base_value = point(base, env)
    # From a zero base any finite rate is wrong (增长100% is the usual form), including 0% when
    # the amount did change; only “no change from nothing” (0 → 0, 0%) is a consistent statement.
    moved = (delta is not None and delta.value != 0) or (this is not None and this.value != 0)
    if base_value is not None and base_value == 0 and (rate.value != 0 or moved):
        # 增长100% is the usual way to present a new item: say so (info), it is not a miscalculation.
        new_item = rate.value == 100 and (rate.direction or 1) > 0
        yield Direct("zero_base", {"rate": rate.text},
                     figures=[rate] + [f for f in (last, delta, this) if f is not None],
                     severity="info" if new_item else None)
        return
    numerator = Var("d") if delta is not None else diff
    yield Relation(rule.id, Var("r"), "=", BinOp("*", BinOp("/", numerator, base), HUNDRED), env, target="r")


def _this(analysis: Analysis, figs: list[Figure], anchor: Figure) -> Figure | None:
    """This year's amount the change is from: the sentence's own (a current amount, else this
    year's budget: “2023年预算执行数为…，2024年预算安排352.67万元，比…增加0.53%”), else the nearest
    current amount of the same named item."""
    for period in ("current", "budget"):
        own = [f for f in figs if f.measure == "amount" and f.period == period and f.basis is None]
        if own:
            return own[-1]
    return analysis.find(anchor.concept, near=anchor) if not anchor.concept.startswith("claim:") else None


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {"figures": Option(str, choices=("narrative", "table"), default="narrative")}
