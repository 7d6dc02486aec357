"""Text copies of budget reports (`pdftotext -layout`, plain `pdftotext`) read like their PDF:
made-up pages that show each difference found by scripts/text_copy_check.py on the real corpus
(docs/corpus.md, “Text copy against its PDF”)."""

from __future__ import annotations

from pathlib import Path

from audit.document import Line, Paragraph
from audit.extract import extract
from audit.pipeline import check_path
from audit.readers import read_document
from audit.readers.text import unspaced
from audit.readers.text_tables import page_numbers
from audit.rulebook import load_rules

RULES = load_rules()

_Y10 = """\
公开 05 表：一般公共预算支出预算表（功能科目）
部门名称：示例厅                                                  单位：万元

功能科目代码            功能科目名称                                  金额

                              合计                                     300.00

201                     一般公共服务支出                               300.00

20101                   人大事务                                       300.00

2010101                 行政运行                                       200.00



                                             15
\f2010102          一般行政管理事务                   100.00

注：本表为示例。
"""


def test_a_page_number_before_a_form_feed_is_no_code_or_amount(tmp_path: Path) -> None:
    """pdftotext prints the footer “15” as the page's last line: it must not join the row above
    as a code part (2010101 + 15) nor the row below as an amount."""
    path = tmp_path / "copy.txt"
    path.write_text(_Y10, encoding="utf-8")
    table = read_document(str(path)).tables[0]
    codes = {r.code: [c.text for c in r.cells] for r in table.rows if r.code}
    assert codes == {"201": ["300.00"], "20101": ["300.00"], "2010101": ["200.00"], "2010102": ["100.00"]}
    assert not table.doubts


def test_only_a_set_apart_last_line_of_a_page_is_its_number() -> None:
    lines = list(enumerate(["行政运行   200.00", "", "   15", "\f一般行政管理事务  100.00", "   - 16 -",
                            "合计", "17", "\f下一页"], start=1))
    assert page_numbers(lines) == {3, 5}  # 17 sits right under 合计: a cell, not a footer


# A typeset page as pdftotext -layout prints it: full lines end up to a few characters short of
# the width (the copy adds spaces around numbers that the page set close), first lines indented.
_TYPESET = """\
  一、部门预算情况说明
  本部门的主要职能是负责全省人民代表大会常务委员会的日常工
作，保障常委会会议和主任会议的召开，承办常委会交办的各项事务，
做好代表联络服务和信访接待工作，完成机关后勤保障和财务管理
等工作任务，按照规定公开部门预算和部门决算的有关信息，接受
监督。本厅 2018 年一般公共预算机关运行经费预算支出安排较上
年减少，主要是日常公用经费的统计口径发生了变化，只包括基本支
出，不含项目支出中的日常公用经费，详见下表和以下的有关说明。
  示例厅 2018 年一般公共预算机关运行经费预算支出安排为
合计 1,115.85 万元，与上年相比减少 2,233.13 万元，下降 66.68%。
主要原因是今年此表统计口径发生变化，只包括使用一般公共预算安
排的基本支出中的日常公用经费支出，项目支出的日常公用经费支出
不再列入其中，所以与上年相比有较大的减少，特此说明以上情况。
"""


def test_a_line_a_little_short_of_a_typeset_width_continues(tmp_path: Path) -> None:
    """“…预算支出安排” ends a few columns short of the width (pdftotext's spaces around 2018):
    on the page it is full, so its figures keep their subject 机关运行经费."""
    path = tmp_path / "copy.txt"
    path.write_text(_TYPESET, encoding="utf-8")
    texts = ["".join(ln.text for ln in p.lines) for p in read_document(str(path)).paragraphs]
    joined = next(t for t in texts if "1,115.85" in t)
    assert joined.lstrip().startswith("示例厅 2018 年一般公共预算机关运行经费预算支出安排为合计 1,115.85")
    assert sum("66.68%" in t for t in texts) == 1 and "66.68%" in joined


def test_a_program_wrapped_text_keeps_short_lines_short(tmp_path: Path) -> None:
    """Lines wrapped by a program at exactly one length (20 here): a line two short of it is
    short, so the next line starts a paragraph of its own."""
    full = "本部门的主要职能是负责日常工作和保障会议召开等事务"[:20]
    short = "本部门共有十八个内设机构和所属单位有"  # 18 characters
    path = tmp_path / "wrapped.txt"
    path.write_text("\n".join(["一、部门概况", *[full] * 9, "", short, "另有一个单位的全称"]) + "\n", encoding="utf-8")
    texts = ["".join(ln.text for ln in p.lines) for p in read_document(str(path)).paragraphs]
    assert short in texts and "另有一个单位的全称" in texts


_SPACED = """\
  一、收入预算情况说明
  本 部 门 本 年 收 入 预 算 合 计 1,000.00 万元，其中：
  一 般 公 共 预 算 收 入           900.00 万 元 ， 占 90   %；
  其他资金     100.00 万元，占       10 %。
"""


def test_letter_spaced_words_are_read_without_their_spaces(tmp_path: Path) -> None:
    """pdftotext copies a justified line's spread letters with single spaces between them; the
    words are read whole (一般公共预算收入, 万元，占) and every figure keeps its place as written."""
    path = tmp_path / "copy.txt"
    path.write_text(_SPACED, encoding="utf-8")
    analysis = extract(read_document(str(path)))
    lines = _SPACED.split("\n")
    by_text = {f.location.text: f for f in analysis.figures}
    assert by_text["900.00"].concept == "一般公共预算财政拨款收入" and by_text["900.00"].unit == "万元"
    assert by_text["90"].measure == "share" and by_text["1,000.00"].concept == "本年收入合计"
    for f in analysis.figures:
        loc = f.location
        written = lines[loc.line - 1][loc.column - 1:loc.end_column]
        assert written == loc.text, (written, loc)


def test_single_spaces_between_words_stay() -> None:
    """Only a run of three or more letters one space apart is letter-spaced."""
    line = Line(text="第一部分 部门概况 收入 支出  与 上 年 相 比", line=1)
    marked = unspaced(Paragraph([line])).lines[0]
    assert marked.text == line.text
    assert "".join(c for i, c in enumerate(marked.text) if i not in marked.layout) == "第一部分 部门概况 收入 支出  与上年相比"


# Jiangsu's 三公/会议费/培训费 table as pdftotext -layout prints it: header words start at their
# place on the page but a CJK word takes half its width (会议 over 费, 公务用车 over 购置费), and
# 公务用车购置费 is blank.
_Y14 = """\
公开 09 表：一般公共预算“三公”经费、会议费、培训费
支出预算表

部门：                   示例厅                                                    单位：万元

                                 “三公”经费

                                 公务用车购置及运行维护费
                                                                   会议
      合计                                                                     培训费
                      因公出国                                公务接        费
             小计                                 公务用车
                      （境）费               公务用车             待费
                                小计              运行维护
                                          购置费
                                                 费


  1,200.00   500.00    100.00   300.00           300.00   100.00   200.00     500.00
"""
_CARS = "三公经费/公务用车购置及运行维护费/"


def test_a_pdftotext_header_is_read_with_words_starting_at_their_place(tmp_path: Path) -> None:
    """Counting a CJK character as one column loses 会议费 (会议 and 费 no longer overlap) and
    every amount right of the blank cell slides one column left, with no doubt; words placed at
    their start and as wide as on the page give all nine columns and the table's own sums hold."""
    path = tmp_path / "copy.txt"
    path.write_text(_Y14, encoding="utf-8")
    table = read_document(str(path)).tables[0]
    assert table.table_id == "Y14" and not table.doubts
    cells = {c.column: c.text for r in table.rows for c in r.cells}
    assert cells == {
        "合计": "1,200.00", "三公经费/小计": "500.00", "三公经费/因公出国（境）费": "100.00",
        _CARS + "小计": "300.00", _CARS + "公务用车运行维护费": "300.00", "三公经费/公务接待费": "100.00",
        "会议费": "200.00", "培训费": "500.00",
    }
    assert not [f for f in check_path(str(path), RULES).findings if f.severity == "error"]


_ASSETS = """\
五、国有资产占有使用情况
    截至2024年8月31日，示例局共有车辆0辆，其中：机要通信用车0辆、其他用车0辆；单价100万元（含）以上设备（不含车辆）1台（套）。
    2025年部门预算安排购置车辆0辆；部门预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。
"""


def test_a_number_of_what_excludes_vehicles_counts_no_vehicles(tmp_path: Path) -> None:
    """“设备（不含车辆）1台（套）” is equipment held, “…0台（套）” equipment to buy: neither is the
    fleet (车辆数), so the two are never one quantity stated twice (a text copy that joins the
    sentence whole, where the PDF reader breaks it at a page, showed this)."""
    path = tmp_path / "assets.txt"
    path.write_text(_ASSETS, encoding="utf-8")
    figures = extract(read_document(str(path))).figures
    units = {f.location.text: f.concept for f in figures if f.unit and f.unit.startswith("台")}
    assert units and all(c.startswith("claim:") for c in units.values())
    assert not [f for f in check_path(str(path), RULES).findings if f.rule == "N050"]


# The same table in another set: the unit wrapped as 单位：万 / 元 over 培训费, 部门名称 over 合计.
_Y14_CAPTIONS = """\
公开 09 表

              “三公”经费、会议费、培训费支出预算表
                                                                              单位：万
部门名称：示例厅                                                                         元
                                   “三公”经费
                                   公务用车购置及运行维护费
  合计                   因公出                                           会议费       培训费
                                                             公务接
              小计       国（境）               公务用车购   公务用车运
                                 小计                           待费
                        费                  置费     行维护费


   1,000.00   499.00    100.00   300.00             300.00   99.00   201.00      300.00
"""


def test_captions_beside_a_header_take_no_header_word_below(tmp_path: Path) -> None:
    """合计 printed under “部门名称：…” and 培训费 under the 元 of a wrapped unit are columns of
    their own, not the tails of captions (which are no column): every amount is placed."""
    path = tmp_path / "copy.txt"
    path.write_text(_Y14_CAPTIONS, encoding="utf-8")
    table = read_document(str(path)).tables[0]
    assert table.table_id == "Y14" and not table.doubts
    cells = {c.column: c.text for r in table.rows for c in r.cells}
    assert cells["合计"] == "1,000.00" and cells["培训费"] == "300.00" and cells["会议费"] == "201.00"
    assert cells[_CARS + "公务用车运行维护费"] == "300.00" and len(cells) == 8


_Y12 = """\
公开 11 表

                   一般公共预算机关运行经费支出预算表
部门名称：示例厅                                                          单位：万元

          科目编码                    科目名称             机关运行经费支出

                   合计                               100.00

302                        商品和服务支出                  100.00

30201                       办公费           40.00

30205                       水费            10.00

30206                       电费            50.00

注：本表为示例。
"""


def test_amounts_of_a_single_column_copy_belong_to_it_wherever_they_stand(tmp_path: Path) -> None:
    """pdftotext prints a short label's amount next to it, far left of the only amount column:
    there is no other column it could belong to, so the table is no doubtful reading."""
    path = tmp_path / "copy.txt"
    path.write_text(_Y12, encoding="utf-8")
    table = read_document(str(path)).tables[0]
    assert table.table_id == "Y12" and not table.doubts
    assert {r.code: [c.text for c in r.cells] for r in table.rows if r.code} == {
        "302": ["100.00"], "30201": ["40.00"], "30205": ["10.00"], "30206": ["50.00"]}


def test_a_title_right_after_a_contents_page_opens_its_table(tmp_path: Path) -> None:
    """The contents list ends a page and the first table's title starts the next: in a PDF the
    two are on different pages, in a copy a form feed apart; the title is judged on its own page
    (a title after another title is otherwise the last entry of a contents list)."""
    contents = "              目      录\n序号   报表名称\n一、   收支预算总表\n二、   一般公共预算支出预算表（功能科目）\n"
    path = tmp_path / "copy.txt"
    path.write_text(contents + "\f" + _Y10, encoding="utf-8")
    tables = read_document(str(path)).tables
    assert len(tables) == 1 and len(tables[0].rows) == 5
