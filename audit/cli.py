"""Command line: flags and project configuration → rules and options, one pipeline run, an
optional baseline, a reporter, an exit code.

Exit codes: 0 nothing at or above --fail-on; 1 something is; 2 usage error, bad configuration
or baseline, or an input that could not be read (the other inputs are still checked and reported).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from audit import __version__
from audit.config import Config, ConfigError, configured_rules, find_config, load_config, merge
from audit.model import SEVERITY_ORDER, AuditResult
from audit.rulebook import Rule, RulebookError

FORMAT_NAMES = ["text", "json", "sarif", "junit", "github"]
NOTES = {
    "zh": {"wrote": "已写入基线 {path}：接受 {n} 个现有问题", "suppressed": "基线 {path} 抑制了 {n} 个已知问题",
           "stale": "基线中有 {n} 个条目已失效（问题已修复），请用 --write-baseline 重新生成：",
           "cannot_write": "无法写入 {path}：{reason}"},
    "en": {"wrote": "wrote baseline {path}: {n} existing finding(s) accepted",
           "suppressed": "baseline {path} suppressed {n} known finding(s)",
           "stale": "{n} baseline entr(y/ies) are stale (fixed); regenerate with --write-baseline:",
           "cannot_write": "cannot write {path}: {reason}"},
}


def exit_code(result: AuditResult, fail_on: str) -> int:
    if result.unreadable:
        return 2
    threshold = SEVERITY_ORDER[fail_on]
    worst = max((SEVERITY_ORDER[f.severity] for d in result.documents for f in d.findings), default=-1)
    return 1 if worst >= threshold else 0


def _split(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """`--select N,T1 --select X` → ("N", "T1", "X"); not given → None (keep the file's)."""
    items = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    return items if values else None


def _severities(values: tuple[str, ...]) -> dict[str, str] | None:
    out: dict[str, str] = {}
    for value in values:
        rid, sep, level = value.partition("=")
        if not sep:
            raise click.BadParameter(f"expected ID=LEVEL, got {value!r}", param_hint="--severity")
        out[rid.strip()] = level.strip()
    return out or None


def _kind(value: str | None) -> str | None:
    """`--kind 预算|决算|budget|final` → budget | final; not given → None (the file's, or detect)."""
    from audit.extract.report_kind import parse_kind_option

    if value is None:
        return None
    try:
        return parse_kind_option(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--kind") from exc


def resolve(paths: Sequence[str], config_file: str | None, isolated: bool, **flags: object) -> tuple[Config, list[Rule]]:
    """Project file (found upward from the checked files) overridden by the command line."""
    try:
        if config_file and not Path(config_file).is_file():
            raise ConfigError(f"configuration file not found: {config_file}")
        found = None if isolated else Path(config_file) if config_file else find_config(list(paths))
        config = merge(load_config(found), **flags)
        return config, configured_rules(config)
    except (ConfigError, RulebookError) as exc:
        raise click.UsageError(str(exc)) from exc


@click.group()
@click.version_option(__version__, prog_name="budget-audit")
def main() -> None:
    """budget-audit：部门决算公开报告的勾稽关系与一致性审核工具。"""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default="text", show_default=True,
              help="输出格式 / output format")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="达到该级别即以 1 退出（默认 error）/ exit 1 at or above this level [default: error]")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="消息语言（默认 zh）/ message language")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="写入文件 / write to file")
@click.option("--color/--no-color", default=None, help="强制开启或关闭颜色")
@click.option("--as-one-report", is_flag=True, help="把所有输入（如 .docx 说明与 .xlsx 表格）作为同一份报告检查")
@click.option("--kind", "kind", default=None, metavar="决算|预算",
              help="按决算或预算检查（默认按报告标题识别）/ final|budget: check as this kind [default: from the title]")
@click.option("--select", multiple=True, metavar="IDS", help="只启用这些规则或前缀（如 N,T1）/ rule ids or prefixes")
@click.option("--ignore", multiple=True, metavar="IDS", help="停用这些规则或前缀 / rule ids or prefixes to skip")
@click.option("--severity", "severity", multiple=True, metavar="ID=LEVEL", help="改变规则级别 / override a rule's level")
@click.option("--rules", "rule_files", multiple=True, type=click.Path(dir_okay=False), help="附加规则文件 / extra rule file")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="配置文件（默认向上查找 budget-audit.toml / pyproject.toml）")
@click.option("--isolated", is_flag=True, help="忽略配置文件 / ignore configuration files")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
              help="只报告基线之外的新问题 / report only findings not in this baseline")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), default=None,
              help="把当前问题写入基线文件 / accept the current findings into this file")
def check(paths: tuple[str, ...], fmt: str, fail_on: str | None, lang: str | None, output: str | None,
          color: bool | None, as_one_report: bool, kind: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          severity: tuple[str, ...], rule_files: tuple[str, ...], config_file: str | None, isolated: bool,
          baseline_file: str | None, write_baseline: str | None) -> None:
    """检查一个或多个报告（txt / pdf / docx / xlsx / 数字清单）。Check one or more reports."""
    from audit.pipeline import run_check

    if baseline_file and write_baseline:
        raise click.UsageError("--baseline and --write-baseline cannot be combined")
    config, rules = resolve(paths, config_file, isolated, select=_split(select), ignore=_split(ignore),
                            severity=_severities(severity), fail_on=fail_on, lang=lang, kind=_kind(kind),
                            rule_files=tuple(str(Path(f).resolve()) for f in rule_files) or None)
    result = AuditResult(documents=run_check(list(paths), rules, config.lang, as_one_report, config.kind),
                         tool_version=__version__)
    if write_baseline:
        sys.exit(_write_baseline(result, write_baseline, config.lang))
    if baseline_file:
        result = _apply_baseline(result, baseline_file, config.lang)
    _emit(result, fmt, config.lang, output, color, rules, config.fail_on)
    sys.exit(exit_code(result, config.fail_on))


def _write_baseline(result: AuditResult, path: str, lang: str) -> int:
    from audit import baseline

    notes = NOTES.get(lang, NOTES["zh"])
    try:
        n = baseline.write(result, path)
    except OSError as exc:
        raise click.UsageError(notes["cannot_write"].format(path=path, reason=exc)) from exc
    click.echo(notes["wrote"].format(path=path, n=n), err=True)
    return 2 if result.unreadable else 0


def _apply_baseline(result: AuditResult, path: str, lang: str) -> AuditResult:
    """Filter the result; say on stderr what was hidden and what is stale (stdout stays a report)."""
    from audit import baseline

    notes = NOTES.get(lang, NOTES["zh"])
    try:
        outcome = baseline.apply(result, baseline.read(path), path)
    except baseline.BaselineError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(notes["suppressed"].format(path=path, n=outcome.suppressed), err=True)
    if outcome.stale:
        click.echo(notes["stale"].format(n=sum(e.count for e in outcome.stale)), err=True)
        for e in outcome.stale:
            figures = ", ".join(x for x in e.figures if x)
            click.echo(f"  {e.path}: {e.rule} [{figures}] ×{e.count} {e.message}", err=True)
    return outcome.result


def _emit(result: AuditResult, fmt: str, lang: str, output: str | None, color: bool | None,
          rules: Sequence[Rule] = (), fail_on: str = "error") -> None:
    from audit.reporters import FORMATS

    try:
        if fmt == "text":
            from rich.console import Console

            from audit.reporters.terminal import render_terminal

            if output:
                with open(output, "w", encoding="utf-8") as fh:
                    render_terminal(result, Console(file=fh, force_terminal=bool(color), width=120), lang)
            else:
                render_terminal(result, Console(force_terminal=color, no_color=color is False, highlight=False), lang)
            return
        text = FORMATS[fmt](result, rules=rules, lang=lang, fail_on=fail_on)
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
        else:
            click.echo(text)
    except OSError as exc:
        raise click.UsageError(NOTES.get(lang, NOTES["zh"])["cannot_write"].format(path=output, reason=exc)) from exc


def _register() -> None:
    """Other commands live in their own modules so each can grow without touching this one."""
    from audit.cli_batch import batch
    from audit.cli_extract import extract
    from audit.cli_rules import explain, rules

    main.add_command(extract)
    main.add_command(batch)
    main.add_command(rules)
    main.add_command(explain)


_register()
