"""Run a short report text through the whole pipeline and list what it reports, as (rule, line)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from audit.examples import example_document
from audit.model import DocumentResult
from audit.pipeline import check_document
from audit.rulebook import load_rules

RULES = load_rules()

Run = Callable[..., list[tuple[str, int]]]


def check_text(text: str) -> DocumentResult:
    """Lines of `text` are lines 1, 2, … of the document, as a .txt file would be."""
    return check_document(example_document(text), RULES)


def reported(text: str, prefix: str = "", severities: tuple[str, ...] = ("error", "warning")) -> list[tuple[str, int]]:
    """(rule, line of the first location) for findings of these severities whose rule starts with prefix."""
    result = check_text(text)
    return sorted((f.rule, f.locations[0].line or 0) for f in result.findings
                  if f.severity in severities and f.rule.startswith(prefix))


@pytest.fixture
def run() -> Run:
    return reported
