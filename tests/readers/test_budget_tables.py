"""Budget tables (Y1–Y9, Shanghai/Putuo layout) read from made-up text copies and made-up PDF
fragments: titles, side-by-side halves, two-level headers, 元 with separators, codes split over
类 | 款 | 项, empty tables with their note, and the one-row 三公 table in 万元."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.extract import extract
from audit.pipeline import check_path
from audit.readers import read_document
from audit.readers.budget_titles import budget_header
from audit.readers.pdf_header import Column
from audit.readers.pdf_layout import Frag, _cell_gap, _split_lead_amount
from audit.readers.pdf_rows import build_rows
from audit.readers.pdf_titles import match_title
from audit.rulebook import load_rules

RULES = load_rules()

_BUDGET = """\
上海市示例区2025年区级单位预算

                       2025年预算单位财务收支预算总表
编制单位：示例局                                                                    单位：元

          本年收入                                      本年支出
                                                                   预算数
    项目           预算数                项目                            基本支出
                                               合计                                     项目支出
                                                            人员经费         公用经费
一、财政拨款收入          1,500,000.00 一、一般公共服务支出      1,200,000.00    700,000.00    100,000.00    400,000.00
1、一般公共预算资金        1,500,000.00 二、住房保障支出          300,000.00    300,000.00
2、政府性基金
3、国有资本经营预算
二、事业收入
三、事业单位经营收入
四、其他收入

   收入总计          1,500,000.00        支出总计        1,500,000.00  1,000,000.00    100,000.00    400,000.00
{y3}              2025年预算单位政府性基金预算支出功能分类预算表
编制单位：示例局                                                     单位：元

               项目                          政府性基金预算支出

功能分类科目编码
                   功能分类科目名称           合计     基本支出      项目支出
 类   款   项

               合计
注:本单位2025年无政府性基金预算财政拨款安排的预算，故本表为空表。
                     2025年单位“三公”经费和机关运行经费预算表
编制单位：示例局                                                            单位:万元

                             2025年“三公”经费预算数

                                                                        2025年机关运行经
                                               公务用车购置及运行费
                                                                            费预算数
   合计         因公出国(境)费       公务接待费
                                         小计         购置费     运行费

        6.4              0           0        6.4                 6.4           10.5
"""


def _y3_row(code: str, name: str, *amounts: str) -> str:
    """A pdftotext-style row: 类 款 项 in their columns, the name, amounts right-aligned."""
    parts = (code[:3], code[3:5], code[5:7])
    head = f"{parts[0]:<6}{parts[1]:<5}{parts[2]:<5}{name}"
    return head + " " * (40 - len(head)) + "".join(a.rjust(16) for a in amounts)


_Y3 = "\n".join([
    "                       2025年预算单位支出预算总表",
    "编制单位：示例局" + " " * 60 + "单位：元",
    "",
    "                        项目                            支出预算",
    "",
    "功能分类科目编码",
    " " * 26 + "功能分类科目名称" + " " * 8 + "合计".rjust(8) + "基本支出".rjust(16) + "项目支出".rjust(16),
    "类     款    项",
    "",
    _y3_row("201", "一般公共服务支出", "1,200,000.00", "800,000.00", "400,000.00"),
    _y3_row("20103", "政府办公厅（室）及相关机构事务", "1,200,000.00", "800,000.00", "400,000.00"),
    _y3_row("2010301", "行政运行", "800,000.00", "800,000.00", ""),
    _y3_row("2010302", "一般行政管理事务", "400,000.00", "", "400,000.00"),
    _y3_row("221", "住房保障支出", "300,000.00", "300,000.00", ""),
    _y3_row("22102", "住房改革支出", "300,000.00", "300,000.00", ""),
    _y3_row("2210201", "住房公积金", "300,000.00", "300,000.00", ""),
    " " * 24 + "合计" + " " * 14 + "1,500,000.00".rjust(16) + "1,100,000.00".rjust(16) + "400,000.00".rjust(16),
    "",
])
BUDGET = _BUDGET.replace("{y3}", _Y3)


@pytest.fixture()
def budget(tmp_path: Path) -> Path:
    path = tmp_path / "budget.txt"
    path.write_text(BUDGET, encoding="utf-8")
    return path


@pytest.mark.parametrize(("title", "table_id"), [
    ("2024年预算单位财务收支预算总表", "Y1"),
    ("2025年部门收入预算总表", "Y2"),
    ("2025年部门支出预算总表", "Y3"),
    ("4．2025年部门财政拨款收支预算总表", "Y4"),
    ("2025年预算单位一般公共预算支出功能分类预算表", "Y5"),
    ("2025年部门政府性基金预算支出功能分类预算表", "Y6"),
    ("2025年部门国有资本经营预算支出功能分类预算表", "Y7"),
    ("2025年预算单位一般公共预算基本支出部门预算经济分类预算表", "Y8"),
    ("单位“三公”经费和机关运行经费预算表", "Y9"),
    ("9.2025年部门“三公”经费和机关运行经费预算表", "Y9"),
    ("一般公共预算财政拨款支出决算表", "T5"),  # final accounts unchanged
    ("本表反映部门预算总表的编制情况", None),
])
def test_budget_titles_are_recognised(title: str, table_id: str | None) -> None:
    assert match_title(title) == table_id


def test_y1_halves_and_two_level_header(budget: Path) -> None:
    y1 = next(t for t in read_document(str(budget)).tables if t.table_id == "Y1")
    assert y1.unit == "元" and not y1.doubts
    cells = {(r.section, r.label.replace(" ", ""), c.column): c.text for r in y1.rows for c in r.cells}
    assert cells[("收入", "一、财政拨款收入", "预算数")] == "1,500,000.00"
    assert cells[("收入", "收入总计", "预算数")] == "1,500,000.00"
    assert cells[("支出", "一、一般公共服务支出", "基本支出/人员经费")] == "700,000.00"
    assert cells[("支出", "一、一般公共服务支出", "基本支出/公用经费")] == "100,000.00"
    assert cells[("支出", "二、住房保障支出", "基本支出/人员经费")] == "300,000.00"
    assert cells[("支出", "支出总计", "项目支出")] == "400,000.00"


def test_codes_split_over_class_section_item_columns(budget: Path) -> None:
    y3 = next(t for t in read_document(str(budget)).tables if t.table_id == "Y3")
    assert [r.code for r in y3.rows] == ["201", "20103", "2010301", "2010302", "221", "22102", "2210201", None]
    assert {c.column: c.text for c in y3.rows[3].cells} == {"合计": "400,000.00", "项目支出": "400,000.00"}


def test_empty_table_and_sangong_row(budget: Path) -> None:
    doc = read_document(str(budget))
    y6 = next(t for t in doc.tables if t.table_id == "Y6")
    assert y6.rows == [] and "本表为空表" in (y6.empty_note or "")
    y9 = next(t for t in doc.tables if t.table_id == "Y9")
    assert y9.unit == "万元"
    [row] = y9.rows
    assert {c.column: c.text for c in row.cells} == {
        "三公经费/合计": "6.4", "三公经费/因公出国（境）费": "0", "三公经费/公务接待费": "0",
        "三公经费/公务用车购置及运行费/小计": "6.4", "三公经费/公务用车购置及运行费/运行费": "6.4",
        "机关运行经费": "10.5"}


def test_cell_names_follow_the_final_accounts_convention(budget: Path) -> None:
    names = {f.concept for f in extract(read_document(str(budget))).figures if f.table}
    assert {"Y1:收入|财政拨款收入:预算数", "Y1:支出|支出总计:基本支出.人员经费", "Y3:2010302:项目支出",
            "Y3:合计:合计", "Y9:三公经费:三公经费.公务用车购置及运行费.小计", "Y9:三公经费:机关运行经费"} <= names


def test_consistent_budget_tables_give_no_error_and_a_changed_cell_is_found(budget: Path) -> None:
    result = check_path(str(budget), RULES)
    assert result.tables_expected == tuple(f"Y{k}" for k in range(1, 10))
    assert set(result.tables_read) == {"Y1", "Y3", "Y6", "Y9"}
    assert not [f for f in result.findings if f.severity == "error"]
    broken = budget.with_name("broken.txt")
    changed = _y3_row("2010302", "一般行政管理事务", "410,000.00", "", "400,000.00")
    broken.write_text(BUDGET.replace(_y3_row("2010302", "一般行政管理事务", "400,000.00", "", "400,000.00"), changed),
                      encoding="utf-8")
    errors = [f for f in check_path(str(broken), RULES).findings if f.severity == "error"]
    assert {f.rule for f in errors} == {"Y107", "Y108"}
    assert all(any(loc.text == "410,000.00" for loc in f.locations) for f in errors)


def test_year_is_dropped_from_a_budget_header() -> None:
    assert budget_header("2025年机关运行经费预算数") == "机关运行经费预算数"
    assert budget_header("合计") == "合计"


def _frag(text: str, x0: float, x1: float, y: float = 100.0) -> Frag:
    return Frag(text, x0, x1, y, 10.0)


def test_an_amount_and_the_next_label_in_one_span_are_two_cells() -> None:
    amount, label = _split_lead_amount(_frag("9,501,164 一、一般公共服务支出", 213, 396))
    assert (amount.text, label.text) == ("9,501,164", "一、一般公共服务支出")
    assert amount.x1 < label.x0 and label.x1 == 396
    label, amount = _split_lead_amount(_frag("一、一般公共预算资金91,016,775.35", 57, 260))
    assert (label.text, amount.text) == ("一、一般公共预算资金", "91,016,775.35") and amount.x1 == 260
    # A year or a count in prose is not an amount cell.
    assert [f.text for f in _split_lead_amount(_frag("2025 年预算安排", 0, 80))] == ["2025 年预算安排"]


def test_two_amounts_are_never_one_cell() -> None:
    def span(text: str, x0: float, x1: float) -> dict:
        return {"text": text, "bbox": (x0, 0, x1, 10), "size": 12.0}

    assert _cell_gap(span("10,823,891.00", 547, 621), span("1,467,842.00", 625, 694))
    assert _cell_gap(span("一、一般公共预算资金91,016,775.35", 57, 260), span("一、一般公共服务支出", 264, 384))
    assert not _cell_gap(span("一般公共", 0, 40), span("服务支出", 44, 84))


def test_a_stray_digit_in_the_class_column_and_a_one_digit_section_stay_in_the_code() -> None:
    cols = [Column("合计", 300, 360)]
    rows, _ = build_rows([_frag("7", 117, 122), _frag("11", 147, 157), _frag("02", 179, 190),
                          _frag("事业单位医疗", 200, 270), _frag("503,724", 310, 350)], cols, 1, None, "", 0.0)
    assert [(r.code, [c.text for c in r.cells]) for r in rows] == [("71102", ["503,724"])]
    rows, _ = build_rows([_frag("301", 110, 128), _frag("2", 150, 155), _frag("津贴补贴", 200, 240),
                          _frag("16,623,810", 300, 356)], cols, 1, None, "", 0.0)
    assert [(r.code, [c.text for c in r.cells]) for r in rows] == [("30102", ["16,623,810"])]
