"""`batch --format json`: every finding of every report, in report.schema.json's shape.

Written document by document from the spool, so a batch of thousands of reports never holds
all findings at once. Batch-only facts (department, year, outcome, all paths of a grouped report)
are extra keys, which the schema allows, so one parser reads `check` and `batch` output alike.
"""

from __future__ import annotations

import json
from typing import IO, Any

from audit import __version__
from audit.batch.run import BatchOutcome
from audit.batch.spool import Spool


def write_json(out: IO[str], outcome: BatchOutcome, spool: Spool, lang: str = "zh") -> None:
    rows = sorted(outcome.rows, key=lambda r: r["index"])
    out.write('{\n  "schema_version": "1",\n')
    out.write(f'  "tool": {json.dumps({"name": "budget-audit", "version": __version__})},\n')
    out.write('  "documents": [')
    for n, row in enumerate(rows):
        out.write(",\n    " if n else "\n    ")
        out.write(json.dumps(_document(row, spool.findings(row["index"]), lang), ensure_ascii=False))
    out.write("\n  ],\n")
    summary = {
        "documents": len(rows),
        "unreadable": sum(1 for r in rows if r["status"] != "checked"),
        "errors": sum(r["errors"] for r in rows),
        "warnings": sum(r["warnings"] for r in rows),
        "infos": sum(r["infos"] for r in rows),
        "interrupted": outcome.interrupted,
        "seconds": round(outcome.seconds, 3),
    }
    out.write(f'  "summary": {json.dumps(summary)}\n}}\n')


def _document(row: dict[str, Any], findings: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """One document as `check --format json` writes it (kind, table stats), plus batch's keys."""
    paths = row["paths"]
    doc: dict[str, Any] = {"path": paths[0], "paths": paths, "status": row["status"], "outcome": row["outcome"],
                           "error": row["reason"], "department": row["department"], "year": row["year"],
                           "findings": findings}
    kind = {k.removeprefix("kind_info."): v for k, v in row.items() if k.startswith("kind_info.")}
    if kind:
        doc["kind"] = {**kind, "label": row.get("kind_en") if lang == "en" else row.get("kind")}
    if row["status"] == "checked":
        expected, read = row.get("tables_expected_ids", []), row.get("tables_read_ids", [])
        doc["stats"] = {"facts": row["figures"], "checks": row["checks"], "tables_expected": expected,
                        "tables_read": read, "tables_missing": [t for t in expected if t not in read]}
    return doc
