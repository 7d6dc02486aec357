"""Fuzzing `check --format json` (issue 14): random bytes; truncated, bit-flipped and re-zipped
PDF/DOCX/XLSX/XLS/figures files built from the samples; random Unicode around numbers; random
edits of the samples. Each input must end with exit code 0/1/2, no traceback, a report on stdout
that follows the contract, within a time limit.

The CI run is short and repeatable (derandomized, FUZZ_EXAMPLES inputs per kind); the long run
is benchmarks/fuzz_long.py (docs/hardening.md). BUDGET_AUDIT_FUZZ_EXAMPLES=200 runs more here.
"""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.harness import check_input
from fuzz.mutate import DIGITS, EXPONENTS, MAKERS, MINUS, PERCENT, SEPARATORS, UNITS, WORDS

FUZZ_EXAMPLES = int(os.environ.get("BUDGET_AUDIT_FUZZ_EXAMPLES", "10"))
# Per input; generous because the CI machine is shared. The long run reports the real worst time.
LIMIT = 20.0
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _assert_handled(suffix: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        outcome = check_input(Path(tmp), suffix, data, LIMIT)
    assert outcome.problem is None, f"{suffix} ({len(data)} bytes): {outcome.problem}"


@pytest.mark.parametrize("kind", sorted(MAKERS))
@FUZZ
@given(rng=st.randoms(use_true_random=False))
def test_check_handles_hostile_input(kind: str, rng: random.Random) -> None:
    suffix, data = MAKERS[kind](rng)
    _assert_handled(suffix, data)


_NUMBER_CHARS = "".join(DIGITS) + "".join(MINUS) + "".join(PERCENT) + "".join(SEPARATORS) + "".join(EXPONENTS) + "∞NaIfy"
_PIECES = st.one_of(st.sampled_from(WORDS + UNITS), st.text(alphabet=_NUMBER_CHARS, min_size=1, max_size=40),
                    st.text(max_size=5))


@FUZZ
@given(lines=st.lists(st.lists(_PIECES, min_size=1, max_size=12).map("".join), min_size=1, max_size=20))
def test_check_handles_any_unicode_around_numbers(lines: list[str]) -> None:
    _assert_handled(".txt", "\n".join(lines).encode("utf-8", errors="surrogatepass"))
