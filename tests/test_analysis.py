"""The analysis extraction hands to families: built once, frozen, and complete enough that no
family goes back to the document (year, department, form cells linked to their figures)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from audit.examples import example_document
from audit.extract import extract
from audit.families import FAMILIES
from audit.families.base import Direct, Skip
from audit.readers import read_document
from audit.rulebook import load_rules

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "maoxian-hrss-2022-final-accounts.txt"
RULES = {r.id: r for r in load_rules()}


@pytest.fixture(scope="module")
def sample():
    return extract(read_document(str(SAMPLE)))


def test_analysis_cannot_be_changed(sample) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample.figures = ()  # type: ignore[misc]
    with pytest.raises(TypeError):
        sample.claims[0] = None  # type: ignore[index]
    with pytest.raises(TypeError):
        sample.parents[0] = 1  # type: ignore[index]
    assert isinstance(sample.figures, tuple) and isinstance(sample.forms, tuple)


def test_report_year_kind_and_department_are_found_once(sample) -> None:
    assert sample.outline.report_year == (2022, "决算")
    assert sample.outline.department == "茂县人力资源和社会保障局"


def test_a_budget_title_gives_year_and_kind_without_a_department() -> None:
    doc = example_document("2025年部门预算\n一、部门职责\n本部门负责全区财政工作。")
    outline = extract(doc).outline
    assert (outline.year, outline.kind, outline.department) == (2025, "预算", None)


def test_form_cells_hold_the_analysis_figures(sample) -> None:
    cells = [c for form in sample.forms for c in form.cells() if c.figure is not None]
    assert cells, "the sample has self-evaluation forms"
    for cell in cells:
        assert sample.figures[cell.figure.index] is cell.figure
        assert cell.figure.location == cell.location


def test_section_labels_come_with_the_analysis(sample) -> None:
    assert len(sample.sections) == len(sample.outline.streams)


def test_a_family_yields_what_it_skips_and_leaves_the_analysis_alone() -> None:
    analysis = extract(example_document("其中：人员经费100.00万元，占42.0%。"))
    before = (analysis.figures, dict(analysis.claims), dict(analysis.parents))
    share = next(r for r in RULES.values() if r.family == "share")
    items = list(FAMILIES["share"].bind(share, analysis))
    skips = [i for i in items if isinstance(i, Skip)]
    assert skips and all(s.reason for s in skips)
    assert (analysis.figures, dict(analysis.claims), dict(analysis.parents)) == before
    with pytest.raises(dataclasses.FrozenInstanceError):
        skips[0].reason = ""  # type: ignore[misc]


def test_direct_findings_are_frozen() -> None:
    item = Direct("structure_missing_part", {"part": "一", "variant": "x"}, locations=[])
    assert item.locations == () and item.figures == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        item.message = "other"  # type: ignore[misc]
