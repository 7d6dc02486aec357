"""Wording rules (W): template remnants, stray years, doubled punctuation and phrases, 持平/增减."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.pipeline import check_path
from audit.rulebook import load_rules

SAMPLES = Path(__file__).parent.parent / "samples"
RULES = load_rules()


def found(path: str, prefix: str = "W") -> list[tuple[str, str, int | None, int | None]]:
    result = check_path(path, RULES)
    return [(f.rule, f.severity, f.locations[0].line, f.locations[0].column)
            for f in result.findings if f.rule.startswith(prefix)]


def run(text: str, tmp_path: Path, prefix: str = "W") -> list[tuple[str, str, int | None, int | None]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return found(str(path), prefix)


def test_county_sample_repeated_phrases_only() -> None:
    assert found(str(SAMPLES / "maoxian-hrss-2022-final-accounts.txt")) == [
        ("W021", "warning", 78, 16), ("W021", "warning", 94, 26)]


def test_clean_pdf_has_no_wording_findings() -> None:
    assert found(str(SAMPLES / "putuo-finance-2024-final-accounts.pdf")) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("收入支出总计XXX万元。", [("W001", "error", 1, 7)]),
    ("收入支出总计XXX 万元，主要原因：XXXXXXXX。", [("W001", "error", 1, 7), ("W002", "warning", 1, 19)]),
    ("上海市XX局无机关运行经费支出。", [("W002", "warning", 1, 4)]),
    ("支出总计增加（减少）5.00万元，增长（下降）5%。", [("W003", "warning", 1, 5), ("W003", "warning", 1, 18)]),
    ("决算数大于（小于）预算数的主要原因：厉行节约。（如持平作持平表述）",
     [("W003", "warning", 1, 4), ("W003", "warning", 1, 24)]),
    ("本年收入合计100.00万元。。", [("W020", "warning", 1, 15)]),
    ("主要用于主要用于公务接待。", [("W021", "warning", 1, 1)]),
    ("本年收入合计100.00万元。", []),
])
def test_template_and_punctuation(text: str, expected: list, tmp_path: Path) -> None:
    assert run(text + "\n", tmp_path) == expected


def test_years_that_do_not_belong(tmp_path: Path) -> None:
    text = ("2024年度部门决算\n"
            "一、2023年度收入支出决算总体情况说明\n"
            "截至2023年12月31日，共有车辆2辆。\n"
            "2023年“三公”经费财政拨款支出决算为3.46万元。\n"
            "与2023年度相比，收入支出总计增加5.00万元。\n"
            "截至2024年12月31日，共有车辆2辆。\n")
    assert [(r, line) for r, _, line, _ in run(text, tmp_path)] == [("W010", 2), ("W010", 3), ("W010", 4)]


def test_comparison_words_against_numbers(tmp_path: Path) -> None:
    text = ("机关运行经费支出12.00万元，与上年10.00万元持平。\n"
            "公务接待费支出8.00万元，比上年10.00万元增加，主要原因是会议增多。\n"
            "公务接待费支出12.00万元，比上年10.00万元增加，主要原因是会议增多。\n"
            "机关运行经费支出10.00万元，与上年10.00万元持平。\n")
    assert [(r, s, line) for r, s, line, _ in run(text, tmp_path, "W030")] == [
        ("W030", "warning", 1), ("W030", "warning", 2)]


def test_no_change_with_a_stated_change(tmp_path: Path) -> None:
    text = "机关运行经费支出12.00万元，与上年持平，增加2.00万元。\n"
    assert [r for r, _, _, _ in run(text, tmp_path, "W030")] == ["W030"]
