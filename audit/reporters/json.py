"""The JSON report of ../shared/contracts/report.schema.json (schema_version 1)."""

from __future__ import annotations

import json
from typing import Any

from audit.model import AuditResult, Finding, Location


def location_dict(loc: Location) -> dict[str, Any]:
    return {
        "path": loc.path,
        "page": loc.page,
        "line": loc.line,
        "column": loc.column,
        "end_column": loc.end_column,
        "cell": None if loc.cell is None else {"table": loc.cell.table, "row": loc.cell.row, "column": loc.cell.column},
        "text": loc.text,
    }


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "expected": f.expected,
        "actual": f.actual,
        "locations": [location_dict(loc) for loc in f.locations],
        "suggestion": None if f.suggestion is None else {
            "location": location_dict(f.suggestion.location),
            "replace": f.suggestion.replace,
            "with": f.suggestion.with_,
        },
    }


def report_dict(result: AuditResult, lang: str = "zh") -> dict[str, Any]:
    docs = []
    for d in result.documents:
        entry: dict[str, Any] = {"path": d.path, "status": d.status, "error": d.error,
                                 "findings": [finding_dict(f) for f in d.findings]}
        if d.kind is not None:
            # Optional, outside the schema's listed properties (which allows additional ones):
            # 决算 or 预算, 部门 or 单位, the year and whether it was detected or given with --kind.
            entry["kind"] = d.kind.as_dict(lang)
        if d.status == "checked":
            entry["stats"] = {"facts": d.facts, "checks": d.checks, "skipped": d.skipped,
                              "tables": dict(d.table_stats),
                              # Optional (the schema allows more stats): which of the tables a report
                              # of this kind should carry were read, so a reader sees what was not checked.
                              "tables_expected": list(d.tables_expected), "tables_read": list(d.tables_read),
                              "tables_missing": list(d.tables_missing)}
        docs.append(entry)
    return {
        "schema_version": "1",
        "tool": {"name": "budget-audit", "version": result.tool_version},
        "documents": docs,
        "summary": {
            "documents": len(result.documents),
            "unreadable": result.unreadable,
            "errors": result.count("error"),
            "warnings": result.count("warning"),
            "infos": result.count("info"),
        },
    }


def render_json(result: AuditResult, lang: str = "zh") -> str:
    return json.dumps(report_dict(result, lang), ensure_ascii=False, indent=2)
