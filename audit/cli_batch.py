"""`budget-audit batch`: check a whole fiscal year of reports in parallel and summarise them.

Exit codes: 0 no report has anything at or above --fail-on and every report was checked; 1 some
report has (or could not be checked at all — a broken file has to go back too); 2 usage error
(nothing to check, a missing dependency); 130 interrupted, after writing what was done.
"""

from __future__ import annotations

import importlib.util
import os
import sys

import click

from audit.model import SEVERITY_ORDER


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="并行进程数，默认全部 CPU 核 / worker processes (default: all cores)")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              help="单份报告超时秒数 / seconds before a report is given up")
@click.option("--summary", "summaries", multiple=True, type=click.Path(dir_okay=False),
              help="汇总表：.xlsx 或 .csv，可重复 / summary workbook or CSV (repeatable)")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), default=None,
              help="写出可离线打开的看板页面 / write a self-contained dashboard page")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="终端输出：汇总表或全部问题的 JSON / terminal output: summary table or JSON of all findings")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="JSON 写入文件 / write JSON to file")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="达到该级别即以 1 退出 / exit 1 at or above this level")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--progress/--no-progress", default=None, help="显示进度条（默认在终端中显示）/ show the progress bar")
def batch(inputs: tuple[str, ...], jobs: int | None, timeout: float, summaries: tuple[str, ...],
          html_path: str | None, fmt: str, output: str | None, fail_on: str, lang: str,
          progress: bool | None) -> None:
    """批量检查文件夹或通配符下的全部报告。Check every report in folders or globs, in parallel."""
    for module in ("pandas", "openpyxl"):
        if importlib.util.find_spec(module) is None:
            raise click.UsageError(f"批量模式需要 {module}：pip install 'budget-audit[office]' "
                                   f"(batch mode needs {module})")
    from rich.console import Console

    from audit.batch.faults import from_env
    from audit.batch.inputs import collect, group
    from audit.batch.outputs import OutputOptions, write_outputs
    from audit.batch.run import run_batch
    from audit.batch.spool import Spool
    from audit.batch.terminal import BatchProgress, words
    from audit.rulebook import RulebookError, load_rules

    w = words(lang)
    err = Console(stderr=True, highlight=False)
    try:
        load_rules()  # fail here, once, rather than in every worker
    except RulebookError as exc:
        raise click.UsageError(str(exc)) from exc
    outputs = {*summaries, *(p for p in (html_path, output) if p)}
    found = collect(list(inputs), exclude=outputs | {p[:-4] + ".rules.csv" for p in summaries if p.endswith(".csv")})
    if found.missing:
        err.print(w["missing"].format(items=", ".join(found.missing)), style="yellow")
    if found.skipped:
        err.print(w["skipped"].format(n=len(found.skipped), ex=found.skipped[0]), style="dim")
    if not found.files:
        raise click.UsageError("没有可检查的文件 (no files to check)")
    units = list(enumerate(group(found.files)))
    show = err.is_terminal if progress is None else progress
    # Terminal text goes to stderr with --format json so that stdout is only the JSON.
    out = err if fmt == "json" else Console(highlight=False)
    options = OutputOptions(summaries=summaries, html=html_path, fmt=fmt, json_path=output, lang=lang)
    with Spool() as spool:
        with BatchProgress(err, len(units), lang, show) as bar:
            outcome = run_batch(units, spool, jobs or os.cpu_count() or 1, timeout, lang, from_env(), bar.advance)
        write_outputs(outcome, spool, options, out)
    if outcome.interrupted:
        err.print(w["interrupted"], style="bold yellow")
        sys.exit(130)
    sys.exit(exit_code(outcome.rows, fail_on))


def exit_code(rows: list[dict], fail_on: str) -> int:
    """1 when a report has a finding at or above `fail_on` or could not be checked, else 0."""
    keys = [k for k, sev in (("errors", "error"), ("warnings", "warning"), ("infos", "info"))
            if SEVERITY_ORDER[sev] >= SEVERITY_ORDER[fail_on]]
    bad = any(r["outcome"] != "checked" or any(r[k] for k in keys) for r in rows)
    return 1 if bad else 0
