"""The README's test command is what CI runs, and its first command checks a bundled sample."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]


def blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci_lines = [ln for ln in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
                if ln.strip() and not ln.startswith("#") and ln not in {"set -euo pipefail", 'cd "$(dirname "$0")/.."'}]
    assert ci_lines == [blocks()[1]]


def test_main_command_checks_a_bundled_sample() -> None:
    sample = re.search(r"budget-audit check (\S+)", blocks()[0])
    assert sample and (ROOT / sample.group(1)).is_file()
