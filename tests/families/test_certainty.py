"""docs/certainty.md: a failure resting on an inherited or guessed binding is a warning, never an error."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from audit.analysis import Analysis
from audit.engine import evaluate
from audit.facts import ClaimInfo
from audit.model import Figure, Location
from audit.rulebook import load_rules

RULES = [r for r in load_rules() if r.id == "N004"]


def _figures(binding: str, same_claim: bool = False) -> Analysis:
    def fig(i: int, concept: str, value: str, claim: int) -> Figure:
        return Figure(concept=concept, value=Decimal(value), decimals=2, unit="万元",
                      location=Location(path="x.txt", line=i + 1, column=1, text=value), claim=claim, index=i,
                      section="s")
    figs = [fig(0, "一般公共预算财政拨款基本支出", "100.00", 0), fig(1, "人员经费", "80.00", 0 if same_claim else 1),
            fig(2, "公用经费", "30.00", 0 if same_claim else 2)]
    figs[1] = replace(figs[1], binding=binding)
    claims = {c: ClaimInfo(c, "s", "…", c, figures=[f.index for f in figs if f.claim == c]) for c in {0, 1, 2}}
    return Analysis(tuple(figs), claims)


@pytest.mark.parametrize(("binding", "severity"), [
    ("explicit", "error"), ("item", "error"), ("inherited", "warning"), ("guessed", "warning")])
def test_severity_follows_the_binding(binding: str, severity: str) -> None:
    (finding,) = evaluate(RULES, _figures(binding)).findings
    assert finding.severity == severity
    assert finding.message.startswith("无法确认") == (severity == "warning")


def test_within_one_sentence_the_sentence_binds() -> None:
    (finding,) = evaluate(RULES, _figures("guessed", same_claim=True)).findings
    assert finding.severity == "error"


def test_the_warning_in_english() -> None:
    (finding,) = evaluate(RULES, _figures("inherited"), lang="en").findings
    assert finding.message.startswith("cannot verify")
