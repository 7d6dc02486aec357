"""The PDF reader and the rulebook on synthetic reports in the layouts of other provinces.

We hold one real PDF with tables (Shanghai layout). `tests/fixtures/pdf_builder.py` draws whole
reports from one consistent set of accounts in the variants domain.md §1.3/§2 describes: codes
split 类|款|项 or joined, 合计 first or last, province table names, 三公 ninth, the central T9
with only 支出 columns, numbers with and without thousands separators, tables running over
pages with and without a repeated header. For each variant:

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
from audit.readers.pdf import read_pdf
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
    path = tmp_path_factory.mktemp(case.variant.name) / "report.pdf"
    report = build_report(case.variant, path)
    doc = read_pdf(str(path))
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
    found = [(t.table_id, t.title, t.page) for t in b.doc.tables]
    assert found == b.report.titles
    assert [t for t, *_ in found] == list(case.variant.order)
    with pymupdf.open(b.report.path) as pdf:  # the CJK text layer round-trips as drawn
        assert all(title in pdf[page - 1].get_text() for _, title, page in b.report.titles)


def test_every_number_reads_back_as_drawn(built: tuple[Case, Built]) -> None:
    _, b = built
    drawn = {k: (d.page, d.text) for k, d in b.report.cells.items()}
    assert read_cells(b.doc) == drawn
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
    path = tmp_path / "changed.pdf"
    changed = build_report(case.variant, path, Change(table_id, row, column, text, section))
    assert changed.cells[(table_id, section, row, column)].text == text
    result = check_document(read_pdf(str(path)), RULES)
    errors = [f for f in result.findings if f.severity == "error"]
    assert errors, f"{case.variant.name}: no error for {case.target} = {text}"
    row_name = f"{section}:{before.label}" if section else before.label
    for f in errors:
        assert any(
            loc.page == before.page and loc.cell and loc.cell.row == row_name and loc.cell.column == column
            and loc.text == text
            for loc in f.locations
        ), (f.rule, f.message, [(loc.page, loc.cell, loc.text) for loc in f.locations])
