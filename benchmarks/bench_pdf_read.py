"""Time read_pdf on the sample report, in-process, best of N runs.

Best-of-N because the target (well under 0.3 s per report on one core) is about the reader's
own cost, not about cold caches or a busy machine.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pymupdf

from audit.readers.pdf import read_pdf

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "putuo-finance-2024-final-accounts.pdf"


def best_of(n: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def text_layer_only(path: str) -> None:
    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", nargs="?", default=str(SAMPLE))
    ap.add_argument("-n", "--runs", type=int, default=10)
    args = ap.parse_args()
    doc = read_pdf(args.path)
    base = best_of(args.runs, lambda: text_layer_only(args.path))
    full = best_of(args.runs, lambda: read_pdf(args.path))
    print(f"file: {args.path} ({doc.pages} pages, {len(doc.tables)} tables, {len(doc.paragraphs)} paragraphs)")
    print(f"text layer only (get_text): {base * 1000:7.1f} ms  best of {args.runs}")
    print(f"read_pdf (prose + tables):  {full * 1000:7.1f} ms  best of {args.runs}")


if __name__ == "__main__":
    main()
