"""SARIF 2.1.0, the format code-scanning services (GitHub, GitLab, Azure) import.

Text documents get physical locations (line, column; SARIF end columns are exclusive, ours
inclusive). A PDF has no lines a viewer could jump to, so its region is line 1 with the page
said in the region's message, and the page is a logical location ("page 3"); table cells are
logical locations too. The first location of a finding is the figure most likely wrong; the
other operands of the relation are related locations. partialFingerprints carry the baseline
fingerprint so services can track a finding across commits the same way the baseline does.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from audit import ruledocs
from audit.baseline import fingerprint
from audit.model import AuditResult, Finding, Location
from audit.rulebook import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
PAGE = {"zh": "第{page}页", "en": "page {page}"}
PAGE_LINE = {"zh": "第{page}页第{line}行", "en": "page {page}, line {line}"}


def artifact_uri(path: str) -> str:
    """A relative path stays relative (services resolve it against the checkout); non-ASCII is
    percent-encoded because SARIF requires URIs, not IRIs."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/")


def page_label(loc: Location, lang: str) -> str:
    table = PAGE_LINE if loc.line is not None else PAGE
    return table.get(lang, table["zh"]).format(page=loc.page, line=loc.line)


def _region(loc: Location, lang: str) -> dict[str, Any]:
    if loc.page is not None:
        return {"startLine": 1, "message": {"text": page_label(loc, lang)}}
    region: dict[str, Any] = {"startLine": loc.line or 1}
    if loc.line is not None and loc.column is not None:
        region["startColumn"] = loc.column
        if loc.end_column is not None:
            region["endColumn"] = loc.end_column + 1
    if loc.text:
        region["snippet"] = {"text": loc.text}
    return region


def location(loc: Location, lang: str, ident: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(loc.path)},
                                                "region": _region(loc, lang)}}
    logical = []
    if loc.page is not None:
        logical.append({"name": page_label(loc, lang), "kind": "page"})
    if loc.cell is not None:
        logical.append({"name": loc.ref or f"{loc.cell.table}[{loc.cell.row}|{loc.cell.column}]",
                        "fullyQualifiedName": f"{loc.cell.table}/{loc.cell.row}/{loc.cell.column}", "kind": "tableCell"})
    if logical:
        out["logicalLocations"] = logical
    if loc.page is not None:
        out["properties"] = {"page": loc.page, "lineOnPage": loc.line}
    if ident is not None:
        out["id"] = ident
    return out


def descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": ruledocs.title(rule, lang)},
        "fullDescription": {"text": ruledocs.rationale(rule, lang)},
        "help": {"text": ruledocs.explain_text(rule, lang), "markdown": ruledocs.rule_markdown(rule, lang, "###")},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"family": rule.family, "tags": [rule.family]},
    }


def _result(f: Finding, index: dict[str, int], lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"ruleId": f.rule, "level": LEVEL[f.severity], "message": {"text": f.message},
                           "partialFingerprints": {"budgetAudit/v1": fingerprint(f)}}
    if f.rule in index:
        out["ruleIndex"] = index[f.rule]
    if f.locations:
        out["locations"] = [location(f.locations[0], lang)]
    if len(f.locations) > 1:
        out["relatedLocations"] = [location(loc, lang, i) for i, loc in enumerate(f.locations[1:], 1)]
    s = f.suggestion
    if s is not None and s.location.page is None and s.location.line and s.location.column and s.location.end_column:
        deleted = {"startLine": s.location.line, "startColumn": s.location.column, "endColumn": s.location.end_column + 1}
        out["fixes"] = [{"description": {"text": f"{s.replace} → {s.with_}"}, "artifactChanges": [
            {"artifactLocation": {"uri": artifact_uri(s.location.path)},
             "replacements": [{"deletedRegion": deleted, "insertedContent": {"text": s.with_}}]}]}]
    props = {k: v for k, v in (("expected", f.expected), ("actual", f.actual), ("concept", f.concept),
                               ("section", f.section)) if v is not None}
    if props:
        out["properties"] = props
    return out


def _artifacts(result: AuditResult, lang: str) -> list[dict[str, Any]]:
    """One artifact per input; a checked one says which kind of report it was checked as."""
    out: dict[str, dict[str, Any]] = {}
    for d in result.documents:
        entry = out.setdefault(artifact_uri(d.path), {"location": {"uri": artifact_uri(d.path)}})
        if d.kind is not None:
            entry["properties"] = {"reportKind": d.kind.as_dict(lang)}
    return list(out.values())


def sarif_dict(result: AuditResult, rules: Sequence[Rule] = (), lang: str = "zh") -> dict[str, Any]:
    descriptors = [descriptor(r, lang) for r in rules]
    known = {r.id for r in rules}
    for d in result.documents:  # findings of rules the caller did not describe still get an entry
        for f in d.findings:
            if f.rule not in known:
                known.add(f.rule)
                descriptors.append({"id": f.rule, "shortDescription": {"text": f.title or f.rule}})
    index = {d["id"]: i for i, d in enumerate(descriptors)}
    notifications = [{"level": "error", "message": {"text": d.error or "unreadable"},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(d.path)}}}]}
                     for d in result.documents if d.status == "unreadable"]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "budget-audit", "version": result.tool_version,
                                "semanticVersion": result.tool_version, "rules": descriptors}},
            "invocations": [invocation],
            "columnKind": "unicodeCodePoints",
            "language": "en-US" if lang == "en" else "zh-CN",
            "artifacts": _artifacts(result, lang),
            "results": [_result(f, index, lang) for d in result.documents for f in d.findings],
        }],
    }


def render_sarif(result: AuditResult, *, rules: Sequence[Rule] = (), lang: str = "zh") -> str:
    return json.dumps(sarif_dict(result, rules, lang), ensure_ascii=False, indent=2)
