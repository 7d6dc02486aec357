"""Run one hostile input through `budget-audit check --format json` in-process and say what, if
anything, went wrong: a traceback, an exit code other than 0/1/2, stdout that is not a report
following tests/data/report.schema.json, or more time than the limit."""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from audit.cli import main

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "report.schema.json"


class TimeLimit(BaseException):
    """Raised by the alarm; a BaseException so that no stage boundary (`except Exception`) eats it."""


@dataclass(frozen=True)
class Outcome:
    exit_code: int | None
    seconds: float
    problem: str | None = None  # None: the input was handled well


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def alarm(signum: int, frame: object) -> None:
        raise TimeLimit(f"over {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_input(folder: Path, suffix: str, data: bytes, limit: float = 20.0) -> Outcome:
    """Write `data` as input{suffix} in `folder` and check it as a user would."""
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    start = time.perf_counter()
    try:
        with time_limit(limit):
            result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", str(path)])
    except TimeLimit as exc:
        return Outcome(None, time.perf_counter() - start, f"time: {exc}")
    seconds = time.perf_counter() - start
    return Outcome(result.exit_code, seconds, _problem(result))


def _problem(result) -> str | None:  # click.testing.Result
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"traceback: {type(result.exception).__name__}: {result.exception}"
    if "Traceback" in result.stderr:
        return "traceback on stderr"
    if result.exit_code not in (0, 1, 2):
        return f"exit code {result.exit_code}"
    try:
        report = json.loads(result.stdout)
    except ValueError as exc:
        return f"bad JSON: {exc}: {result.stdout[:200]!r}"
    error = next(iter(_validator().iter_errors(report)), None)
    if error is not None:
        return f"bad JSON: schema: {list(error.path)}: {error.message}"
    return None
