"""The workbook reader: displayed decimals, the nine tables as from the PDF, .xls, damaged files."""

from __future__ import annotations

import dataclasses
import io
from collections import Counter
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from fixtures.office.builders import workbook_from_tables

from audit.document import Document, UnreadableDocument
from audit.extract import extract
from audit.numbers import parse_number
from audit.pipeline import check_document, check_path
from audit.readers.office_cells import column_letter, format_decimals, number_text
from audit.readers.pdf import read_pdf
from audit.readers.xlsx import read_workbook
from audit.rulebook import load_rules

PDF = Path(__file__).parent.parent / "samples" / "putuo-finance-2024-final-accounts.pdf"


@pytest.mark.parametrize("value, fmt, text", [
    (2940.05, "#,##0.00", "2940.05"),
    (6.2, "#,##0.00", "6.20"),
    (100.0, "General", "100"),
    (0.1 + 0.2, "General", "0.30000000000000004"),
    (0.1 + 0.2, "0.00", "0.30"),
    (2.675, "0.00", "2.68"),  # the typed 2.675, not the float 2.67499999…
    (0.5657, "0.00%", "56.57%"),
    (-3.0, '#,##0.00_);[Red]\\(#,##0.00\\)', "-3.00"),
    (12, "0.0", "12.0"),
    (-0.001, "0.00", "0.00"),
    (Decimal("1.50"), None, "1.5"),
])
def test_number_text_keeps_displayed_decimals(value, fmt, text) -> None:
    assert number_text(value, fmt) == text


def test_format_decimals_and_letters() -> None:
    assert format_decimals('"¥"#,##0.000;-#,##0.000') == (3, False)
    assert format_decimals("@") == (None, False)
    assert [column_letter(i) for i in (0, 25, 26, 701)] == ["A", "Z", "AA", "ZZ"]


@pytest.fixture(scope="module")
def pdf_doc() -> Document:
    return read_pdf(str(PDF))


def signature(doc: Document) -> list:
    """Tables as the rules see them: ids, units, rows with label/code/section and parsed cells."""
    return [(t.table_id, t.unit, t.empty_note, [(r.section, r.code, r.label, [(c.column, parse_number(c.text))
                                                                               for c in r.cells]) for r in t.rows])
            for t in doc.tables]


@pytest.mark.parametrize("one_sheet", [False, True], ids=["sheet-per-table", "one-sheet"])
def test_workbook_of_nine_tables_reads_like_the_pdf(pdf_doc: Document, tmp_path: Path, one_sheet: bool) -> None:
    path = workbook_from_tables(pdf_doc.tables, tmp_path / "tables.xlsx", one_sheet)
    book = read_workbook(str(path))
    assert [t.table_id for t in book.tables] == [f"T{i}" for i in range(1, 10)]
    assert signature(book) == signature(pdf_doc)
    assert all(c.ref and "!" in c.ref for t in book.tables for r in t.rows for c in r.cells)


def test_same_table_findings_as_the_pdf(pdf_doc: Document, tmp_path: Path) -> None:
    rules = load_rules()
    path = workbook_from_tables(pdf_doc.tables, tmp_path / "tables.xlsx")
    book = check_path(str(path), rules)
    tables_only = check_document(dataclasses.replace(pdf_doc, paragraphs=[]), rules)
    assert book.status == "checked" and book.table_stats == tables_only.table_stats
    assert Counter(f.rule for f in book.findings) == Counter(f.rule for f in tables_only.findings)

    def what(r):
        # `actual` is the text as displayed: the PDF prints 2,336.91, the cell holds 2336.91.
        return sorted((f.rule, f.expected, f.actual and parse_number(f.actual), tuple(x.text and parse_number(x.text) for x in f.locations))
                      for f in r.findings)

    assert what(book) == what(tables_only)
    refs = {x.ref for f in book.findings for x in f.locations}
    assert "收入决算表!C4" in refs  # the 合计 row's 本年收入合计 of T2


def test_locations_are_sheet_and_cell(pdf_doc: Document, tmp_path: Path) -> None:
    path = workbook_from_tables(pdf_doc.tables, tmp_path / "tables.xlsx")
    facts = extract(read_workbook(str(path)))
    fig = next(f for f in facts.figures if f.location.ref == "收入决算表!D4")
    assert (fig.value, fig.decimals, fig.location.text, fig.table) == (Decimal("2940.05"), 2, "2940.05", "T2")
    assert fig.location.cell and fig.location.cell.column == "财政拨款收入"


def test_untitled_sheet_named_as_table_and_split_code_columns(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表3 支出决算表"
    ws.append(["科目编码", None, None, "科目名称", "本年支出合计", "基本支出", "项目支出"])
    ws.merge_cells("A1:C1")
    ws.append(["类", "款", "项", None, None, None, None])
    ws.append([208, "05", "05", "职业年金缴费支出", 12.36, 12.36, None])
    ws.append(["合计", None, None, None, 12.36, 12.36, "-"])
    ws.merge_cells("A4:D4")
    for row in ws.iter_rows(min_row=3):
        for c in row[4:]:
            c.number_format = "0.00"
    wb.save(tmp_path / "t3.xlsx")
    (t3,) = read_workbook(str(tmp_path / "t3.xlsx")).tables
    assert t3.table_id == "T3" and t3.sheet == "表3 支出决算表"
    assert [(r.code, r.label, [(c.column, c.text, c.ref) for c in r.cells]) for r in t3.rows] == [
        ("2080505", "职业年金缴费支出", [("本年支出合计", "12.36", "表3 支出决算表!E3"), ("基本支出", "12.36", "表3 支出决算表!F3")]),
        (None, "合计", [("本年支出合计", "12.36", "表3 支出决算表!E4"), ("基本支出", "12.36", "表3 支出决算表!F4")]),
    ]


def test_xls_workbook(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    sh = book.add_sheet("收入")
    money = xlwt.easyxf(num_format_str="#,##0.00")
    sh.write_merge(0, 0, 0, 3, "2022年度收入决算表")
    for c, h in enumerate(["科目编码", "科目名称", "本年收入合计", "财政拨款收入"]):
        sh.write(1, c, h)
    sh.write(2, 0, "208")
    sh.write(2, 1, "社会保障和就业支出")
    sh.write(2, 2, 326.7, money)
    sh.write(2, 3, 326.7, money)
    book.save(str(tmp_path / "old.xls"))
    (t2,) = read_workbook(str(tmp_path / "old.xls")).tables
    assert [(r.code, [(c.column, c.text, c.ref) for c in r.cells]) for r in t2.rows] == [
        ("208", [("本年收入合计", "326.70", "收入!C3"), ("财政拨款收入", "326.70", "收入!D3")])]


def _encrypted(tmp_path: Path) -> Path:
    import msoffcrypto
    from msoffcrypto.format.ooxml import OOXMLFile

    wb = openpyxl.Workbook()
    wb.active["A1"] = "收入决算表"
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    out = tmp_path / "locked.xlsx"
    with open(plain, "rb") as src, open(out, "wb") as dst:
        OOXMLFile(src).encrypt("secret", dst)
    assert msoffcrypto  # the package is a test dependency
    return out


def test_damaged_workbooks_say_why(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "收入决算表"
    buf = io.BytesIO()
    wb.save(buf)
    (tmp_path / "cut.xlsx").write_bytes(buf.getvalue()[:-200])
    (tmp_path / "pdf.xlsx").write_bytes(PDF.read_bytes()[:4096])
    (tmp_path / "note.xls").write_text("科目,金额\n", encoding="utf-8")
    import docx

    docx.Document().save(str(tmp_path / "word.xlsx"))
    cases = {
        _encrypted(tmp_path): "encrypted/password-protected",
        tmp_path / "cut.xlsx": "truncated",
        tmp_path / "pdf.xlsx": "PDF",
        tmp_path / "note.xls": "not a xls file",
        tmp_path / "word.xlsx": "the file is a docx",
    }
    rules = load_rules()
    for path, reason in cases.items():
        with pytest.raises(UnreadableDocument, match=reason):
            read_workbook(str(path))
        result = check_path(str(path), rules)
        assert result.status == "unreadable" and reason in (result.error or ""), path


def test_workbook_without_known_tables(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "备注"
    wb.active["A1"] = "与决算无关的表格"
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(UnreadableDocument, match="no known table title in sheets: 备注"):
        read_workbook(str(tmp_path / "other.xlsx"))
