"""Benchmark `budget-audit check` on the bundled county report. Prints numbers; asserts nothing.

    .venv/bin/python benchmarks/bench_check.py [--runs N] [REPORT]

1. wall time of the whole command in a fresh process (interpreter start, imports, rules, report),
   best of N;
2. in-process time per document once everything is imported and the rules are loaded;
3. whether `python -X importtime` shows pandas (or other heavy modules) imported by a plain check.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "maoxian-hrss-2022-final-accounts.txt"
HEAVY = ("pandas", "numpy", "openpyxl", "pdfplumber", "pdfminer", "docx", "lxml")


def command(report: Path) -> list[str]:
    return [sys.executable, "-c", "from audit.cli import main; main()", "check", "--isolated", str(report)]


def whole_command(report: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command(report), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def in_process(report: Path, runs: int) -> tuple[float, float]:
    from audit.pipeline import check_path
    from audit.rulebook import load_rules

    start = time.perf_counter()
    rules = load_rules()
    check_path(str(report), rules)  # first document: lazy imports and caches
    first = time.perf_counter() - start
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        check_path(str(report), rules)
        best = min(best, time.perf_counter() - start)
    return first, best


def imported_modules(report: Path) -> tuple[set[str], float]:
    env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")
    proc = subprocess.run(command(report), cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    names, total_us = set(), 0
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line or "cumulative" in line:
            continue
        _, cumulative, name = (part.strip() for part in line[len("import time:"):].split("|"))
        names.add(name.split(".")[0])
        if not name.startswith(" ") and "." not in name:
            total_us = max(total_us, int(cumulative))
    return names, total_us / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    walls = whole_command(args.report, args.runs)
    print(f"whole command, best of {args.runs}: {min(walls):.3f} s (median {sorted(walls)[len(walls) // 2]:.3f} s)")
    first, best = in_process(args.report, args.runs)
    print(f"in-process: first document {first * 1000:.1f} ms (rules loaded, lazy imports), "
          f"then {best * 1000:.1f} ms per document (best of {args.runs})")
    names, slowest = imported_modules(args.report)
    heavy = [h for h in HEAVY if h in names]
    print(f"heavy modules imported by a plain check: {', '.join(heavy) if heavy else 'none'} "
          f"(pandas imported: {'yes' if 'pandas' in names else 'no'}); slowest top-level import {slowest:.3f} s")


if __name__ == "__main__":
    main()
