"""The causes of false errors the corpus review found (../shared/corpus/dev/REVIEW.md), each
reproduced on made-up sentences: none may be an error, and a real inconsistency next to it still is."""

from __future__ import annotations

import pytest

from tests.families.conftest import Run, check_text

ITEM = ("1.“一般公共服务支出（类）统计信息事务（款）统计管理（项）”2.63万元，主要用于统计管理。"
        "2022年当年预算执行数为1.48万元，2023年预算安排2.63万元，比2022年预算执行数增加{rate}%。")
THREE = ("2018年度“三公”经费预算支出中，因公出国（境）费支出170万元，占“三公”经费的27.39%；"
         "公务用车运行维护费支出266.8万元，占“三公”经费的42.98%；公务接待费支出183.95万元，占“三公”经费的29.63%。")
CARS = ("2．公务用车购置及运行费预算支出266.8万元。其中：\n（1）公务用车购置预算支出0万元，与上年一致。\n"
        "（2）公务用车运行维护费预算支出{car}万元，比上年预算减少37.6万元。\n"
        "3．公务接待费预算支出183.95万元，比上年预算减少1.77万元。\n"
        "2018年度一般公共预算拨款安排的会议费预算支出271.26万元，比上年预算增加43.26万元。")

CASES = [
    # 1. last year's execution and this year's budget are not this year's amount
    pytest.param(ITEM.format(rate="77.70"), [], id="prior-execution"),
    pytest.param(ITEM.format(rate="50.00"), [("N030", 1)], id="prior-execution-wrong-rate"),
    # 2. siblings: the 三公 items' shares, the three funds, 会议费 and 培训费
    pytest.param(THREE, [], id="sibling-shares"),
    pytest.param("财政拨款支出预算中，一般公共预算拨款支出预算3,121.42万元，比2024年预算增加107.62万元；"
                 "政府性基金拨款支出预算0万元，与2024年预算持平；国有资本经营预算拨款支出预算0万元，与2024年预算持平。",
                 [], id="parallel-funds"),
    pytest.param("2018年度一般公共预算拨款安排的会议费预算支出271.26万元，比上年预算增加43.26万元。"
                 "2018年度一般公共预算拨款安排的培训费预算支出1666.25万元，比上年预算减少35万元。", [],
                 id="meeting-vs-training"),
    # 3. a 其中 list ends at the next item of the head's own level
    pytest.param(CARS.format(car="266.8"), [], id="list-ends-at-sibling"),
    pytest.param(CARS.format(car="300"), [("N006", 1), ("N010", 1)], id="list-ends-at-sibling-parts-exceed"),
    pytest.param("由8个二级事业单位16个三级事业单位组成，具体明细如下：机关(包括办公室、法规处等19个处室，4个中心)。", [],
                 id="counts-of-other-things"),
    # 4. amounts inside the stated reason are not the item's change
    pytest.param("2018年度收入、支出预算总计33172.15万元，与上年相比增加4322.77万元，增长14.98%。"
                 "主要原因是基本支出增加1447.63万元、项目支出安排减少200万元、单位预留机动经费增加3075.14万元。"
                 "此外，基本支出预算数为18570.82万元，与上年相比增加1447.63万元。", [], id="reason-amounts"),
    # 5. vehicles to buy are not the fleet
    pytest.param("截至2023年12月31日，共有车辆2辆，其中：其他用车2辆。2024年单位预算安排购置车辆0辆，其中：其他用车0辆。", [],
                 id="vehicles-to-buy"),
    # 6. a policy cut is not the year-on-year rate
    pytest.param("1. 人大事务（款）一般行政管理事务（项）支出2464.02万元，与上年相比增加123.67万元，增长5.28%。"
                 "主要原因是相关运转类经费压减10%，增加综合管理费209万元，增减相抵后增加123.67万元。", [], id="policy-cut"),
    # 7. a different concept sharing words with a known one
    pytest.param("2018年一般公共预算财政拨款支出324970.32万元。2018年一般公共预算财政拨款运行经费16252.11万元，比上年增加654.94万元。",
                 [], id="running-costs-are-not-the-fund"),
    pytest.param("2025年一般公共预算财政拨款支出5000.00万元。绩效目标的项目涉及一般公共预算当年财政拨款800.00万元。", [],
                 id="funds-the-projects-involve"),
    # two 款, each with its own 预算支出合计: the total of the 款 just named
    pytest.param("（一）公共安全支出（类）\n检察（款）: 2025年预算支出合计16,444.36万元。\n（二）社会保障和就业支出（类）\n"
                 "行政事业单位养老支出（款）：2025年预算支出合计1,836.22万元。", [], id="total-of-each-kuan"),
    # 8. a sentence cut by a page break and its page number
    pytest.param("“三公”经费支出767.60万元，其中：因公出国（境）费支出199.25万元，占“三公”经费的25.96%；"
                 "公务用车购置及运行费支出183.6万元，占“三公”经费的23.92%；公务接待费支出384.75万元，占\n"
                 "─ 13 ─“三公”经费的50.12%。", [], id="page-break-share"),
    pytest.param("“三公”经费支出767.60万元，其中：因公出国（境）费支出199.25万元，占“三公”经费的25.96%；"
                 "公务用车购置及运行费支出183.6万元，占“三公”经费的23.92%；公务接待费支出384.75万元，占"
                 "─ 13 ─“三公”经费的50.12%。", [], id="page-number-inside-the-sentence"),
    pytest.param("公务用车运行维护费预算支出237万元，其中：\n公务用车运行维护费预算支出237万元，比上年预算减少\n31\n"
                 "30.8 万元，主要原因是部分车辆转隶。", [], id="page-break-resumed-sentence"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_review_cause(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(text, severities=("error",)) == expected


def test_shares_forced_to_100_are_a_warning() -> None:
    """63.74 printed as 63.75 so that 63.75 + 25.38 + 10.87 = 100: a warning that says so."""
    text = ("本年支出预算合计21,955.35万元，其中：\n基本支出13,994.31万元，占63.75%；\n项目支出5,573万元，占25.38%；\n"
            "单位预留机动经费2,388.04万元，占10.87%。")
    found = [(f.rule, f.severity, f.message) for f in check_text(text).findings if f.rule == "N020"]
    assert [(r, s) for r, s, _ in found if "63.75" in _] == [("N020", "warning")]
    assert all(s != "error" for _, s, _ in found)
    assert any("凑整至100%" in m for _, _, m in found)


def test_a_share_off_in_a_list_that_does_not_total_100_stays_an_error() -> None:
    text = "本年支出合计200.00万元，其中：基本支出120.00万元，占61.00%；项目支出80.00万元，占40.00%。"
    assert [(f.rule, f.severity) for f in check_text(text).findings if f.rule == "N020"] == [("N020", "error")]
