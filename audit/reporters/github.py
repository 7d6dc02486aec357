"""GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` per finding.

GitHub turns these into annotations on the pull request's changed files. The file is the path
as given on the command line, which in a workflow is relative to the checkout as GitHub expects.
A PDF has no lines, so its annotation goes on line 1 and the page is said in the message.
Values are escaped as the runner requires (%25, %0D, %0A, and in properties also %3A, %2C), so a
message with a newline or a title with a comma cannot end the command early.
"""

from __future__ import annotations

from audit.messages import render
from audit.model import AuditResult, Finding, Location
from audit.reporters.sarif import page_label

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
UNREADABLE = {"zh": "无法读取", "en": "unreadable"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _properties(loc: Location | None, title: str) -> str:
    props: list[tuple[str, str]] = []
    if loc is not None:
        props.append(("file", loc.path))
        if loc.page is not None or loc.line is None:
            props.append(("line", "1"))
        else:
            props.append(("line", str(loc.line)))
            if loc.column is not None:
                props.append(("col", str(loc.column)))
                if loc.end_column is not None:
                    props.append(("endColumn", str(loc.end_column)))
    props.append(("title", title))
    return ",".join(f"{k}={escape_property(v)}" for k, v in props)


def annotation(f: Finding, lang: str = "zh") -> str:
    loc = f.locations[0] if f.locations else None
    message = f.message
    if loc is not None and loc.page is not None:
        message = f"{page_label(loc, lang)}：{message}" if lang != "en" else f"{page_label(loc, lang)}: {message}"
    if f.suggestion is not None:
        message += "\n" + render("suggest", lang, text=f.suggestion.replace, value=f.suggestion.with_)
    title = f"{f.rule} {f.title}" if f.title else f.rule
    return f"::{COMMAND[f.severity]} {_properties(loc, title)}::{escape_data(message)}"


def render_github(result: AuditResult, *, lang: str = "zh") -> str:
    lines = []
    for doc in result.documents:
        if doc.status == "unreadable":
            reason = render("unreadable", lang, reason=doc.error or UNREADABLE.get(lang, UNREADABLE["zh"]))
            lines.append(f"::error {_properties(Location(path=doc.path), 'budget-audit')}::{escape_data(reason)}")
        if doc.kind is None:
            lines.extend(annotation(f, lang) for f in doc.findings)
            continue
        # The kind names the log group of the document's annotations, so the log says which
        # rules (final accounts or budget) were applied.
        lines.append(f"::group::{escape_data(doc.path)} — {escape_data(doc.kind.label(lang))}")
        lines.extend(annotation(f, lang) for f in doc.findings)
        lines.append("::endgroup::")
    return "\n".join(lines)
