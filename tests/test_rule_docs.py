"""docs/rules.md, `budget-audit rules` and `budget-audit explain` come from the rule files.

The committed page must equal what the generator makes from rules/*.yaml today, so adding a rule
without regenerating the page fails here with the command that fixes it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from audit import ruledocs
from audit.cli import main
from audit.rulebook import load_rules

ROOT = Path(__file__).parent.parent
RULES = load_rules()


def test_docs_rules_md_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == ruledocs.render_markdown(RULES), (
        f"docs/rules.md is out of date with rules/*.yaml; regenerate it with: {ruledocs.REGENERATE}")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_is_documented_in_one_shape(rule) -> None:
    page = ruledocs.rule_markdown(rule)
    assert rule.rationale and rule.title
    assert rule.examples.get("fail") and rule.examples.get("pass"), f"{rule.id} needs a failing and a passing example"
    assert f'<a id="{rule.id}"></a>' in page and ruledocs.relation(rule) in page


def test_rules_lists_every_rule_with_severity_and_family() -> None:
    out = CliRunner().invoke(main, ["rules", "--isolated"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    for rule in RULES:
        row = next(line for line in lines if line.startswith(rule.id + " "))
        assert rule.severity in row and rule.family in row and rule.title in row


def test_rules_markdown_is_the_docs_page() -> None:
    out = CliRunner().invoke(main, ["rules", "--isolated", "--format", "markdown"])
    assert out.output == ruledocs.render_markdown(RULES)


def test_rules_json_and_english_titles() -> None:
    out = CliRunner().invoke(main, ["rules", "--isolated", "--format", "json", "--lang", "en"])
    import json

    rows = {r["id"]: r for r in json.loads(out.output)}
    assert rows["N030"]["title"].startswith("Change = this year")
    assert rows["N030"]["family"] == "change"


def test_explain_prints_rationale_relation_and_both_examples() -> None:
    rule = next(r for r in RULES if r.id == "N001")
    out = CliRunner().invoke(main, ["explain", "n001", "--isolated"])
    assert out.exit_code == 0, out.output
    for part in (rule.title, rule.params["relation"], rule.examples["fail"], rule.examples["pass"], "理由", "关系"):
        assert part in out.output
    assert rule.rationale.split("。")[0] in out.output


def test_explain_unknown_rule_is_a_usage_error_with_suggestions() -> None:
    out = CliRunner().invoke(main, ["explain", "N0", "--isolated"])
    assert out.exit_code == 2
    assert "N0" in out.output and "N001" in out.output and "Traceback" not in out.output


def test_extra_rule_file_is_listed_and_explained(tmp_path: Path) -> None:
    extra = tmp_path / "local.yaml"
    extra.write_text(
        "rules:\n  - id: L001\n    name: local-total\n    title: 本地规则\n    family: sum\n    severity: warning\n"
        "    rationale: 本地口径。\n    relation: \"基本支出 + 项目支出 = 本年支出合计\"\n"
        "    examples: {fail: 甲, pass: 乙}\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["explain", "L001", "--isolated", "--rules", str(extra)])
    assert out.exit_code == 0, out.output
    assert "本地口径" in out.output and "基本支出 + 项目支出 = 本年支出合计" in out.output
