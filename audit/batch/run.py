"""One batch run: reports through the pool, each result spooled and reduced to a row as it arrives.

This is the only place that knows the order of things: a record arrives, its findings go to the
spool, its row is kept, the progress callback is told. Ctrl-C stops the pool and leaves a
complete picture: every report not yet checked gets a "not_checked" row, so the summary written
afterwards accounts for every file.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any

from audit.batch.faults import Faults
from audit.batch.pool import Supervisor, Unit
from audit.batch.record import ReportRecord, failed
from audit.batch.spool import Spool
from audit.model import SEVERITY_ORDER

INTERRUPTED = "未检查：批处理被中断 (not checked: batch interrupted)"


@dataclass
class BatchOutcome:
    rows: list[dict[str, Any]] = field(default_factory=list)
    # (report index, rule, findings): the long table pandas counts rule frequencies from.
    rule_hits: list[tuple[int, str, int]] = field(default_factory=list)
    # rule -> (worst severity seen, title), bounded by the rulebook.
    rules: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def needs_return(self) -> int:
        return sum(1 for r in self.rows if r["errors"] or r["outcome"] != "checked")


def run_batch(units: list[Unit], spool: Spool, jobs: int, timeout: float, lang: str = "zh",
              faults: Faults | None = None,
              on_record: Callable[[ReportRecord], None] | None = None) -> BatchOutcome:
    outcome = BatchOutcome()
    start = time.perf_counter()
    done: set[int] = set()
    supervisor = Supervisor(jobs, timeout, lang, faults)
    try:
        with closing(supervisor.run(units)) as records:
            for record in records:
                _keep(outcome, spool, record)
                done.add(record.index)
                if on_record is not None:
                    on_record(record)
    except KeyboardInterrupt:
        outcome.interrupted = True
        supervisor.close()
        for index, paths in units:
            if index not in done:
                _keep(outcome, spool, failed(index, paths, "not_checked", INTERRUPTED))
    outcome.seconds = time.perf_counter() - start
    return outcome


def _keep(outcome: BatchOutcome, spool: Spool, record: ReportRecord) -> None:
    spool.add(record.index, record.findings)
    outcome.rows.append(record.row())
    for rule, (count, severity, title) in record.rules.items():
        outcome.rule_hits.append((record.index, rule, count))
        known = outcome.rules.get(rule)
        if known is None or SEVERITY_ORDER[severity] > SEVERITY_ORDER[known[0]]:
            outcome.rules[rule] = (severity, title or (known[1] if known else None))
