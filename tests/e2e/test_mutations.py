"""Changing any single figure that takes part in an identity is detected and located on it.

For every figure of the real samples that some rule relates to others by equality, a copy of the
document is made with only that figure moved by 10 units (far beyond rounding); the check must
then report an error or warning whose locations include that very figure (page and cell for
tables, line and column for prose).

Samples: the district final accounts (PDF with its nine tables), the county final accounts (text)
and the welfare institute's unit budget (PDF, the nine budget tables Y1–Y9 in 元 and the
编制说明 / 三公 narrative in 万元). The budget sample's figures that no rule can relate are listed
with their reason (`UNRELATED_BUDGET`), so a reading or binding gap that loses one fails here.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from audit.document import Document
from audit.extract import extract
from audit.families import FAMILIES
from audit.model import Location
from audit.numbers import parse_number
from audit.pipeline import check_document
from audit.readers import read_document
from audit.relation import Relation
from audit.rulebook import load_rules

SAMPLES = Path(__file__).parents[2] / "samples"
RULES = load_rules()


def bump(text: str) -> str:
    parsed = parse_number(text)
    assert parsed is not None
    value = parsed.value + Decimal(10)
    return f"{value:,.{parsed.decimals}f}" if "," in text else f"{value:.{parsed.decimals}f}"


def related_locations(doc: Document) -> list[Location]:
    facts = extract(doc)
    seen: dict[Location, None] = {}
    for rule in RULES:
        for item in FAMILIES[rule.family].bind(rule, facts):
            if isinstance(item, Relation) and item.op == "=":
                for f in item.env.values():
                    seen[f.location] = None
    return list(seen)


def mutate(doc: Document, loc: Location) -> Document:
    """A copy of `doc` with the figure at `loc` bumped; only the table or paragraph holding it is
    copied (a deep copy of the whole document cost more than checking it)."""
    if loc.cell is not None:
        for t, table in enumerate(doc.tables):
            for r, row in enumerate(table.rows):
                for i, cell in enumerate(row.cells):
                    name = f"{row.section}:{row.label}" if row.section else row.label
                    if (table.title == loc.cell.table and loc.cell.row == name and cell.column == loc.cell.column
                            and (cell.page or row.page or table.page) == loc.page):
                        cells = [*row.cells[:i], replace(cell, text=bump(cell.text)), *row.cells[i + 1:]]
                        rows = [*table.rows[:r], replace(row, cells=cells), *table.rows[r + 1:]]
                        tables = [*doc.tables[:t], replace(table, rows=rows, doubts=list(table.doubts)), *doc.tables[t + 1:]]
                        return replace(doc, tables=tables)
    for k, paragraph in enumerate(doc.paragraphs):
        for i, line in enumerate(paragraph.lines):
            if (line.line, line.page, line.paragraph) == (loc.line, loc.page, loc.paragraph):
                a = (loc.column or 1) - line.column
                b = (loc.end_column or 1) - line.column + 1
                if line.text[a:b] == loc.text:
                    lines = [*paragraph.lines[:i], replace(line, text=line.text[:a] + bump(loc.text or "") + line.text[b:]),
                             *paragraph.lines[i + 1:]]
                    return replace(doc, paragraphs=[*doc.paragraphs[:k], replace(paragraph, lines=lines),
                                                    *doc.paragraphs[k + 1:]])
    raise AssertionError(f"figure not found in document: {loc}")


def located(finding_locations: tuple[Location, ...], loc: Location) -> bool:
    for other in finding_locations:
        if loc.cell is not None and other.cell is not None:
            if other.page == loc.page and other.cell.column == loc.cell.column and other.cell.row == loc.cell.row:
                return True
        elif (other.page, other.line, other.column) == (loc.page, loc.line, loc.column):
            return True
    return False


# Related figures per sample (at least): a reader or extraction gap that loses figures shows here.
RELATED = {
    "putuo-finance-2024-final-accounts.pdf": 260,
    "maoxian-hrss-2022-final-accounts.txt": 180,
    "putuo-welfare-2024-unit-budget.pdf": 245,
}
# The budget sample's figures that no rule relates by equality, and why none can (page, line, text;
# table cells by page and cell). Everything else it prints is related and must be caught.
UNRELATED_BUDGET = {
    (4, 2, "5"): "内设机构 count: nothing else counts them",
    (6, 2, "0.46"): "change against 2023's budget: no table prints last year (B011 checks Δ ≤ the amount only)",
    (6, 4, "0.46"): "the same change of 财政拨款支出预算: no printed last year",
    (6, 5, "0.46"): "the same change of 一般公共预算拨款支出预算: no printed last year",
    (16, 14, "1"): "number of projects with performance targets: no table counts them",
    (16, 14, "262.00"): "funds those projects involve (涉及): only itself, not a total any table prints",
    (16, 18, "0"): "单价100万元以上设备 held: equipment is in no table (不含车辆 names no vehicle)",
    (16, 21, "0"): "such equipment to buy: another quantity than the equipment held",
    (15, None, "0"): "Y9 机关运行经费: the narrative says 无机关运行经费 without a figure",
}


@pytest.mark.parametrize("sample", list(RELATED))
def test_every_related_figure_is_caught(sample: str) -> None:
    doc = _read(sample)
    locations = related_locations(doc)
    assert len(locations) >= RELATED[sample]
    missed = []
    for loc in locations:
        result = check_document(mutate(doc, loc), RULES)
        if not any(f.severity in {"error", "warning"} and located(f.locations, loc) for f in result.findings):
            missed.append((loc.page, loc.line, loc.column, loc.cell, loc.text))
    assert not missed


def test_the_budget_samples_unrelated_figures_are_the_known_ones() -> None:
    """The 编制说明 page is read as paragraphs (not one per printed line), its totals and list
    items are bound, Y4's and Y5's cells join their tables: what stays unrelated has a reason."""
    doc = _read("putuo-welfare-2024-unit-budget.pdf")
    related = set(related_locations(doc))
    unrelated = {(f.location.page, f.location.line, f.location.text) for f in extract(doc).figures
                 if f.location not in related}
    assert unrelated == set(UNRELATED_BUDGET)


@cache
def _read(sample: str) -> Document:
    return read_document(str(SAMPLES / sample))
