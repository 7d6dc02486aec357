"""Budget-table rules (rules/budget_tables_sh.yaml) beyond their own examples: the options added
for them (table_columns `closed`, table_sections `tables`, narrative_items `periods`/`exclusive`),
an amount restated from a finer print read as possibly truncated, and budget rules staying off
final accounts. Made-up tables only."""

from __future__ import annotations

from typing import Any

from audit.examples import example_document
from audit.pipeline import check_document
from audit.rulebook import load_rules

RULES = load_rules()


def _findings(example: dict[str, Any], rule: str) -> list[tuple[str, list[str]]]:
    result = check_document(example_document(example), RULES)
    return [(f.severity, [loc.text or "" for loc in f.locations]) for f in result.findings if f.rule == rule]


def _y3(row: dict[str, str]) -> dict[str, Any]:
    return {"tables": [{"id": "Y3", "unit": "元", "rows": [{"code": "2010301", "label": "行政运行", "cells": row}]}]}


def test_row_sum_fails_on_a_wrong_row() -> None:
    found = _findings(_y3({"合计": "300.00", "基本支出": "100.00", "项目支出": "100.00"}), "Y107")
    assert [s for s, _ in found] == ["error"]


def test_closed_row_sum_skips_a_layout_with_another_amount_column() -> None:
    """A set whose 支出预算总表 adds a 结转下年资金 column: 合计 ≠ 基本 + 项目 there by design."""
    row = {"合计": "300.00", "基本支出": "100.00", "项目支出": "100.00", "结转下年资金": "100.00"}
    assert _findings(_y3(row), "Y107") == []


def test_class_rows_add_up_in_both_side_by_side_tables() -> None:
    def y(table: str, total: str) -> dict[str, Any]:
        return {"tables": [{"id": table, "unit": "元", "rows": [
            {"section": "支出", "label": "一、一般公共服务支出", "cells": {"合计": "100.00"}},
            {"section": "支出", "label": "二、住房保障支出", "cells": {"合计": "50.00"}},
            {"section": "支出", "label": "支出总计", "cells": {"合计": total}}]}]}

    for table in ("Y1", "Y4"):
        assert [s for s, _ in _findings(y(table, "160.00"), "Y105")] == ["error"]
        assert _findings(y(table, "150.00"), "Y105") == []


ITEM = ("2025年部门预算编制说明\n1. “住房保障支出（类）住房改革支出（款）住房公积金（项）”{head}万元，主要用于住房公积金。"
        "2024年当年预算执行数为348.52万元，2025年预算安排{budget}万元。")


def _item(head: str, budget: str, y6: bool = False) -> dict[str, Any]:
    rows = [{"code": "221", "label": "住房保障支出", "cells": {"合计": "3,503,499"}},
            {"code": "22102", "label": "住房改革支出", "cells": {"合计": "3,503,499"}},
            {"code": "2210201", "label": "住房公积金", "cells": {"合计": "3,503,499"}}]
    tables = [{"id": "Y5", "unit": "元", "rows": rows}]
    if y6:
        tables.append({"id": "Y6", "unit": "元", "rows": [dict(r, cells={"合计": "1,000"}) for r in rows]})
    return {"text": ITEM.format(head=head, budget=budget), "tables": tables}


def test_item_heading_and_budget_sentence_both_meet_the_table_in_wan() -> None:
    assert _findings(_item("350.35", "350.35"), "Y303") == []
    [(severity, texts)] = _findings(_item("350.35", "352.67"), "Y303")
    assert severity == "error" and "352.67" in texts and "3,503,499" in texts
    [(severity, texts)] = _findings(_item("305.35", "350.35"), "Y303")
    assert severity == "error" and "305.35" in texts
    # Last year's 执行数 (348.52) is never compared with this year's row.
    assert all("348.52" not in texts for _, texts in _findings(_item("350.35", "352.67"), "Y303"))


def test_item_with_money_of_another_fund_is_not_compared() -> None:
    assert _findings(_item("350.35", "352.67", y6=True), "Y303") == []


def test_an_item_cut_rather_than_rounded_is_a_warning() -> None:
    """3,503,499元 = 350.3499万元 → 350.35 rounded; 350.34 is what cutting gives."""
    [(severity, _)] = _findings(_item("350.34", "350.35"), "Y303")
    assert severity == "warning"


def test_narrative_sangong_total_against_the_budget_table() -> None:
    text = "2025年部门预算编制说明\n2025年“三公”经费预算数为6.40万元，与2024年预算持平。"
    table = [{"id": "Y9", "rows": [{"label": "“三公”经费", "cells": {"三公经费/合计": "6.4"}}]}]
    assert _findings({"text": text, "tables": table}, "Y304") == []
    wrong = [{"id": "Y9", "rows": [{"label": "“三公”经费", "cells": {"三公经费/合计": "7.4"}}]}]
    assert [s for s, _ in _findings({"text": text, "tables": wrong}, "Y304")] == ["error"]


def test_budget_table_rules_stay_off_final_accounts() -> None:
    example = _y3({"合计": "300.00", "基本支出": "100.00", "项目支出": "100.00"})
    example["text"] = "2024年度部门决算"
    assert _findings(example, "Y107") == []


def test_a_budget_table_misread_or_shifted_is_judged_like_a_final_table() -> None:
    """T190/T191 run on budgets: a Y5 whose amounts sit one row off their labels gives the one
    shift finding, not an error per broken sum (the figures stay out of the Y rules)."""
    def row(code: str, label: str, amount: str | None) -> dict[str, Any]:
        return {"code": code, "label": label, **({"cells": {"合计": amount}} if amount else {})}

    rows = [row("201", "一般公共服务支出", None), row("20101", "人大事务", "60.00"),
            row("2010101", "行政运行", "40.00"), row("2010102", "一般行政管理事务", "30.00"),
            row("20102", "政协事务", "10.00"), row("2010201", "行政运行", "20.00"),
            row("208", "社会保障和就业支出", "20.00"), row("20805", "行政事业单位养老支出", "15.00"),
            row("2080501", "行政单位离退休", "15.00"), {"label": "合计", "cells": {"合计": "15.00"}}]
    example = {"text": "2025年部门预算", "tables": [{"id": "Y5", "rows": rows}]}
    result = check_document(example_document(example), RULES)
    assert [f.rule for f in result.findings if f.rule in {"T190", "T191"}] == ["T191"]
    assert not [f for f in result.findings if f.rule.startswith("Y") and f.severity == "error"]


def test_the_suggested_value_is_written_as_the_narrative_writes_amounts() -> None:
    """3,503,499 元 is 350.3499 万元: the narrative of 2 decimals should read 350.35."""
    result = check_document(example_document(_item("350.35", "352.67")), RULES)
    [finding] = [f for f in result.findings if f.rule == "Y303"]
    assert finding.suggestion is not None and finding.suggestion.with_ == "350.35"


def test_a_class_digit_printed_short_joins_its_section_tree_and_item() -> None:
    """A 项 code printed “7 | 11 | 02” under 款 21011 (read 71102) is 2101102: the tree and the
    narrative item reach it (real case: the welfare budget's Y3/Y5 p.9/p.11)."""
    rows = [{"code": "210", "label": "卫生健康支出", "cells": {"合计": "503,724"}},
            {"code": "21011", "label": "行政事业单位医疗", "cells": {"合计": "503,724"}},
            {"code": "71102", "label": "事业单位医疗", "cells": {"合计": "503,724"}},
            {"label": "合计", "cells": {"合计": "503,724"}}]
    text = ("2024年单位预算编制说明\n1. “卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）”{}万元，"
            "主要用于人员医疗保险。")
    ok = {"text": text.format("50.37"), "tables": [{"id": "Y5", "unit": "元", "rows": rows}]}
    assert _findings(ok, "Y303") == [] and _findings(ok, "Y108") == []
    [(severity, texts)] = _findings(dict(ok, text=text.format("60.37")), "Y303")
    assert severity == "error" and texts == ["60.37", "503,724"]
    rows[2]["cells"] = {"合计": "503,824"}
    assert [s for s, _ in _findings(ok, "Y108")] == ["error"]


INCOME = ("2024年单位预算编制说明\n2024年，本单位收入预算{total}万元，其中：财政拨款收入950.12万元；事业收入262.00万元；"
          "事业单位经营收入0.00万元；其他收入0.00万元。\n支出预算1,212.12万元，其中：财政拨款支出预算{funds}万元。"
          "财政拨款支出预算中，一般公共预算拨款支出预算950.12万元；政府性基金拨款支出预算{fund}万元。")
Y1Y4 = [{"id": "Y1", "unit": "元", "rows": [{"section": "收入", "label": "收入总计", "cells": {"预算数": "12,121,164"}}]},
        {"id": "Y4", "unit": "元", "rows": [
            {"section": "收入", "label": "收入总计", "cells": {"预算数": "9,501,164"}},
            {"section": "支出", "label": "支出总计", "cells": {"合计": "9,501,164", "一般公共预算": "9,501,164"}}]}]


def _income(total: str = "1,212.12", funds: str = "950.12", fund: str = "0.00") -> dict[str, Any]:
    return {"text": INCOME.format(total=total, funds=funds, fund=fund), "tables": Y1Y4}


def test_the_narrative_budget_totals_meet_y1_and_y4() -> None:
    """收入预算 (Y1's 收入总计), 财政拨款支出预算 (Y4's 支出总计), 一般公共预算拨款支出预算
    (Y4's 一般公共预算 column): Y307; the income and fund lists add up: B025, B026."""
    ok = _income()
    assert [(f.rule, f.severity) for f in check_document(example_document(ok), RULES).findings
            if f.severity != "info"] == []
    assert [s for s, texts in _findings(_income(total="1,222.12"), "Y307") if "1,222.12" in texts] == ["error"]
    assert [s for s, texts in _findings(_income(total="1,222.12"), "B025")] == ["error"]
    assert [s for s, texts in _findings(_income(funds="960.12"), "Y307") if "960.12" in texts] == ["error"]
    assert [s for s, texts in _findings(_income(fund="10.00"), "B026") if "10.00" in texts] == ["error"]


def test_a_fund_declared_empty_meets_the_budgets_this_year_amount() -> None:
    """A budget writes this year's amount “…拨款支出预算X万元” (period budget): Y305 judges it."""
    note = "\n本单位2024年无政府性基金预算财政拨款安排的预算。"
    found = _findings({"text": INCOME.format(total="1,212.12", funds="950.12", fund="10.00") + note, "tables": Y1Y4},
                      "Y305")
    assert [s for s, texts in found if "10.00" in texts] == ["error"]
    assert _findings({"text": INCOME.format(total="1,212.12", funds="950.12", fund="0.00") + note, "tables": Y1Y4},
                     "Y305") == []
