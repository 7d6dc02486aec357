"""The bundled Shanghai budget sample (上海市普陀区社会福利院 2024年单位预算, a real PDF): its nine
budget tables are read, their identities hold, and the one real inconsistency of the narrative
with them is the only error: item 4 says 社会福利事业单位 738.66万元 where the 一般公共预算 table
prints 6,964,796元 = 696.48万元 (the six items then sum to 991.59 against the stated 950.12).

Its `pdftotext -layout` copy (poppler 22.12, tests/data/putuo-welfare-2024-pdftotext-layout.txt,
unedited) reads the same 185 cells and gives the same findings and checks: text vs PDF."""

from __future__ import annotations

from pathlib import Path

from fixtures.reflow import keys

from audit.pipeline import check_path
from audit.readers import read_document
from audit.rulebook import load_rules

SAMPLE = Path(__file__).parents[2] / "samples" / "putuo-welfare-2024-unit-budget.pdf"
LAYOUT = Path(__file__).parents[1] / "data" / "putuo-welfare-2024-pdftotext-layout.txt"


def test_the_nine_budget_tables_are_read_and_only_the_real_error_is_reported() -> None:
    result = check_path(str(SAMPLE), load_rules())
    assert result.kind is not None and result.kind.accounts == "budget"
    assert result.tables_expected == result.tables_read == tuple(f"Y{k}" for k in range(1, 10))
    assert not [f for f in result.findings if f.rule in {"S007", "T190", "T191"}]
    assert all(result.table_stats.get(f"Y{k}", 0) > 0 for k in (1, 2, 3, 4, 5, 8, 9))
    errors = [f for f in result.findings if f.severity == "error"]
    assert {f.rule for f in errors} == {"Y303"}
    assert all(loc.text in {"738.66", "6,964,796"} for f in errors for loc in f.locations)
    assert result.checks > 100  # the table identities ran


def _cells(path: Path) -> dict[tuple[str | None, str | None, str, str], list[str]]:
    out: dict[tuple[str | None, str | None, str, str], list[str]] = {}
    for t in read_document(str(path)).tables:
        for r in t.rows:
            for c in r.cells:
                out.setdefault((t.table_id, r.section, r.code or r.label, c.column), []).append(c.text)
    return out


def test_the_pdftotext_copy_reads_and_checks_as_the_pdf() -> None:
    """The text copy's narrative wraps lines two characters short of the width and runs the 三公
    table on into the next page's text: the same paragraphs and tables must come back."""
    cells = _cells(SAMPLE)
    assert len(cells) == 185 and _cells(LAYOUT) == cells
    rules = load_rules()
    pdf, text = check_path(str(SAMPLE), rules), check_path(str(LAYOUT), rules)
    assert text.tables_read == pdf.tables_read and text.checks == pdf.checks
    assert keys(text) == keys(pdf)
