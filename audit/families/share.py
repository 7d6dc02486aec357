"""Share family: a stated 占p% equals part ÷ whole × 100.

The part is the amount stated just before the share in the same sentence. The whole is the
total the sentence names (占本年支出合计的…), else the head of the list the part belongs to,
else the quantity the sentence is about (“三公”经费…决算中，…占…%). With no whole found the
share is skipped and counted, never guessed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from audit.analysis import Analysis
from audit.expr import HUNDRED, BinOp, Var
from audit.families.base import Option, Skip
from audit.model import Figure
from audit.relation import Relation
from audit.rulebook import Rule


def _part(analysis: Analysis, share: Figure) -> Figure | None:
    aside = share.role == "aside"
    before = [f for f in analysis.in_claim(share.claim) if f.index < share.index and f.measure == "amount"
              and f.unit != "%" and (f.role == "aside") == aside]
    return before[-1] if before else None


def _whole(analysis: Analysis, share: Figure, part: Figure) -> Figure | None:
    if share.of:
        found = analysis.find(share.of, near=share)
        if found is not None and found.index != part.index:
            return found
        return None
    head = analysis.parents.get(part.index)
    if head is not None:
        return analysis.figures[head]
    claim = analysis.claims.get(share.claim) if share.claim is not None else None
    if claim and claim.lead and claim.lead != part.concept:
        return analysis.find(claim.lead, near=share)
    return None


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    bound: list[tuple[Figure, Figure, Figure]] = []
    for share in analysis.figures:
        if share.measure != "share" or share.source != rule.params.get("figures", "narrative"):
            continue
        part = _part(analysis, share)
        whole = _whole(analysis, share, part) if part else None
        if part is None or whole is None or whole.unit != part.unit:
            yield Skip("a share without the whole it is a share of")
            continue
        bound.append((share, part, whole))
    forced = _forced(bound)
    for share, part, whole in bound:
        env = {"p": share, "a": part, "b": whole}
        args = {"list_total": "100"} if (whole.value, part.value, share.value) in forced else {}
        yield Relation(rule.id, Var("p"), "=", BinOp("*", BinOp("/", Var("a"), Var("b")), HUNDRED), env,
                       target="p", args=args)


def _forced(bound: list[tuple[Figure, Figure, Figure]]) -> set[tuple[Decimal, Decimal, Decimal]]:
    """(whole, part, share) values printed in a list of shares of one whole adding up to exactly 100.

    Such a list may have been forced to total 100 by moving a last digit; the engine reports a
    one-unit miss there as a warning. The same share restated elsewhere (占本年支出合计的99.94%)
    is the same forced print, so membership is by printed values.
    """
    lists: dict[tuple[int, str | None], list[tuple[Figure, Figure, Figure]]] = defaultdict(list)
    for share, part, whole in bound:
        lists[(whole.index, share.of)].append((share, part, whole))
    out: set[tuple[Decimal, Decimal, Decimal]] = set()
    for members in lists.values():
        if len(members) > 1 and sum((s.value for s, _, _ in members), Decimal(0)) == 100:
            out.update((whole.value, part.value, share.value) for share, part, whole in members)
    return out


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {"figures": Option(str, choices=("narrative", "table"), default="narrative")}
