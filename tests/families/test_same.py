"""Same-figure family (N050): one quantity stated twice in a section must agree."""

from __future__ import annotations

import pytest

from tests.families.conftest import Run, check_text

CASES = [
    pytest.param("本年支出合计100.00万元。与上年相比，本年支出合计增加5.00万元。本年支出合计100.00万元。", [], id="pass"),
    pytest.param("本年支出合计100.00万元。与上年相比，本年支出合计增加5.00万元。本年支出合计101.00万元。",
                 [("N050", 1)], id="fail"),
    # Different precision: 6.2 stands for [6.15, 6.25], which contains 6.20.
    pytest.param("其他收入6.20万元。\n其他收入6.2万元。", [], id="fewer-decimals"),
    pytest.param("其他收入6.20万元。\n其他收入6.3万元。", [("N050", 2)], id="fewer-decimals-fail"),
    # A bare 基本支出 in another section may be other money: scope is the section.
    pytest.param("三、支出决算情况说明\n基本支出100.00万元。\n六、一般公共预算财政拨款基本支出决算情况说明\n基本支出90.00万元。", [],
                 id="other-section"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_same(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(text, rules={"N050"}) == expected


def test_one_cent_apart_is_rounding_info() -> None:
    """326.71 / 326.72: the 2-dp intervals touch at 326.715, so the pair is info, never an error."""
    result = check_text("本年支出合计326.71万元。\n本年支出合计326.72万元。")
    assert [(f.rule, f.severity) for f in result.findings if f.rule == "N050"] == [("N050", "info")]


def test_finding_points_at_the_later_statement() -> None:
    result = check_text("其他收入6.20万元。\n其他收入6.3万元。")
    (finding,) = [f for f in result.findings if f.rule == "N050"]
    assert [(loc.line, loc.text) for loc in finding.locations] == [(2, "6.3"), (1, "6.20")]


@pytest.mark.parametrize("text", [
    # last year's budget execution and this year's budget of one item
    "1.“一般公共服务支出（类）统计信息事务（款）统计管理（项）”2.63万元，主要用于统计管理。2022年当年预算执行数为1.48万元。",
    # the initial and the adjusted budget
    "公务接待费年初预算为10.00万元，调整预算为8.00万元，支出决算为8.00万元。公务接待费年初预算为10.00万元。",
    # shares of one part in two different wholes
    "基本支出80.00万元，占本年支出合计的40.00%。基本支出80.00万元，占一般公共预算财政拨款支出的50.00%。",
    # a count of vehicles to buy and the fleet
    "共有车辆2辆。购置车辆0辆。",
])
def test_different_quantities_are_not_compared(run: Run, text: str) -> None:
    assert run(text, rules={"N050"}) == []


def test_the_same_item_is_still_compared(run: Run) -> None:
    text = "公务接待费年初预算为10.00万元，支出决算为8.00万元。公务接待费年初预算为11.00万元。"
    assert run(text, rules={"N050"}) == [("N050", 1)]
