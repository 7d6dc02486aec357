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
from typing import TYPE_CHECKING

from audit.analysis import Analysis
from audit.families.base import Direct, Option
from audit.model import CellRef, Location
from audit.rulebook import Rule

if TYPE_CHECKING:  # types only: the analysis carries the tables as read
    from audit.document import Table, TableDoubt


def bind(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    shift = rule.params["check"] == "shift"
    for table in analysis.tables:
        if not table.table_id or not table.doubts:
            continue
        proven = [d for d in table.doubts if d.kind == "shift" and d.proven]
        if shift and proven:
            yield _direct(rule, analysis.path, table, proven[0], "table_shift")
        elif not shift and not proven:
            yield _direct(rule, analysis.path, table, table.doubts[0], f"table_doubt_{table.doubts[0].kind}")


def _direct(rule: Rule, path: str, table: Table, doubt: TableDoubt, key: str) -> Direct:
    where = f"p.{table.page}" if table.page else (f"l.{table.line}" if table.line else "")
    rows = "；".join(doubt.rows)
    cell = CellRef(table=table.title, row=doubt.rows[0].split("→")[0], column="") if doubt.rows else None
    loc = Location(path=table.path or path, page=table.page, line=table.line, text=table.title, cell=cell)
    args = {"table": table.title, "where": where, "detail": doubt.detail, "rows": rows or "—",
            "offset": str(abs(doubt.offset))}
    return Direct(key, args, locations=[loc])


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {"check": Option(str, choices=("doubt", "shift"), required=True)}
