"""`batch --html`: one self-contained page to triage a fiscal year's reports in a browser.

The data goes into a `<script type="application/json">` block and the page's own script renders
it with textContent only. JSON alone is not safe inside a script element — a string holding
`</script>` would end it — so `<`, `>`, `&` and the two JavaScript line separators are written as
\\u escapes, which JSON.parse turns back into the same text. Findings are streamed from the spool
report by report, so the page is written without holding the whole batch in memory.
"""

from __future__ import annotations

import html
import json
from typing import IO, Any

from audit.batch.dashboard_page import CSP, SCRIPT, STYLE, WORDS
from audit.batch.run import BatchOutcome
from audit.batch.spool import Spool

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value: Any) -> str:
    """JSON that can sit inside a script element without ever closing it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


def write_dashboard(out: IO[str], outcome: BatchOutcome, spool: Spool, reports: list[dict[str, Any]],
                    rules: list[dict[str, Any]], lang: str = "zh") -> None:
    """`reports` and `rules` are the summary tables as records, worst reports first."""
    words = WORDS.get(lang, WORDS["zh"])
    out.write("<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\n".format("zh-CN" if lang == "zh" else "en"))
    out.write(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n')
    out.write('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
    out.write(f"<title>{html.escape(words['title'])}</title>\n<style>{STYLE}</style>\n</head><body>\n")
    out.write('<main id="app"></main>\n<script type="application/json" id="batch-data">{')
    out.write(f'"words":{script_json(words)},"interrupted":{script_json(outcome.interrupted)},')
    out.write(f'"reports":{script_json(reports)},"rules":{script_json(rules)},"findings":{{')
    separator = ""
    for index, findings in spool.each([r["index"] for r in reports]):
        if findings:
            slim = [{k: f.get(k) for k in ("rule", "severity", "message", "where", "suggestion")} for f in findings]
            out.write(f'{separator}"{index}":{script_json(slim)}')
            separator = ","
    out.write("}}</script>\n")
    out.write(f"<script>{SCRIPT}</script>\n</body></html>\n")
