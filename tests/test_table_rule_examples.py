"""Every table and cross-table rule's own examples: the failing one fails on that rule, the
passing one does not. The examples are the ones `explain` prints and docs/rules.md shows."""

from __future__ import annotations

import pytest

from audit.examples import example_document
from audit.pipeline import check_document
from audit.rulebook import load_rules

RULES = load_rules()
STRUCTURED = [r for r in RULES if isinstance(r.examples.get("fail"), dict)]


@pytest.mark.parametrize("rule", STRUCTURED, ids=lambda r: r.id)
def test_failing_example_is_reported(rule) -> None:
    result = check_document(example_document(rule.examples["fail"]), RULES)
    hits = [f for f in result.findings if f.rule == rule.id and f.severity in {"error", "warning"}]
    assert hits, [(f.rule, f.severity, f.message) for f in result.findings]


@pytest.mark.parametrize("rule", STRUCTURED, ids=lambda r: r.id)
def test_passing_example_is_clean(rule) -> None:
    result = check_document(example_document(rule.examples["pass"]), RULES)
    assert not [f for f in result.findings if f.rule == rule.id and f.severity != "info"], \
        [(f.rule, f.message) for f in result.findings]
