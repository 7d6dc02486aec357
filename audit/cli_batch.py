"""`budget-audit batch`: check a whole folder of reports in parallel (issue: batch mode)."""

from __future__ import annotations

import click


@click.command()
@click.argument("inputs", nargs=-1, required=True)
def batch(inputs: tuple[str, ...]) -> None:
    """批量检查文件夹中的全部报告。Check every report in folders or globs."""
    raise click.UsageError("not implemented yet")
