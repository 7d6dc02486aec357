"""Whether a table's reading can be trusted, and whether its amounts are shifted (see
`audit/table_sums.py` for the sums; this module turns them into notes on the table).

One wrong cell breaks a few of a table's own sums; a misread table breaks most of them. When most
fail, the reading is doubtful and the table yields no error (T190 says why). If moving the amounts
some rows up or down against the labels makes the sums hold, the amounts are shifted. When the
shift runs through the whole table of a document whose places we read exactly (PDF, Word,
Excel), the document itself prints them shifted: one defect, reported once with the rows (T191).
A shift from some row on, or in a text copy, may be ours (a wrapped label joined wrongly, lines
reordered by the copy), so it stays a doubt.
"""

from __future__ import annotations

from audit.document import Table, TableDoubt
from audit.table_sums import CODED, best_shift, horizontal, mostly_failing, parse_rows, vertical

JUDGED = {"sums", "row_sums", "shift"}  # the kinds `judge` decides; the others come from readers


def judge(table: Table, exact_places: bool) -> list[TableDoubt]:
    """Doubts from the table's own sums; `exact_places`: the reader knew where each cell is."""
    if table.table_id not in CODED or not table.rows:
        return []
    rows = parse_rows(table)
    v_checks, v_fails = vertical(rows)
    h_checks, h_fails = horizontal(table.table_id, rows)
    out: list[TableDoubt] = []
    if mostly_failing(v_checks, v_fails):
        shift = best_shift(rows, v_checks)
        if shift is not None:
            start, k = shift
            first = next((i for i in range(start, len(rows)) if rows[i].cells), start)
            moved = tuple(f"{rows[i].label}→{rows[i + k].label}" for i in range(first, len(rows))
                          if rows[i].cells and 0 <= i + k < len(rows))
            whole = not any(r.cells for r in rows[:first])
            out.append(TableDoubt("shift", f"{v_fails}/{v_checks}", moved[:6], k, proven=whole and exact_places))
        else:
            out.append(TableDoubt("sums", f"{v_fails}/{v_checks}"))
    if mostly_failing(h_checks, h_fails):
        out.append(TableDoubt("row_sums", f"{h_fails}/{h_checks}"))
    return out
