"""The 编制说明's totals against the budget tables (Y307, Y405, Y406, and Y304's empty tables):
the budget-only words of the vocabulary, the `narrative_table` options (`period` lists, `parent`,
`blank: zero`), and final accounts left as they were. Made-up sentences and tables only."""

from __future__ import annotations

from typing import Any

import pytest

from audit.examples import example_document
from audit.extract import extract
from audit.pipeline import check_document
from audit.rulebook import load_rules
from audit.vocabulary import default_vocabulary

RULES = load_rules()
SH_HEAD = "2025年部门预算编制说明\n"
JS_HEAD = "2018年度部门预算情况说明\n"


def _findings(example: dict[str, Any], rule: str) -> list[tuple[str, list[str]]]:
    result = check_document(example_document(example), RULES)
    return [(f.severity, [loc.text or "" for loc in f.locations]) for f in result.findings if f.rule == rule]


def _checks(example: dict[str, Any], rule: str) -> int:
    return check_document(example_document(example), [r for r in RULES if r.id == rule]).checks


def _concepts(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    analysis = extract(example_document(text), kind)
    return [(f.concept, f.location.text or "") for f in analysis.figures if f.source == "narrative"]


# ---------------------------------------------------------------- vocabulary


@pytest.mark.parametrize(("phrase", "concept"), [
    ("某委员会收入预算", "收入预算总计"),
    ("支出预算", "支出预算总计"),
    ("（一）收入预算总计", "收入预算总计"),
    ("省某院本年支出预算合计", "本年支出合计"),
    ("财政拨款支出预算", "财政拨款支出预算"),
    ("财政拨款收入预算总计", "财政拨款收入"),
    ("其他资金收入预算总计", "其他资金"),
    ("一般公共预算拨款支出预算", "一般公共预算财政拨款支出"),
    ("政府性基金拨款支出预算", "政府性基金预算财政拨款支出"),
    ("省某院政府性基金支出预算支出", "政府性基金预算财政拨款支出"),
    ("此外，基本支出预算数为", "基本支出"),
    ("财政拨款基本支出预算", "财政拨款基本支出"),
    ("财政拨款收、支总预算", "财政拨款收支总计"),
])
def test_budget_words_name_their_concept(phrase: str, concept: str) -> None:
    named = default_vocabulary(budget=True).last_concept(phrase)
    assert named is not None and named.concept == concept


@pytest.mark.parametrize("phrase", ["款支出预算", "社会保障和就业支出预算", "某某基金收入预算"])
def test_a_bare_total_word_after_a_fund_or_class_is_not_the_total(phrase: str) -> None:
    named = default_vocabulary(budget=True).last_concept(phrase)
    assert named is None or named.concept not in {"收入预算总计", "支出预算总计"}


def test_final_accounts_do_not_read_budget_words() -> None:
    final = default_vocabulary()
    assert final.last_concept("支出预算") is None
    assert final.last_concept("财政拨款支出预算") is None
    assert "收入预算总计" in final.kinds  # every concept keeps its kind (U001, figures files)


def test_the_same_sentence_is_read_with_the_kind_of_report() -> None:
    text = "支出预算37,151.47万元，其中：财政拨款支出预算37,151.47万元。"
    assert ("支出预算总计", "37,151.47") in _concepts(text, "budget")
    assert all(not c.startswith(("支出预算", "财政拨款支出预算")) for c, _ in _concepts(text, "final"))


# ---------------------------------------------------------------- Y307 (Shanghai)

SH_TEXT = (SH_HEAD + "2025年，某区某委员会收入预算{income}万元，其中：财政拨款收入{income}万元。\n"
           "支出预算{out}万元，其中：财政拨款支出预算{out}万元。财政拨款支出预算中，一般公共预算拨款支出预算{gp}万元。")


def _sh(income: str, out: str, gp: str, total: str = "371,514,655.00") -> dict[str, Any]:
    y1 = [{"section": "收入", "label": "一、财政拨款收入", "cells": {"预算数": total}},
          {"section": "收入", "label": "收入总计", "cells": {"预算数": total}},
          {"section": "支出", "label": "支出总计", "cells": {"预算数": total}}]
    y4 = [{"section": "收入", "label": "收入总计", "cells": {"预算数": total}},
          {"section": "支出", "label": "支出总计", "cells": {"合计": total, "一般公共预算": total}}]
    return {"text": SH_TEXT.format(income=income, out=out, gp=gp),
            "tables": [{"id": "Y1", "unit": "元", "rows": y1}, {"id": "Y4", "unit": "元", "rows": y4}]}


def test_shanghai_totals_agree_with_y1_and_y4() -> None:
    assert _findings(_sh("37,151.47", "37,151.47", "37,151.47"), "Y307") == []
    assert _checks(_sh("37,151.47", "37,151.47", "37,151.47"), "Y307") == 4


@pytest.mark.parametrize(("income", "out", "gp", "wrong"), [
    ("37,115.47", "37,151.47", "37,151.47", "37,115.47"),
    ("37,151.47", "37,151.74", "37,151.47", "37,151.74"),
    ("37,151.47", "37,151.47", "37,150.47", "37,150.47"),
])
def test_a_wrong_shanghai_total_is_an_error(income: str, out: str, gp: str, wrong: str) -> None:
    found = _findings(_sh(income, out, gp), "Y307")
    assert found and all(s == "error" for s, _ in found)
    assert all(wrong in texts for _, texts in found)


def test_a_total_cut_instead_of_rounded_is_a_warning() -> None:
    """371,517,655.00 元 = 37,151.7655 万元: 37,151.76 is the cut, 37,151.77 the rounded."""
    assert _findings(_sh("37,151.77", "37,151.77", "37,151.77", "371,517,655.00"), "Y307") == []
    found = _findings(_sh("37,151.76", "37,151.76", "37,151.76", "371,517,655.00"), "Y307")
    assert found and {s for s, _ in found} == {"warning"}


# ---------------------------------------------------------------- empty tables (Y304)

EMPTY_Y6 = {"id": "Y6", "unit": "元", "rows": []}


def _fund(amount: str, y6: dict[str, Any]) -> dict[str, Any]:
    text = SH_HEAD + f"财政拨款支出预算中，政府性基金拨款支出预算{amount}万元，与2024年预算持平。"
    y5 = {"id": "Y5", "unit": "元", "rows": [{"code": "201", "label": "一般公共服务支出", "cells": {"合计": "100.00"}}]}
    return {"text": text, "tables": [y5, y6]}


def test_zero_against_an_empty_fund_table_holds_and_more_fails() -> None:
    assert _findings(_fund("0", EMPTY_Y6), "Y304") == []
    assert _checks(_fund("0", EMPTY_Y6), "Y304") == 1
    assert [s for s, _ in _findings(_fund("12.00", EMPTY_Y6), "Y304")] == ["error"]


def test_a_fund_table_that_prints_other_columns_is_not_zero() -> None:
    """Rows read but the total's column never printed: the cell is unknown, not zero."""
    y6 = {"id": "Y6", "unit": "元", "rows": [{"code": "212", "label": "城乡社区支出", "cells": {"项目支出": "5,000.00"}}]}
    assert _findings(_fund("12.00", y6), "Y304") == []
    assert _checks(_fund("12.00", y6), "Y304") == 0


# ---------------------------------------------------------------- Y405 / Y406 (Jiangsu)


def _js(text: str, y1_out: str = "21,955.35", basic: str = "13,994.31") -> dict[str, Any]:
    y1 = [{"section": "收入", "label": "收入合计", "cells": {"金额": "21,955.35"}},
          {"section": "支出", "label": "支出合计", "cells": {"金额": y1_out}},
          {"section": "支出用途", "label": "一、基本支出", "cells": {"金额": basic}}]
    y4 = [{"section": "支出", "label": "一、基本支出", "cells": {"金额": "13,979.92"}},
          {"section": "支出", "label": "支出合计", "cells": {"金额": "21,940.96"}}]
    return {"text": JS_HEAD + text, "tables": [{"id": "Y1", "rows": y1}, {"id": "Y4", "rows": y4}]}


def test_jiangsu_totals_include_the_carry_over() -> None:
    """收入预算总计 and 本年支出预算合计 are Y1's 收入合计 / 支出合计 (the narrative lists 上年结转资金)."""
    text = "（一）收入预算总计 21,955.35 万元。\n省某院本年支出预算合计 21,955.35 万元，其中：基本支出 13,994.31 万元，占63.74%。"
    assert _findings(_js(text), "Y405") == []
    assert _findings(_js(text), "Y404") == []
    assert [s for s, _ in _findings(_js(text, y1_out="21,940.96"), "Y404")] == ["error"]


def test_basic_expenditure_binds_only_under_the_all_funds_total() -> None:
    """基本支出 names two scopes: all funds under 本年支出预算合计, 财政拨款 when the subject says so;
    “此外，基本支出预算数为…” says neither and is not compared."""
    listed = "省某院本年支出预算合计 21,955.35 万元，其中：基本支出 13,979.92 万元，占63.67%。"
    assert [s for s, _ in _findings(_js(listed), "Y405")] == ["error"]
    alone = "此外，基本支出预算数为 13,979.92 万元。"
    assert _findings(_js(alone), "Y405") == []
    scoped = "省某院2018年度财政拨款基本支出预算 13,979.92 万元。"
    assert _findings(_js(scoped), "Y405") == []
    assert [s for s, _ in _findings(_js(scoped.replace("13,979.92", "13,994.31")), "Y405")] == ["error"]


def test_procurement_kinds_against_y13_rows() -> None:
    text = "2018年度政府采购支出预算总额3,096.24万元。其中：拟采购货物支出268万元、拟购买服务支出2,828.24万元。"
    y13 = {"id": "Y13", "rows": [{"label": "合计", "cells": {"总计": "3,096.24"}},
                                 {"label": "一、货物A", "cells": {"总计": "268.00"}},
                                 {"label": "三、服务C", "cells": {"总计": "2,828.24"}}]}
    assert _findings({"text": JS_HEAD + text, "tables": [y13]}, "Y406") == []
    assert _checks({"text": JS_HEAD + text, "tables": [y13]}, "Y406") == 2
    only_total = {"id": "Y13", "rows": [{"label": "合计", "cells": {"总计": "3,096.24"}}]}
    assert _checks({"text": JS_HEAD + text, "tables": [only_total]}, "Y406") == 0


def test_a_sentence_broken_into_two_paragraphs_keeps_its_fund() -> None:
    """“…一般公共预算拨款” ends one line read as a paragraph, “支出预算17,192万元…” starts the next:
    the amount is the general budget's, not the total's; a paragraph after a full stop is a new one."""
    broken = SH_HEAD + "财政拨款支出预算中，一般公共预算拨款\n支出预算17,000万元，比2024年预算减少990万元。"
    assert ("支出预算总计", "17,000") not in _concepts(broken, "budget")
    whole = SH_HEAD + "财政拨款收入17,192万元。\n支出预算17,192万元，其中：财政拨款支出预算17,192万元。"
    assert ("支出预算总计", "17,192") in _concepts(whole, "budget")
