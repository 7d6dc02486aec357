"""What runs inside a worker process: load the rules once, then check one report per message.

The worker speaks a tiny protocol over its own pipe — `(index, paths)` in, a ReportRecord out,
`None` to stop — so the supervisor always knows which report a worker holds and can kill just
that worker when it hangs or dies. Reading a file can hang or crash in native code (MuPDF), so
nothing here tries to be clever about failures beyond audit.reading's stage boundary.
"""

from __future__ import annotations

import resource
import signal
import time
from multiprocessing.connection import Connection

from audit.batch.faults import Faults, inject
from audit.batch.record import ReportRecord, failed, from_result
from audit.pipeline import check_report
from audit.rulebook import Rule, load_rules


def worker_main(conn: Connection, lang: str, faults: Faults) -> None:
    """Process entry point. Ctrl-C is the supervisor's to handle, so the worker ignores it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    rules = load_rules()
    while True:
        try:
            task = conn.recv()
        except EOFError:  # the supervisor is gone
            return
        if task is None:
            return
        index, paths = task
        record = check_unit(index, tuple(paths), rules, lang, faults)
        record.worker_peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        conn.send(record)


def check_unit(index: int, paths: tuple[str, ...], rules: list[Rule], lang: str = "zh",
               faults: Faults | None = None) -> ReportRecord:
    """Check one report (one file, or a group read as one) and reduce it to its record."""
    start = time.perf_counter()
    try:
        for path in paths:
            inject(faults or {}, path)
        result = check_report(list(paths), rules, lang)
    except Exception as exc:  # stage boundary: a checker bug on one report must not end the worker
        return failed(index, paths, "crashed", f"检查失败 (check failed): {type(exc).__name__}: {exc}",
                      time.perf_counter() - start)
    return from_result(index, paths, result, time.perf_counter() - start)

