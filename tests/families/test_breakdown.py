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
