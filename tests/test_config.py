"""Project configuration: discovery, strict validation, selection by prefix, overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.config import Config, ConfigError, configured_rules, find_config, load_config, merge, selected
from audit.pipeline import check_path

WRONG_CHANGE = "2024年度收入支出总计110.00万元。与2023年度相比，收入支出总计100.00万元增加5.00万元，增长10.00%。\n"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("rule", "select", "ignore", "expected"), [
    ("N030", None, (), True),
    ("N030", ("N",), (), True),
    ("T101", ("N",), (), False),
    ("T101", ("N", "T1"), (), True),
    ("N030", None, ("N030",), False),
    ("N030", ("N",), ("N03",), False),       # longer ignore wins
    ("N030", ("N030",), ("N",), True),       # longer select wins
    ("N030", ("N",), ("N",), False),         # a tie goes to ignore
    ("N030", (), (), False),                 # an empty select selects nothing
])
def test_selection_by_longest_prefix(rule: str, select, ignore, expected: bool) -> None:
    assert selected(rule, select, ignore) is expected


def test_found_upward_budget_audit_toml_before_pyproject(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.budget-audit]\nlang = "en"\n')
    _write(tmp_path / "budget-audit.toml", 'fail-on = "warning"\n')
    draft = _write(tmp_path / "drafts" / "2024" / "a.txt", WRONG_CHANGE)
    assert find_config([str(draft)]) == tmp_path / "budget-audit.toml"


def test_pyproject_without_table_does_not_stop_the_search(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[tool.budget-audit]\nignore = ["U"]\n')
    _write(tmp_path / "drafts" / "pyproject.toml", '[project]\nname = "x"\n')
    draft = _write(tmp_path / "drafts" / "a.txt", WRONG_CHANGE)
    found = find_config([str(draft)])
    assert found == tmp_path / "pyproject.toml"
    assert load_config(found).ignore == ("U",)


def test_no_file_gives_defaults(tmp_path: Path) -> None:
    assert load_config(None) == Config()


def test_every_key_is_read(tmp_path: Path) -> None:
    _write(tmp_path / "extra" / "local.yaml", "rules: []\n")
    path = _write(tmp_path / "budget-audit.toml", '\n'.join([
        'select = ["N", "U001"]', 'ignore = ["N050"]', 'fail-on = "warning"', 'lang = "en"',
        'rule-files = ["extra/local.yaml"]', '[severity]', 'N030 = "warning"', '']))
    config = load_config(path)
    assert config.select == ("N", "U001") and config.ignore == ("N050",)
    assert config.fail_on == "warning" and config.lang == "en" and config.severity == {"N030": "warning"}
    assert config.rule_files == (str((tmp_path / "extra" / "local.yaml").resolve()),)


@pytest.mark.parametrize(("text", "needle"), [
    ('selekt = ["N"]\n', "unknown key(s) selekt"),
    ('fail-on = "fatal"\n', "'fail-on' must be one of error, warning, info"),
    ('lang = "fr"\n', "'lang' must be one of zh, en"),
    ('select = "N"\n', "'select' must be a list of strings"),
    ('severity = "error"\n', "'severity' must be a table"),
    ('select = [\n', "not valid TOML"),
])
def test_bad_configuration_is_a_clear_error(tmp_path: Path, text: str, needle: str) -> None:
    path = _write(tmp_path / "budget-audit.toml", text)
    with pytest.raises(ConfigError, match=None) as info:
        load_config(path)
    assert needle in str(info.value) and str(path) in str(info.value)


@pytest.mark.parametrize(("config", "needle"), [
    (Config(select=("Q",)), "'select': unknown rule id or prefix 'Q'"),
    (Config(ignore=("N999",)), "'ignore': unknown rule id or prefix 'N999'"),
    (Config(severity={"N999": "info"}), "'severity': unknown rule id 'N999'"),
    (Config(severity={"N030": "fatal"}), "N030 must be one of error, warning, info"),
])
def test_unknown_rule_ids_are_errors(config: Config, needle: str) -> None:
    with pytest.raises(ConfigError) as info:
        configured_rules(config)
    assert needle in str(info.value)


def test_severity_override_reaches_findings_through_the_rules(tmp_path: Path) -> None:
    rules = configured_rules(Config(select=("N03",), severity={"N030": "warning"}))
    assert [(r.id, r.severity) for r in rules] == [("N030", "warning")]
    draft = _write(tmp_path / "a.txt", WRONG_CHANGE)
    assert [(f.rule, f.severity) for f in check_path(str(draft), rules).findings] == [("N030", "warning")]


def test_command_line_overrides_the_file() -> None:
    config = Config(select=("N",), severity={"N030": "warning", "N001": "info"}, fail_on="warning")
    merged = merge(config, select=("U",), ignore=None, severity={"N030": "error"}, fail_on=None, lang="en")
    assert merged.select == ("U",) and merged.fail_on == "warning" and merged.lang == "en"
    assert merged.severity == {"N030": "error", "N001": "info"}


def test_check_uses_the_projects_file_and_flags_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "pyproject.toml", '[tool.budget-audit]\nlang = "en"\n[tool.budget-audit.severity]\nN030 = "warning"\n')
    _write(tmp_path / "drafts" / "a.txt", WRONG_CHANGE)
    runner = CliRunner()
    out = runner.invoke(main, ["check", "drafts/a.txt", "--format", "json"])
    assert out.exit_code == 0, out.output            # warning is below the default fail-on
    assert '"severity": "warning"' in out.output and "stated" in out.output
    assert runner.invoke(main, ["check", "drafts/a.txt", "--format", "json", "--fail-on", "warning"]).exit_code == 1
    assert runner.invoke(main, ["check", "drafts/a.txt", "--severity", "N030=error"]).exit_code == 1
    assert runner.invoke(main, ["check", "drafts/a.txt", "--ignore", "N03"]).exit_code == 0
    assert runner.invoke(main, ["check", "drafts/a.txt", "--isolated"]).exit_code == 1


@pytest.mark.parametrize(("toml", "args", "needle"), [
    ('colour = true\n', [], "unknown key(s) colour"),
    ('select = ["Z9"]\n', [], "unknown rule id or prefix 'Z9'"),
    ('', ["--severity", "N030"], "expected ID=LEVEL"),
    ('', ["--select", "ZZ"], "unknown rule id or prefix 'ZZ'"),
    ('', ["--config", "missing.toml"], "configuration file not found"),
    ('rule-files = ["nope.yaml"]\n', [], "rule file not found"),
])
def test_cli_reports_configuration_errors_without_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             toml: str, args: list[str], needle: str) -> None:
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "budget-audit.toml", toml)
    _write(tmp_path / "a.txt", WRONG_CHANGE)
    out = CliRunner().invoke(main, ["check", "a.txt", *args])
    assert out.exit_code == 2 and needle in out.output, out.output
    assert "Traceback" not in out.output
