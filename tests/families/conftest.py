"""Run a short report text through the whole pipeline and list what it reports, as (rule, line).

Fixtures are a few lines of report prose; line numbers in expectations are 1-based lines of that
text, as they would be in a .txt file. Only the rules of rules/narrative.yaml are looked at (or the
ids a test names), so rules other teams add for structure or wording cannot make these tests flaky.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from audit.examples import example_document
from audit.model import DocumentResult
from audit.pipeline import check_document
from audit.resources import load_yaml
from audit.rulebook import load_rules

RULES = load_rules()
NARRATIVE = frozenset(r["id"] for r in load_yaml("narrative.yaml")["rules"])

Run = Callable[..., list[tuple[str, int]]]


def check_text(text: str) -> DocumentResult:
    return check_document(example_document(text), RULES)


def reported(text: str, rules: Iterable[str] | None = None,
             severities: tuple[str, ...] = ("error", "warning")) -> list[tuple[str, int]]:
    """Sorted (rule, line of the first location) of the findings at these severities."""
    wanted = NARRATIVE if rules is None else frozenset(rules)
    result = check_text(text)
    assert result.status == "checked"
    return sorted((f.rule, f.locations[0].line or 0) for f in result.findings
                  if f.severity in severities and f.rule in wanted)


@pytest.fixture
def run() -> Run:
    return reported


def sample_path() -> str:
    return str(Path(__file__).parent.parent.parent / "samples" / "maoxian-hrss-2022-final-accounts.txt")
