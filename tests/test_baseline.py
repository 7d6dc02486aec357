"""Baseline: fingerprints that survive unrelated edits, counted suppression, stale entries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit import __version__, baseline
from audit.cli import main
from audit.model import AuditResult, DocumentResult, Finding, Location
from audit.pipeline import check_path
from audit.rulebook import load_rules

RULES = load_rules()
WRONG = "与2023年度相比，收入支出总计100.00万元增加5.00万元，增长10.00%。"
TOTAL = "2024年度收入支出总计110.00万元。"


def _check(*paths: Path) -> AuditResult:
    return AuditResult(documents=[check_path(str(p), RULES) for p in paths], tool_version=__version__)


def _draft(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_fingerprint_ignores_line_and_column(tmp_path: Path) -> None:
    before = _check(_draft(tmp_path / "a.txt", TOTAL + WRONG)).documents[0].findings
    after = _check(_draft(tmp_path / "a.txt", "一、部门概况", "", "本部门负责……", TOTAL + WRONG)).documents[0].findings
    assert [f.locations[0].line for f in before] != [f.locations[0].line for f in after]
    assert [baseline.fingerprint(f) for f in before] == [baseline.fingerprint(f) for f in after]


def test_fingerprint_changes_with_the_figures(tmp_path: Path) -> None:
    one = _check(_draft(tmp_path / "a.txt", TOTAL + WRONG)).documents[0].findings
    two = _check(_draft(tmp_path / "a.txt", TOTAL + WRONG.replace("5.00", "6.00"))).documents[0].findings
    assert one and two and baseline.fingerprint(one[0]) != baseline.fingerprint(two[0])


def test_written_baseline_is_keyed_by_path_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    draft = _draft(tmp_path / "drafts" / "a.txt", TOTAL + WRONG)
    target = tmp_path / ".budget-audit-baseline.json"
    assert baseline.write(_check(draft), str(target)) == 1
    data = json.loads(target.read_text(encoding="utf-8"))
    [entry] = data["documents"]["drafts/a.txt"]
    assert entry["rule"] == "N030" and entry["count"] == 1 and "5.00" in entry["figures"]


def test_new_findings_pass_known_ones_are_hidden_and_fixed_ones_are_stale(tmp_path: Path) -> None:
    draft = _draft(tmp_path / "a.txt", TOTAL + WRONG)
    target = str(tmp_path / "b.json")
    baseline.write(_check(draft), target)
    _draft(draft, "新增一段。", TOTAL + WRONG, "本年支出合计200.00万元，其中：基本支出120.00万元，占61.00%；项目支出80.00万元，占40.00%。")
    outcome = baseline.apply(_check(draft), baseline.read(target), target)
    assert outcome.suppressed == 1 and not outcome.stale
    new = {f.rule for f in outcome.result.documents[0].findings}
    assert "N020" in new and "N030" not in new
    _draft(draft, TOTAL + WRONG.replace("5.00", "10.00"))
    outcome = baseline.apply(_check(draft), baseline.read(target), target)
    assert outcome.suppressed == 0 and [e.rule for e in outcome.stale] == ["N030"]


def _finding(line: int) -> Finding:
    locs = (Location("a.txt", line=line, column=5, text="5.53"), Location("a.txt", line=line, column=20, text="543.25"))
    return Finding(rule="N030", severity="error", message="m", locations=locs, expected="8.53", actual="5.53",
                   concept="收支总计")


def test_repeated_statement_is_counted(tmp_path: Path) -> None:
    def result(*lines: int) -> AuditResult:
        doc = DocumentResult(path=str(tmp_path / "a.txt"), status="checked", findings=[_finding(n) for n in lines])
        return AuditResult(documents=[doc], tool_version=__version__)

    target = str(tmp_path / "b.json")
    assert baseline.write(result(3, 9), target) == 2
    outcome = baseline.apply(result(4, 10, 30), baseline.read(target), target)
    assert outcome.suppressed == 2
    assert [f.locations[0].line for f in outcome.result.documents[0].findings] == [30]
    outcome = baseline.apply(result(7), baseline.read(target), target)
    assert outcome.suppressed == 1 and [(e.rule, e.count) for e in outcome.stale] == [("N030", 1)]


def test_documents_not_checked_do_not_make_entries_stale(tmp_path: Path) -> None:
    a, b = _draft(tmp_path / "a.txt", TOTAL + WRONG), _draft(tmp_path / "b.txt", TOTAL + WRONG)
    target = str(tmp_path / "base.json")
    baseline.write(_check(a, b), target)
    outcome = baseline.apply(_check(a), baseline.read(target), target)
    assert outcome.suppressed == 1 and outcome.stale == []


@pytest.mark.parametrize(("content", "needle"), [
    (None, "baseline not found"),
    ("{not json", "not a budget-audit baseline"),
    ('{"version": 7, "documents": {}}', "not a budget-audit baseline"),
    ('{"version": 1, "documents": {"a.txt": [{"rule": "N030"}]}}', "malformed entry"),
])
def test_bad_baseline_is_a_clear_error(tmp_path: Path, content: str | None, needle: str) -> None:
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(baseline.BaselineError) as info:
        baseline.read(str(path))
    assert needle in str(info.value)


def test_cli_baseline_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _draft(tmp_path / "a.txt", TOTAL + WRONG)
    runner = CliRunner()
    out = runner.invoke(main, ["check", "a.txt", "--write-baseline", "base.json"])
    assert out.exit_code == 0 and "base.json" in out.stderr and "1" in out.stderr
    out = runner.invoke(main, ["check", "a.txt", "--baseline", "base.json", "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["summary"]["errors"] == 0
    assert "抑制了 1 个" in out.stderr
    _draft(tmp_path / "a.txt", TOTAL)
    out = runner.invoke(main, ["check", "a.txt", "--baseline", "base.json", "--lang", "en"])
    assert out.exit_code == 0 and "stale" in out.stderr and "N030" in out.stderr


@pytest.mark.parametrize(("args", "needle"), [
    (["--baseline", "missing.json"], "baseline not found"),
    (["--baseline", "b.json", "--write-baseline", "b.json"], "cannot be combined"),
    (["--write-baseline", "no/such/dir/b.json"], "b.json"),
])
def test_cli_baseline_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], needle: str) -> None:
    monkeypatch.chdir(tmp_path)
    _draft(tmp_path / "a.txt", TOTAL + WRONG)
    out = CliRunner().invoke(main, ["check", "a.txt", *args])
    assert out.exit_code == 2 and needle in out.output and "Traceback" not in out.output
