"""Unit family: a figure's unit must measure the kind of quantity its concept is.

A head count in 万元 or an amount in 人 is a slip the arithmetic cannot see; a share written
without % (占50.00;) is template residue that hides what the number means.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.analysis import Analysis
from audit.families.base import Direct, Option
from audit.rulebook import Rule
from audit.vocabulary import default_vocabulary


def bind(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    vocab = default_vocabulary()
    for f in analysis.figures:
        if f.source != "narrative":
            continue
        if f.measure == "share" and f.unit != "%":
            yield Direct("share_without_percent", {"text": f.text}, figures=[f])
            continue
        if f.measure != "amount" or f.concept not in vocab.kinds:
            continue
        expected, actual = vocab.kinds[f.concept], vocab.unit_kind(f.unit)
        if actual and expected != actual and actual != "percent":
            yield Direct("unit_mismatch", {"concept": f.concept, "unit": f.unit, "kind": expected},
                         figures=[f])


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {}
