"""Reporters are pure functions of an AuditResult. Machine formats register here by name.

Every reporter takes the result first and may use three keyword options the CLI always
passes: the rules that ran (SARIF describes them, JUnit makes one test case per rule), the
language, and the fail-on level (what JUnit counts as a failure, so it agrees with the exit
code). A reporter called with the result alone still works, which keeps `FORMATS[name](result)`
valid for callers that have nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from audit.model import AuditResult
from audit.rulebook import Rule


class Reporter(Protocol):
    def __call__(self, result: AuditResult, *, rules: Sequence[Rule] = (), lang: str = "zh",
                 fail_on: str = "error") -> str: ...


def _json(result: AuditResult, *, rules: Sequence[Rule] = (), lang: str = "zh", fail_on: str = "error") -> str:
    from audit.reporters.json import render_json

    return render_json(result, lang)


def _sarif(result: AuditResult, *, rules: Sequence[Rule] = (), lang: str = "zh", fail_on: str = "error") -> str:
    from audit.reporters.sarif import render_sarif

    return render_sarif(result, rules=rules, lang=lang)


def _junit(result: AuditResult, *, rules: Sequence[Rule] = (), lang: str = "zh", fail_on: str = "error") -> str:
    from audit.reporters.junit import render_junit

    return render_junit(result, rules=rules, lang=lang, fail_on=fail_on)


def _github(result: AuditResult, *, rules: Sequence[Rule] = (), lang: str = "zh", fail_on: str = "error") -> str:
    from audit.reporters.github import render_github

    return render_github(result, lang=lang)


FORMATS: dict[str, Reporter] = {"json": _json, "sarif": _sarif, "junit": _junit, "github": _github}
