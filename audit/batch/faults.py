"""A test-only hook that makes a named file hang or crash inside a worker.

Timeouts and crash isolation can only be trusted if they are exercised with real hangs and real
process deaths, and no honest input file reliably produces either. The supervisor reads
BUDGET_AUDIT_FAULTS once and hands the parsed map to each worker, so workers started later
(after a kill) behave the same. Format: `hang=slow.pdf;crash=bad.txt;raise=bug.txt` — file names
(not paths); `hang` sleeps for an hour, `crash` kills the process with SIGKILL as a segfault in
native code would, `raise` raises inside the checker.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

ENV = "BUDGET_AUDIT_FAULTS"
Faults = dict[str, str]
KINDS = ("hang", "crash", "raise")


def parse(spec: str | None) -> Faults:
    """File name → fault kind; anything malformed is ignored, since this is never user input."""
    faults: Faults = {}
    for part in (spec or "").split(";"):
        kind, _, names = part.partition("=")
        if kind.strip() in KINDS:
            for name in names.split(","):
                if name.strip():
                    faults[name.strip()] = kind.strip()
    return faults


def from_env() -> Faults:
    return parse(os.environ.get(ENV))


def inject(faults: Faults, path: str) -> None:
    kind = faults.get(Path(path).name)
    if kind == "hang":
        time.sleep(3600)
    elif kind == "crash":
        os.kill(os.getpid(), signal.SIGKILL)
    elif kind == "raise":
        raise RuntimeError(f"injected fault for {Path(path).name}")
