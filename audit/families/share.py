"""Share family: a stated 占p% equals part ÷ whole × 100.

The part is the amount stated just before the share in the same sentence. The whole is the
total the sentence names (占本年支出合计的…), else the head of the list the part belongs to,
else the quantity the sentence is about (“三公”经费…决算中，…占…%). With no whole found the
share is skipped and counted, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterator

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
    for share in analysis.figures:
        if share.measure != "share" or share.source != rule.params["figures"]:
            continue
        part = _part(analysis, share)
        whole = _whole(analysis, share, part) if part else None
        if part is None or whole is None or whole.unit != part.unit:
            yield Skip("a share without the whole it is a share of")
            continue
        env = {"p": share, "a": part, "b": whole}
        yield Relation(rule.id, Var("p"), "=", BinOp("*", BinOp("/", Var("a"), Var("b")), HUNDRED), env, target="p")


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {"figures": Option(str, choices=("narrative", "table"), default="narrative")}
