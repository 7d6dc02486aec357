"""Figures files: the extracted figures of a report as a table a person can review and edit.

One row per figure. The columns carry everything the rule families read — every Figure field,
every Location field, the breakdown parent, and the sentence (claim) attributes — so checking
the file gives the same findings as checking the report, and every finding points back to the
place in the original report. `location` and `context` are for people only and are recomputed,
never read back. The reader is audit/readers/figures.py; docs/formats.md describes the columns.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

from audit.model import Figure

if TYPE_CHECKING:  # the writer is handed an analysis; the figures-file reader must not import one
    from audit.analysis import Analysis

# Order is for people: what the figure is, then where it is, then the links the rules use.
COLUMNS: list[str] = [
    "document", "index", "concept", "period", "measure", "value", "unit", "decimals",
    "location", "context",
    "claim", "role", "of", "direction", "section", "source", "table", "code", "parent",
    "path", "page", "line", "column", "end_column", "paragraph", "ref", "cell_table", "cell_row", "cell_column",
    "text",
    "claim_section", "claim_text", "claim_paragraph", "claim_compare", "claim_no_change", "claim_lead",
]
# Recomputed on writing, ignored on reading: editing them changes nothing.
DISPLAY_ONLY = {"location", "context"}
INT_COLUMNS = {"index", "decimals", "claim", "direction", "parent", "page", "line", "column", "end_column",
               "paragraph", "claim_paragraph", "claim_compare"}
BOOL_COLUMNS = {"claim_no_change"}
FORMATS = ("csv", "json", "yaml", "xlsx")


def figure_rows(facts: Analysis, document: str) -> list[dict[str, Any]]:
    """One dict per figure, keyed by COLUMNS; None for an empty field."""
    return [_row(f, facts, document) for f in facts.figures]


def _row(f: Figure, facts: Analysis, document: str) -> dict[str, Any]:
    loc = f.location
    claim = facts.claims.get(f.claim) if f.claim is not None else None
    if claim is not None:
        context = claim.text
    elif loc.cell is not None:
        context = f"{loc.cell.table} / {loc.cell.row} / {loc.cell.column}"
    else:
        context = None
    return {
        "document": document, "index": f.index, "concept": f.concept, "period": f.period, "measure": f.measure,
        "value": format(f.value, "f"), "unit": f.unit, "decimals": f.decimals,
        "location": loc.short(), "context": context,
        "claim": f.claim, "role": f.role, "of": f.of, "direction": f.direction, "section": f.section,
        "source": f.source, "table": f.table, "code": f.code, "parent": facts.parents.get(f.index),
        "path": loc.path, "page": loc.page, "line": loc.line, "column": loc.column, "end_column": loc.end_column,
        "paragraph": loc.paragraph, "ref": loc.ref,
        "cell_table": loc.cell.table if loc.cell else None, "cell_row": loc.cell.row if loc.cell else None,
        "cell_column": loc.cell.column if loc.cell else None, "text": loc.text,
        "claim_section": claim.section if claim else None, "claim_text": claim.text if claim else None,
        "claim_paragraph": claim.paragraph if claim else None, "claim_compare": claim.compare if claim else None,
        "claim_no_change": claim.no_change if claim else None, "claim_lead": claim.lead if claim else None,
    }


def frame(rows: list[dict[str, Any]]):
    """The rows as a pandas DataFrame of Python objects (no float columns: values stay strings)."""
    import pandas as pd

    return pd.DataFrame(rows, columns=COLUMNS, dtype=object)


def render(rows: list[dict[str, Any]], fmt: str) -> str:
    """csv / json / yaml text. Empty fields are empty in CSV and null in JSON and YAML."""
    df = frame(rows)
    if fmt == "csv":
        buf = io.StringIO()
        df.to_csv(buf, index=False, lineterminator="\n")
        return buf.getvalue()
    records = [{k: (None if _blank(v) else v) for k, v in rec.items()} for rec in df.to_dict(orient="records")]
    if fmt == "json":
        return json.dumps({"figures": records}, ensure_ascii=False, indent=1) + "\n"
    if fmt == "yaml":
        import yaml

        return yaml.safe_dump({"figures": records}, allow_unicode=True, sort_keys=False, width=1000)
    raise ValueError(f"no text form for {fmt}")


def write(rows: list[dict[str, Any]], fmt: str, path: str) -> None:
    """Write a figures file; CSV gets a BOM so that Excel opens the Chinese text correctly."""
    if fmt == "xlsx":
        df = frame(rows)
        with _excel_writer(path) as writer:
            df.to_excel(writer, index=False, sheet_name="figures")
            sheet = writer.sheets["figures"]
            sheet.freeze_panes = "A2"
            for letter, width in (("C", 36), ("F", 12), ("I", 22), ("J", 60)):
                sheet.column_dimensions[letter].width = width
        return
    text = render(rows, fmt)
    with open(path, "w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as fh:
        fh.write(text)


def _excel_writer(path: str):
    import pandas as pd

    return pd.ExcelWriter(path, engine="openpyxl")


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, float) and v != v)
