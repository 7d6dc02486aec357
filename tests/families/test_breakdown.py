"""Breakdown family (N010): parts listed after 其中 / 主要用于 add up to the amount before."""

from __future__ import annotations

import pytest

from tests.families.conftest import Run, check_text

CASES = [
    pytest.param("本年收入合计100.00万元，其中：财政拨款收入90.00万元，占90.00%；其他收入10.00万元，占10.00%。", [],
                 id="complete-pass"),
    pytest.param("本年收入合计100.00万元，其中：财政拨款收入90.00万元，占90.00%；其他收入20.00万元，占20.00%。",
                 [("N010", 1)], id="excess-is-error"),
    # A 2-dp total with three parts: tolerance 0.005·4 = 0.02, so 0.01 off is rounding, not a finding.
    pytest.param("政府采购金额为251.25万元，其中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元。", [],
                 id="three-parts-one-cent-off"),
    # Parts after 主要用于 on the same line, with 类 paths as their names.
    pytest.param("一般公共预算财政拨款支出100.00万元，主要用于以下方面：教育支出（类）60.00万元，占60.00%；"
                 "住房保障支出（类）50.00万元，占50.00%。", [("N010", 1)], id="classes-excess"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_breakdown(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(text, rules={"N010", "N020"}) == expected


def test_shortfall_without_shares_is_only_a_warning() -> None:
    """Parts may be left out under 不涉及的不列: falling short is a warning, never an error."""
    result = check_text("本年收入合计100.00万元，其中：财政拨款收入90.00万元；其他收入5.00万元。")
    assert [(f.rule, f.severity) for f in result.findings if f.rule == "N010"] == [("N010", "warning")]


def test_shortfall_with_shares_summing_to_100_is_an_error() -> None:
    """Shares adding up to 100% show the list is complete, so a shortfall cannot be an omission."""
    result = check_text("本年收入合计100.00万元，其中：财政拨款收入90.00万元，占95.00%；其他收入5.00万元，占5.00%。")
    assert ("N010", "error") in [(f.rule, f.severity) for f in result.findings]


def test_head_carried_to_following_lines(run: Run) -> None:
    text = "2022年本年支出合计300.00万元，其中：\n基本支出200.00万元，主要包括：工资。\n项目支出150.00万元，主要用于：项目。"
    assert run(text, rules={"N010"}) == [("N010", 1)]


BUDGET = "上海市某区某委员会2025年区级部门预算\n某某专项经费情况说明\n{}\n"


@pytest.mark.parametrize(("text", "expected"), [
    # a closing 合计 says the list is complete: falling short is an error, located on line 3
    pytest.param("2025年度项目总预算1170.00万，其中支持甲870.00万，支持乙70.00万，支持丙180.00万，支持丁40.00万，"
                 "合计1170.00万。", [("N010", "error")], id="complete-short"),
    pytest.param("2025年度项目总预算1170.00万，其中支持甲870.00万，支持乙70.00万，支持丙180.00万，支持丁60.00万，"
                 "合计1170.00万。", [("N010", "error")], id="complete-excess"),
    pytest.param("2025年度项目总预算1170.00万，其中支持甲870.00万，支持乙70.00万，支持丙180.00万，支持丁50.00万，"
                 "合计1170.00万。", [], id="complete-pass"),
    # rounding: four parts written to the unit may be 2 off a total written to the unit (info only)
    pytest.param("2025年度项目总预算100万，其中支持甲30万，支持乙30万，支持丙20万，支持丁21万，合计100万。", [],
                 id="rounding"),
    # no closing total: a budget's list may be partial; only an excess is certain
    pytest.param("2025年度项目总预算1170.00万，其中支持甲870.00万，支持乙70.00万。", [], id="partial-short"),
    pytest.param("2025年度项目总预算1170.00万，其中支持甲870.00万，支持乙370.00万元。", [("N010", "error")],
                 id="partial-excess"),
    # the closing total is the head again: checked equal, not added
    pytest.param("2025年度项目总预算1170.00万，其中支持甲870.00万，支持乙300.00万，合计1180.00万。",
                 [("N010", "error")], id="closing-total-differs"),
])
def test_budget_lists(text: str, expected: list[tuple[str, str]]) -> None:
    result = check_text(BUDGET.format(text))
    found = [(f.rule, f.severity) for f in result.findings if f.rule == "N010" and f.severity != "info"]
    assert found == expected
    assert all(f.locations[0].line == 3 for f in result.findings if f.rule == "N010")
