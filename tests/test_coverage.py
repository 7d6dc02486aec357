"""Say what was not checked (issue 11 §7): a document with no figure, a final-accounts narrative
without any of the nine tables, a budget whose tables were not all read; the JSON stats
and the summary line say which of the expected tables were read."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.document import Cell, Document, Line, Paragraph, Table, TableRow
from audit.pipeline import check_document, check_path
from audit.rulebook import load_rules

RULES = load_rules()
ROOT = Path(__file__).parents[1]
SCHEMA = json.loads((ROOT / "tests" / "data" / "report.schema.json").read_text(encoding="utf-8"))
FINAL = "2024年度部门决算\n本年收入合计100.00万元，本年支出合计100.00万元。\n"
BUDGET = "2025年度部门预算\n2025年收入预算100.00万元，比2024年预算增加10.00万元。\n"


def _doc(text: str, tables: list[Table] | None = None) -> Document:
    paragraphs = [Paragraph([Line(text=t, line=i, column=1)])
                  for i, t in enumerate(text.split("\n"), start=1) if t.strip()]
    return Document(path="made-up.txt", kind="text", paragraphs=paragraphs, tables=tables or [])


def _table(table_id: str, title: str, empty_note: str | None = None) -> Table:
    rows = [] if empty_note else [TableRow(label="本年收入合计", section="收入", page=1,
                                           cells=[Cell(column="决算数", text="100.00", page=1)])]
    return Table(title=title, rows=rows, table_id=table_id, page=1, empty_note=empty_note)


def _coverage(result) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(f.rule, f.severity, f.message) for f in result.findings if f.rule in {"S005", "S006", "S007"}]


def test_no_text_at_all_says_nothing_was_checked() -> None:
    result = check_document(Document(path="blank.docx", kind="docx"), RULES)
    ((rule, severity, message),) = _coverage(result)
    assert (rule, severity) == ("S005", "warning") and "未作任何核对" in message
    assert result.findings[0].locations[0].path == "blank.docx"


def test_text_without_any_figure_names_what_was_not_checked() -> None:
    result = check_document(_doc("2024年度部门决算\n第一部分 示例局概况\n本部门负责全区社会保障工作。"), RULES)
    found = _coverage(result)
    assert [(r, s) for r, s, _ in found] == [("S005", "warning")], found
    assert "未能从文件中读取任何数字" in found[0][2]


def test_final_accounts_narrative_without_tables() -> None:
    result = check_document(_doc(FINAL), RULES)
    assert [(r, s) for r, s, _ in _coverage(result)] == [("S006", "warning")]
    assert result.tables_expected == tuple(f"T{k}" for k in range(1, 10))
    assert result.tables_read == () and result.tables_missing == result.tables_expected


def test_a_text_that_does_not_say_its_kind_is_not_asked_for_tables() -> None:
    """An excerpt or a pasted paragraph: nothing says which tables it should have."""
    result = check_document(_doc("本年收入合计100.00万元，本年支出合计100.00万元。"), RULES)
    assert not _coverage(result) and result.tables_expected == ()
    result = check_document(_doc("本年收入合计100.00万元，本年支出合计100.00万元。"), RULES, kind="final")
    assert [r for r, _, _ in _coverage(result)] == ["S006"]


def test_one_table_read_is_enough_and_an_empty_table_counts() -> None:
    tables = [_table("T1", "收入支出决算总表"),
              _table("T8", "政府性基金预算财政拨款收入支出决算表", empty_note="本单位无政府性基金预算财政拨款收入，故本表无数据。")]
    result = check_document(_doc(FINAL, tables), RULES)
    assert not _coverage(result)
    assert result.tables_read == ("T1", "T8")
    assert result.tables_missing == ("T2", "T3", "T4", "T5", "T6", "T7", "T9")


def test_budget_says_once_that_its_tables_are_not_checked() -> None:
    result = check_document(_doc(BUDGET), RULES)
    assert [(r, s) for r, s, _ in _coverage(result)] == [("S007", "info")]
    assert result.tables_expected == () and result.tables_missing == ()


def test_budget_tables_alone_get_one_notice_not_two() -> None:
    """A budget's tables published as their own file: text read, no figure the tool understands."""
    result = check_document(_doc("2025年度部门预算\n部门收支预算总表\n项目 预算数\n合计"), RULES)
    ((rule, severity, message),) = _coverage(result)
    assert (rule, severity) == ("S007", "info") and "未读取到可核对的数字" in message


def test_budget_given_with_kind_option_is_not_asked_for_final_tables() -> None:
    result = check_document(_doc(FINAL), RULES, kind="budget")
    assert [r for r, _, _ in _coverage(result)] == ["S007"]
    assert check_document(_doc(BUDGET), RULES, kind="final").tables_expected[0] == "T1"


def test_english_messages() -> None:
    result = check_document(_doc(FINAL), RULES, lang="en")
    assert "none of the 9 final-accounts tables was read" in _coverage(result)[0][2]


@pytest.mark.parametrize(("sample", "read", "rules"), [
    ("putuo-finance-2024-final-accounts.pdf", 9, set()),
    ("shanghai-2024-final-accounts-template.pdf", 9, set()),  # blank template: tables read, no figure
    ("maoxian-hrss-2022-final-accounts.txt", 0, {"S006"}),
    ("putuo-welfare-2024-unit-budget.pdf", 9, set()),  # the nine Shanghai budget tables Y1–Y9
])
def test_samples(sample: str, read: int, rules: set[str]) -> None:
    result = check_path(str(ROOT / "samples" / sample), RULES)
    assert len(result.tables_read) == read
    assert {r for r, _, _ in _coverage(result)} == rules


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--isolated", *args], catch_exceptions=False)
    return result.exit_code, result.output


def test_json_stats_list_the_tables_and_validate(tmp_path: Path) -> None:
    final = tmp_path / "final.txt"
    final.write_text(FINAL, encoding="utf-8")
    budget = tmp_path / "budget.txt"
    budget.write_text(BUDGET, encoding="utf-8")
    _, out = _cli("--format", "json", str(final), str(budget), str(ROOT / "samples" / "putuo-finance-2024-final-accounts.pdf"))
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    first, second, third = (d["stats"] for d in report["documents"])
    assert first["tables_read"] == [] and first["tables_missing"] == first["tables_expected"]
    assert len(first["tables_expected"]) == 9
    assert second["tables_expected"] == second["tables_read"] == second["tables_missing"] == []
    assert third["tables_read"] == [f"T{k}" for k in range(1, 10)] and third["tables_missing"] == []


def test_summary_line_shows_tables_read(tmp_path: Path) -> None:
    final = tmp_path / "final.txt"
    final.write_text(FINAL, encoding="utf-8")
    budget = tmp_path / "budget.txt"
    budget.write_text(BUDGET, encoding="utf-8")
    pdf = str(ROOT / "samples" / "putuo-finance-2024-final-accounts.pdf")
    assert "表格：读取 9/18" in _cli(str(final), pdf)[1].replace("\n", "")
    assert "tables read 0/9" in _cli("--lang", "en", str(final))[1].replace("\n", "")
    out = _cli(str(budget))[1]
    assert "表格" not in out.splitlines()[-1] and "S007" in out


def test_pdf_with_a_typed_cover_and_scanned_pages(tmp_path: Path) -> None:
    """The cover has a text layer, the body is pictures: the reader can read it, nothing is checked.
    (A PDF with no text layer at all is unreadable: tests/readers/test_pdf.py::test_scanned_pdf.)"""
    import pymupdf

    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 100), "示例局2024年度部门决算", fontname="china-s", fontsize=18)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 80), False)
    pix.set_rect(pix.irect, (200, 200, 200))
    for _ in range(2):
        pdf.new_page().insert_image(pymupdf.Rect(50, 50, 350, 450), pixmap=pix)
    path = tmp_path / "cover-then-scans.pdf"
    pdf.save(path)
    result = check_path(str(path), RULES)
    assert result.status == "checked" and result.facts == 0
    ((rule, severity, message),) = _coverage(result)
    assert (rule, severity) == ("S005", "warning") and "金额、比例和表格均未核对" in message
    assert result.findings[0].locations[0].page == 1


def _budget_tables(ids: list[str]) -> list[Table]:
    return [Table(title=f"2025年部门表{i}", rows=[TableRow(label="合计", page=1, cells=[Cell(column="合计", text="1.00")])],
                  table_id=i, page=1, unit="元") for i in ids]


def test_budget_expects_the_nine_shanghai_tables_and_names_the_missing_ones() -> None:
    result = check_document(_doc(BUDGET, _budget_tables(["Y1", "Y2", "Y3", "Y4", "Y5", "Y8", "Y9"])), RULES)
    assert result.tables_expected == tuple(f"Y{k}" for k in range(1, 10))
    assert result.tables_missing == ("Y6", "Y7")
    [(rule, severity, message)] = _coverage(result)
    assert (rule, severity) == ("S007", "info")
    assert "7/9" in message and "Y6 政府性基金预算支出功能分类预算表" in message and "Y1" not in message


def test_budget_with_every_table_read_gets_no_notice() -> None:
    tables = _budget_tables([f"Y{k}" for k in range(1, 10)])
    tables[5] = Table(title="2025年部门政府性基金预算支出功能分类预算表", rows=[], table_id="Y6", page=1,
                      empty_note="注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。")
    result = check_document(_doc(BUDGET, tables), RULES)
    assert len(result.tables_read) == 9 and not _coverage(result)


def test_budget_tables_are_not_expected_of_final_accounts() -> None:
    from audit.families.coverage import expected_tables
    assert expected_tables("final", {"Y1"})[0] == "T1"
    assert expected_tables(None, {"Y1"}) == ()
    assert expected_tables("budget", set()) == ()
    assert expected_tables("budget", {"Y3"}) == tuple(f"Y{k}" for k in range(1, 10))
