"""Rule options are checked when the rulebook loads: a typo, a missing option or a value the family
does not take stops the tool before any document is read, naming the file, the rule and the option."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.families import FAMILIES
from audit.rulebook import RulebookError, load_rules

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "maoxian-hrss-2022-final-accounts.txt"

HEAD = """rules:
  - id: Z900
    name: test-rule
    title: 测试
    severity: error
    rationale: 测试选项检查。
"""

CASES = {
    # A typo in a structure rule used to crash mid-run with a KeyError from engine.evaluate.
    "typo": ("    family: structure\n    chek: numbering\n", "unknown option 'chek'; did you mean 'check'?"),
    # A typo in a change rule used to be checked silently as narrative.
    "silent": ("    family: change\n    figurs: tables\n", "unknown option 'figurs'; did you mean 'figures'?"),
    "enum": ("    family: change\n    figures: tables\n", "option 'figures' is 'tables'; allowed: narrative | table"),
    "missing": ("    family: sum\n", "missing option 'relation'"),
    "type": ("    family: sum\n    relation: \"A = B\"\n    optional: A\n", "option 'optional' must be list"),
    "one_of": ("    family: table_columns\n    total: 合计\n    parts: [a]\n", "one of 'table' / 'tables'"),
}


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "local.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_options_stop_loading_with_file_rule_and_option(tmp_path: Path, case: str) -> None:
    body, expected = CASES[case]
    with pytest.raises(RulebookError) as err:
        load_rules([str(write(tmp_path, body))])
    message = str(err.value)
    assert message.startswith("local.yaml: rule Z900")
    assert expected in message


@pytest.mark.parametrize("case", ["typo", "silent", "enum", "missing"])
def test_cli_reports_a_bad_option_as_a_usage_error(tmp_path: Path, case: str) -> None:
    rules = write(tmp_path, CASES[case][0])
    result = CliRunner().invoke(main, ["check", "--isolated", "--rules", str(rules), str(SAMPLE)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert CASES[case][1] in result.output
    assert "Z900" in result.output and "local.yaml" in result.output


def test_good_options_get_the_declared_defaults(tmp_path: Path) -> None:
    body = "    family: change\n"
    rule = next(r for r in load_rules([str(write(tmp_path, body))]) if r.id == "Z900")
    assert rule.params == {"figures": "narrative", "check": "change"}
    assert rule.stated == ()


def test_every_rule_file_states_only_declared_options() -> None:
    for rule in load_rules():
        assert set(rule.params) == set(FAMILIES[rule.family].options), rule.id
