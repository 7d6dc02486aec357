"""Performance self-evaluation tables: the flattened county forms, Table objects, the P rules."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from audit.document import Cell, Document, Table, TableRow
from audit.extract.performance import performance_forms
from audit.families.performance_narrative import best_table, similarity
from audit.names import short_name
from audit.pipeline import check_document, check_path
from audit.readers import read_document
from audit.rulebook import load_rules

COUNTY = str(Path(__file__).parent.parent / "samples" / "maoxian-hrss-2022-final-accounts.txt")
RULES = load_rules()


def found(result, prefix: str) -> list[tuple[str, str, int | None]]:
    return [(f.rule, f.severity, f.locations[0].line) for f in result.findings if f.rule.startswith(prefix)]


def test_flattened_county_forms_are_rebuilt() -> None:
    tables = performance_forms(read_document(COUNTY))
    assert [(t.name, t.location.line) for t in tables] == [
        ("东西部协作对口联络站建设", 155), ("第一书记临岗补贴", 323), ("三支一扶人员安家费", 472),
        ("社保公共服务能力建设", 634)]
    first = tables[0]
    total = first.fund("总额")
    assert total is not None
    assert {k: (c.text, c.location.line) for k, c in total.cells.items() if k != "原因"} == {
        "年初预算": ("0.00", 191), "调整后预算": ("219.13", 192), "执行数": ("219.13", 193),
        "执行率": ("100%", 194), "权重": ("10", 195), "得分": ("", 196)}
    assert [r.label for r in first.funds] == ["总额", "财政资金", "财政专户管理资金", "单位资金", "其他资金"]
    assert [(i.names[0], i.names[1], i.cells["权重"].text, i.cells["完成值"].blank) for i in first.indicators] == [
        ("产出指标", "质量指标", "50", True), ("效益指标", "社会效益指标", "30", True),
        ("满意度指标", "服务对象满意度指标", "10", True)]
    assert first.total_weight is not None and first.total_weight.text == "100"
    assert total.cells["执行数"].figure is not None and total.cells["执行数"].figure.value == Decimal("219.13")
    assert total.cells["执行数"].figure.source == "performance"


def test_county_sample_reports_incomplete_tables_and_unit_as_warnings() -> None:
    result = check_path(COUNTY, RULES)
    assert found(result, "P") == [("P005", "warning", 155), ("P005", "warning", 323), ("P005", "warning", 472),
                                  ("P005", "warning", 634), ("P009", "warning", 733)]
    incomplete = next(f for f in result.findings if f.rule == "P005")
    # The finding points at every blank cell: 3 完成值, 3 indicator 得分, 总额 得分, 合计 得分.
    assert {loc.line for loc in incomplete.locations} >= {196, 258, 260, 270, 272, 282, 284, 289}


def test_narrative_project_amount_disagreeing_with_its_table_is_an_error(tmp_path: Path) -> None:
    text = Path(COUNTY).read_text(encoding="utf-8").replace("项目全年预算数11.89万元", "项目全年预算数12.89万元")
    path = tmp_path / "county.txt"
    path.write_text(text, encoding="utf-8")
    result = check_path(str(path), RULES)
    assert ("P007", "error", 97) in found(result, "P007")
    # 12.89 no longer matches the 项目支出 total either only if it were a table figure: P008 stays quiet.
    assert not found(result, "P008")


def test_project_total_checked_when_the_report_counts_the_projects(tmp_path: Path) -> None:
    text = Path(COUNTY).read_text(encoding="utf-8").replace("项目支出235.91万元", "项目支出245.91万元")
    path = tmp_path / "county.txt"
    path.write_text(text, encoding="utf-8")
    assert [r for r, _, _ in found(check_path(str(path), RULES), "P008")] == ["P008"]


def test_project_names_match_leniently_and_only_when_unambiguous() -> None:
    tables = performance_forms(read_document(COUNTY))
    assert best_table("（1）社保公共能力建设", tables).name == "社保公共服务能力建设"
    assert best_table("（2）东西部劳务协作对口联络站建设", tables).name == "东西部协作对口联络站建设"
    assert best_table("（4）三支一扶安家费2.7万元、培训费1.35万元", tables).name == "三支一扶人员安家费"
    assert best_table("一般公共预算财政拨款支出", tables) is None
    assert similarity("第一书记临岗补贴项目", "51322321T000000065891-第一书记临岗补贴") == 1.0
    assert short_name("51322321T000000065891-第一书记临岗补贴") == "第一书记临岗补贴"
    assert short_name("５１３２２３２１T０００００００６５８９１－第一书记临岗补贴") == "第一书记临岗补贴"  # full-width code


def _table(weight2: str, score_total: str) -> Table:
    columns = ["年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"]

    def fund(label: str, values: list[str]) -> TableRow:
        return TableRow(label=label, cells=[Cell(c, v, page=3) for c, v in zip(columns, values, strict=True)], page=3)

    ind_cols = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分"]

    def indicator(values: list[str]) -> TableRow:
        return TableRow(label=values[2], cells=[Cell(c, v, page=3) for c, v in zip(ind_cols, values, strict=True)], page=3)

    rows = [TableRow(label="项目名称", cells=[Cell("项目名称", "示例项目")], page=3),
            fund("总额", ["50.00", "50.00", "40.00", "80.00%", "10", "8", ""]),
            fund("其中：财政资金", ["50.00", "50.00", "40.00", "80.00%", "/", "/", ""]),
            indicator(["产出指标", "数量指标", "培训人次", "≥", "100", "人次", "100", "60", "60"]),
            indicator(["满意度指标", "服务对象满意度指标", "满意度", "≥", "90", "%", "95", weight2, "30"]),
            TableRow(label="合计", cells=[Cell("权重", "100"), Cell("得分", score_total)], page=3)]
    return Table(title="部门预算项目支出绩效自评表（2024年度）", rows=rows, page=3)


def test_tables_from_readers_are_checked_like_flattened_ones() -> None:
    doc = Document(path="perf.docx", kind="docx", tables=[_table("30", "98")])
    clean = check_document(doc, RULES)
    # 80% < 90% with no reason is the only finding.
    assert [(f.rule, f.severity, f.locations[0].page) for f in clean.findings if f.rule.startswith("P")] == [
        ("P006", "warning", 3)]
    broken = check_document(Document(path="perf.docx", kind="docx", tables=[_table("20", "90")]), RULES)
    rules = sorted({f.rule for f in broken.findings if f.rule.startswith("P")})
    assert rules == ["P001", "P004", "P006"]
    assert all(f.severity == "error" for f in broken.findings if f.rule in {"P001", "P004"})


def test_national_form_uses_full_year_budget_and_actual() -> None:
    cols = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    rows = [TableRow(label="项目名称", cells=[Cell("项目名称", "示例项目")]),
            TableRow(label="年度资金总额", cells=[Cell(c, v) for c, v in zip(cols, ["43.2", "43.2", "37.24", "10", "86%", "9"],
                                                                           strict=True)]),
            TableRow(label="其中：当年财政拨款", cells=[Cell(c, v) for c, v in zip(cols, ["43.2", "43.2", "37.24", "", "86%", ""],
                                                                             strict=True)])]
    doc = Document(path="national.xlsx", kind="xlsx", tables=[Table(title="项目支出绩效自评表", rows=rows, page=1)])
    table = performance_forms(doc)[0]
    assert table.fund("总额").cells["调整后预算"].text == "43.2" and table.fund("总额").cells["执行数"].text == "37.24"
    assert not [f for f in check_document(doc, RULES).findings if f.rule in {"P002", "P003"}]
    wrong = Document(path="national.xlsx", kind="xlsx",
                     tables=[Table(title="项目支出绩效自评表", page=1, rows=[rows[0], TableRow(
                         label="年度资金总额", cells=[Cell(c, v) for c, v in zip(cols, ["43.2", "43.2", "37.24", "10", "96%", "9"],
                                                                            strict=True)])])])
    assert [f.rule for f in check_document(wrong, RULES).findings if f.rule == "P002"] == ["P002"]
