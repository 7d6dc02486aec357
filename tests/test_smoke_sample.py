"""End-to-end on the bundled county report: the known wrong change is found, nothing else is an error."""

from __future__ import annotations

from pathlib import Path

from audit.pipeline import check_path
from audit.rulebook import load_rules

SAMPLE = str(Path(__file__).parent.parent / "samples" / "maoxian-hrss-2022-final-accounts.txt")


def test_sample_reports_wrong_change_at_every_place() -> None:
    result = check_path(SAMPLE, load_rules())
    errors = [f for f in result.findings if f.severity == "error"]
    assert sorted((f.rule, f.locations[0].line, f.suggestion.replace, f.suggestion.with_) for f in errors) == [
        ("N030", 41, "5.53", "8.53"), ("N030", 47, "5.53", "8.53"), ("N030", 50, "5.53", "8.53")]
