"""Isolation: a hanging, crashing or raising report costs one row, never another report's result."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from audit.batch import pool
from audit.batch.faults import parse
from audit.batch.run import run_batch
from audit.batch.spool import Spool

SAMPLE = Path(__file__).parent.parent / "samples" / "maoxian-hrss-2022-final-accounts.txt"


def _copies(tmp_path: Path, names: list[str]) -> list[tuple[int, tuple[str, ...]]]:
    units = []
    for i, name in enumerate(names):
        shutil.copy(SAMPLE, tmp_path / name)
        units.append((i, (str(tmp_path / name),)))
    return units


def test_hang_crash_and_raise_become_rows_and_the_rest_is_checked(tmp_path: Path) -> None:
    units = _copies(tmp_path, ["hang.txt", "crash.txt", "raise.txt", "ok1.txt", "ok2.txt", "ok3.txt"])
    with Spool() as spool:
        outcome = run_batch(units, spool, jobs=2, timeout=2, faults=parse("hang=hang.txt;crash=crash.txt;raise=raise.txt"))
        by_name = {Path(r["file"]).name: r for r in outcome.rows}
        assert len(outcome.rows) == 6
        assert by_name["hang.txt"]["outcome"] == "timeout" and "2 s" in by_name["hang.txt"]["reason"]
        assert by_name["crash.txt"]["outcome"] == "crashed" and "signal 9" in by_name["crash.txt"]["reason"]
        assert by_name["raise.txt"]["outcome"] == "crashed" and "injected fault" in by_name["raise.txt"]["reason"]
        for name in ("ok1.txt", "ok2.txt", "ok3.txt"):
            row = by_name[name]
            assert (row["outcome"], row["errors"], row["department"], row["year"]) == (
                "checked", 3, "茂县人力资源和社会保障局", 2022)
            assert [f["rule"] for f in spool.findings(row["index"])].count("N030") == 3
        assert not outcome.interrupted


def test_workers_are_recycled_without_losing_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "RECYCLE_AFTER", 2)
    units = _copies(tmp_path, [f"r{i}.txt" for i in range(7)])
    with Spool() as spool:
        outcome = run_batch(units, spool, jobs=2, timeout=30)
    assert sorted(r["index"] for r in outcome.rows) == list(range(7))
    assert {r["outcome"] for r in outcome.rows} == {"checked"}


def test_rows_do_not_keep_findings(tmp_path: Path) -> None:
    """Memory stays flat: findings live in the spool, a row holds only scalars."""
    units = _copies(tmp_path, ["one.txt"])
    with Spool() as spool:
        outcome = run_batch(units, spool, jobs=1, timeout=30)
        row = outcome.rows[0]
        assert "findings" not in row
        assert all(isinstance(v, str | int | float | list | type(None)) for v in row.values())
        assert len(spool.findings(0)) == row["errors"] + row["warnings"] + row["infos"]
