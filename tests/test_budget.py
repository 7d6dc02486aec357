"""Budgets (部门预算 / 单位预算): the kind of report, which rules run on it, the budget rules,
the --kind option and budget workbooks. Sentences are made up unless a fixture is named."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.config import ConfigError, load_config
from audit.examples import example_document
from audit.extract.report_kind import parse_kind_option, report_kind
from audit.model import AuditResult
from audit.pipeline import check_document, check_path
from audit.reporters.github import render_github
from audit.reporters.junit import render_junit
from audit.reporters.sarif import sarif_dict
from audit.rulebook import RulebookError, _load_file, load_rules

RULES = load_rules()
SHFLY = str(Path(__file__).parent.parent / "samples" / "putuo-welfare-2024-unit-budget.pdf")

# A budget with a Shanghai-style outline that lacks the final-accounts parts (决算表, 名词解释).
BUDGET = """上海市普陀区2025年区级部门预算
预算主管部门：上海市普陀区示例局
第一部分 示例局概况
第二部分 2025年部门预算编制说明
2025年财政拨款支出预算100.00万元，比2024年预算增加5.00万元。
"""
FINAL = BUDGET.replace("2025年区级部门预算", "2024年度部门决算").replace("2025年部门预算编制说明", "2024年度部门决算情况说明")


def _rules_found(text: str, kind: str | None = None) -> set[str]:
    result = check_document(example_document(text), RULES, kind=kind)
    return {f.rule for f in result.findings}


@pytest.mark.parametrize(("text", "label", "source"), [
    ("上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区示例局", "部门预算", "title"),
    ("上海市2025年市级单位预算\n预算单位：上海市示例局", "单位预算", "title"),
    ("2018 年度江苏省示例\n人民法院预算公开\n第一部分 部门概况", "预算", "title"),
    ("示例局\n2024年度部门决算\n第一部分 概况", "部门决算", "title"),
    ("部门预算项目支出绩效自评表（2024年度）\n项目名称\n年初预算\n预算执行数", "未识别", "unknown"),
    ("公开01表\n收支预算总表\n单位:万元", "预算", "tables"),
    ("收入支出决算总表\n收入决算表", "决算", "tables"),
    ("第一部分 单位概况\n" + "本单位2022年度单位决算收入合计10.00万元，单位决算支出合计10.00万元，与上年相比增加1.00万元，"
     "主要原因是人员增加。", "单位决算", "body"),
    ("收入合计10.00万元。", "未识别", "unknown"),
])
def test_kind_from_title_tables_and_body(text: str, label: str, source: str) -> None:
    kind = report_kind(example_document(text))
    assert (kind.label(), kind.source) == (label, source)


def test_kind_year_level_and_template() -> None:
    kind = report_kind(example_document("上海市普陀区2026年区级单位预算\n预算单位：上海市普陀区XX单位"))
    assert (kind.accounts, kind.level, kind.year, kind.template) == ("budget", "单位", 2026, True)
    assert kind.label() == "单位预算模板" and kind.label("en") == "unit budget (template)"


def test_kind_option_spellings() -> None:
    assert [parse_kind_option(v) for v in ("决算", "final", "预算", "Budget")] == ["final", "final", "budget", "budget"]
    with pytest.raises(ValueError):
        parse_kind_option("草案")


def test_final_accounts_outline_is_not_demanded_of_a_budget() -> None:
    assert "S002" not in _rules_found(BUDGET)
    assert "S002" in _rules_found(FINAL)
    # The same budget checked as final accounts (--kind 决算) is held to the final-accounts outline.
    assert "S002" in _rules_found(BUDGET, kind="final")


def test_budget_rules_never_run_on_final_accounts() -> None:
    text = "示例局\n2026年度部门决算\n财政拨款支出100.00万元，比2024年预算执行数增加5.00万元。"
    assert "B001" not in _rules_found(text)
    assert "B001" in _rules_found(text, kind="budget")


def test_applies_to_defaults_by_family_and_is_validated(tmp_path: Path) -> None:
    by_id = {r.id: r for r in RULES}
    assert by_id["S002"].applies_to == "final" and by_id["T101"].applies_to == "final"
    assert by_id["N030"].applies_to == "both" and by_id["B001"].applies_to == "budget"
    assert by_id["W010"].applies_to == "final"
    assert by_id["S002"].applies(None) and not by_id["S002"].applies("budget")
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules:\n  - {id: Z1, name: z, title: z, family: wording, severity: warning, rationale: r, "
                   "applies_to: drafts}\n", encoding="utf-8")
    with pytest.raises(RulebookError, match="applies_to"):
        _load_file(bad, {"wording"})


@pytest.mark.parametrize(("sentence", "found"), [
    ("2026年财政拨款支出预算100.00万元，比2024年预算执行数增加5.00万元。", True),
    ("2026年财政拨款支出预算100.00万元，较2024年度预算减少5.00万元。", True),
    ("2024年预算执行数为95.00万元。", True),
    ("2026年财政拨款支出预算100.00万元，比2026年预算增加5.00万元。", True),
    ("2026年财政拨款支出预算100.00万元，比2025年预算增加5.00万元，比2025年预算执行数增长5.26%。", False),
    ("2025年当年预算执行数为95.00万元。", False),
    ("2024年7月起调整了住房补贴标准。", False),
    ("结合2023年预算执行情况和2025年预算执行数编制。", False),
])
def test_budget_compares_with_the_year_before(sentence: str, found: bool) -> None:
    assert ("B001" in _rules_found("上海市普陀区2026年区级部门预算\n" + sentence)) is found


def test_no_year_in_the_title_no_year_judged() -> None:
    assert "B001" not in _rules_found("示例局部门预算\n" + "财政拨款支出预算100.00万元，" * 4 + "比2024年预算执行数增加5.00万元。")


@pytest.mark.parametrize(("sentence", "found"), [
    ("公务接待费1.00万元，与2023年预算持平，主要原因是。", True),
    ("项目支出50.00万元，主要用于；", True),
    ("增加的主要原因是：。", True),
    ("项目支出50.00万元，主要用于日常运转。", False),
    ("日常公用经费支出不再列入其中。", False),
    ("主要原因是……。", False),
])
def test_sentence_that_stops_short(sentence: str, found: bool) -> None:
    assert ("B002" in _rules_found("上海市普陀区2024年区级单位预算\n" + sentence)) is found


@pytest.mark.parametrize(("title", "sentence", "found"), [
    ("2025年区级单位预算", "本部门2025年政府采购预算10.00万元。", True),
    ("2025年区级单位预算", "2025年部门预算安排购置车辆0辆。", True),
    ("2025年区级单位预算", "本单位2025年政府采购预算10.00万元。", False),
    ("2025年区级单位预算", "单位一般公共预算基本支出部门预算经济分类预算表", False),
    ("2025年区级部门预算", "本部门2025年政府采购预算10.00万元。", False),
    ("2025年区级部门预算", "本单位2025年政府采购预算10.00万元。", False),
    ("2025年区级部门预算", "2025年单位预算安排购置车辆0辆。", True),
])
def test_department_or_unit_wording(title: str, sentence: str, found: bool) -> None:
    assert ("B003" in _rules_found(f"上海市普陀区{title}\n{sentence}")) is found


@pytest.mark.parametrize("name", ["医疗卫生与计划生育支出（210类）", "医疗卫生和计划生育支出（类）",
                                  "医疗卫生与计划生育（ 类 ）"])
def test_stale_classification_names_in_every_spelling(name: str) -> None:
    text = f"上海市普陀区2024年区级单位预算\n{name}行政事业单位医疗（款）事业单位医疗（项）10.00万元。"
    assert "C001" in _rules_found(text)
    assert "C001" not in _rules_found(text.replace(name, "卫生健康支出（210类）"))


def test_real_budget_kind_and_reviewer_findings() -> None:
    """sh-pt-shfly-2024: a 单位预算; 主要原因是。 on p.16 and the stale 210 name on p.6 are found,
    and neither the final-accounts outline, tables nor the as-of year (截至2023年) is demanded."""
    result = check_path(SHFLY, RULES)
    assert result.status == "checked" and result.kind is not None
    assert (result.kind.label(), result.kind.year, result.kind.source) == ("单位预算", 2024, "title")
    found = {(f.rule, f.locations[0].page) for f in result.findings}
    assert ("B002", 16) in found and ("C001", 6) in found
    assert not {f.rule for f in result.findings} & {"S001", "S002", "S003", "W010"}
    assert not [f for f in result.findings if f.rule.startswith("B") and f.severity == "error"]


def _template(path: Path) -> str:
    """A blank budget workbook shaped like the Putuo 2026 单位预算 template (../shared/corpus/dev)."""
    import openpyxl

    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "封面"
    cover.append(["上海市普陀区2026年区级单位预算"])
    cover.append(["预算单位：上海市普陀区XX单位"])
    cover.merge_cells("A1:F1")
    notes = wb.create_sheet("单位编制说明")
    notes.append(["2026年单位预算编制说明"])
    notes.append(["2026年，XX收入预算XXX万元，比2025年预算增加（减少）XXX万元（持平）。"])
    notes.append(["支出预算x,xxx万元，其中：财政拨款支出预算x,xxx万元。"])
    wb.save(path)
    return str(path)


def test_budget_template_workbook_reports_its_placeholders(tmp_path: Path) -> None:
    result = check_path(_template(tmp_path / "template.xlsx"), RULES)
    assert result.status == "checked", result.error
    assert result.kind is not None and result.kind.label() == "单位预算模板"
    rules = {f.rule for f in result.findings}
    assert {"W001", "W002", "W003"} <= rules
    assert any(f.rule == "W001" and f.locations[0].text == "x,xxx万元" for f in result.findings)
    first = next(f for f in result.findings if f.rule == "W001")
    assert first.locations[0].page is not None and first.locations[0].line is not None


def test_a_workbook_that_is_no_report_stays_unreadable(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "list.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "电话"])
    wb.save(path)
    assert check_path(str(path), RULES).status == "unreadable"


def _cli(*args: str) -> tuple[int, str]:
    out = CliRunner().invoke(main, ["check", "--isolated", *args], catch_exceptions=False)
    return out.exit_code, out.output


def test_json_carries_the_kind_and_the_option_overrides_it(tmp_path: Path) -> None:
    path = tmp_path / "budget.txt"
    path.write_text(BUDGET, encoding="utf-8")
    _, out = _cli("--format", "json", str(path))
    schema = json.loads((Path(__file__).parent / "data" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(out), schema)
    kind = json.loads(out)["documents"][0]["kind"]
    assert kind == {"accounts": "budget", "level": "部门", "year": 2025, "template": False, "source": "title",
                    "label": "部门预算"}
    _, out = _cli("--format", "json", "--kind", "决算", str(path))
    doc = json.loads(out)["documents"][0]
    assert doc["kind"]["accounts"] == "final" and doc["kind"]["source"] == "option"
    assert "S002" in {f["rule"] for f in doc["findings"]}
    code, out = _cli("--kind", "草案", str(path))
    assert code == 2 and "--kind" in out


def test_kind_in_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "budget-audit.toml").write_text('kind = "预算"\n', encoding="utf-8")
    assert load_config(tmp_path / "budget-audit.toml").kind == "budget"
    (tmp_path / "budget-audit.toml").write_text('kind = "草案"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="kind"):
        load_config(tmp_path / "budget-audit.toml")
    (tmp_path / "budget-audit.toml").write_text('kind = "final"\n', encoding="utf-8")
    path = tmp_path / "budget.txt"
    path.write_text(BUDGET, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", "--format", "json", "--config", str(tmp_path / "budget-audit.toml"),
                                    str(path)])
    assert json.loads(out.output)["documents"][0]["kind"]["accounts"] == "final"


def test_every_format_shows_the_kind(tmp_path: Path) -> None:
    path = tmp_path / "budget.txt"
    path.write_text(BUDGET, encoding="utf-8")
    _, text = _cli(str(path))
    assert "报告类别：部门预算（据标题）" in text
    _, text = _cli("--lang", "en", str(path))
    assert "kind of report: department budget (from the title)" in text
    result = AuditResult(documents=[check_path(str(path), RULES)], tool_version="0")
    assert 'name="report-kind" value="部门预算"' in render_junit(result, rules=RULES)
    log = sarif_dict(result, RULES)
    schema = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft4Validator(schema).iter_errors(log))
    assert log["runs"][0]["artifacts"][0]["properties"]["reportKind"]["label"] == "部门预算"
    lines = render_github(result).splitlines()
    assert lines[0] == f"::group::{path} — 部门预算" and lines[-1] == "::endgroup::"


def test_narrative_and_tables_pdfs_pair_by_name(tmp_path: Path) -> None:
    from audit.grouping import group_report_files

    names = ["js-x-2019-bmys-text.pdf", "js-x-2019-bmys-tables.pdf", "js-y-2019-bmys.pdf", "js-z-2019-tables.pdf"]
    for name in names:
        (tmp_path / name).write_bytes(b"%PDF-1.4\n")
    groups = [[Path(f).name for f in g] for g in group_report_files([str(tmp_path)])]
    assert ["js-x-2019-bmys-text.pdf", "js-x-2019-bmys-tables.pdf"] in groups
    assert ["js-y-2019-bmys.pdf"] in groups and ["js-z-2019-tables.pdf"] in groups


def test_kind_of_two_files_read_as_one_is_the_title_either_prints() -> None:
    from audit.grouping import merge

    tables = example_document("公开01表\n收支预算总表\n单位：万元", path="x-tables.txt")
    text = example_document("江苏省示例厅\n2019年度部门预算公开\n第一部分 部门概况", path="x-text.txt")
    kind = report_kind(merge([tables, text], "x-tables.txt + x-text.txt"))
    assert (kind.label(), kind.year, kind.source) == ("部门预算", 2019, "title")


def test_explain_and_rules_say_which_kind_a_rule_applies_to() -> None:
    out = CliRunner().invoke(main, ["explain", "B001"])
    assert "适用: 预算" in out.output
    out = CliRunner().invoke(main, ["explain", "S002", "--lang", "en"])
    assert "applies to: final accounts" in out.output
    listed = json.loads(CliRunner().invoke(main, ["rules", "--isolated", "--format", "json"]).output)
    assert {r["id"]: r["applies_to"] for r in listed}["B002"] == "both"
