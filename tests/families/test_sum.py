"""Sum family (N001–N008): totals declared in rules/narrative.yaml over concepts."""

from __future__ import annotations

import pytest

from tests.families.conftest import Run, check_text

CASES = [
    pytest.param("2024年度收入支出总计110.00万元。本年收入合计100.00万元，年初结转和结余10.00万元。", [], id="N001-pass"),
    # An excess cannot be explained by a part left out under 不涉及的不列.
    pytest.param("2024年度收入支出总计100.00万元。本年收入合计100.00万元，年初结转和结余10.00万元。",
                 [("N001", 1)], id="N001-excess"),
    # A shortfall while 使用非财政拨款结余 is unstated: the parts may be incomplete, so nothing is concluded.
    pytest.param("2024年度收入支出总计120.00万元。本年收入合计100.00万元，年初结转和结余10.00万元。", [],
                 id="N001-shortfall-with-unstated-part"),
    pytest.param("2024年度收入支出总计100.00万元。本年支出合计105.00万元。", [("N002", 1)], id="N002-fail"),
    pytest.param("2024年度收入支出总计100.00万元。本年支出合计100.00万元。", [], id="N002-pass"),
    pytest.param("本年支出合计300.00万元，其中：基本支出200.00万元；项目支出120.00万元。",
                 [("N003", 1), ("N010", 1)], id="N003-fail"),
    pytest.param("本年支出合计300.00万元，其中：基本支出200.00万元；项目支出100.00万元。", [], id="N003-pass"),
    # 基本支出 and its split given on the lines after “其中：” (the Sichuan layout).
    pytest.param("一般公共预算财政拨款基本支出100.00万元，其中：\n人员经费80.00万元，主要包括：基本工资、津贴补贴。\n"
                 "日常公用经费30.00万元，主要包括：办公费、印刷费。", [("N004", 1), ("N010", 1)], id="N004-next-lines-fail"),
    pytest.param("一般公共预算财政拨款基本支出100.00万元，其中：\n人员经费80.00万元，主要包括：基本工资、津贴补贴。\n"
                 "日常公用经费20.00万元，主要包括：办公费、印刷费。", [], id="N004-next-lines-pass"),
    pytest.param("“三公”经费财政拨款支出决算为5.00万元。因公出国（境）费支出决算1.00万元；公务用车购置及运行维护费支出决算"
                 "3.00万元；公务接待费支出决算2.00万元。", [("N005", 1)], id="N005-fail"),
    pytest.param("“三公”经费财政拨款支出决算为6.00万元。因公出国（境）费支出决算1.00万元；公务用车购置及运行维护费支出决算"
                 "3.00万元；公务接待费支出决算2.00万元。", [], id="N005-pass"),
    pytest.param("公务用车购置及运行维护费支出5.00万元。公务用车购置费2.00万元。公务用车运行维护费2.00万元。",
                 [("N006", 1)], id="N006-fail"),
    pytest.param("政府采购金额为100.00万元，其中：货物采购金额50.00万元、工程采购金额0万元、服务采购金额60.00万元。",
                 [("N007", 1), ("N010", 1)], id="N007-fail"),
    pytest.param("一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.00万元；公用经费20.00万元。机关运行经费支出25.00万元。",
                 [("N008", 1)], id="N008-fail"),
    pytest.param("一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.00万元；公用经费20.00万元。机关运行经费支出20.00万元。",
                 [], id="N008-pass"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sum(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(text) == expected


def test_two_term_sum_off_by_one_cent_is_rounding_info() -> None:
    """n = 2: tolerance 0.005·3 = 0.015, so 80.01 + 20.00 against 100.00 is rounding, reported as info."""
    result = check_text("一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.01万元；公用经费20.00万元。")
    assert [(f.rule, f.severity) for f in result.findings if f.rule == "N004"] == [("N004", "info")]


def test_two_term_sum_off_by_two_cents_is_an_error() -> None:
    result = check_text("一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.02万元；公用经费20.00万元。")
    errors = [f for f in result.findings if f.rule == "N004"]
    assert [f.severity for f in errors] == ["error"]
    assert errors[0].expected == "100.02"


def test_suggestion_names_the_figure_to_change() -> None:
    result = check_text("“三公”经费财政拨款支出决算为5.00万元。因公出国（境）费支出决算1.00万元；公务用车购置及运行维护费支出决算"
                        "3.00万元；公务接待费支出决算2.00万元。")
    (finding,) = [f for f in result.findings if f.rule == "N005"]
    assert finding.suggestion is not None
    assert (finding.suggestion.replace, finding.suggestion.with_) == ("5.00", "6.00")
    assert finding.suggestion.location.line == 1 and finding.suggestion.location.text == "5.00"
