"""Isolation: a hanging, crashing or raising report costs one row, never another report's result."""

from __future__ import annotations

import os
import shutil
import signal
import time
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


def _kill(slot: pool._Slot) -> None:
    os.kill(slot.proc.pid, signal.SIGKILL)
    slot.proc.join(timeout=10)


def test_a_worker_killed_from_outside_costs_only_its_report(tmp_path: Path) -> None:
    """As the kernel's OOM killer would: SIGKILL to a busy worker gives its report a row with the
    reason at once (not after --timeout), and every finished record is kept."""
    units = _copies(tmp_path, ["big.txt", "ok1.txt", "ok2.txt", "ok3.txt", "ok4.txt"])
    supervisor = pool.Supervisor(jobs=2, timeout=120, faults=parse("hang=big.txt"))
    records = []
    start = time.monotonic()
    for record in supervisor.run(units):
        if not records:
            (busy,) = [s for s in supervisor.slots if s.task is not None and s.task[0] == 0]
            _kill(busy)
        records.append(record)
    by_index = {r.index: r for r in records}
    assert sorted(by_index) == [0, 1, 2, 3, 4] and len(records) == 5
    assert by_index[0].outcome == "crashed" and "signal 9" in (by_index[0].reason or "")
    assert "memory" in (by_index[0].reason or "")
    assert all(by_index[i].outcome == "checked" for i in range(1, 5))
    assert time.monotonic() - start < 60


def test_a_worker_killed_while_idle_is_replaced_and_no_report_is_blamed(tmp_path: Path) -> None:
    units = _copies(tmp_path, [f"r{i}.txt" for i in range(5)])
    supervisor = pool.Supervisor(jobs=2, timeout=120)
    records = []
    for record in supervisor.run(units):
        if not records:
            for slot in supervisor.slots:
                if slot.task is None:
                    _kill(slot)
        records.append(record)
    assert sorted(r.index for r in records) == [0, 1, 2, 3, 4]
    assert {r.outcome for r in records} == {"checked"}
