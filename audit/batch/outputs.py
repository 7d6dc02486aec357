"""Everything a finished (or interrupted) batch writes: summary files, dashboard, JSON, terminal.

One function so that the CLI, the benchmark and the tests produce identical files from one
BatchOutcome, and so that an interrupted run goes through exactly the same path as a full one.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

from audit.batch.run import BatchOutcome
from audit.batch.spool import Spool


@dataclass
class OutputOptions:
    summaries: tuple[str, ...] = ()
    html: str | None = None
    fmt: str = "text"
    json_path: str | None = None
    lang: str = "zh"


def write_outputs(outcome: BatchOutcome, spool: Spool, options: OutputOptions, console: Console) -> list[str]:
    """Write every requested output; returns the files written. Terminal text goes to `console`."""
    from audit.batch.summary import localised, reports_frame, rules_frame, write_summary
    from audit.batch.terminal import print_summary, words

    reports, rules = reports_frame(outcome), rules_frame(outcome)
    written: list[str] = []
    for path in options.summaries:
        written += write_summary(path, reports, rules, options.lang)
    if options.html:
        from audit.batch.dashboard import write_dashboard

        with open(options.html, "w", encoding="utf-8") as fh:
            write_dashboard(fh, outcome, spool, _records(localised(reports, options.lang)), _records(rules),
                            options.lang)
        written.append(options.html)
    if options.fmt == "json":
        from audit.batch.report_json import write_json

        if options.json_path:
            with open(options.json_path, "w", encoding="utf-8") as fh:
                write_json(fh, outcome, spool, options.lang)
            written.append(options.json_path)
        else:
            write_json(sys.stdout, outcome, spool, options.lang)
    else:
        print_summary(console, reports, rules, options.lang)
    w = words(options.lang)
    rows = outcome.rows
    totals = w["totals"].format(
        n=len(rows), s=outcome.seconds, rate=len(rows) / outcome.seconds if outcome.seconds else 0.0,
        need=outcome.needs_return, bad=sum(1 for r in rows if r["outcome"] != "checked"),
        e=sum(r["errors"] for r in rows), w=sum(r["warnings"] for r in rows), i=sum(r["infos"] for r in rows))
    console.print(Text(totals, style="bold red" if outcome.needs_return else "green"))
    for path in written:
        console.print(Text(f"{w['wrote']} {path}", style="dim"))
    return written


def _records(frame) -> list[dict]:  # type: ignore[no-untyped-def]
    """Rows as plain dicts with None for missing values, ready for JSON."""
    import pandas as pd

    clean = frame.astype(object).where(pd.notna(frame), None)
    return clean.to_dict(orient="records")
