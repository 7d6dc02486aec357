"""Acceptance: a reviewers' repository with two drafts, a configuration and a baseline.

The first run accepts today's findings; then an unrelated edit moves them and a new error is
introduced. CI must fail with exit 1 and show only the new error, at its file and line, in
SARIF, JUnit and GitHub formats.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main

SAMPLE = Path(__file__).parent.parent / "samples" / "maoxian-hrss-2022-final-accounts.txt"
SECOND = ["一、收入支出决算总体情况说明",
          "2024年度收入支出总计110.00万元。与2023年度相比，收入支出总计100.00万元增加5.00万元，增长10.00%。"]
NEW_ERROR = "本年支出合计200.00万元，其中：基本支出120.00万元，占61.00%；项目支出80.00万元，占40.00%。"
DRAFTS = ["drafts/county.txt", "drafts/bureau.txt"]


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "drafts").mkdir()
    shutil.copy(SAMPLE, tmp_path / DRAFTS[0])
    (tmp_path / DRAFTS[1]).write_text("\n".join(SECOND) + "\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.budget-audit]\nfail-on = "error"\nignore = ["U"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> tuple[int, str, str]:
    out = CliRunner().invoke(main, ["check", *DRAFTS, *args])
    return out.exit_code, out.stdout, out.stderr


def test_baseline_then_new_error_in_every_ci_format(repo: Path) -> None:
    code, _, err = _run("--write-baseline", ".budget-audit-baseline.json")
    assert code == 0 and (repo / ".budget-audit-baseline.json").exists(), err
    code, _, err = _run("--baseline", ".budget-audit-baseline.json")
    assert code == 0, err                                   # nothing new yet

    county = (repo / DRAFTS[0]).read_text(encoding="utf-8")
    (repo / DRAFTS[0]).write_text("编者按：本稿已按审核意见修改。\n\n" + county, encoding="utf-8")   # unrelated edit
    (repo / DRAFTS[1]).write_text("\n".join([*SECOND, "二、支出决算情况说明", NEW_ERROR]) + "\n", encoding="utf-8")
    new_line = 4

    code, sarif_text, err = _run("--baseline", ".budget-audit-baseline.json", "--format", "sarif")
    assert code == 1
    accepted = json.loads((repo / ".budget-audit-baseline.json").read_text(encoding="utf-8"))["documents"]
    total = sum(e["count"] for entries in accepted.values() for e in entries)
    assert total >= 4                                       # three N030 in the county draft, one in the bureau's
    assert f"抑制了 {total} 个已知问题" in err and "失效" not in err     # every accepted finding still matches
    results = json.loads(sarif_text)["runs"][0]["results"]
    places = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results if r["level"] == "error"}
    assert ("N020", DRAFTS[1], new_line) in places
    assert not [p for p in places if p[0] == "N030"], places          # baselined, though their lines moved

    code, junit_text, _ = _run("--baseline", ".budget-audit-baseline.json", "--format", "junit")
    assert code == 1
    root = ET.fromstring(junit_text)
    failed = [(s.get("name"), c.get("name").split()[0], c.find("failure").text)
              for s in root.findall("testsuite") for c in s.findall("testcase") if c.find("failure") is not None]
    assert ("drafts/bureau.txt", "N020") in {(s, r) for s, r, _ in failed}
    assert all(r != "N030" for _, r, _ in failed)
    assert any(f"{DRAFTS[1]}:{new_line}:" in text for _, r, text in failed if r == "N020")

    code, github_text, _ = _run("--baseline", ".budget-audit-baseline.json", "--format", "github")
    assert code == 1
    errors = [line for line in github_text.splitlines() if line.startswith("::error ")]
    assert any(line.startswith(f"::error file={DRAFTS[1]},line={new_line},col=") and "N020" in line for line in errors)
    assert not [line for line in errors if "title=N030" in line]


def test_fixing_a_baselined_error_reports_a_stale_entry(repo: Path) -> None:
    _run("--write-baseline", ".budget-audit-baseline.json")
    fixed = SECOND[1].replace("增加5.00万元", "增加10.00万元")
    (repo / DRAFTS[1]).write_text("\n".join([SECOND[0], fixed]) + "\n", encoding="utf-8")
    code, _, err = _run("--baseline", ".budget-audit-baseline.json", "--lang", "en")
    assert code == 0
    assert "stale" in err and "drafts/bureau.txt: N030" in err


ROOT = Path(__file__).parent.parent


def _blocks(lang: str) -> list[str]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    return [b.split("\n", 1)[1] for b in text.split("```")[1::2] if b.startswith(lang + "\n")]


def test_documented_pipelines_are_valid_yaml_and_run_budget_audit() -> None:
    import yaml

    blocks = [yaml.safe_load(b) for b in _blocks("yaml")]
    assert len(blocks) == 3
    github, gitlab, _ = blocks
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in github["jobs"]["audit"]["steps"])
    assert gitlab["budget-audit"]["artifacts"]["reports"]["junit"] == "budget-audit.xml"


def test_documented_configuration_is_accepted(tmp_path: Path) -> None:
    import dataclasses

    from audit.config import configured_rules, load_config

    [toml] = _blocks("toml")
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    config = load_config(tmp_path / "pyproject.toml")
    assert config.fail_on == "warning" and config.severity["N020"] == "warning"
    rules = configured_rules(dataclasses.replace(config, rule_files=()))
    assert rules and all(not r.id.startswith("U") and r.id != "N050" for r in rules)


def test_pre_commit_hook_runs_the_check_command() -> None:
    import re

    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "budget-audit" and hook["language"] == "python"
    assert hook["entry"].split() == ["budget-audit", "check"]
    assert re.search(hook["files"], "drafts/report.txt") and not re.search(hook["files"], "README.md")
