"""Classification-name rules (C): stale names, doubled words, one name per code, items in tables."""

from __future__ import annotations

from pathlib import Path

from audit.document import Cell, Document, Line, Paragraph, Table, TableRow
from audit.families.naming import current_name, year_list
from audit.pipeline import check_document, check_path
from audit.rulebook import load_rules

SAMPLES = Path(__file__).parent.parent / "samples"
RULES = load_rules()


def found(result, prefix: str = "C") -> list[tuple[str, int | None, int | None]]:
    assert all(f.severity != "error" for f in result.findings if f.rule.startswith(prefix))
    return [(f.rule, f.locations[0].line, f.locations[0].column) for f in result.findings if f.rule.startswith(prefix)]


def test_county_sample_stale_and_doubled_names() -> None:
    result = check_path(str(SAMPLES / "maoxian-hrss-2022-final-accounts.txt"), RULES)
    assert found(result) == [("C002", 52, 89), ("C001", 59, 3), ("C001", 60, 11), ("C001", 115, 14),
                             ("C001", 115, 71), ("C001", 116, 4)]
    stale = [f.message for f in result.findings if f.rule == "C001"]
    assert "卫生健康支出" in stale[0] and "210" in stale[0]


def test_clean_pdf_has_no_naming_findings() -> None:
    assert found(check_path(str(SAMPLES / "putuo-finance-2024-final-accounts.pdf"), RULES)) == []


def test_renames_follow_the_report_year() -> None:
    assert current_name("扶贫", 2020) is None
    assert current_name("扶贫", 2022).new == "巩固脱贫衔接乡村振兴"
    assert current_name("扶贫", 2024).new == "巩固脱贫攻坚成果衔接乡村振兴"
    assert current_name("医疗卫生与计划生育支出", 2022).code == "210"
    assert current_name("卫生健康支出", 2024) is None
    assert year_list(2024)["2010601"] == "行政运行"
    assert year_list(2019) == {}


def _doc(text: str, rows: list[tuple[str, str]], extra: list[tuple[str, str]] = ()) -> Document:
    paragraphs = [Paragraph([Line(text=t, line=i)]) for i, t in enumerate(text.split("\n"), start=1) if t]
    tables = [Table(title="一般公共预算财政拨款支出决算表", table_id="T5", page=2,
                    rows=[TableRow(label=label, code=code, page=2, cells=[Cell("合计", "1.00")]) for code, label in rows])]
    if extra:
        tables.append(Table(title="支出决算表", table_id="T3", page=3,
                            rows=[TableRow(label=label, code=code, page=3, cells=[Cell("合计", "1.00")])
                                  for code, label in extra]))
    return Document(path="r.pdf", kind="pdf", paragraphs=paragraphs, tables=tables)


def test_same_code_two_names_and_listed_name() -> None:
    doc = _doc("2024年度部门决算", [("2010601", "一般行政管理事务")], [("2010601", "行政运行")])
    result = check_document(doc, RULES)
    assert {f.message for f in result.findings if f.rule == "C003"} == {
        "科目编码 2010601 在报告中有两个名称：“一般行政管理事务”与“行政运行”",
        "科目编码 2010601 写作“一般行政管理事务”，2024年度科目名称为“行政运行”"}


def test_narrative_item_must_be_in_tables_when_there_are_tables() -> None:
    text = "2024年度部门决算\n一般公共服务支出（类）财政事务（款）信息化建设（项）：支出决算为1.00万元。"
    assert [f.rule for f in check_document(_doc(text, [("2010601", "行政运行")]), RULES).findings
            if f.rule.startswith("C")] == ["C004"]
    assert [f.rule for f in check_document(_doc(text, [("2010607", "信息化建设")]), RULES).findings
            if f.rule.startswith("C")] == []


def test_repeated_word_finds_what_the_backreference_pattern_finds() -> None:
    """`repeated_word` replaces `([\u4e00-\u9fff]{2,4})\\1` (costly to compile): same word, same place."""
    import random
    import re

    from audit.families.naming import repeated_word

    pattern = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
    rng = random.Random(7)
    for _ in range(20000):
        name = "".join(rng.choice("一二三a行政运行（事务") for _ in range(rng.randint(0, 14)))
        m = pattern.search(name)
        assert repeated_word(name) == (m.group(1) if m else None), name
    assert repeated_word("行政运行行政运行") == "行政运行"
    assert repeated_word("一般公共服务支出") is None
