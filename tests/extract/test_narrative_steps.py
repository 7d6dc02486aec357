"""Each step of sentence extraction on made-up sentences: numbers, measure, period, naming,
concept, parent links, and the comparison words handed back to the sentence with the amounts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from audit.document import Line, Paragraph
from audit.examples import example_document
from audit.extract import cues
from audit.extract.narrative import (
    Carry,
    Links,
    Naming,
    Place,
    carry_comparisons,
    compare_of,
    concept_of,
    extract_narrative,
    find_numbers,
    measure_of,
    naming_of,
    no_change_of,
    period_of,
    sentence_spans,
)
from audit.extract.paths import find_paths
from audit.extract.stream import Stream
from audit.facts import ClaimInfo
from audit.numbers import normalise
from audit.vocabulary import default_vocabulary

V = default_vocabulary()


def nums(text: str):
    return find_numbers(normalise(text), V)


def test_sentence_spans_keep_the_stop_and_skip_blanks() -> None:
    text = "甲100万元。乙200万元。 "
    assert [text[a:b] for a, b in sentence_spans(text)] == ["甲100万元。", "乙200万元。"]


@pytest.mark.parametrize(("text", "values"), [
    ("本年支出合计1,234.50万元，占50%。", [("1,234.50", "万元"), ("50", "%")]),
    ("2024年度收入。", []),                       # a year is not a figure
    ("单价10万元以上的设备3台。", [("3", "台")]),  # a threshold is not a figure
    ("基本支出占比30.5。", [("30.5", "")]),         # 占 makes a bare number a share
    ("项目总预算1170.00万，其中209万用于办公。", [("1170.00", "万"), ("209", "万")]),  # 万 alone is money
    ("惠及企业1.2万户，培训3万人次。", [("3", "万人")]),  # … unless a counted noun follows
])
def test_find_numbers(text: str, values: list[tuple[str, str]]) -> None:
    t = normalise(text)
    assert [(t[n.start:n.end], n.unit) for n in find_numbers(t, V)] == values


def test_find_numbers_left_runs_from_the_previous_figure() -> None:
    first, second = nums("基本支出80万元，项目支出20万元。")
    assert first.left == "基本支出" and second.left == ",项目支出" and second.left_start == first.stop
    assert first.value == Decimal(80) and first.decimals == 0


@pytest.mark.parametrize(("text", "measure", "direction"), [
    ("基本支出80万元。", "amount", None),
    ("占本年支出合计的40%。", "share", None),
    ("比上年增加5.00万元。", "change", 1),
    ("比上年下降3%。", "change_rate", -1),
    ("完成年初预算的95%。", "exec_rate", None),
    ("预算执行率98%。", "exec_rate", None),
    # the policy goal 稳增长 names what an amount is for; it is no change
    ("支持商销稳增长30.00万。", "amount", None),
])
def test_measure_of(text: str, measure: str, direction: int | None) -> None:
    (n,) = nums(text)
    m = measure_of(n, V)
    assert (m.measure, m.direction) == (measure, direction)


def test_share_names_its_whole() -> None:
    (n,) = nums("占本年支出合计的40%。")
    assert measure_of(n, V).of == "本年支出合计"


@pytest.mark.parametrize(("text", "period"), [
    ("基本支出80万元。", ("current", None)),
    ("年初预算为100万元。", ("budget", None)),
    ("调整预算为110万元。", ("budget", "adjusted")),
    ("收支总计534.72万元增加8.53万元。", ("prior", None)),
    ("上年支出80万元。", ("prior", None)),
    ("上年预算为90万元。", ("prior", "budget")),
    ("2023年预算执行数为1.48万元。", ("prior", None)),     # report year 2024
    ("2023年度预算为1.48万元。", ("prior", "budget")),
    ("2024年预算安排2.63万元。", ("budget", None)),
    ("2024年支出2.63万元。", ("current", None)),
    ("与上年相比，本年收入合计110万元。", ("current", None)),  # the nearer word counts
    ("截至2023年12月31日，共有车辆7辆。", ("current", None)),  # a date is no period word
])
def test_period_of(text: str, period: tuple[str, str | None]) -> None:
    n = nums(text)[0]
    assert period_of(n, measure_of(n, V).measure, 2024, text) == period


def test_period_without_a_report_year_uses_the_latest_year_of_the_sentence() -> None:
    text = normalise("2022年当年预算执行数为1.48万元，2023年预算安排2.63万元。")
    first, second = find_numbers(text, V)
    assert period_of(first, "amount", None, text) == ("prior", None)
    assert period_of(second, "amount", None, text) == ("budget", None)


def test_naming_prefers_the_nearer_of_term_and_path() -> None:
    text = normalise("社会保障和就业支出(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项)100万元。")
    (n,) = find_numbers(text, V)
    naming = naming_of(n, find_paths(text), V)
    assert naming.path and naming.subject and "养老" in naming.subject


def test_naming_ignores_a_term_of_an_earlier_clause() -> None:
    (_, second) = nums("基本支出80万元，比上年增加20万元。")
    assert naming_of(second, [], V) == Naming(None, False, False)
    # words the vocabulary does not know name something else: the number is only itself
    (_, third) = nums("基本支出80万元，增人增资20万元。")
    assert naming_of(third, [], V) == Naming(None, False, False, unknown=True)


def test_concept_of_an_unnamed_amount_is_its_own() -> None:
    (_, second) = nums("基本支出80万元，主要是增人增资20万元。")
    assert concept_of(second, "amount", "current", Naming(None, False, False), "基本支出", 7, V) == "claim:7:" + str(second.start)


def test_concept_of_a_rate_is_the_subject() -> None:
    (_, rate) = nums("基本支出80万元，增长5%。")
    assert concept_of(rate, "change_rate", "current", Naming(None, False, False), "基本支出", 0, V) == "基本支出"


def test_concept_of_a_count_named_as_money_is_its_own() -> None:
    (n,) = nums("车辆598.42万元。")
    # named: the vocabulary term stands even when the unit contradicts it (U001 reports that)
    assert concept_of(n, "amount", "current", Naming("车辆数", True, False), "车辆数", 0, V) == "车辆数"
    assert concept_of(n, "amount", "budget", Naming(None, False, False), "车辆数", 0, V).startswith("claim:0:")


def _place(text: str) -> Place:
    stream = Stream.of(Paragraph([Line(text=text, line=1, column=1)]), "x.txt")
    return Place(stream, 0, len(text), cues.marker_kind(stream.text), None)


def test_links_start_from_an_announced_head_in_another_paragraph() -> None:
    text = "人员经费10万元。"
    assert Links.start(text, _place(text), 3, Carry(head=5, head_used_in=2)) .head == 5
    assert Links.start(text, _place(text), 3, Carry(head=5, head_used_in=3)).head is None
    text = "其中：人员经费10万元。"
    assert Links.start(text, _place(text), 3, Carry(last=(3, 9))).head == 9


def test_a_carried_list_ends_at_a_sibling_of_its_head() -> None:
    text = "3.公务接待费10万元。"
    carry = Carry(head=5, head_used_in=2, head_marker="num", part_marker="pnum", has_parts=True)
    assert Links.start(text, _place(text), 3, carry).head is None
    text = "(3)公务用车运行费10万元。"
    assert Links.start(text, _place(text), 3, carry).head == 5


def test_a_carried_list_ends_where_the_parts_change_marker() -> None:
    carry = Carry(head=5, head_used_in=2, head_marker=None, part_marker="pnum", has_parts=True)
    text = "会议费10万元。"
    assert Links.start(text, _place(text), 3, carry).head is None


def _extract(text: str):
    return extract_narrative(example_document(text))


def test_breakdown_links_parts_to_the_amount_before_the_marker() -> None:
    ex = _extract("基本支出100万元，其中：人员经费80万元，公用经费20万元。")
    assert ex.parents == {1: 0, 2: 0}


def test_a_sentence_ending_with_the_marker_hands_its_head_on() -> None:
    ex = _extract("基本支出100万元，其中：\n人员经费80万元。\n公用经费20万元。")
    assert ex.parents == {1: 0, 2: 0}


@pytest.mark.parametrize("text", [
    # “其中：” ended the line at the margin: its first part was read into the head's paragraph
    "基本支出100万元，其中：人员经费80万元，主要包括：工资、津贴。\n公用经费20万元，主要包括：办公费。",
    "2．基本支出100万元，其中：(1)人员经费80万元。\n(2)公用经费20万元。",
])
def test_a_list_whose_first_part_ends_the_paragraph_goes_on(text: str) -> None:
    ex = _extract(text)
    assert ex.parents == {1: 0, 2: 0}


@pytest.mark.parametrize("text", [
    # the single part is the whole: the list is complete
    "本年收入100万元，其中：财政拨款收入100万元。\n本年支出合计100万元。",
    # the single part may be the whole once rounded (99.6 of 100 written to the unit)
    "本年收入100万元，其中：财政拨款收入99.6万元。\n本年支出合计100万元。",
    # no colon: an inline aside, not a list laid out line by line
    "基本支出100万元，其中人员经费80万元。\n项目支出20万元。",
    # the paragraph goes on after the part
    "基本支出100万元，其中：人员经费80万元。主要用于工资。\n公用经费20万元。",
    # a sibling of the head ends the carried list
    "1．基本支出100万元，其中：人员经费80万元。\n2．项目支出20万元。",
])
def test_a_list_given_in_its_own_sentence_is_not_carried(text: str) -> None:
    ex = _extract(text)
    assert ex.parents == {1: 0}


def test_a_sentence_listing_two_parts_gave_its_list() -> None:
    ex = _extract("基本支出100万元，其中：人员经费50万元，公用经费30万元。\n项目支出20万元。")
    assert ex.parents == {1: 0, 2: 0}


def test_a_list_of_words_opens_no_breakdown() -> None:
    ex = _extract("人员经费80万元，主要包括：基本工资、津贴补贴；公用经费20万元。")
    assert ex.parents == {}


def test_compare_of() -> None:
    assert compare_of("决算数小于预算数的主要原因是节约。") == -1
    assert compare_of("决算数等于预算数。") == 0
    assert compare_of("决算数大于预算数。") == 1
    assert compare_of("支出100万元。") is None


def test_comparison_words_go_back_to_the_sentence_with_the_amounts() -> None:
    a = ClaimInfo(0, "s", "年初预算为100万元，支出决算为90万元。", 1, figures=[0, 1])
    b = ClaimInfo(1, "s", "决算数小于预算数的主要原因是节约。", 1, compare=-1)
    out = carry_comparisons([a, b])
    assert (out[0].compare, out[1].compare) == (-1, None)
    assert (a.compare, b.compare) == (None, -1)  # the inputs are not changed


def test_comparison_words_stay_in_another_paragraph() -> None:
    a = ClaimInfo(0, "s", "年初预算为100万元，支出决算为90万元。", 1, figures=[0, 1])
    b = ClaimInfo(1, "s", "决算数小于预算数的主要原因是节约。", 2, compare=-1)
    out = carry_comparisons([a, b])
    assert (out[0].compare, out[1].compare) == (None, -1)


def test_the_whole_sentence_through_extraction() -> None:
    ex = _extract("一般公共预算财政拨款支出年初预算为100.00万元，支出决算为90.00万元，完成年初预算的90.00%。"
                  "决算数小于预算数的主要原因是节约。")
    assert [(f.concept, f.measure, f.period) for f in ex.figures] == [
        ("一般公共预算财政拨款支出", "amount", "budget"),
        ("一般公共预算财政拨款支出", "amount", "current"),
        ("一般公共预算财政拨款支出", "exec_rate", "current"),
    ]
    assert [c.compare for c in ex.claims.values()] == [-1, None]


@pytest.mark.parametrize(("text", "index", "expected"), [
    # a term followed by words the vocabulary does not know only qualifies them
    ("2018年一般公共预算财政拨款运行经费16252.11万元。", 0, Naming(None, False, False, True)),
    # the funds some projects involve are not the named total
    ("绩效目标的项目涉及一般公共预算当年财政拨款800.00万元。", 0, Naming(None, False, False, True)),
    # a parallel item the vocabulary does not know is not the subject named before it
    ("一般公共预算拨款支出预算800万元；专项债券拨款支出预算0万元。", 1, Naming(None, False, False, True)),
    ("一般公共预算拨款支出预算800万元；专项债券支出预算0万元。", 1, Naming(None, False, False, True)),
    # a bracketed aside between the term and the number keeps the name
    ("政府采购金额（以合同签订为准）为251.25万元。", 0, Naming("政府采购金额", True, False)),
    # a term in a bracket of what is left out names no figure: equipment is counted, not vehicles
    ("单价100万元（含）以上设备（不含车辆）1台（套）。", 0, Naming(None, False, False, True)),
    ("共有车辆2辆（不含执法执勤用车）。", 0, Naming("车辆数", True, False)),
    # fillers between the term and the number keep the name
    ("一般公共预算财政拨款支出年初预算为100.00万元。", 0, Naming("一般公共预算财政拨款支出", True, False)),
])
def test_naming_of_qualifiers(text: str, index: int, expected: Naming) -> None:
    assert naming_of(nums(text)[index], [], V) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a budget's totals: bare, or after the reporting body; read with the budget's words only
    ("2024年，某某市某某福利院收入预算1,212.12万元，其中：", Naming("收入预算总计", True, False)),
    ("本单位支出预算1,212.12万元。", Naming("支出预算总计", True, False)),
])
def test_naming_of_budget_totals(text: str, expected: Naming) -> None:
    assert naming_of(nums(text)[0], [], default_vocabulary(budget=True)) == expected
    assert naming_of(nums(text)[0], [], V).subject is None


def test_naming_inside_a_reason_is_only_the_number_itself() -> None:
    text = normalise("主要原因是基本支出增加1447.63万元。")
    (n,) = find_numbers(text, V)
    assert naming_of(n, [], V, reason_at=text.find("原因")).unknown


def test_a_share_is_named_by_its_part_not_its_whole() -> None:
    _, share = nums("因公出国（境）费支出170万元，占“三公”经费的27.39%。")
    assert naming_of(share, [], V).subject is None  # so it keeps the part's subject
    ex = _extract("因公出国（境）费支出170万元，占“三公”经费的27.39%；公务接待费支出183.95万元，占“三公”经费的29.63%。")
    assert [(f.concept, f.of) for f in ex.figures if f.measure == "share"] == [
        ("因公出国（境）费", "三公经费"), ("公务接待费", "三公经费")]


def test_a_total_word_after_a_path_is_the_paths_total() -> None:
    ex = _extract("检察（款）: 2018年预算支出合计16,444.36万元。")
    assert ex.figures[0].concept.startswith("科目:")


def test_bindings() -> None:
    ex = _extract("3．住房保障（类）支出3894.09万元，主要用于提租补贴。与上年相比增加878.93万元，增长30%。\n"
                  "与上年相比增加40万元，增长4%。")
    assert [(f.text, f.binding) for f in ex.figures] == [
        ("3894.09", "explicit"), ("878.93", "item"), ("30", "item"), ("40", "explicit"), ("4", "explicit")]


def test_a_bare_percentage_is_only_itself() -> None:
    ex = _extract("主要原因是相关运转类经费压减10%。")
    (fig,) = ex.figures
    assert (fig.measure, fig.concept) == ("amount", "claim:0:14")


def test_no_change_belongs_to_its_own_clause() -> None:
    assert no_change_of("公务接待费0万元，与上年持平。")
    assert no_change_of("与上年持平，增加5万元。")  # one clause contradicting itself: W030 checks it
    assert not no_change_of(normalise("一般公共预算拨款支出预算800万元，比2024年预算增加20万元；政府性基金拨款支出预算0万元，与2024年预算持平。"))


@pytest.mark.parametrize("text", [
    # a budget amount heads its list; the parts need not say 预算 and need not be known names
    "2025年度项目总预算100.00万，其中支持甲事项60.00万，支持乙事项40.00万。",
    "2025年，本单位收入预算100.00万元，其中：财政拨款收入60.00万元；事业收入40.00万元。",
    # a part may itself say 预算 (the head's period)
    "支出预算100.00万元，其中：财政拨款支出预算60.00万元，其他支出预算40.00万元。",
    # 万 written alone is 万元: one list may mix them
    "2025年度项目总预算100.00万，其中支持甲事项60.00万元，支持乙事项40.00万。",
])
def test_a_budget_amount_heads_its_list(text: str) -> None:
    ex = _extract(text)
    assert ex.parents == {1: 0, 2: 0}


def test_a_part_of_an_outcome_is_no_budget() -> None:
    """Under this year's outcome, an amount that says 预算 is no part of it."""
    ex = _extract("本年支出100.00万元，其中：基本支出60.00万元，项目支出预算40.00万元。")
    assert ex.parents == {1: 0}


@pytest.mark.parametrize("word", ["合计", "共计", "总计"])
def test_a_closing_total_restates_the_head(word: str) -> None:
    ex = _extract(f"2025年度项目总预算100.00万，其中支持甲事项60.00万，支持乙事项40.00万，{word}100.00万。")
    assert ex.parents == {1: 0, 2: 0, 3: 0}
    assert [f.role for f in ex.figures] == [None, "part", "part", "restates"]
    assert (ex.figures[3].period, ex.figures[3].basis) == (ex.figures[0].period, ex.figures[0].basis)


def test_a_total_word_before_any_part_is_a_part() -> None:
    """合计 first in the list (“其中：合计…”) restates nothing yet: only after a part it does."""
    ex = _extract("支出100.00万元，其中：合计60.00万元，公用经费40.00万元。")
    assert [f.role for f in ex.figures] == [None, "part", "part"]
