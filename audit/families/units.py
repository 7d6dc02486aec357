"""Unit family: a figure's unit must measure the kind of quantity its concept is.

A head count in 万元 or an amount in 人 is a slip the arithmetic cannot see; a share written
without % (占50.00;) is template residue that hides what the number means.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.facts import Facts
from audit.families.base import Direct
from audit.rulebook import Rule
from audit.vocabulary import default_vocabulary


def bind(rule: Rule, facts: Facts) -> Iterator[Direct]:
    vocab = default_vocabulary()
    for f in facts.figures:
        if f.source != "narrative":
            continue
        if f.measure == "share" and f.unit != "%":
            yield Direct(rule.id, "share_without_percent", {"text": f.text}, figures=[f])
            continue
        if f.measure != "amount" or f.concept not in vocab.kinds:
            continue
        expected, actual = vocab.kinds[f.concept], vocab.unit_kind(f.unit)
        if actual and expected != actual and actual != "percent":
            yield Direct(rule.id, "unit_mismatch", {"concept": f.concept, "unit": f.unit, "kind": expected},
                         figures=[f])
