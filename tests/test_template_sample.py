"""The Shanghai 2024 template (XX placeholders everywhere): placeholders reported, nothing crashes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from audit.pipeline import check_path
from audit.rulebook import load_rules

TEMPLATE = str(Path(__file__).parent.parent / "samples" / "shanghai-2024-final-accounts-template.pdf")


def test_template_placeholders_are_reported_with_pages() -> None:
    result = check_path(TEMPLATE, load_rules())
    assert result.status == "checked", result.error
    counts = Counter(f.rule for f in result.findings)
    assert counts["W001"] >= 50 and counts["W002"] >= 20 and counts["W003"] >= 20
    first = next(f for f in result.findings if f.rule == "W001")
    assert first.locations[0].page is not None and first.locations[0].line is not None
    texts = {f.message for f in result.findings if f.rule == "W003"}
    assert "模板残留：“增加（减少）”" in texts and "模板残留：“（如持平作持平表述）”" in texts
    # 。。。 rows of the 单位构成 table are template residue too.
    assert any(f.rule == "W020" and f.locations[0].page == 4 for f in result.findings)


def test_template_placeholders_are_the_only_errors_of_these_rules() -> None:
    result = check_path(TEMPLATE, load_rules())
    ours = [f for f in result.findings if f.rule[0] in "SWCP"]
    assert {f.rule for f in ours if f.severity == "error"} == {"W001"}
    # The part heading of the tables is printed without 第二部分 in the template.
    assert [(f.rule, f.locations[0].page) for f in ours if f.rule.startswith("S")] == [("S001", 15)]
