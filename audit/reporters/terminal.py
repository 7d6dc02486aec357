"""The colour-coded report for people: findings grouped by section, the sentence with the
figures highlighted, the suspected figure and its likely value, then a summary line."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from audit.model import AuditResult, DocumentResult, Finding

if TYPE_CHECKING:
    from audit.extract.report_kind import ReportKind

STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}
LABEL = {"zh": {"error": "错误", "warning": "警告", "info": "提示"},
         "en": {"error": "error", "warning": "warning", "info": "info"}}
WORDS = {
    "zh": {"unreadable": "无法读取", "suggest": "疑似有误的数字", "should": "应为", "summary":
           "{docs} 个文档（{unreadable} 个无法读取）：{errors} 个错误，{warnings} 个警告，{infos} 个提示；"
           "提取数字 {facts} 个，执行检查 {checks} 次", "clean": "未发现问题", "at": "位置",
           "kind": "报告类别：{label}（{how}）", "title": "据标题", "tables": "据表名", "body": "据正文",
           "option": "按 --kind 指定", "unknown_kind": "报告类别：未识别，按决算检查",
           "tables_read": "；表格：读取 {read}/{expected}"},
    "en": {"unreadable": "unreadable", "suggest": "likely wrong", "should": "should be", "summary":
           "{docs} document(s) ({unreadable} unreadable): {errors} error(s), {warnings} warning(s), {infos} info(s); "
           "{facts} figures extracted, {checks} checks run", "clean": "no findings", "at": "at",
           "kind": "kind of report: {label} ({how})", "title": "from the title", "tables": "from the table titles",
           "body": "from the text", "option": "given with --kind",
           "unknown_kind": "kind of report: not stated, checked as final accounts",
           "tables_read": "; tables read {read}/{expected}"},
}


def render_terminal(result: AuditResult, console: Console, lang: str = "zh") -> None:
    w = WORDS.get(lang, WORDS["zh"])
    for doc in result.documents:
        console.print(Text(doc.path, style="bold underline"))
        if doc.status == "unreadable":
            console.print(Text(f"  ✗ {w['unreadable']}: {doc.error}", style="bold red"))
            continue
        if doc.kind is not None:
            console.print(Text("  " + _kind_line(doc.kind, w, lang), style="dim"))
        if not doc.findings:
            console.print(Text(f"  ✓ {w['clean']}", style="green"))
        _document(doc, console, lang)
        console.print()
    facts = sum(d.facts for d in result.documents)
    checks = sum(d.checks for d in result.documents)
    line = w["summary"].format(docs=len(result.documents), unreadable=result.unreadable,
                               errors=result.count("error"), warnings=result.count("warning"),
                               infos=result.count("info"), facts=facts, checks=checks)
    # Which of the tables the reports should carry were read (final accounts: the nine); budgets
    # expect none yet, so a run of budgets only shows no table count.
    expected = sum(len(d.tables_expected) for d in result.documents if d.status == "checked")
    if expected:
        read = sum(len(d.tables_read) for d in result.documents if d.status == "checked")
        line += w["tables_read"].format(read=read, expected=expected)
    style = "bold red" if result.count("error") else "yellow" if result.count("warning") else "green"
    console.print(Text(line, style=style))


def _kind_line(kind: ReportKind, w: dict[str, str], lang: str) -> str:
    """报告类别：部门预算（据标题）: which kind of report the rules were chosen for, and why."""
    if kind.accounts is None:
        return w["unknown_kind"]
    return w["kind"].format(label=kind.label(lang), how=w.get(kind.source, kind.source))


def _document(doc: DocumentResult, console: Console, lang: str) -> None:
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in doc.findings:
        groups[f.section or "（其他）"].append(f)
    for section, findings in groups.items():
        console.print(Text(f"  § {section}", style="bold cyan"))
        for f in findings:
            _finding(f, doc, console, lang)


def _finding(f: Finding, doc: DocumentResult, console: Console, lang: str) -> None:
    w = WORDS.get(lang, WORDS["zh"])
    loc = f.locations[0] if f.locations else None
    head = Text("    ")
    head.append(f"{LABEL.get(lang, LABEL['zh'])[f.severity]:<4}", style=STYLE[f.severity])
    head.append(f" {f.rule} ", style="bold")
    if loc is not None:
        head.append(f"{loc.short()} ", style="blue")
    head.append(f.message, style=STYLE[f.severity] if f.severity != "info" else "dim")
    console.print(head)
    for page, line_no in dict.fromkeys((loc.page, loc.line) for loc in f.locations if loc.line is not None):
        source = doc.source_lines.get((page, line_no))
        if source is None:
            continue
        console.print(_highlight(page, line_no, source, f, console.width))
    if f.suggestion is not None:
        s = f.suggestion
        tip = Text(f"      → {w['suggest']} ", style="bold")
        tip.append(s.replace, style="bold red")
        tip.append(f"（{s.location.short()}）{w['should']} ")
        tip.append(s.with_, style="bold green")
        console.print(tip)


def _highlight(page: int | None, line_no: int, source: str, f: Finding, width: int) -> Text:
    """The source line cut to one screen line around the figures, each figure highlighted.

    Chinese prose has no spaces to wrap at, so an over-long line would be pushed whole onto the
    next screen line; the excerpt is cut to the width instead, starting a little before the
    suspected figure (or the first one).
    """
    spans = sorted((loc.column, loc.end_column) for loc in f.locations
                   if loc.line == line_no and loc.page == page and loc.column and loc.end_column)
    suspect = f.suggestion.location if f.suggestion else None
    focus = next((c for c, _ in spans if suspect is not None and suspect.line == line_no
                  and suspect.page == page and suspect.column == c), spans[0][0] if spans else 1)
    where = f"p.{page} l.{line_no}" if page is not None else f"{line_no}"
    prefix = f"      {where:>10} │ "
    budget = max(20, width - cell_len(prefix) - 2)
    # Show every figure of the relation when they fit on one line, else the suspect's surroundings.
    first = max(0, spans[0][0] - 1 - 8) if spans else 0
    fits = bool(spans) and cell_len(source[first:spans[-1][1]]) <= budget
    lo = first if fits else max(0, focus - 1 - 12)
    hi = lo
    while hi < len(source) and cell_len(source[lo:hi + 1]) <= budget:
        hi += 1
    text = Text(prefix + ("…" if lo > 0 else ""), style="dim")
    body = Text(source[lo:hi].rstrip("\n"))
    for col, end in spans:
        if col - 1 < lo or end > hi:
            continue
        is_suspect = (suspect is not None and suspect.line == line_no and suspect.page == page
                      and suspect.column == col)
        body.stylize("bold reverse red" if is_suspect else "bold magenta", col - 1 - lo, end - lo)
    text.append_text(body)
    if hi < len(source):
        text.append("…", style="dim")
    return text
