"""Table-reading family: one finding per doubtful table, instead of the errors it would cause.

Readers note where a table's geometry does not add up (amounts outside the header columns,
crowded rows) and extraction notes where its own sums do not (`extract/table_doubt.py`). Such a
table's figures are kept out of every other rule; this family says once, naming the table and
its place, why. `check: doubt` reports the doubts (warning); `check: shift` reports amounts that
the table's own sums prove are printed shifted against their labels (error, a defect of the
document).
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.document import Table, TableDoubt
from audit.facts import Facts
from audit.kinds.base import Direct
from audit.model import CellRef, Location
from audit.rulebook import Rule


def bind(rule: Rule, facts: Facts) -> Iterator[Direct]:
    doc = facts.document
    if doc is None:
        return
    shift = rule.params.get("check") == "shift"
    for table in doc.tables:
        if not table.table_id or not table.doubts:
            continue
        proven = [d for d in table.doubts if d.kind == "shift" and d.proven]
        if shift and proven:
            yield _direct(rule, doc.path, table, proven[0], "table_shift")
        elif not shift and not proven:
            yield _direct(rule, doc.path, table, table.doubts[0], f"table_doubt_{table.doubts[0].kind}")


def _direct(rule: Rule, path: str, table: Table, doubt: TableDoubt, key: str) -> Direct:
    where = f"p.{table.page}" if table.page else (f"l.{table.line}" if table.line else "")
    rows = "；".join(doubt.rows)
    cell = CellRef(table=table.title, row=doubt.rows[0].split("→")[0], column="") if doubt.rows else None
    loc = Location(path=table.path or path, page=table.page, line=table.line, text=table.title, cell=cell)
    args = {"table": table.title, "where": where, "detail": doubt.detail, "rows": rows or "—",
            "offset": str(abs(doubt.offset))}
    return Direct(rule.id, key, args, locations=[loc])
