"""End-to-end timing of `check` on the 25-page PDF sample (target: under 0.3 s per report, one core).

Prints the in-process time per report split into reading and checking (best of N), and the
wall time of the whole command including interpreter start-up.

    .venv/bin/python benchmarks/bench_pdf_check.py [-n 10]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "putuo-finance-2024-final-accounts.pdf"


def best(fn, n: int) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=10)
    parser.add_argument("path", nargs="?", default=str(SAMPLE))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from audit.pipeline import check_document
    from audit.readers import read_document
    from audit.rulebook import load_rules

    rules = load_rules()
    doc = read_document(args.path)
    read_s = best(lambda: read_document(args.path), args.n)
    check_s = best(lambda: check_document(doc, rules), args.n)
    exe = Path(sys.executable).parent / "budget-audit"
    cmd = [str(exe), "check", args.path, "--format", "json"]
    wall_s = best(lambda: subprocess.run(cmd, capture_output=True, check=False), max(3, args.n // 2))
    print(f"read (PDF text + nine tables): {read_s * 1000:7.1f} ms")
    print(f"extract + rules + diagnosis:   {check_s * 1000:7.1f} ms")
    print(f"in-process per report:         {(read_s + check_s) * 1000:7.1f} ms")
    print(f"whole command (wall):          {wall_s * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
