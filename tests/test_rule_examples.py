"""Every rule's sentence examples run through the whole pipeline, as `explain` shows them.

The failing sentence must produce a warning or error of that rule, the passing one nothing of
that rule. Structured (table) examples are run by tests/test_table_rule_examples.py. An example
that fails here because of a known defect elsewhere is marked xfail with the defect named, so
the suite stays green while the defect stays visible.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.pipeline import check_path
from audit.rulebook import Rule, load_rules

RULES = load_rules()
SENTENCES = [r for r in RULES if isinstance(r.examples.get("fail"), str) or isinstance(r.examples.get("pass"), str)]
KNOWN_DEFECTS: dict[tuple[str, str], str] = {}


def _case(rule: Rule, kind: str) -> object:
    reason = KNOWN_DEFECTS.get((rule.id, kind))
    marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
    return pytest.param(rule, kind, id=f"{rule.id}-{kind}", marks=marks)


def _findings(rule: Rule, kind: str, tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / f"{rule.id}-{kind}.txt"
    path.write_text(rule.examples[kind] + "\n", encoding="utf-8")
    result = check_path(str(path), RULES)
    assert result.status == "checked", result.error
    return [(f.rule, f.severity) for f in result.findings]


def test_every_sentence_rule_has_both_examples() -> None:
    missing = [r.id for r in SENTENCES if not (isinstance(r.examples.get("fail"), str)
                                              and isinstance(r.examples.get("pass"), str))]
    assert not missing, f"rules with only one sentence example: {missing}"


@pytest.mark.parametrize(("rule", "kind"), [_case(r, "fail") for r in SENTENCES])
def test_failing_example_is_reported(rule: Rule, kind: str, tmp_path: Path) -> None:
    found = _findings(rule, kind, tmp_path)
    # An info rule (a notice such as S007) is reported at its own severity; others must warn or fail.
    assert {(rule.id, s) for s in ("error", "warning", rule.severity)} & set(found), found


@pytest.mark.parametrize(("rule", "kind"), [_case(r, "pass") for r in SENTENCES])
def test_passing_example_is_clean(rule: Rule, kind: str, tmp_path: Path) -> None:
    found = _findings(rule, kind, tmp_path)
    assert not [f for f in found if f[0] == rule.id], found
