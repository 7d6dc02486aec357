"""SARIF (validated against the official 2.1.0 schema), JUnit and GitHub workflow commands."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from audit import __version__
from audit.cli import main
from audit.config import Config, configured_rules
from audit.model import AuditResult, CellRef, DocumentResult, Finding, Location, Suggestion
from audit.reporters import FORMATS
from audit.reporters.github import annotation, escape_data, escape_property, render_github
from audit.reporters.junit import render_junit
from audit.reporters.sarif import sarif_dict

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
RULES = configured_rules(Config())
TEXT = Location("drafts/报告.txt", line=41, column=45, end_column=48, text="5.53")
OPERAND = Location("drafts/报告.txt", line=41, column=12, end_column=17, text="543.25")
PDF = Location("final.pdf", page=21, line=8, column=7, text="2946.25")
CELL = Location("final.xlsx", cell=CellRef("收入决算表", "合计", "决算数"), ref="收入决算表!D7", text="100.00")


def _result() -> AuditResult:
    wrong = Finding(rule="N030", severity="error", message="陈述 增加5.53万元，计算 8.53\n第二行", locations=(TEXT, OPERAND),
                    expected="8.53", actual="5.53", suggestion=Suggestion(TEXT, "5.53", "8.53"), concept="收支总计",
                    title="增减额, 上年: 本年")
    page = Finding(rule="N001", severity="warning", message="占 71.73%", locations=(PDF,), title="收支总计")
    cell = Finding(rule="N004", severity="info", message="四舍五入", locations=(CELL,), title="基本支出")
    docs = [DocumentResult(path="drafts/报告.txt", status="checked", findings=[wrong]),
            DocumentResult(path="final.pdf", status="checked", findings=[page]),
            DocumentResult(path="final.xlsx", status="checked", findings=[cell]),
            DocumentResult(path="broken.pdf", status="unreadable", error="加密的 PDF")]
    return AuditResult(documents=docs, tool_version=__version__)


def _validate(log: dict) -> None:
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(log)]
    assert not errors, errors


def test_sarif_is_valid_and_describes_every_rule() -> None:
    log = sarif_dict(_result(), RULES)
    _validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in RULES]
    n030 = next(r for r in rules if r["id"] == "N030")
    assert n030["name"] == "year-on-year" and n030["defaultConfiguration"]["level"] == "error"
    assert "增减额" in n030["help"]["text"] and n030["help"]["markdown"]


def test_sarif_locations_text_pdf_and_cell() -> None:
    results = sarif_dict(_result(), RULES)["runs"][0]["results"]
    text, pdf, cell = results
    region = text["locations"][0]["physicalLocation"]["region"]
    assert text["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/%E6%8A%A5%E5%91%8A.txt"
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (41, 45, 49)
    assert text["relatedLocations"][0]["physicalLocation"]["region"]["startColumn"] == 12
    assert text["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "8.53"
    assert text["level"] == "error" and text["ruleIndex"] == [r.id for r in RULES].index("N030")
    assert pdf["level"] == "warning"
    assert pdf["locations"][0]["physicalLocation"]["region"]["startLine"] == 1
    assert pdf["locations"][0]["logicalLocations"] == [{"name": "第21页第8行", "kind": "page"}]
    assert pdf["locations"][0]["properties"] == {"page": 21, "lineOnPage": 8}
    assert cell["level"] == "note" and cell["locations"][0]["logicalLocations"][0]["name"] == "收入决算表!D7"


def test_sarif_reports_unreadable_documents_and_configured_levels() -> None:
    rules = configured_rules(Config(select=("N03",), severity={"N030": "warning"}))
    log = sarif_dict(_result(), rules)
    _validate(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] == "warning"
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] == "加密的 PDF"


def test_sarif_of_the_bundled_sample_is_valid(tmp_path: Path) -> None:
    sample = Path(__file__).parent.parent / "samples" / "maoxian-hrss-2022-final-accounts.txt"
    out = CliRunner().invoke(main, ["check", str(sample), "--isolated", "--format", "sarif", "-o", str(tmp_path / "r.sarif")])
    assert out.exit_code == 1
    log = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    _validate(log)
    assert sorted(r["locations"][0]["physicalLocation"]["region"]["startLine"]
                  for r in log["runs"][0]["results"] if r["level"] == "error") == [41, 47, 50]


def test_junit_one_case_per_rule_per_document() -> None:
    root = ET.fromstring(render_junit(_result(), rules=RULES, fail_on="error"))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["drafts/报告.txt", "final.pdf", "final.xlsx", "broken.pdf"]
    first = suites[0]
    assert first.get("tests") == str(len(RULES)) and first.get("failures") == "1"
    [failed] = [c for c in first.findall("testcase") if c.find("failure") is not None]
    assert failed.get("name").startswith("N030 ") and failed.get("classname") == "drafts/报告.txt"
    assert failed.find("failure").get("message").startswith("陈述 增加5.53万元")
    assert "drafts/报告.txt:41:45" in failed.find("failure").text
    assert suites[1].get("failures") == "0"                        # a warning is below fail-on error
    assert suites[3].get("errors") == "1" and suites[3].find("testcase/error").get("message") == "加密的 PDF"
    assert root.get("tests") == str(3 * len(RULES) + 1) and root.get("failures") == "1"


def test_junit_failures_follow_fail_on() -> None:
    root = ET.fromstring(render_junit(_result(), rules=RULES, fail_on="warning"))
    assert root.get("failures") == "2"
    pdf_case = next(c for c in root.iter("testcase") if c.get("name", "").startswith("N001 ") and c.get("file") == "final.pdf")
    assert pdf_case.find("failure").get("type") == "warning"


def test_github_escaping() -> None:
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_annotations() -> None:
    lines = render_github(_result()).splitlines()
    assert lines[0].startswith("::error file=drafts/报告.txt,line=41,col=45,endColumn=48,title=N030 增减额%2C 上年%3A 本年::")
    assert "%0A第二行" in lines[0] and lines[0].endswith("疑似有误：5.53，应为 8.53")
    assert lines[1] == "::warning file=final.pdf,line=1,title=N001 收支总计::第21页第8行：占 71.73%25"
    assert lines[2].startswith("::notice file=final.xlsx,line=1,")
    assert lines[3] == "::error file=broken.pdf,line=1,title=budget-audit::无法读取：加密的 PDF"
    assert all("\n" not in line for line in lines)


def test_github_english_page_label() -> None:
    page = _result().documents[1].findings[0]
    assert annotation(page, "en").endswith("::page 21, line 8: 占 71.73%25")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_accepts_output_file(fmt: str, tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("2024年度收入支出总计110.00万元。与2023年度相比，收入支出总计100.00万元增加5.00万元，增长10.00%。\n",
                     encoding="utf-8")
    out = CliRunner().invoke(main, ["check", str(draft), "--isolated", "--format", fmt, "-o", str(tmp_path / "out")])
    assert out.exit_code == 1 and out.stdout == ""
    assert "N030" in (tmp_path / "out").read_text(encoding="utf-8")
    assert FORMATS[fmt](AuditResult(documents=[], tool_version="0")) is not None   # the result alone suffices
