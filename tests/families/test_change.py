"""Change family (N030): 与上年相比 增加/减少 Δ，增长/下降 r%."""

from __future__ import annotations

import pytest

from tests.families.conftest import Run, check_text

CASES = [
    # Last year implied as this year − Δ: 100.00 − 10.00 = 90.00, 10/90 = 11.11%.
    pytest.param("2024年度收入支出总计100.00万元。与2023年度相比，收入支出总计增加10.00万元，增长11.11%。", [],
                 id="implied-last-year-pass"),
    pytest.param("2024年度收入支出总计100.00万元。与2023年度相比，收入支出总计增加10.00万元，增长10.00%。",
                 [("N030", 1)], id="implied-last-year-rate-of-this-year"),
    # Last year stated in the sentence (the Sichuan shape); 11.1% has one decimal.
    pytest.param("2024年度收、支总计100.00万元。与2023年相比，收、支总计90.00万元增加10.00万元，增长11.1%。", [],
                 id="stated-last-year-pass"),
    pytest.param("2024年度收、支总计100.00万元。与2023年相比，收、支总计90.00万元增加12.00万元，增长11.1%。",
                 [("N030", 1)], id="stated-last-year-wrong-delta"),
    pytest.param("2024年度收、支总计100.00万元。与2023年相比，收、支总计90.00万元增加10.00万元，增长12.5%。",
                 [("N030", 1)], id="stated-last-year-wrong-rate"),
    pytest.param("2024年度财政拨款收、支总计100.00万元。与2023年相比财政拨款收、支总计90.00万元增加10.00万元，增长11.1%。",
                 [], id="fiscal-total-pass"),
    # Decrease: last year = this year + Δ = 110.00; 10/110 = 9.09%.
    pytest.param("2024年度收入支出总计100.00万元。与2023年度相比，收入支出总计减少10.00万元，下降9.09%。", [],
                 id="decrease-pass"),
    pytest.param("2024年度收入支出总计100.00万元。与2023年度相比，收入支出总计减少10.00万元，下降10.00%。",
                 [("N030", 1)], id="decrease-rate-of-this-year"),
    pytest.param("机关运行经费支出10.00万元，比2023年减少2.5万元，下降20.00%。", [], id="one-decimal-delta"),
    pytest.param("机关运行经费支出10.00万元，比2023年减少2.5万元，下降25.00%。", [("N030", 1)], id="one-decimal-delta-fail"),
    # Zero base: 1.20 − 1.20 = 0 last year, so no finite rate exists.
    # 增长100% from nothing is how reports present a new item: info, not an error or warning.
    pytest.param("公务接待费支出1.20万元，比2023年增加1.20万元，增长100%。", [], id="zero-base-100"),
    pytest.param("公务接待费支出1.20万元，比2023年增加1.20万元，增长50%。", [("N030", 1)], id="zero-base-50"),
    # A budget document's item: the rate is from last year's execution to this year's budget.
    pytest.param("31. “住房保障支出（类）住房改革支出（款）住房公积金（项）”352.67万元，主要用于住房公积金。"
                 "2023年当年预算执行数为348.52万元，2024年预算安排352.67万元，比2023年预算执行数增加1.19%。", [],
                 id="budget-item"),
    pytest.param("31. “住房保障支出（类）住房改革支出（款）住房公积金（项）”350.35万元，主要用于住房公积金。"
                 "2023年当年预算执行数为348.52万元，2024年预算安排352.67万元，比2023年预算执行数增加0.53%。", [("N030", 1)],
                 id="budget-item-rate-of-another-amount"),
    # 降幅 / 增幅 are rates of change too.
    pytest.param("3．检察监督支出（项）1,895万元，与上年相比减少134万元，降幅0.66%。", [("N030", 1)], id="decline-rate"),
    pytest.param("3．检察监督支出（项）1,895万元，与上年相比减少134万元，降幅6.60%。", [], id="decline-rate-pass"),
    pytest.param("公务接待费支出1.20万元，比2023年增加1.20万元，增长0%。", [("N030", 1)], id="zero-base-0"),
    pytest.param("公务接待费支出1.20万元，比2023年增加1.20万元。", [], id="zero-base-no-rate"),
    # 持平 and a zero change are not arithmetic errors.
    pytest.param("2024年度“三公”经费财政拨款支出决算数与2023年度持平。", [], id="flat-words"),
    pytest.param("2024年度收入支出总计100.00万元，与2023年度相比增加0.00万元，增长0%。", [], id="zero-change"),
    # The second of two sentences in a paragraph: the sentence's subject, not the paragraph's first.
    pytest.param("公务用车购置及运行维护费支出3.13万元,完成预算100%。公务用车购置及运行维护费支出决算比2021年减少3.01万元，"
                 "下降49.02%。", [], id="second-sentence"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_change(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(text, rules={"N030"}) == expected


def test_zero_base_message_names_the_rate() -> None:
    result = check_text("公务接待费支出1.20万元，比2023年增加1.20万元，增长50%。")
    (finding,) = [f for f in result.findings if f.rule == "N030"]
    assert finding.severity == "error"
    assert "50%" in finding.message
    assert finding.locations[0].text == "50"


def test_a_new_item_growing_100_percent_is_info() -> None:
    result = check_text("公务接待费支出1.20万元，比2023年增加1.20万元，增长100%。")
    (finding,) = [f for f in result.findings if f.rule == "N030"]
    assert finding.severity == "info"


def test_wrong_delta_suggests_the_delta() -> None:
    """The known error of the sample, in miniature: 543.25 − 534.72 is 8.53, not 5.53."""
    result = check_text("2022年度收、支总计543.25万元。与2021年相比，收、支总计534.72万元增加5.53万元，增长1.6%。")
    (finding,) = [f for f in result.findings if f.rule == "N030"]
    assert finding.suggestion is not None
    assert (finding.suggestion.replace, finding.suggestion.with_) == ("5.53", "8.53")
    assert finding.suggestion.location.column == 45
