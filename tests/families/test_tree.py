"""Tree family (N011): the 项 listed under a 类 add up to the amount stated for that 类."""

from __future__ import annotations

import pytest

from tests.families.conftest import Run, check_text

HEAD = "主要用于以下方面：教育支出（类）100.00万元，占100.00%。\n"

CASES = [
    pytest.param(HEAD + "1.教育支出（类）普通教育（款）小学教育（项）：支出决算为60.00万元。\n"
                 "2.教育支出（类）普通教育（款）初中教育（项）：支出决算为40.00万元。", [], id="pass"),
    pytest.param(HEAD + "1.教育支出（类）普通教育（款）小学教育（项）：支出决算为60.00万元。\n"
                 "2.教育支出（类）普通教育（款）初中教育（项）：支出决算为50.00万元。", [("N011", 1)], id="excess"),
    # Names are matched leniently: “教育（类）” without 支出 and half-width brackets are the same 类.
    pytest.param(HEAD + "1.教育支出(类)普通教育(款)小学教育(项)：支出决算为60.00万元。\n"
                 "2.教育（类）普通教育（款）初中教育（项）：支出决算为50.00万元。", [("N011", 1)], id="lenient-names"),
    # A renamed 类 (医疗卫生与计划生育 → 卫生健康) still sums into its class.
    pytest.param("主要用于以下方面：卫生健康支出（类）15.85万元，占100.00%。\n"
                 "1.医疗卫生与计划生育（类）行政事业单位医疗（款）行政单位医疗（项）:支出决算为15.85万元。", [],
                 id="renamed-class"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_tree(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(text, rules={"N011"}) == expected


def test_items_short_of_class_are_a_warning() -> None:
    result = check_text(HEAD + "1.教育支出（类）普通教育（款）小学教育（项）：支出决算为60.00万元。")
    assert [(f.rule, f.severity, f.locations[0].line) for f in result.findings if f.rule == "N011"] == [
        ("N011", "warning", 1)]


def test_items_of_another_class_do_not_count(run: Run) -> None:
    text = (HEAD + "1.教育支出（类）普通教育（款）小学教育（项）：支出决算为100.00万元。\n"
            "2.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为20.00万元。")
    assert run(text, rules={"N011"}) == []
