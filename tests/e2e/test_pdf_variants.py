"""The PDF reader and the rulebook on synthetic reports in the layouts of other provinces.

We hold one real PDF with tables (Shanghai layout). `tests/fixtures/pdf_builder.py` draws whole
reports from one consistent set of accounts in the variants domain.md §1.3/§2 describes: codes
split 类|款|项 or joined, 合计 first or last, province table names, 三公 ninth, the central T9
with only 支出 columns, numbers with and without thousands separators, tables running over
pages with and without a repeated header, amounts in 元, centred numbers, narrow label columns
whose labels wrap around their numbers, and the same reports as `pdftotext -layout` text (one
column per character) or as an editor aligns them (CJK two columns). For each variant:

* every table is found, with its id, title and page, and every drawn number is read back as
  drawn, in its row (code or label, half) and column;
* `check` finds no error;
* a copy with one identity cell drawn 10.00 higher gets errors, all located on that cell.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pymupdf
import pytest
from fixtures.pdf_builder import Change, Report, Variant, build_report

from audit.document import Document
from audit.model import DocumentResult
from audit.pipeline import check_document
from audit.readers import read_document
from audit.rulebook import load_rules

RULES = load_rules()
NINTH = ("T1", "T2", "T3", "T4", "T5", "T6", "T8", "T9", "T7")


@dataclass(frozen=True)
class Case:
    variant: Variant
    # The cell to change: table, row (code, or label within its half), column, half.
    target: tuple[str, str, str, str | None]


CASES = [
    Case(Variant("shanghai-split-codes"), ("T5", "2080505", "合计", None)),
    Case(
        Variant("joined-codes-total-first", codes="joined", total_first=("T2", "T3", "T5"), numbering="一、"),
        ("T3", "2010601", "基本支出", None),
    ),
    Case(
        Variant(
            "hunan-detail-tables-sangong-ninth",
            order=NINTH,
            titles={
                "T5": "一般公共预算财政拨款支出决算明细表",
                "T6": "一般公共预算财政拨款基本支出决算明细表",
                "T7": "一般公共预算财政拨款“三公”经费支出决算表",
            },
        ),
        ("T6", "30102", "决算数", "人员经费"),
    ),
    Case(
        Variant(
            "liaoning-yunnan-without-zong",
            numbering="一、",
            titles={
                "T1": "收入支出决算表",
                "T4": "财政拨款收入支出决算表",
                "T5": "一般公共预算财政拨款收入支出决算表",
            },
        ),
        ("T1", "八、社会保障和就业支出", "决算数", "支出"),
    ),
    Case(
        Variant(
            "central-hubei-t9-expenditure-only",
            order=NINTH,
            numbering="表",
            t9_expenditure_only=True,
            codes="joined",
            titles={
                "T6": "一般公共预算财政拨款基本支出决算明细表",
                "T7": "一般公共预算财政拨款“三公”经费支出决算表",
                "T9": "国有资本经营预算财政拨款支出决算表",
            },
        ),
        ("T4", "本年支出合计", "一般公共预算财政拨款", "支出"),
    ),
    Case(Variant("plain-numbers-no-repeated-header", thousands=False, repeat_header=False), ("T2", "合计", "其他收入", None)),
    Case(Variant("long-tables-over-pages", long=True), ("T5", "2210203", "合计", None)),
    Case(Variant("amounts-in-yuan", unit="元"), ("T3", "2080505", "本年支出合计", None)),
    Case(Variant("centred-numbers-wrapped-labels", align="centre", narrow=True), ("T5", "2080506", "基本支出", None)),
    Case(Variant("narrow-labels-joined-codes", narrow=True, codes="joined", total_first=("T2", "T3", "T5")),
         ("T2", "2101101", "本年收入合计", None)),
    Case(Variant("pdftotext-layout", text="char"), ("T5", "2080505", "合计", None)),
    Case(Variant("editor-layout-wrapped-centred", text="display", narrow=True, align="centre"),
         ("T3", "2010601", "基本支出", None)),
    Case(Variant("pdftotext-yuan-over-pages", text="char", unit="元", long=True, repeat_header=False, codes="joined"),
         ("T6", "30217", "决算数", "公用经费")),
]
IDS = [c.variant.name for c in CASES]


@dataclass
class Built:
    report: Report
    doc: Document
    result: DocumentResult


@pytest.fixture(scope="module", params=CASES, ids=IDS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Case, Built]:
    case: Case = request.param
    path = tmp_path_factory.mktemp(case.variant.name) / ("report.txt" if case.variant.text else "report.pdf")
    report = build_report(case.variant, path)
    doc = read_document(str(path))
    return case, Built(report, doc, check_document(doc, RULES))


def read_cells(doc: Document) -> dict[tuple[str, str | None, str, str], tuple[int | None, str]]:
    """Cells by (table, half, code or label, column); a label repeated in its half gets "#2"."""
    out = {}
    for t in doc.tables:
        seen: dict[tuple[str | None, str], int] = {}
        for r in t.rows:
            name = r.code or r.label
            if r.cells:
                seen[(r.section, name)] = seen.get((r.section, name), 0) + 1
                n = seen[(r.section, name)]
                name += "" if n == 1 else f"#{n}"
            for c in r.cells:
                key = (t.table_id or "", r.section, name, c.column)
                assert key not in out, f"cell read twice: {key}"
                out[key] = (c.page, c.text)
    return out


def test_every_table_is_found_with_its_title_and_page(built: tuple[Case, Built]) -> None:
    case, b = built
    found = [(t.table_id, t.title.strip(), t.page) for t in b.doc.tables]
    if case.variant.text:  # a text file has lines, not pages
        assert [f[:2] for f in found] == [t[:2] for t in b.report.titles]
        assert all(t.page is None and t.line for t in b.doc.tables)
    else:
        assert found == b.report.titles
    assert [t for t, *_ in found] == list(case.variant.order)
    with pymupdf.open(Path(b.report.path).with_suffix(".pdf")) as pdf:  # the CJK text layer round-trips
        assert all(title in pdf[page - 1].get_text() for _, title, page in b.report.titles)


def test_every_number_reads_back_as_drawn(built: tuple[Case, Built]) -> None:
    case, b = built
    drawn = {k: (None if case.variant.text else d.page, d.text) for k, d in b.report.cells.items()}
    assert read_cells(b.doc) == drawn
    assert all(not t.doubts for t in b.doc.tables), [(t.table_id, t.doubts) for t in b.doc.tables]
    # Wrapped labels are whole again, and no word of one row's label went to another.
    read_labels = {(t.table_id, r.section, r.code): r.label for t in b.doc.tables for r in t.rows if r.code}
    drawn_labels = {(k[0], k[1], k[2]): d.label for k, d in b.report.cells.items() if k[2].isdigit()}
    assert {k: read_labels.get(k) for k in drawn_labels} == drawn_labels
    assert all(not r.cells for t in b.doc.tables if t.table_id in ("T8", "T9") for r in t.rows)
    assert all(t.empty_note for t in b.doc.tables if t.table_id in ("T8", "T9"))


def test_the_drawn_layout_is_the_variant(built: tuple[Case, Built]) -> None:
    """Guards the builder: the variant's distinguishing features are really on the page."""
    case, b = built
    v, cells = case.variant, b.report.cells
    codes = {k[2] for k in cells if k[0] in ("T2", "T3", "T5")}
    assert "2010601" in codes
    if v.thousands:
        assert any("," in d.text for d in cells.values())
    else:
        assert not any("," in d.text for d in cells.values())
    if v.long:
        t5 = next(p for t, _, p in b.report.titles if t == "T5")
        assert cells[("T5", None, "2210203", "合计")].page > t5


def test_check_finds_no_error(built: tuple[Case, Built]) -> None:
    _, b = built
    errors = [(f.rule, f.message) for f in b.result.findings if f.severity == "error"]
    assert errors == []


def test_changed_cell_is_located(built: tuple[Case, Built], tmp_path: Path) -> None:
    case, b = built
    table_id, row, column, section = case.target
    before = b.report.cells[(table_id, section, row, column)]
    value = Decimal(before.text.replace(",", "")) + 10
    text = f"{value:,.2f}" if "," in before.text else f"{value:.2f}"
    path = tmp_path / ("changed.txt" if case.variant.text else "changed.pdf")
    changed = build_report(case.variant, path, Change(table_id, row, column, text, section))
    assert changed.cells[(table_id, section, row, column)].text == text
    result = check_document(read_document(str(path)), RULES)
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors, f"{case.variant.name}: no error for {case.target} = {text}"
    row_name = f"{section}:{before.label}" if section else before.label
    page = None if case.variant.text else before.page
    for f in errors:
        assert any(
            loc.page == page and loc.cell and loc.cell.row == row_name and loc.cell.column == column
            and loc.text == text and (loc.line is not None) == bool(case.variant.text)
            for loc in f.locations
        ), (f.rule, f.message, [(loc.page, loc.line, loc.cell, loc.text) for loc in f.locations])


@pytest.mark.parametrize(("variant", "k"), [
    (Variant("shanghai-t5-shifted", shift=("T5", 2)), 2),
    (Variant("joined-t3-shifted-up", codes="joined", shift=("T3", -1)), -1),
])
def test_amounts_shifted_against_labels_are_one_error(variant: Variant, k: int, tmp_path: Path) -> None:
    """The document prints a table's amounts k rows off its labels: one T191, nothing else."""
    report = build_report(variant, tmp_path / "shifted.pdf")
    result = check_document(read_document(str(tmp_path / "shifted.pdf")), RULES)
    bad = [f for f in result.findings if f.severity in {"error", "warning"} and f.rule.startswith(("T", "X", "N1"))]
    assert [(f.rule, f.severity) for f in bad] == [("T191", "error")], [(f.rule, f.message) for f in bad]
    table_id = variant.shift[0] if variant.shift else ""
    page = next(p for t, _, p in report.titles if t == table_id)
    assert bad[0].locations[0].page == page and f"{abs(k)} 行" in bad[0].message


def test_shift_in_a_text_copy_is_a_doubt(tmp_path: Path) -> None:
    """In a text copy the shift may come from the copy: a warning, and no error from the table."""
    build_report(Variant("text-shifted", text="char", shift=("T5", 1)), tmp_path / "shifted.txt")
    result = check_document(read_document(str(tmp_path / "shifted.txt")), RULES)
    bad = [(f.rule, f.severity) for f in result.findings if f.severity in {"error", "warning"}
           and f.rule.startswith(("T", "X", "N1"))]
    assert bad == [("T190", "warning")]
