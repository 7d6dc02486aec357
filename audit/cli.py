"""Command line: flags → rules and options, one pipeline run, a reporter, an exit code.

Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 usage error or an input that
could not be read (the other inputs are still checked and reported).
"""

from __future__ import annotations

import sys

import click

from audit import __version__
from audit.model import SEVERITY_ORDER, AuditResult
from audit.rulebook import RulebookError, load_rules


def exit_code(result: AuditResult, fail_on: str) -> int:
    if result.unreadable:
        return 2
    threshold = SEVERITY_ORDER[fail_on]
    worst = max((SEVERITY_ORDER[f.severity] for d in result.documents for f in d.findings), default=-1)
    return 1 if worst >= threshold else 0


@click.group()
@click.version_option(__version__, prog_name="budget-audit")
def main() -> None:
    """budget-audit：部门决算公开报告的勾稽关系与一致性审核工具。"""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="输出格式 / output format")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="达到该级别即以 1 退出 / exit 1 at or above this level")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="写入文件 / write to file")
@click.option("--color/--no-color", default=None, help="强制开启或关闭颜色")
@click.option("--as-one-report", is_flag=True, help="把所有输入（如 .docx 说明与 .xlsx 表格）作为同一份报告检查")
def check(paths: tuple[str, ...], fmt: str, fail_on: str, lang: str, output: str | None, color: bool | None,
          as_one_report: bool) -> None:
    """检查一个或多个报告（txt / pdf / docx / xlsx / 数字清单）。Check one or more reports."""
    from audit.pipeline import run_check

    try:
        rules = load_rules()
    except RulebookError as exc:
        raise click.UsageError(str(exc)) from exc
    result = AuditResult(documents=run_check(list(paths), rules, lang, as_one_report), tool_version=__version__)
    _emit(result, fmt, lang, output, color)
    sys.exit(exit_code(result, fail_on))


def _emit(result: AuditResult, fmt: str, lang: str, output: str | None, color: bool | None) -> None:
    from audit.reporters import FORMATS

    if fmt == "text":
        from rich.console import Console

        from audit.reporters.terminal import render_terminal

        if output:
            with open(output, "w", encoding="utf-8") as fh:
                render_terminal(result, Console(file=fh, force_terminal=bool(color), width=120), lang)
        else:
            render_terminal(result, Console(force_terminal=color, no_color=color is False, highlight=False), lang)
        return
    text = FORMATS[fmt](result)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    else:
        click.echo(text)


def _register() -> None:
    """Other commands live in their own modules so each can grow without touching this one."""
    from audit.cli_batch import batch
    from audit.cli_extract import extract
    from audit.cli_rules import rules

    main.add_command(extract)
    main.add_command(batch)
    main.add_command(rules)


_register()
