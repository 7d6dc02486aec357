"""Execution family: N040 (完成预算 c% = actual ÷ budget × 100) and N041 (等于/大于/小于 agree with c)."""

from __future__ import annotations

import pytest

from tests.families.conftest import Run, check_text

CASES = [
    pytest.param("一般公共预算财政拨款支出年初预算为100.00万元，支出决算为90.00万元，完成年初预算的90.00%。", [],
                 id="rate-pass"),
    pytest.param("一般公共预算财政拨款支出年初预算为100.00万元，支出决算为90.00万元，完成年初预算的95.00%。",
                 [("N040", 1)], id="rate-fail"),
    # S32: 37.24 / 43.2 = 86.2%, printed 86%: consistent; S27: 1.71 / 3 printed 43% (the uncompleted share).
    pytest.param("项目全年预算数43.2万元，执行数为37.24万元，完成预算的86%。", [], id="S32-integer-percent"),
    pytest.param("“三公”经费财政拨款支出预算为3万元，支出决算为1.71万元，完成预算的43%。", [("N040", 1)], id="S27-uncompleted"),
    # An item's rate is read against its own budget, not the total's.
    pytest.param("“三公”经费财政拨款支出年初预算为1.00万元，支出决算为1.00万元，完成预算的100%，其中：因公出国（境）费"
                 "决算为0.00万元，完成预算的0%。", [], id="item-rate-own-subject"),
    # Wording: the document's very first sentence carries the claim (claim id 0).
    pytest.param("项目支出决算为90.00万元，完成预算90%，决算数等于预算数。", [("N041", 1)], id="equal-but-90"),
    pytest.param("项目支出决算为100.00万元，完成预算100%，决算数等于预算数。", [], id="equal-100"),
    pytest.param("说明如下。项目支出决算为90.00万元，完成预算90%，决算数大于预算数。", [("N041", 1)], id="greater-but-90"),
    pytest.param("说明如下。项目支出决算为110.00万元，完成预算110%，决算数小于预算数。", [("N041", 1)], id="less-but-110"),
    pytest.param("说明如下。项目支出决算为90.00万元，完成预算90%，决算数小于预算数。", [], id="less-90"),
    # The reason sentence after the amounts: 决算数小于预算数的主要原因是… still compares with that rate.
    pytest.param("支出决算为90.00万元，完成预算110%。决算数小于预算数的主要原因是节约。", [("N041", 1)], id="reason-sentence"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_exec_rate(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(text, rules={"N040", "N041"}) == expected


def test_rate_without_budget_is_skipped() -> None:
    """“完成预算100%” with no budget amount cannot be recomputed: skipped and counted, not an error."""
    result = check_text("1.社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）: 支出决算为233.73万元，完成预算100%。")
    assert not [f for f in result.findings if f.rule == "N040"]
    assert result.skipped > 0


def test_rate_100_is_consistent_with_less_under_rounding(run: Run) -> None:
    """100% stands for [99.5, 100.5]: 小于 may be true, so it is not a contradiction."""
    assert run("说明如下。支出决算为99.80万元，完成预算100%，决算数小于预算数。", rules={"N041"}) == []
