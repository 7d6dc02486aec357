"""The long fuzz run of issue 14: N hostile inputs (default 10,000) through `check --format json`
in-process, with the makers of tests/fuzz (random bytes; truncated, bit-flipped, re-zipped
samples of every format; Unicode around numbers; edited samples), taken in turn.

    .venv/bin/python benchmarks/fuzz_long.py [--inputs N] [--seed S] [--limit SECONDS] [--keep DIR]

Prints, and writes as JSON with --json FILE: inputs, tracebacks, bad JSON, other problems
(exit code, time limit), exit codes, the worst time and which input took it, the peak memory
(maximum resident set of this process, which runs every input). Input i is made from
random.Random(seed * 1_000_003 + i), so `--only i` replays one. Exit status 1 if any input had
a problem. docs/hardening.md has the numbers of the last full run.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fuzz.harness import check_input  # noqa: E402
from fuzz.mutate import MAKERS  # noqa: E402

KINDS = sorted(MAKERS)


def make(seed: int, i: int) -> tuple[str, str, bytes]:
    kind = KINDS[i % len(KINDS)]
    suffix, data = MAKERS[kind](random.Random(seed * 1_000_003 + i))
    return kind, suffix, data


def run(inputs: range, seed: int, limit: float, keep: Path | None, progress: int) -> dict:
    stats: dict = {"inputs": 0, "tracebacks": 0, "bad_json": 0, "other_problems": 0, "exit_codes": Counter(),
                   "by_kind": Counter(), "worst_seconds": 0.0, "worst_input": None, "problems": []}
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for i in inputs:
            kind, suffix, data = make(seed, i)
            outcome = check_input(Path(tmp), suffix, data, limit)
            stats["inputs"] += 1
            stats["by_kind"][kind] += 1
            stats["exit_codes"][str(outcome.exit_code)] += 1
            if outcome.seconds > stats["worst_seconds"]:
                stats["worst_seconds"], stats["worst_input"] = outcome.seconds, f"{i} ({kind}{suffix}, {len(data)} bytes)"
            if outcome.problem:
                key = ("tracebacks" if outcome.problem.startswith("traceback")
                       else "bad_json" if outcome.problem.startswith("bad JSON") else "other_problems")
                stats[key] += 1
                stats["problems"].append(f"{i} {kind}{suffix}: {outcome.problem[:300]}")
                if keep:
                    keep.mkdir(parents=True, exist_ok=True)
                    (keep / f"{i}-{kind}{suffix}").write_bytes(data)
            if progress and stats["inputs"] % progress == 0:
                print(f"{stats['inputs']} inputs, {len(stats['problems'])} problems, "
                      f"{time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    stats["seconds"] = round(time.perf_counter() - start, 1)
    stats["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    stats["worst_seconds"] = round(stats["worst_seconds"], 3)
    return stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds per input before it counts as a problem")
    parser.add_argument("--only", type=int, default=None, help="replay input number i")
    parser.add_argument("--start", type=int, default=0, help="first input number (to split a run)")
    parser.add_argument("--keep", type=Path, default=None, help="save inputs that had a problem here")
    parser.add_argument("--json", type=Path, default=None, help="write the numbers here")
    parser.add_argument("--progress", type=int, default=500)
    args = parser.parse_args()
    inputs = range(args.only, args.only + 1) if args.only is not None else range(args.start, args.start + args.inputs)
    stats = run(inputs, args.seed, args.limit, args.keep, args.progress)
    text = json.dumps(stats, ensure_ascii=False, indent=1, default=dict)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 1 if stats["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
