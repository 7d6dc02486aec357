"""Changing any single figure that takes part in an identity is detected and located on it.

For every figure of the real samples that some rule relates to others by equality, a copy of the
document is made with only that figure moved by 10 units (far beyond rounding); the check must
then report an error or warning whose locations include that very figure (page and cell for
tables, line and column for prose).
"""

from __future__ import annotations

import copy
from dataclasses import replace
from decimal import Decimal
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
    changed = copy.deepcopy(doc)
    if loc.cell is not None:
        for table in changed.tables:
            for row in table.rows:
                for i, cell in enumerate(row.cells):
                    name = f"{row.section}:{row.label}" if row.section else row.label
                    if (table.title == loc.cell.table and loc.cell.row == name and cell.column == loc.cell.column
                            and (cell.page or row.page or table.page) == loc.page):
                        row.cells[i] = replace(cell, text=bump(cell.text))
                        return changed
    for paragraph in changed.paragraphs:
        for i, line in enumerate(paragraph.lines):
            if (line.line, line.page, line.paragraph) == (loc.line, loc.page, loc.paragraph):
                a = (loc.column or 1) - line.column
                b = (loc.end_column or 1) - line.column + 1
                if line.text[a:b] == loc.text:
                    paragraph.lines[i] = replace(line, text=line.text[:a] + bump(loc.text or "") + line.text[b:])
                    return changed
    raise AssertionError(f"figure not found in document: {loc}")


def located(finding_locations: tuple[Location, ...], loc: Location) -> bool:
    for other in finding_locations:
        if loc.cell is not None and other.cell is not None:
            if other.page == loc.page and other.cell.column == loc.cell.column and other.cell.row == loc.cell.row:
                return True
        elif (other.page, other.line, other.column) == (loc.page, loc.line, loc.column):
            return True
    return False


@pytest.mark.parametrize("sample", ["putuo-finance-2024-final-accounts.pdf", "maoxian-hrss-2022-final-accounts.txt"])
def test_every_related_figure_is_caught(sample: str) -> None:
    doc = read_document(str(SAMPLES / sample))
    locations = related_locations(doc)
    assert len(locations) > 90
    missed = []
    for loc in locations:
        result = check_document(mutate(doc, loc), RULES)
        if not any(f.severity in {"error", "warning"} and located(f.locations, loc) for f in result.findings):
            missed.append((loc.page, loc.line, loc.column, loc.cell, loc.text))
    assert not missed
