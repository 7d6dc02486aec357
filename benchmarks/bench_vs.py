"""Compare the whole `budget-audit check` command of this checkout with another one, paired.

    .venv/bin/python benchmarks/bench_vs.py OTHER/.venv/bin/budget-audit [REPORT ...] [--runs N]

The other checkout is any installed copy of the tool (for example a `git worktree` of an older
commit with its own virtual environment). The two commands run in turn, A B A B …, and the ratio
A/B is taken pair by pair, so a machine whose speed drifts during the measurement (other jobs,
frequency scaling) moves both sides of a pair alike. Quoted: the median ratio of CPU time (user +
system of the finished child, from `os.wait4`) and of wall time. Python's bytecode cache is
switched on for both, whatever the environment says, since installed tools run with it.
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [ROOT / "samples" / "maoxian-hrss-2022-final-accounts.txt",
           ROOT / "samples" / "putuo-finance-2024-final-accounts.pdf",
           ROOT / "samples" / "putuo-welfare-2024-unit-budget.pdf"]


def one_run(command: list[str]) -> tuple[float, float]:
    """(cpu seconds, wall seconds) of one finished child process."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = 0  # reaped by wait4; keeps Popen from waiting again
    return usage.ru_utime + usage.ru_stime, wall


def paired(a: list[str], b: list[str], runs: int) -> dict[str, float]:
    one_run(a), one_run(b)  # warm the page cache and the bytecode caches of both
    cpu, wall = [], []
    for _ in range(runs):
        a_cpu, a_wall = one_run(a)
        b_cpu, b_wall = one_run(b)
        cpu.append(a_cpu / b_cpu)
        wall.append(a_wall / b_wall)
    return {"cpu": statistics.median(cpu), "wall": statistics.median(wall),
            "cpu_min": min(cpu), "cpu_max": max(cpu)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("other", help="the other checkout's budget-audit executable (B)")
    parser.add_argument("reports", nargs="*", type=Path, default=SAMPLES)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_intermixed_args()
    mine = str(Path(sys.executable).with_name("budget-audit"))
    print(f"A = {mine}\nB = {args.other}\nmedian of {args.runs} paired runs, A/B (1.00 = as fast)")
    for report in args.reports:
        r = paired([mine, "check", str(report)], [args.other, "check", str(report)], args.runs)
        print(f"{report.name:45} cpu {r['cpu']:.2f} (pairs {r['cpu_min']:.2f}–{r['cpu_max']:.2f})  wall {r['wall']:.2f}")


if __name__ == "__main__":
    main()
