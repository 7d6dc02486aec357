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
    # The rate names its budget: 完成调整预算 is over the adjusted one, 完成年初预算 over the initial one.
    pytest.param("公务接待费年初预算为10.00万元，调整预算为8.00万元，支出决算为8.00万元，完成调整预算的100.00%。", [],
                 id="adjusted-budget"),
    pytest.param("公务接待费年初预算为10.00万元，调整预算为8.00万元，支出决算为8.00万元，完成年初预算的80.00%。", [],
                 id="initial-budget-next-to-adjusted"),
    pytest.param("公务接待费年初预算为10.00万元，调整预算为8.00万元，支出决算为8.00万元，完成调整预算的80.00%。",
                 [("N040", 1)], id="adjusted-budget-wrong"),
]

ITEM = "{n}.一般公共服务支出（类）财政事务（款）行政运行（项）：年初预算为{x}万元，支出决算为{y}万元{rate}。{words}的主要原因是{why}。"
COMPARE = [
    pytest.param(ITEM.format(n=1, x="100.00", y="90.00", rate="", words="决算数小于预算数", why="节约"), [], id="less"),
    pytest.param(ITEM.format(n=1, x="100.00", y="90.00", rate="", words="决算数大于预算数", why="增人"), [("N042", 1)],
                 id="greater-but-less"),
    pytest.param(ITEM.format(n=1, x="100.00", y="110.00", rate="", words="决算数小于预算数", why="节约"), [("N042", 1)],
                 id="less-but-greater"),
    pytest.param(ITEM.format(n=1, x="100.00", y="100.00", rate="", words="决算数等于预算数", why="按预算执行"), [], id="equal"),
    pytest.param(ITEM.format(n=1, x="100.00", y="99.00", rate="", words="决算数与预算数持平", why="按预算执行"),
                 [("N042", 1)], id="level-but-differ"),
    # 基本持平 is roughly equal: no exact comparison.
    pytest.param(ITEM.format(n=1, x="100.00", y="99.00", rate="", words="决算数与预算数基本持平", why="按预算执行"), [],
                 id="roughly-level"),
    # With a rate all three agree or the words are caught twice (against the rate and the amounts).
    pytest.param(ITEM.format(n=1, x="100.00", y="90.00", rate="，完成年初预算的90.00%", words="决算数小于预算数", why="节约"),
                 [], id="with-rate"),
    pytest.param(ITEM.format(n=1, x="100.00", y="90.00", rate="，完成年初预算的90.00%", words="决算数大于预算数", why="增人"),
                 [("N041", 1), ("N042", 1)], id="with-rate-wrong-words"),
    # Every item of the list, each against its own amounts; and the 三公 items and funds the same way.
    pytest.param(ITEM.format(n=1, x="100.00", y="90.00", rate="", words="决算数小于预算数", why="节约") + "\n"
                 + ITEM.format(n=2, x="50.00", y="60.00", rate="", words="决算数小于预算数", why="节约"),
                 [("N042", 2)], id="second-item"),
    pytest.param("公务接待费年初预算为2.00万元，支出决算为2.50万元。决算数小于预算数的主要原因是厉行节约。", [("N042", 1)],
                 id="sangong-item"),
    pytest.param("政府性基金预算财政拨款支出年初预算为20.00万元，支出决算为20.00万元，决算数等于预算数。", [], id="fund"),
    # Words after a total and its 其中 item: which one they compare is not certain.
    pytest.param("“三公”经费年初预算为10.00万元，支出决算为8.00万元，其中：公务接待费年初预算为2.00万元，支出决算为3.00万元。"
                 "决算数小于预算数的主要原因是厉行节约。", [], id="total-and-item"),
]


@pytest.mark.parametrize(("text", "expected"), COMPARE)
def test_compare_words_against_the_amounts(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(text, rules={"N040", "N041", "N042"}) == expected


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
