"""Jiangsu budget tables (省级部门预算公开报表, Y1…Y13): titles, reading and the Y2xx/Y4xx rules.

`tests/data/jiangsu-budget-tables.txt` is a made-up department's tables in the layout
`pdftotext -layout` prints for the Jiangsu 公开表 (docs/budgets.md §2.2): "公开NN表" lines above
the titles, "部门：… 单位：万元", 收入 | 支出 by 功能 | 支出用途 side by side, the 三公 table's
grouped header, an empty 政府性基金 table, a 政府采购 table with its text columns. Every identity holds in it; each test changes one
printed figure and expects the rule that catches it. The real PDFs are read when the development
corpus is present (../shared/corpus/dev).
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from audit.extract import extract
from audit.pipeline import check_path
from audit.readers import read_document
from audit.readers.budget_titles import is_number_line
from audit.readers.pdf_layout import Frag, page_frags, split_money, visual_lines
from audit.readers.pdf_pages import split_pages
from audit.reading import read_report
from audit.rulebook import load_rules

ROOT = Path(__file__).parent.parent
FIXTURE = ROOT / "tests" / "data" / "jiangsu-budget-tables.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
RULES = load_rules()


# ---------------------------------------------------------------- titles


@pytest.mark.parametrize(("title", "table_id"), [
    ("收支预算总表", "Y1"),
    ("一、2018 年度江苏省高级人民法院收支预算总表", "Y1"),
    ("公开 01 表：收支预算总表", "Y1"),
    ("收入预算总表", "Y2"),
    ("支出预算总表", "Y3"),
    ("四、2018 年度江苏省高级人民法院财政拨款收支预算总表", "Y4"),
    ("一般公共预算支出预算表（功能科目）", "Y5"),
    ("十、2018 年度江苏省高级人民法院政府性基金预算财政拨款支出预算表", "Y6"),
    ("财政拨款政府性基金支出预算表", "Y6"),
    ("公开 10 表：政府性基金支出预算表", "Y6"),
    ("一般公共预算基本支出预算表（经济科目）", "Y8"),
    ("“三公”经费、会议费、培训费支出预算表", "Y14"),
    ("九、2018 年江苏省高级人民法院“三公”经费、会议费、培训费支出预算表", "Y14"),
    ("财政拨款支出预算表（功能科目）", "Y10"),
    ("五、2018 年度江苏省高级人民法院财政拨款支出预算表", "Y10"),
    ("财政拨款基本支出预算表", "Y11"),
    ("一般公共预算机关运行经费支出预算表", "Y12"),
    ("2019年政府采购预算表", "Y13"),
    ("政府采购支出预算表", "Y13"),
    # final accounts keep their ids
    ("财政拨款收入支出决算总表", "T4"),
    ("一般公共预算财政拨款基本支出决算表", "T6"),
])
def test_budget_titles_are_recognised_by_name(title: str, table_id: str) -> None:
    from audit.readers.pdf_titles import match_title

    assert match_title(title) == table_id


@pytest.mark.parametrize("text", ["中共江苏省委办公厅2019年部门预算公开", "财政拨款支出预算表是本部门的", "公开的预算表"])
def test_prose_is_no_budget_title(text: str) -> None:
    from audit.readers.pdf_titles import match_title

    assert match_title(text) is None


def test_table_number_lines() -> None:
    assert is_number_line("公开01表") and is_number_line("公开表十二") and is_number_line("公开12表")
    assert not is_number_line("公开01表：收支预算总表") and not is_number_line("部门预算公开")


# ---------------------------------------------------------------- reading


def _cells(path: Path | str) -> dict[str, str]:
    doc = read_document(str(path))
    return {f.concept: f.location.text for f in extract(doc).figures if f.table}


def test_fixture_reads_every_table_without_doubt() -> None:
    doc = read_document(str(FIXTURE))
    assert [t.table_id for t in doc.tables] == ["Y1", "Y3", "Y4", "Y10", "Y11", "Y14", "Y6", "Y12", "Y13"]
    assert not [(t.table_id, t.doubts) for t in doc.tables if t.doubts]
    assert next(t for t in doc.tables if t.table_id == "Y6").empty_note == "注：本部门无相关收支项目"


def test_summary_table_parts_and_spanning_rows() -> None:
    cells = _cells(FIXTURE)
    assert cells["Y1:收入|当年收入小计:金额"] == "1,000.00"
    assert "Y1:收入|上年结转资金:金额" not in cells  # blank: no figure
    assert cells["Y1:支出|一般公共服务支出:金额"] == "800.00"
    # 当年支出小计 is printed under the 功能 names, its amount in the 支出用途 column
    assert cells["Y1:支出|当年支出小计:金额"] == "1,000.00"
    assert cells["Y1:支出用途|单位预留机动经费:金额"] == "100.00"
    assert cells["Y4:支出|支出合计:金额"] == "1,000.00"
    assert cells["Y3:合计:单位预留机动经费"] == "100.00"


def test_sangong_grouped_header_names_both_subtotals() -> None:
    cells = _cells(FIXTURE)
    assert cells["Y14:合计:三公经费.小计"] == "50.00"
    assert cells["Y14:合计:三公经费.公务用车购置及运行维护费.小计"] == "20.00"
    assert cells["Y14:合计:三公经费.公务用车购置及运行维护费.公务用车运行维护费"] == "20.00"
    assert "Y14:合计:三公经费.公务用车购置及运行维护费.公务用车购置费" not in cells
    assert cells["Y14:合计:培训费"] == "10.00"


def test_coded_tables_keep_codes_and_totals() -> None:
    cells = _cells(FIXTURE)
    assert cells["Y10:2013101:金额"] == "500.00"
    assert cells["Y10:合计:金额"] == "1,000.00"
    assert cells["Y12:合计:机关运行经费支出"] == "150.00"  # printed "合    计"


def test_amount_glued_to_the_next_cell_is_split() -> None:
    frag = Frag("33,172.15 一、基本支出", 100.0, 200.0, 50.0, 10.0)
    assert [f.text for f in split_money(frag)] == ["33,172.15", "一、基本支出"]
    assert [f.text for f in split_money(Frag("2,558.26 620.75", 0.0, 80.0, 5.0, 10.0))] == ["2,558.26", "620.75"]
    pieces = split_money(Frag("2,558.26 620.75", 0.0, 80.0, 5.0, 10.0))
    assert pieces[0].x1 < pieces[1].x0
    # a sentence's amount and its unit stay one run
    assert [f.text for f in split_money(Frag("占 99.94 %；", 0.0, 60.0, 5.0, 10.0))] == ["占 99.94 %；"]
    assert [f.text for f in split_money(Frag("13,994.31 万元。", 0.0, 60.0, 5.0, 10.0))] == ["13,994.31 万元。"]


@pytest.mark.parametrize("rotation", [0, 90, 270])
def test_turned_pages_read_as_viewed(rotation: int) -> None:
    """Jiangsu prints landscape tables on portrait pages turned by /Rotate."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.set_rotation(rotation)
    for x, y, text in [(100, 100, "基本支出"), (300, 100, "600.00"), (100, 130, "项目支出"), (300, 130, "300.00")]:
        page.insert_text(pymupdf.Point(x, y) * page.derotation_matrix, text, fontname="china-s", fontsize=10,
                         rotate=rotation)
    lines = visual_lines(page_frags(page))
    assert [[f.text for f in ln.frags] for ln in lines] == [["基本支出", "600.00"], ["项目支出", "300.00"]]
    assert [round(ln.y) for ln in lines] == [100, 130]


def test_page_number_is_no_amount_of_the_last_row() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    rows = [(60, "一般公共预算支出预算表"), (80, "部门：某厅"), (80, "单位：万元"), (100, "科目编码"), (120, "合计"),
            (140, "201"), (160, "208")]
    for y, text in rows[:2] + rows[3:5]:
        page.insert_text((60 if text != "合计" else 150, y), text, fontname="china-s", fontsize=10)
    page.insert_text((450, 80), "单位：万元", fontname="china-s", fontsize=10)
    page.insert_text((250, 100), "科目名称", fontname="china-s", fontsize=10)
    page.insert_text((450, 100), "金额", fontname="china-s", fontsize=10)
    page.insert_text((450, 120), "30.00", fontsize=10)
    page.insert_text((60, 140), "201", fontsize=10)
    page.insert_text((150, 140), "一般公共服务支出", fontname="china-s", fontsize=10)
    page.insert_text((450, 140), "30.00", fontsize=10)
    page.insert_text((294, 800), "15", fontsize=10)
    lines = visual_lines(page_frags(page))
    _, tables, _ = split_pages([(lines, 595.0)])
    assert [[c.text for c in r.cells] for r in tables[0].rows] == [["30.00"], ["30.00"]]


# ---------------------------------------------------------------- rules


def _findings(text: str, tmp_path: Path) -> set[str]:
    path = tmp_path / "js.txt"
    path.write_text(text, encoding="utf-8")
    result = check_path(str(path), RULES)
    assert result.status == "checked", result.error
    return {f.rule for f in result.findings if f.severity in ("error", "warning")}


def test_fixture_is_consistent(tmp_path: Path) -> None:
    assert not {r for r in _findings(FIXTURE.read_text(encoding="utf-8"), tmp_path) if r[0] in "YT"}


@pytest.mark.parametrize(("old", "new", "rule"), [
    ("          收入合计               1,000.00", "          收入合计               1,001.00", "Y201"),
    ("          收入合计               1,000.00", "          收入合计               1,001.00", "Y203"),
    ("                             支出合计                                         1,000.00",
     "                             支出合计                                         1,002.00", "Y202"),
    ("三、其他资金                                  十八、住房保障支出                           200.00",
     "三、其他资金                                  十八、住房保障支出                           210.00", "Y206"),
    ("三、单位预留机动经费                100.00", "三、单位预留机动经费                110.00", "Y207"),
    ("           1,000.00        600.00          300.00           100.00",
     "           1,000.00        600.00          300.00            90.00", "Y208"),
    ("     收入合计                   1,000.00", "     收入合计                     990.00", "Y211"),
    ("2013101             行政运行                       500.00", "2013101             行政运行                       510.00",
     "Y212"),
    ("30201              办公费                        100.00", "30201              办公费                        110.00",
     "Y213"),
    ("20.00      20.00     10.00", "20.00      20.00     15.00", "Y214"),
    ("     50.00      10.00     20.00", "     50.00      15.00     20.00", "Y215"),
    ("     50.00      10.00     20.00               20.00", "     50.00      10.00     20.00               25.00", "Y216"),
    ("一、货物A                                                             30.00",
     "一、货物A                                                             35.00", "Y217"),
    ("           1,000.00        600.00", "           1,000.00        610.00", "Y401"),
])
def test_one_changed_figure_is_caught(old: str, new: str, rule: str, tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    assert rule in _findings(text.replace(old, new), tmp_path)


def test_narrative_sangong_against_the_table(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    said = "\n2019年度一般公共预算拨款安排的会议费预算支出{}万元，与上年预算数一致。\n"
    assert "Y404" not in _findings(said.format("20.00") + text, tmp_path)
    assert "Y404" in _findings(said.format("25.00") + text, tmp_path)


def test_doubtful_table_yields_no_error(tmp_path: Path) -> None:
    """An amount crowded into another's column makes the table doubtful (T190), not wrong."""
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "2013101             行政运行                       500.00",
        "2013101             行政运行                       500.00   7.00")
    found = _findings(text, tmp_path)
    assert "T190" in found and "Y212" not in found


# ---------------------------------------------------------------- the real PDFs


PDFS = ["js-gy-2018-bmys.pdf", "js-gy-2019-bmys.pdf", "js-jcy-2018-bmys.pdf", "js-jcy-2019-bmys.pdf",
        "js-rdbgt-2018-bmys.pdf", "js-rdcwh-2019-bmys-tables.pdf", "js-swbgt-2018-bmys-tables.pdf",
        "js-swbgt-2019-bmys-tables.pdf", "js-zxbgt-2018-bmys-tables.pdf", "js-zxbgt-2019-bmys-tables.pdf"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="development corpus not present (../shared/corpus/dev)")
@pytest.mark.parametrize("name", PDFS)
def test_real_jiangsu_pdf_reads_its_twelve_tables(name: str) -> None:
    doc = read_document(str(CORPUS / name))
    ids = [t.table_id for t in doc.tables]
    assert sorted(ids, key=lambda i: int(i[1:])) == ["Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y8", "Y10", "Y11", "Y12",
                                                     "Y13", "Y14"]
    assert not [(t.table_id, t.doubts) for t in doc.tables if t.doubts]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="development corpus not present (../shared/corpus/dev)")
def test_real_pair_checked_as_one_report() -> None:
    """A -text.pdf and its -tables.pdf: the narrative's 三公 amounts meet the tables (Y404)."""
    from audit.families import FAMILIES
    from audit.relation import Relation

    paths = [str(CORPUS / "js-swbgt-2019-bmys-text.pdf"), str(CORPUS / "js-swbgt-2019-bmys-tables.pdf")]
    analysis = extract(read_report(paths).document)
    rule = next(r for r in RULES if r.id == "Y404")
    assert sum(isinstance(o, Relation) for o in FAMILIES[rule.family].bind(rule, analysis)) >= 15
    result = check_path(paths[1], RULES)
    assert not [f for f in result.findings if f.rule.startswith("Y")]


def _pdf_tables(items: list[tuple[float, float, str]]) -> list:
    """Tables read from one drawn A4 page: `items` are (x, baseline, text)."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for x, y, text in items:
        page.insert_text((x, y), text, fontname="china-s", fontsize=9)
    _, tables, _ = split_pages([(visual_lines(page_frags(page)), 595.0)])
    return tables


def test_pdf_three_parts_side_by_side() -> None:
    """收入 | 支出 by 功能 | 支出用途; 当年支出小计's amount in the last part's column; the 公开
    number above the next title ends the table."""
    items = [
        (60, 52, "收支预算总表"), (60, 66, "部门：某厅"), (480, 66, "单位：万元"),
        (60, 80, "项目名称"), (160, 80, "金额"), (220, 80, "功能科目名称"), (330, 80, "金额"),
        (400, 80, "项目名称"), (520, 80, "金额"),
        (60, 100, "一、财政拨款"), (150, 100, "100.00"), (220, 100, "一、一般公共服务支出"), (320, 100, "100.00"),
        (400, 100, "一、基本支出"), (510, 100, "60.00"),
        (400, 120, "二、项目支出"), (510, 120, "40.00"),
        (60, 140, "当年收入小计"), (150, 140, "100.00"), (220, 140, "当年支出小计"), (505, 140, "100.00"),
        (60, 160, "公开02表"),
    ]
    (y1,) = _pdf_tables(items)
    rows = {(r.section, r.label): [c.text for c in r.cells] for r in y1.rows}
    assert rows == {
        ("收入", "一、财政拨款"): ["100.00"], ("收入", "当年收入小计"): ["100.00"],
        ("支出", "一、一般公共服务支出"): ["100.00"], ("支出", "当年支出小计"): ["100.00"],
        ("支出用途", "一、基本支出"): ["60.00"], ("支出用途", "二、项目支出"): ["40.00"],
    }
    assert not y1.doubts


def test_pdf_title_over_two_lines() -> None:
    items = [
        (60, 40, "公开09表：一般公共预算“三公”经费、会议费、培训费"), (60, 52, "支出预算表"),
        (60, 66, "部门：某厅"), (480, 66, "单位：万元"),
        (100, 80, "合计"), (300, 80, "会议费"), (450, 80, "培训费"),
        (100, 100, "30.00"), (300, 100, "20.00"), (450, 100, "10.00"),
    ]
    (y14,) = _pdf_tables(items)
    assert y14.table_id == "Y14"
    assert [(c.column, c.text) for r in y14.rows for c in r.cells] == [("合计", "30.00"), ("会议费", "20.00"),
                                                                     ("培训费", "10.00")]
