"""Budget sentences (docs/budgets.md §4): this year's budget against last year's budget or last
year's execution. The two are different quantities: a printed amount of one is never used for a
change against the other (N030), 持平 is checked against the printed amount of the compared basis
(B010), and an increase cannot exceed this year's amount (B011). Sentences are made up."""

from __future__ import annotations

import pytest

from audit.examples import example_document
from audit.extract import extract
from tests.families.conftest import Run

HEAD = "上海市普陀区2025年区级部门预算\n"
RULES = ("N030", "B010", "B011", "W030")

CASES = [
    # Δ and r against last year's budget, last year not printed: r = Δ ÷ (X − Δ).
    pytest.param("2025年财政拨款支出预算110.00万元，比2024年预算增加10.00万元，增长10.00%。", [], id="budget-implied"),
    pytest.param("2025年财政拨款支出预算110.00万元，比2024年预算增加10.00万元，增长12.00%。", [("N030", 2)],
                 id="budget-implied-wrong-rate"),
    pytest.param("因公出国（境）费预算支出170万元，比上年预算减少10万元，下降5.56%。", [], id="jiangsu-decrease"),
    pytest.param("因公出国（境）费预算支出170万元，比上年预算减少10万元，下降6.25%。", [("N030", 2)],
                 id="jiangsu-decrease-rate-of-this-year"),
    pytest.param("会议费预算支出200.44万元，比上年预算数增加32.44万元，增长19.31%。", [], id="budget-number-word"),
    # Last year's budget printed: X − Δ = prior.
    pytest.param("2025年财政拨款支出预算110.00万元，2024年预算为100.00万元，比2024年预算增加10.00万元。", [],
                 id="printed-budget"),
    pytest.param("2025年财政拨款支出预算110.00万元，2024年预算为100.00万元，比2024年预算增加12.00万元。", [("N030", 2)],
                 id="printed-budget-wrong-delta"),
    # Last year's execution printed, the change is against last year's budget: not compared with it.
    pytest.param("2025年财政拨款支出预算110.00万元，2024年预算执行数为90.00万元，比2024年预算增加10.00万元，增长10.00%。",
                 [], id="execution-printed-budget-compared"),
    # Last year's budget printed, the rate is against last year's execution: not compared with it.
    pytest.param("2024年预算为90.00万元，2025年预算安排110.00万元，比2024年预算执行数增加25.00%。", [],
                 id="budget-printed-execution-compared"),
    # Against last year's execution, printed: r = (X − Y) ÷ Y.
    pytest.param("2024年预算执行数为90.00万元，2025年预算安排110.00万元，比2024年预算执行数增加22.22%。", [],
                 id="execution"),
    pytest.param("2024年预算执行数为90.00万元，2025年预算安排110.00万元，比2024年预算执行数增加25.00%。", [("N030", 2)],
                 id="execution-wrong-rate"),
    pytest.param("一般公共预算支出预算110万元，上年执行数100万元，增加10万元，增长10%。", [], id="prior-execution-word"),
    pytest.param("一般公共预算支出预算110万元，上年执行数100万元，增加10万元，增长12%。", [("N030", 2)],
                 id="prior-execution-word-wrong-rate"),
    # 持平 against the printed amount of the compared basis.
    pytest.param("2024年预算执行数为15.00万元，2025年预算安排15.00万元，比2024年预算执行数持平。", [], id="flat"),
    pytest.param("2024年预算执行数为15.00万元，2025年预算安排16.00万元，比2024年预算执行数持平。", [("B010", 2)],
                 id="flat-differs"),
    pytest.param("2024年预算为15.00万元，2025年预算安排16.00万元，比2024年预算执行数持平。", [], id="flat-other-basis"),
    pytest.param("公务接待费1.35万元，与2024年预算持平。", [], id="flat-nothing-printed"),
    # 持平 in one ；-clause says nothing of another item's amounts in the same sentence.
    pytest.param("统计管理2024年预算执行数为10.00万元，2025年预算安排12.00万元；"
                 "科普活动2024年预算执行数为5.00万元，2025年预算安排5.00万元，比2024年预算执行数持平。", [],
                 id="flat-other-clause"),
    pytest.param("统计管理2024年预算执行数为10.00万元，2025年预算安排12.00万元，比2024年预算执行数持平；"
                 "科普活动2025年预算安排5.00万元。", [("B010", 2)], id="flat-own-clause"),
    # An increase larger than this year's amount: last year would be negative.
    pytest.param("政府性基金拨款支出预算0万元，比2024年预算增加1421.25万元。", [("B011", 2)], id="zero-increased"),
    pytest.param("政府性基金拨款支出预算0万元，比2024年预算减少100.00万元。", [], id="zero-decreased"),
    pytest.param("政府性基金拨款支出预算50.00万元，比2024年预算增加50.00万元。", [], id="new-item"),
    pytest.param("政府性基金拨款支出预算50.00万元，比2024年预算增加50.02万元。", [("B011", 2)], id="increase-beyond-rounding"),
    # 50.00 and 50.01 may both stand for 50.005: not certain.
    pytest.param("政府性基金拨款支出预算50.00万元，比2024年预算增加50.01万元。", [], id="increase-within-rounding"),
    pytest.param("一般公共预算拨款支出预算500.00万元，比2024年预算增加100.00万元；政府性基金拨款支出预算0万元，"
                 "比2024年预算增加100.00万元。", [("B011", 2)], id="second-clause-copied"),
    # A change closing a 其中 list may be the whole's: not certain.
    pytest.param("支出预算100万元，其中：基本支出80万元，项目支出20万元，比2024年预算增加30万元。", [], id="closes-list"),
    pytest.param("支出预算100万元，其中：基本支出0万元，比2024年预算增加20万元；项目支出100万元，比2024年预算减少5万元。",
                 [("B011", 2)], id="part-with-own-change"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_budget_sentences(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(HEAD + text, rules=RULES) == expected


def test_b011_is_budget_only(run: Run) -> None:
    """The final-accounts rules are unchanged: B010 and B011 apply to budgets."""
    text = "2024年度部门决算\n政府性基金预算财政拨款支出0万元，比2023年增加100.00万元。"
    assert run(text, rules=("B011",)) == []


@pytest.mark.parametrize(("sentence", "bases"), [
    ("比2024年预算增加10.00万元，增长10.00%。", ["budget", "budget"]),
    ("比上年预算数减少10万元，下降5%。", ["budget", "budget"]),
    ("比2024年预算执行数增加22.22%。", ["execution"]),
    ("与上年执行数相比增加10万元。", ["execution"]),
    ("比上年增加10万元，增长5%。", [None, None]),
])
def test_change_basis(sentence: str, bases: list[str | None]) -> None:
    analysis = extract(example_document(HEAD + "财政拨款支出预算110.00万元，" + sentence))
    assert [f.basis for f in analysis.figures if f.measure in {"change", "change_rate"}] == bases


SANGONG = ("2025年“三公”经费预算数为{total}万元，比2024年预算增加{d}万元。其中：\n"
           "（一）因公出国（境）费0万元，比2024年预算持平。主要原因是无出国计划。\n"
           "（二）公务车购置及运行费46.56万元，比2024年预算增加25万元，主要原因是购置公务用车。其中：公务用车购置费25万元，"
           "比2024年预算增加25万元；公务车用车运行费{run}万元，比2024年预算持平。\n"
           "（三）公务接待费1.35万元。比2024年预算持平，主要原因是接待数量不变。")


@pytest.mark.parametrize(("total", "d", "run_", "expected"), [
    pytest.param("47.91", "25", "21.56", [], id="consistent"),
    # This year's total (预算数为…, period budget) against plain component amounts (period current).
    pytest.param("48.91", "25", "21.56", [("B020", 2)], id="total-off"),
    # 公务车购置及运行费 (a Putuo spelling) = 购置费 + 公务车用车运行费.
    pytest.param("47.91", "25", "20.56", [("B021", 4)], id="car-split-off"),
    # The components' changes: 0 (持平) + 25 + 0 (持平 in the sentence after the amount) ≠ 30.
    pytest.param("47.91", "30", "21.56", [("B022", 2)], id="change-total-off"),
])
def test_budget_sangong(run: Run, total: str, d: str, run_: str, expected: list[tuple[str, int]]) -> None:
    text = HEAD + SANGONG.format(total=total, d=d, run=run_)
    assert run(text, rules=("B020", "B021", "B022")) == expected


def test_b022_skips_a_component_without_change_or_flat(run: Run) -> None:
    """A component that states neither a change nor 持平 leaves the change sum unknown."""
    text = HEAD + SANGONG.format(total="47.91", d="30", run="21.56").replace("比2024年预算持平。主要原因是无出国计划", "主要用于出访")
    assert run(text, rules=("B022",)) == []


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("2025年度本单位政府采购预算117.00万元，其中：政府采购货物预算17.00万元、政府采购工程预算0万元、"
                 "政府采购服务预算100.00万元。", [], id="shanghai"),
    pytest.param("2025年度本单位政府采购预算117.00万元，其中：政府采购货物预算27.00万元、政府采购工程预算0万元、"
                 "政府采购服务预算100.00万元。", [("B023", 2)], id="shanghai-off"),
    pytest.param("2025年度政府采购支出预算总额1449.50万元，其中：拟采购货物支出90万元、拟采购工程支出0万元、"
                 "拟购买服务支出1359.50万元。", [], id="jiangsu"),
    pytest.param("2025年政府采购预算总金额为4641.62万元。其中拟购买货物962.86万元；拟购买工程539万元；"
                 "拟购买服务3149.76万元。", [("B023", 2)], id="jiangsu-off"),
    # No 工程: only an excess is certain.
    pytest.param("2025年度政府采购支出预算总额2744.84万元，其中：拟采购货物支出303.4万元、拟购买服务支出2400万元。", [],
                 id="no-works-short"),
])
def test_budget_procurement(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(HEAD + text, rules=("B023",)) == expected


def test_final_accounts_keep_budget_and_actual_apart(run: Run) -> None:
    """In final accounts the 三公 identity stays on this year's actuals: a 年初预算 total is not
    added up with actual components (N005 is final-only and reads period current)."""
    text = ("2024年度部门决算\n“三公”经费年初预算为9.00万元。因公出国（境）费支出决算1.00万元；"
            "公务用车购置及运行维护费支出决算3.00万元；公务接待费支出决算2.00万元。")
    assert run(text, rules=("N005", "B020")) == []


@pytest.mark.parametrize(("sentence", "concepts"), [
    # The next item of a parallel list after a stated reason is named again.
    ("公务车购置及运行费21.56万元，其中：公务用车购置费0万元，比2024年预算持平，主要原因是无购置计划；"
     "公务车用车运行费21.56万元，比2024年预算持平。", ["公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费"]),
    # Amounts inside the reason stay only themselves, also after ；.
    ("基本支出100万元，比2024年预算增加10万元，主要原因是：一是人员增加；二是公用经费增加5万元。",
     ["基本支出", "基本支出", "claim:"]),
    ("基本支出100万元，比2024年预算增加10万元，主要原因是人员增加；公用经费增加5万元。",
     ["基本支出", "基本支出", "claim:"]),
])
def test_reason_ends_at_the_next_named_item(sentence: str, concepts: list[str]) -> None:
    analysis = extract(example_document(HEAD + sentence))
    got = [f.concept for f in analysis.figures]
    assert [c if not c.startswith("claim:") else "claim:" for c in got] == concepts


@pytest.mark.parametrize(("text", "expected"), [
    # 国有资产: the fleet and its kinds in one 其中 list (N010), counts exact.
    pytest.param("本部门共有车辆55辆。其中，一般公务用车13辆、执法执勤用车40辆、其他用车3辆。", [("N010", 2)], id="fleet-over"),
    pytest.param("本部门共有车辆55辆。其中，一般公务用车13辆、执法执勤用车40辆、其他用车2辆。", [], id="fleet"),
    pytest.param("截至2024年8月31日，本单位共有车辆2辆，其中：机要通信用车0辆、其他用车3辆；单价100万元（含）以上设备0台（套）。",
                 [("N010", 2)], id="fleet-shanghai-over"),
])
def test_budget_fleet(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(HEAD + text, rules=("N010",), severities=("error",)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # W030 compares 持平 only with the last-year amount of the basis the sentence names.
    pytest.param("公务接待费预算支出16.00万元，上年预算为15.00万元，比上年执行数持平。", [], id="other-basis"),
    pytest.param("公务接待费预算支出16.00万元，上年执行数为15.00万元，比上年持平。", [("W030", 2)], id="unqualified"),
])
def test_flat_words_keep_bases_apart(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(HEAD + text, rules=("W030",)) == expected


CAR = ("公务用车购置及运行费36.56万元，比2024年预算{d}10万元，主要原因是车型不同。其中：公务用车购置费15万元，"
       "比2024年预算减少10万元，主要原因是车型不同；公务用车运行费21.56万元，{run}。")


@pytest.mark.parametrize(("d", "run_", "expected"), [
    pytest.param("减少", "比2024年预算持平", [], id="consistent"),
    # −10 + 0 ≠ +10: the 持平 of the running costs is read from its own clause.
    pytest.param("增加", "比2024年预算持平", [("B024", 2)], id="sign-off"),
    # A clause that says both 持平 and 增加 gives no zero: not checked.
    pytest.param("增加", "与2024年预算持平，但比2023年增加1万元", [], id="flat-and-moved"),
    pytest.param("增加", "主要用于车辆运行", [], id="no-change-stated"),
])
def test_budget_car_change_split(run: Run, d: str, run_: str, expected: list[tuple[str, int]]) -> None:
    assert run(HEAD + CAR.format(d=d, run=run_), rules=("B024",)) == expected


def test_flat_clause_of_an_amount_written_twice(run: Run) -> None:
    """The running costs' 21.56 is also the purchase's amount, in a clause that increased: which
    print is the running costs' is not certain, so no zero change is read and nothing is checked."""
    text = HEAD + ("公务用车购置及运行费43.12万元，比2024年预算增加20万元。其中：公务用车购置费21.56万元，"
                   "比2024年预算增加21.56万元；公务用车运行费21.56万元，比2024年预算持平。")
    assert run(text, rules=("B024",)) == []
    # Written once, the running costs' clause is certain: 20 ≠ 21.56 + 0.
    assert run(text.replace("运行费21.56万元", "运行费21.57万元"), rules=("B024",)) == [("B024", 2)]
