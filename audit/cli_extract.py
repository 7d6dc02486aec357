"""`budget-audit extract`: every figure of one or more reports, as a figures file.

The figures come from the same `audit.extract.extract` that `check` uses, so a reviewed and
corrected figures file (`budget-audit check figures.csv`) is checked exactly as the report was.
Exit codes follow `check`: 2 when an input could not be read (the others are still written).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

from audit.figures_io import FORMATS

if TYPE_CHECKING:
    from audit.reading import Reading


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="输出格式 / output format")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="写入文件（xlsx 必须指定）/ write to file (required for xlsx)")
@click.option("--as-one-report", is_flag=True, help="把所有输入（如 .docx 说明与 .xlsx 表格）作为同一份报告提取")
def extract(paths: tuple[str, ...], fmt: str, output: str | None, as_one_report: bool) -> None:
    """列出报告中提取的全部数字，可人工核对后再检查。List every figure, for review and `check`."""
    from audit import figures_io
    from audit.extract import extract as extract_figures

    if fmt == "xlsx" and not output:
        raise click.UsageError("--format xlsx 需要 --output 文件 (xlsx needs --output FILE)")
    rows: list[dict] = []
    failed = False
    for reading in _documents(list(paths), as_one_report):
        if reading.document is None:
            click.echo(f"{reading.name}: 无法读取 (unreadable): {reading.error}", err=True)
            failed = True
            continue
        rows += figures_io.figure_rows(extract_figures(reading.document), reading.name)
    if output:
        figures_io.write(rows, fmt, output)
    else:
        click.echo(figures_io.render(rows, fmt), nl=False)
    sys.exit(2 if failed else 0)


def _documents(paths: list[str], as_one: bool) -> Iterator[Reading]:
    """One Reading per report, in the order given: all paths as one, or each path (a folder is
    one report, as in `check`)."""
    from audit.reading import read_report

    groups = [paths] if as_one else [[p] for p in paths]
    for group in groups:
        yield read_report(group)
