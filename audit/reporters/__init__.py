"""Reporters are pure functions of an AuditResult. Machine formats register here by name."""

from __future__ import annotations

from collections.abc import Callable

from audit.model import AuditResult


def _json(result: AuditResult) -> str:
    from audit.reporters.json import render_json

    return render_json(result)


FORMATS: dict[str, Callable[[AuditResult], str]] = {"json": _json}
