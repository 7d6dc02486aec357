"""Rule examples (rules/*.yaml `examples`) as documents, so they can run as tests and in `explain`.

An example is either a narrative text, or a mapping with `text` and/or `tables`; a table is
`{id: T3, unit?: 元, rows: [{label, code?, section?, cells: {column: "text as written"}}]}` (unit
万元 unless given).
"""

from __future__ import annotations

from typing import Any

from audit.document import Cell, Document, Line, Paragraph, Table, TableRow
from audit.names import BUDGET_TABLE_NAMES

TITLES = {
    "T1": "收入支出决算总表", "T2": "收入决算表", "T3": "支出决算表", "T4": "财政拨款收入支出决算总表",
    "T5": "一般公共预算财政拨款支出决算表", "T6": "一般公共预算财政拨款基本支出决算表",
    "T7": "财政拨款“三公”经费支出决算表", "T8": "政府性基金预算财政拨款收入支出决算表",
    "T9": "国有资本经营预算财政拨款收入支出决算表",
    # Budget tables: a title that says 预算 makes the example a budget.
    **{tid: f"2025年部门{name}" for tid, name in BUDGET_TABLE_NAMES.items()},
}


def example_document(example: Any, path: str = "example.txt") -> Document:
    text = example if isinstance(example, str) else (example or {}).get("text", "")
    paragraphs = [Paragraph([Line(text=line, line=i, column=1)])
                  for i, line in enumerate(str(text).split("\n"), start=1) if line.strip()]
    tables = []
    if isinstance(example, dict):
        for spec in example.get("tables", []):
            rows = [TableRow(label=r["label"], code=r.get("code"), section=r.get("section"), page=1,
                             cells=[Cell(column=c, text=str(v), page=1) for c, v in r.get("cells", {}).items()])
                    for r in spec.get("rows", [])]
            tables.append(Table(title=TITLES.get(spec["id"], spec["id"]), rows=rows, table_id=spec["id"], page=1,
                                unit=spec.get("unit", "万元")))
    return Document(path=path, kind="example", paragraphs=paragraphs, tables=tables)


def describe_example(example: Any) -> str:
    """Plain-text rendering for `explain` and docs/rules.md."""
    if isinstance(example, str):
        return example
    parts = [example.get("text", "")] if example.get("text") else []
    for spec in example.get("tables", []):
        parts.append(f"{TITLES.get(spec['id'], spec['id'])}（{spec['id']}）:")
        for r in spec.get("rows", []):
            head = " ".join(x for x in (r.get("section"), r.get("code"), r["label"]) if x)
            cells = "，".join(f"{c} {v}" for c, v in r.get("cells", {}).items())
            parts.append(f"  {head}: {cells}")
    return "\n".join(parts)
