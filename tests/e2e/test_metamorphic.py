"""Metamorphic: ways of writing the same report that must not change its findings, on the real
samples (the wrapping, page breaks and text/PDF/Word forms are in test_reflow.py; one moved
figure in test_mutations.py).

* Full-width digits (“５３４．７２万元”, “５７．５７％”): the county report, the district report's
  narrative and the unit budget's narrative, every number written with full-width digits, point
  and percent sign, give the same findings, their figures the same once normalised.
* A space between number and unit (“534.72 万元”, “57.57 %”, “2 辆”): the same three texts.
* Tables in 元 or 万元: the unit budget's eight 元 tables (Y1–Y8) written in 万元 with four
  decimals (the same amounts, 6,964,796 元 = 696.4796 万元) give the same findings, cell for cell;
  written with two decimals (696.48, as a 万元 table prints them) the same errors and warnings.
  The other way round has no sample: a 万元 table of two decimals (the district report) has no
  writing in 元 of the same precision (2,940.05 万元 is 29,400,500 元 ± 50); the synthetic
  reports of test_pdf_variants.py and test_table_properties.py draw the same accounts in both.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from audit.document import Document
from audit.model import DocumentResult
from audit.numbers import normalise, parse_number
from audit.pipeline import check_document, check_path
from audit.readers import read_document
from audit.rulebook import load_rules
from e2e.test_reflow import original

SAMPLES = Path(__file__).parents[2] / "samples"
RULES = load_rules()
NUMBER = re.compile(r"\d[\d,.]*%?")
FULL = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
UNIT = re.compile(r"(\d)(万元|元|%|个|辆|台)")
Key = tuple[str, str, tuple[str, ...]]


def full_width(text: str) -> str:
    """Every number with full-width digits, point and percent (thousands commas stay: a
    full-width comma is the sentence comma)."""
    return NUMBER.sub(lambda m: m.group().translate(FULL), text)


def spaced(text: str) -> str:
    return UNIT.sub(r"\1 \2", text)


def keys(result: DocumentResult, cells: bool = False) -> Counter[Key]:
    """Rule, severity and the located figures as written, normalised and without blanks; with
    `cells`, a table figure is its cell (row | column) instead of its text."""
    def where(loc) -> str:
        if cells and loc.cell is not None:
            return f"{loc.cell.row}|{loc.cell.column}"
        return "".join(normalise(loc.text or "").split())[:12]  # a form cell's text holds its unit
    return Counter((f.rule, f.severity, tuple(sorted(where(loc) for loc in f.locations))) for f in result.findings)


def _text(name: str) -> str:
    return (SAMPLES / "maoxian-hrss-2022-final-accounts.txt").read_text(encoding="utf-8") if name == "county" \
        else original(name)


@pytest.mark.parametrize("name", ["county", "district", "budget"])
@pytest.mark.parametrize("rewrite", [full_width, spaced], ids=["full-width-digits", "space-before-unit"])
def test_the_same_numbers_written_otherwise_give_the_same_findings(name: str, rewrite, tmp_path: Path) -> None:
    text = _text(name)
    changed = rewrite(text)
    assert changed != text and len(NUMBER.findall(text)) > 50
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(changed, encoding="utf-8")
    before, after = check_path(str(tmp_path / "a.txt"), RULES), check_path(str(tmp_path / "b.txt"), RULES)
    assert after.checks == before.checks and after.facts == before.facts
    assert keys(after) == keys(before)


def in_wan(doc: Document, decimals: int) -> Document:
    """The document with every 元 table written in 万元 at `decimals` places."""
    def cell(c):
        parsed = parse_number(c.text)
        if parsed is None:
            return c
        value = (parsed.value / Decimal(10000)).quantize(Decimal(1).scaleb(-decimals))
        return replace(c, text=f"{value:,.{decimals}f}")
    tables = [replace(t, unit="万元", rows=[replace(r, cells=[cell(c) for c in r.cells]) for r in t.rows],
                      doubts=list(t.doubts)) if t.unit == "元" else t for t in doc.tables]
    return replace(doc, tables=tables)


def test_budget_tables_in_wan_give_the_same_findings() -> None:
    doc = read_document(str(SAMPLES / "putuo-welfare-2024-unit-budget.pdf"))
    assert [t.table_id for t in doc.tables if t.unit == "元"] == [f"Y{k}" for k in range(1, 9)]
    yuan = check_document(doc, RULES)
    exact, rounded = check_document(in_wan(doc, 4), RULES), check_document(in_wan(doc, 2), RULES)
    assert exact.checks == yuan.checks and keys(exact, cells=True) == keys(yuan, cells=True)
    serious = Counter({k: n for k, n in keys(yuan, cells=True).items() if k[1] in {"error", "warning"}})
    assert Counter({k: n for k, n in keys(rounded, cells=True).items() if k[1] in {"error", "warning"}}) == serious
    assert any(k[0] == "Y303" for k in serious)  # the real error is among them
