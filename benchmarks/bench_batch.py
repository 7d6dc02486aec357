"""Batch throughput, scaling from 1 to 2 jobs, and peak memory as the number of reports grows.

Generates synthetic reports (benchmarks/gen_reports.py: short standard-sentence narratives as
text and as PDF, plus the four broken files), then runs each measurement in a fresh process so
that peak memory (VmHWM of the supervisor, ru_maxrss of the workers) belongs to that run alone.

    python benchmarks/bench_batch.py            # 1,000 reports: 800 text + 200 PDF (+ 4 broken)
    python benchmarks/bench_batch.py --quick    # a smaller set, for a smoke run

Targets (issue): ≥ 100 text reports/s per core, ≥ 3 PDF reports/s per core, memory flat in
the number of reports.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_reports  # noqa: E402


def _peak_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def one(folder: str, jobs: int, limit: int | None, summary: str | None) -> dict:
    """A single measured run (in its own process): check, spool, and write the summary."""
    from rich.console import Console

    from audit.batch.inputs import collect, group
    from audit.batch.outputs import OutputOptions, write_outputs
    from audit.batch.run import run_batch
    from audit.batch.spool import Spool

    files = collect([folder]).files[:limit]
    units = list(enumerate(group(files)))
    worker_peak = 0
    stamps: list[float] = []

    def seen(record) -> None:  # type: ignore[no-untyped-def]
        nonlocal worker_peak
        worker_peak = max(worker_peak, record.worker_peak_kb)
        stamps.append(time.perf_counter())

    start = time.perf_counter()
    with Spool() as spool:
        outcome = run_batch(units, spool, jobs=jobs, timeout=60, on_record=seen)
        checked = time.perf_counter() - start
        if summary:
            write_outputs(outcome, spool, OutputOptions(summaries=(summary,), fmt="none"),
                          Console(file=open("/dev/null", "w")))  # noqa: SIM115
    total = time.perf_counter() - start
    return {"reports": len(units), "jobs": jobs, "check_s": round(checked, 2), "total_s": round(total, 2),
            "rate": round(len(units) / checked, 1), "startup_s": round(stamps[0] - start, 2),
            # Steady state: after the fork server has imported the readers (a fixed ~3 s, once).
            "steady_rate": round((len(stamps) - 1) / (stamps[-1] - stamps[0]), 1) if len(stamps) > 1 else 0.0, "supervisor_peak_mb": round(_peak_kb() / 1024, 1),
            "worker_peak_mb": round(worker_peak / 1024, 1),
            "not_checked": sum(1 for r in outcome.rows if r["outcome"] != "checked")}


def measure(folder: Path, jobs: int, limit: int | None = None, summary: str | None = None) -> dict:
    args = [sys.executable, __file__, "--one", str(folder), "--jobs", str(jobs)]
    if limit:
        args += ["--limit", str(limit)]
    if summary:
        args += ["--summary", summary]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--one")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--summary")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.jobs, args.limit, args.summary)))
        return
    n_text, n_pdf = (200, 40) if args.quick else (800, 200)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        gen_reports.generate(root / "all", n_text, n_pdf, broken=True)
        gen_reports.generate(root / "text", n_text + n_pdf, 0, broken=False)
        gen_reports.generate(root / "pdf", 0, n_pdf, broken=False)
        print(f"generated in {time.perf_counter() - t0:.1f} s")
        print("| set | jobs | reports | wall s (incl. summary) | startup s | reports/s overall | reports/s steady "
              "| supervisor peak MB | worker peak MB | not checked |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        rows = []
        for name, folder in (("text", root / "text"), ("pdf", root / "pdf"), ("mixed + broken, with summary.xlsx",
                                                                              root / "all")):
            for jobs in (1, 2):
                summary = str(root / "summary.xlsx") if name.startswith("mixed") else None
                r = measure(folder, jobs, summary=summary)
                rows.append((name, r))
                print(f"| {name} | {jobs} | {r['reports']} | {r['total_s']} | {r['startup_s']} | {r['rate']} | "
                      f"{r['steady_rate']} | {r['supervisor_peak_mb']} | {r['worker_peak_mb']} | {r['not_checked']} |",
                      flush=True)
        print("\nmemory against the number of reports (text, 2 jobs):")
        print("| reports | supervisor peak MB | worker peak MB |")
        print("|---|---|---|")
        for limit in (125, 250, 500, n_text + n_pdf):
            r = measure(root / "text", 2, limit=limit)
            print(f"| {r['reports']} | {r['supervisor_peak_mb']} | {r['worker_peak_mb']} |", flush=True)


if __name__ == "__main__":
    main()
