"""End to end on the real 2024 district report (PDF, all nine tables).

The report is published as final yet holds two real mistakes a careful auditor would raise:
财政拨款收入支出总计 stated as 0.3万元 (T4 总计 is 2,961.68) and a class share of 71.73% where
2106.66 ÷ 2940.05 = 71.65%. Rounding-level differences between tables (326.71 in T1/T4 against
326.72 in T3/T5; Σ类 2940.06 against 合计 2940.05) must stay at info level.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from audit.model import DocumentResult
from audit.pipeline import check_path
from audit.rulebook import load_rules

SAMPLE = str(Path(__file__).parents[2] / "samples" / "putuo-finance-2024-final-accounts.pdf")
RULES = load_rules()


@pytest.fixture(scope="module")
def result() -> DocumentResult:
    return check_path(SAMPLE, RULES)


def test_every_table_yields_figures(result: DocumentResult) -> None:
    assert set(result.table_stats) >= {"T1", "T2", "T3", "T4", "T5", "T6", "T7"}
    assert result.table_stats["T5"] == 44 and result.table_stats["T1"] == 12


def test_errors_are_the_real_ones(result: DocumentResult) -> None:
    errors = sorted((f.rule, f.locations[0].page, f.suggestion.replace if f.suggestion else None,
                     f.suggestion.with_ if f.suggestion else None) for f in result.findings if f.severity == "error")
    assert errors == [("N020", 21, "71.73", "71.65"), ("N101", 21, "0.3", "2961.68")]


def test_rounding_differences_are_info(result: DocumentResult) -> None:
    infos = {(f.rule, f.locations[0].cell.row if f.locations[0].cell else None) for f in result.findings
             if f.severity == "info"}
    assert ("X210", "社会保障和就业支出") in infos
    assert ("T110", "合计") in infos
    assert not [f for f in result.findings if f.severity == "warning"]


def _change_cell(tmp_path: Path, page_no: int, old: str, new: str, leftmost: bool = True) -> str:
    """A copy of the sample with one printed number replaced in place."""
    src = pymupdf.open(SAMPLE)
    page = src[page_no - 1]
    spans = [s for b in page.get_text("dict")["blocks"] for ln in b.get("lines", ()) for s in ln["spans"]
             if s["text"] == old]
    target = (min if leftmost else max)(spans, key=lambda s: s["bbox"][0])
    x, y = target["origin"]
    page.add_redact_annot(pymupdf.Rect(target["bbox"][0], y - 8, target["bbox"][2], y + 1))
    page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE)
    page.insert_text((x, y), new, fontname="tiro", fontsize=target["size"])
    out = tmp_path / "changed.pdf"
    src.save(out)
    return str(out)


def test_changed_table_cell_is_located_on_its_page_and_cell(tmp_path: Path) -> None:
    changed = _change_cell(tmp_path, 15, "160.75", "161.75")  # T5 2080505 合计
    result = check_path(changed, RULES)
    errors = [f for f in result.findings if f.severity == "error" and f.rule not in {"N020", "N101"}]
    assert errors
    for f in errors:
        assert any(loc.page == 15 and loc.cell and loc.cell.column == "合计" and loc.text == "161.75"
                   and "机关事业单位基本养老保险缴费支出" in loc.cell.row for loc in f.locations), f
    suspects = {(f.suggestion.location.page, f.suggestion.replace, f.suggestion.with_) for f in errors if f.suggestion}
    assert suspects == {(15, "161.75", "160.75")}
