"""Change family: 与上年相比 增加/减少 Δ，增长/下降 r%.

Δ = this year − last year and r = Δ ÷ last year × 100, with the direction word giving the sign.
When the sentence does not state last year, it is implied as this year ∓ Δ. A last year of zero
leaves the rate undefined: a stated finite rate is then an error of its own (zero_base).

A budget compares with last year's budget (比上年预算增加…) or with last year's execution
(比2022年预算执行数增加…%): two different quantities (`Figure.basis`). A printed last-year amount
is used only when its basis is the one the change is against; otherwise the change is checked
against the implied last year, never against the other quantity.

Checks (the rule's `check`):
* `change` (default): Δ and r against this year and last year, as above;
* `flat`: a sentence that says 持平 / 无变化 (and nothing increased or decreased) and prints both
  this year's amount and last year's of the basis it compares with: the two are equal;
* `prior_sign`: an increase Δ stated right after this year's amount of the same item in the same
  sentence implies last year = this − Δ, which cannot be negative (an amount of 0 “比上年增加X”).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from audit.analysis import Analysis
from audit.expr import HUNDRED, BinOp, Num, Var
from audit.families.base import Direct, Option, Skip
from audit.lazy_re import lazy
from audit.model import Figure
from audit.names import compared_basis, fits, flat_clause, written_at
from audit.numbers import normalise
from audit.relation import Relation
from audit.rulebook import Rule

CHANGES = {"change", "change_rate"}
# An amount as written before another in the same clause (“基本支出80万元，项目支出20万元”).
AMOUNT = lazy(r"[0-9][0-9,.]*\s*(?:万元|亿元|元)")


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Direct | Skip]:
    source = rule.params.get("figures", "narrative")
    if rule.params["check"] == "flat":
        yield from _flat(rule, analysis, source)
        return
    for claim_id in sorted({f.claim for f in analysis.figures if f.measure in CHANGES
                            and f.source == source and f.claim is not None}):
        figs = analysis.in_claim(claim_id)
        for subject in dict.fromkeys(f.concept for f in figs if f.measure in CHANGES):
            own = [f for f in figs if f.concept == subject]
            if rule.params["check"] == "prior_sign":
                yield from _prior_sign(rule, analysis, own)
            else:
                yield from _subject(rule, analysis, own)


def _last(figs: list[Figure], basis: str | None) -> Figure | None:
    return next((f for f in figs if f.period == "prior" and f.measure == "amount" and fits(f, basis)), None)


def _subject(rule: Rule, analysis: Analysis, figs: list) -> Iterator[Relation | Direct | Skip]:
    delta = next((f for f in figs if f.measure == "change"), None)
    rate = next((f for f in figs if f.measure == "change_rate"), None)
    anchor = delta or rate
    last = _last(figs, anchor.basis)
    this = _this(analysis, figs, anchor)
    if this is not None and this.unit != (delta.unit if delta else this.unit):
        this = None
    sign = anchor.direction or 1
    env = {name: f for name, f in (("this", this), ("last", last), ("d", delta), ("r", rate)) if f is not None}
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
    yield from _rate(rule, env, base, diff, (rate, last, delta, this))


def _rate(rule: Rule, env: dict, base, diff, stated: tuple) -> Iterator[Relation | Direct]:
    """r = Δ ÷ base × 100; from a zero base any finite rate is wrong (增长100% is the usual form),
    including 0% when the amount did change; only “no change from nothing” (0 → 0, 0%) is consistent."""
    from audit.relation import point

    rate, last, delta, this = stated
    base_value = point(base, env)
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
    own = _own_this(figs)
    if own is not None:
        return own
    return analysis.find(anchor.concept, near=anchor) if not anchor.concept.startswith("claim:") else None


def _own_this(figs: list[Figure]) -> Figure | None:
    for period in ("current", "budget"):
        own = [f for f in figs if f.measure == "amount" and f.period == period and f.basis is None]
        if own:
            return own[-1]
    return None


def _prior_sign(rule: Rule, analysis: Analysis, figs: list[Figure]) -> Iterator[Relation]:
    """this − Δ ≥ 0 for an increase stated after this year's amount of the same item in the same
    sentence, when last year's amount is not printed (N030 checks Δ against it when it is).

    A change that closes a 其中 list (“其中：A 80万元，B 20万元，比上年增加30万元”, no amount after
    it) may be the whole's rather than the last part's: not certain, not checked."""
    delta = next((f for f in figs if f.measure == "change"), None)
    if delta is None or (delta.direction or 1) < 0 or _last(figs, delta.basis) is not None:
        return
    this = _own_this([f for f in figs if f.index < delta.index])
    if this is None or this.unit != delta.unit or _closes_list(analysis, this, delta):
        return
    yield Relation(rule.id, Num(Decimal(0)), "<=", BinOp("-", Var("this"), Var("d")), {"this": this, "d": delta})


def _closes_list(analysis: Analysis, this: Figure, delta: Figure) -> bool:
    """Δ is the sentence's last amount-bearing figure and `this` is not the first amount of its
    ；-clause (or is a listed part): the change may be the whole list's."""
    if any(f.measure == "amount" and f.index > delta.index for f in analysis.in_claim(delta.claim)):
        return False
    if this.role == "part":
        return True
    claim = analysis.claims.get(this.claim) if this.claim is not None else None
    text = normalise(claim.text if claim else "")
    found = written_at(text, this)
    if len(found) != 1:
        return True
    at = found[0]
    return bool(AMOUNT.search(text[text.rfind(";", 0, at) + 1:at]))


def _flat(rule: Rule, analysis: Analysis, source: str) -> Iterator[Relation]:
    """持平: this year's amount = last year's amount of the compared basis, both in the sentence,
    bound to the same item, and this year's in the ；-clause that says 持平 (“A…12万元；B…5万元，
    比上年预算执行数持平” says nothing of A)."""
    for cid, claim in analysis.claims.items():
        if not claim.no_change:
            continue
        basis = compared_basis(normalise(claim.text))
        figs = [f for f in analysis.in_claim(cid) if f.source == source]
        for subject in dict.fromkeys(f.concept for f in figs):
            own = [f for f in figs if f.concept == subject]
            last, this = _last(own, basis), _own_this(own)
            if (last is not None and this is not None and last.unit == this.unit and basis is not None
                    and flat_clause(claim.text, this)):
                yield Relation(rule.id, Var("this"), "=", Var("last"), {"this": this, "last": last}, target="this")


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "figures": Option(str, choices=("narrative", "table"), default="narrative"),
    "check": Option(str, choices=("change", "flat", "prior_sign"), default="change"),
}
