"""What a batch shows in the terminal: a live progress bar, then the summary as a rich table.

The progress goes to stderr so that `--format json` on stdout stays clean. Only the worst
reports and the commonest rules are printed; the files written hold all of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from audit.batch.record import ReportRecord

if TYPE_CHECKING:
    import pandas as pd

WORDS = {
    "zh": {"checking": "检查中", "rate": "份/秒", "problems": "有问题", "worst": "最需关注的报告",
           "rules": "常见问题（各规则涉及的报告数）", "more": "另有 {n} 份报告见汇总文件",
           "totals": "{n} 份报告，{s:.1f} 秒（{rate:.1f} 份/秒）：{need} 份需退回（{bad} 份未能检查），"
                     "{e} 个错误，{w} 个警告，{i} 个提示", "interrupted": "已中断：已完成的结果已写出，未检查的报告已列出",
           "skipped": "跳过 {n} 个不支持的文件（如 {ex}）", "missing": "未找到：{items}", "wrote": "已写入"},
    "en": {"checking": "checking", "rate": "reports/s", "problems": "with problems", "worst": "reports needing attention",
           "rules": "common mistakes (reports breaking each rule)", "more": "{n} more reports in the summary files",
           "totals": "{n} reports in {s:.1f} s ({rate:.1f}/s): {need} to send back ({bad} not checked), "
                     "{e} errors, {w} warnings, {i} infos", "interrupted": "interrupted: finished results were written; "
                     "reports not checked are listed",
           "skipped": "skipped {n} unsupported files (e.g. {ex})", "missing": "not found: {items}", "wrote": "wrote"},
}
TOP = 20


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["zh"])


class BatchProgress:
    """done/total, rate, ETA and the number of reports with problems so far."""

    def __init__(self, console: Console, total: int, lang: str, enabled: bool) -> None:
        w = words(lang)
        self.problems = 0
        self.progress = Progress(
            TextColumn(w["checking"]), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
            TextColumn("{task.fields[rate]:.1f} " + w["rate"]), TimeRemainingColumn(),
            TextColumn("[red]{task.fields[problems]} " + w["problems"]),
            console=console, disable=not enabled, transient=False)
        self.task = self.progress.add_task("batch", total=total, rate=0.0, problems=0)

    def __enter__(self) -> BatchProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def advance(self, record: ReportRecord) -> None:
        if record.errors or record.outcome != "checked":
            self.problems += 1
        task = self.progress.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = (task.completed + 1) / elapsed if elapsed > 0 else 0.0
        self.progress.update(self.task, advance=1, rate=rate, problems=self.problems)


def print_summary(console: Console, reports: pd.DataFrame, rules: pd.DataFrame, lang: str) -> None:
    from audit.batch.summary import HEADERS, OUTCOMES, localised

    w, h = words(lang), HEADERS.get(lang, HEADERS["zh"])
    reports = localised(reports, lang)
    table = Table(title=w["worst"], show_lines=False, header_style="bold")
    columns = ["department", "year", "kind", "file", "outcome", "errors", "warnings", "infos", "tables", "top_rules",
               "reason"]
    for c in columns:
        table.add_column(h[c], justify="right" if c in {"year", "errors", "warnings", "infos"} else "left",
                         overflow="fold", max_width=40 if c in {"file", "reason"} else None)
    shown = reports.head(TOP).assign(outcome=reports["outcome"].head(TOP).map(OUTCOMES.get(lang, OUTCOMES["zh"])))
    for row in shown.itertuples(index=False):
        style = "red" if row.errors or row.status != "checked" else "yellow" if row.warnings else None
        table.add_row(*(Text("" if _missing(getattr(row, c)) else str(getattr(row, c))) for c in columns), style=style)
    console.print(table)
    if len(reports) > TOP:
        console.print(Text(w["more"].format(n=len(reports) - TOP), style="dim"))
    if not rules.empty:
        rt = Table(title=w["rules"], header_style="bold")
        for c in ["rule", "severity", "reports", "share", "findings", "title"]:
            rt.add_column(h[c], justify="right" if c in {"reports", "share", "findings"} else "left")
        for row in rules.head(TOP).itertuples(index=False):
            rt.add_row(row.rule, row.severity, str(row.reports), f"{row.share:.1f}", str(row.findings), row.title or "")
        console.print(rt)


def _missing(value: object) -> bool:
    import pandas as pd

    return value is None or bool(pd.isna(value))
