"""`budget-audit extract`: every figure of one or more reports, as a table (issue: drafts and figures files)."""

from __future__ import annotations

import click


@click.command()
@click.argument("paths", nargs=-1, required=True)
def extract(paths: tuple[str, ...]) -> None:
    """列出报告中提取的全部数字。List every figure extracted from the reports."""
    raise click.UsageError("not implemented yet")
