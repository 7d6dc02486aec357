"""`budget-audit rules` and `budget-audit explain ID` (issue: reviewers' CI)."""

from __future__ import annotations

import click


@click.command()
def rules() -> None:
    """列出全部规则。List every rule."""
    raise click.UsageError("not implemented yet")
