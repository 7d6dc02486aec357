"""`budget-audit extract`: every figure of one or more reports, as a figures file.

The figures come from the same `audit.extract.extract` that `check` uses, so a reviewed and
corrected figures file (`budget-audit check figures.csv`) is checked exactly as the report was.
Exit codes follow `check`: 2 when an input could not be read (the others are still written).
"""

from __future__ import annotations

import sys

import click

from audit.figures_io import FORMATS


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
    from audit.document import UnreadableDocument
    from audit.extract import extract as extract_figures

    if fmt == "xlsx" and not output:
        raise click.UsageError("--format xlsx 需要 --output 文件 (xlsx needs --output FILE)")
    rows: list[dict] = []
    failed = False
    for path, doc in _documents(list(paths), as_one_report):
        if isinstance(doc, UnreadableDocument):
            click.echo(f"{path}: 无法读取 (unreadable): {doc}", err=True)
            failed = True
            continue
        rows += figures_io.figure_rows(extract_figures(doc), path)
    if output:
        figures_io.write(rows, fmt, output)
    else:
        click.echo(figures_io.render(rows, fmt), nl=False)
    sys.exit(2 if failed else 0)


def _documents(paths: list[str], as_one: bool):
    """(name, Document or the UnreadableDocument that stopped it) per report, in the order given."""
    from audit.document import UnreadableDocument
    from audit.grouping import expand, merge
    from audit.readers import read_document

    groups = [expand(paths)] if as_one else [[p] for p in paths]
    for group in groups:
        name = " + ".join(group)
        docs = []
        for p in group:
            try:
                docs.append(read_document(p))
            except UnreadableDocument as exc:
                yield name, UnreadableDocument(f"{p}: {exc}" if as_one else str(exc))
                break
            except Exception as exc:  # stage boundary, as in pipeline.check_path
                yield name, UnreadableDocument(f"{p}: 读取失败 (reader failed): {type(exc).__name__}: {exc}")
                break
        else:
            yield name, docs[0] if not as_one else merge(docs, name)
