"""The bundled Shanghai budget sample (上海市普陀区社会福利院 2024年单位预算, a real PDF): its nine
budget tables are read, their identities hold, and the one real inconsistency of the narrative
with them is the only error: item 4 says 社会福利事业单位 738.66万元 where the 一般公共预算 table
prints 6,964,796元 = 696.48万元 (the six items then sum to 991.59 against the stated 950.12)."""

from __future__ import annotations

from pathlib import Path

from audit.pipeline import check_path
from audit.rulebook import load_rules

SAMPLE = Path(__file__).parents[2] / "samples" / "putuo-welfare-2024-unit-budget.pdf"


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
