"""Whether a table's own sums allow trusting its reading, and whether its amounts are shifted.

A coded table (T2, T3, T5, T6, T8, T9) checks itself twice over: down the columns (类 = Σ款 =
Σ项, 合计 = Σ类) and across the rows (合计 = 基本支出 + 项目支出 …). One wrong cell breaks a few
of these sums; a misread table — amounts given to the wrong row or column — breaks most of them.
When most fail, the reading is doubtful and the table yields no error (a warning says why).

If moving the amounts some rows up or down against the labels makes the sums hold, the amounts
are shifted. When the shift runs through the whole table of a document whose places we read
exactly (PDF, Word, Excel), the document itself prints them shifted: that is one defect, reported
once with the rows. A shift from some row on, or in a text copy, may be ours (a wrapped label
joined wrongly, lines reordered by the copy), so it stays a doubt.

Sums are judged with the rounding intervals of `intervals.py`: a sum fails only when no true
values inside the printed figures' intervals satisfy it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from audit.document import Table, TableDoubt
from audit.extract.tables import clean
from audit.intervals import Interval
from audit.numbers import parse_number

CODED = {"T2", "T3", "T5", "T6", "T8", "T9"}
# Row identities (domain.md §3.1 T2.ROW, T3.ROW, T5.ROW, T8.EXP): total column, part columns.
ROW_SUMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "T2": ("本年收入合计", ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")),
    "T3": ("本年支出合计", ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")),
    "T5": ("合计", ("基本支出", "项目支出")),
    "T8": ("本年支出/合计", ("本年支出/基本支出", "本年支出/项目支出")),
    "T9": ("本年支出/合计", ("本年支出/基本支出", "本年支出/项目支出")),
}
SHIFTS = (1, 2, 3, -1, -2, -3)
JUDGED = {"sums", "row_sums", "shift"}  # the kinds `judge` decides; the others come from readers
_TOTALS = {"合计", "总计"}

Cells = dict[str, Interval]


@dataclass
class _Row:
    code: str | None
    label: str
    section: str | None
    cells: Cells
    lost: bool = False  # its amounts went past the table's edge in a trial shift: unknown, not blank


def _rows(table: Table) -> list[_Row]:
    out = []
    for r in table.rows:
        cells: Cells = {}
        for c in r.cells:
            parsed = parse_number(c.text)
            if parsed is not None:
                cells[c.column] = Interval.of(parsed.value, parsed.decimals)
        out.append(_Row(r.code, r.label, r.section, cells))
    return out


def _sum(parts: list[Interval]) -> Interval:
    total = Interval.exact(Decimal(0))
    for p in parts:
        total = total + p
    return total


def _vertical(rows: list[_Row]) -> tuple[int, int]:
    """(checks, failures) of 类 = Σ款 = Σ项 and 合计 = Σ类, per column; blank children are zero."""
    checks = fails = 0
    by_code = {r.code: r for r in rows if r.code}
    codes = sorted(by_code)
    columns = {c for r in rows for c in r.cells}
    tops = [c for c in codes if not any(p != c and c.startswith(p) for p in codes)]
    top_len = min((len(c) for c in tops), default=0)
    groups = [(by_code[p], _children(p, codes)) for p in codes]
    groups += [(r, [c for c in tops if len(c) == top_len]) for r in rows if not r.code and clean(r.label) in _TOTALS]
    for row, kids in groups:
        if not kids or row.lost or any(by_code[k].lost for k in kids):
            continue
        parent = row.cells
        for col in columns:
            parts = [by_code[k].cells[col] for k in kids if col in by_code[k].cells]
            if col not in parent or not parts:
                continue
            checks += 1
            fails += not _sum(parts).intersects(parent[col])
    return checks, fails


def _children(parent: str, codes: list[str]) -> list[str]:
    longer = [c for c in codes if c.startswith(parent) and len(c) > len(parent)]
    step = min((len(c) for c in longer), default=0)
    return [c for c in longer if len(c) == step]


def _horizontal(table_id: str, rows: list[_Row]) -> tuple[int, int]:
    checks = fails = 0
    total, parts = ROW_SUMS.get(table_id, ("", ()))
    for r in rows:
        found = [r.cells[p] for p in parts if p in r.cells]
        if total in r.cells and found:
            checks += 1
            fails += not _sum(found).intersects(r.cells[total])
    return checks, fails


def _mostly_failing(checks: int, fails: int) -> bool:
    return fails >= 3 and 2 * fails > checks


def _shifted(rows: list[_Row], start: int, k: int) -> list[_Row]:
    """Amounts of the rows from `start` on moved k rows down (k < 0: up) against their labels."""
    out = [_Row(r.code, r.label, r.section, dict(r.cells), i >= start) for i, r in enumerate(rows)]
    for i in range(start, len(rows)):
        j = i - k
        if start <= j < len(rows) and rows[j].section == rows[i].section:
            out[i].cells, out[i].lost = dict(rows[j].cells), False
    return out


def _best_shift(rows: list[_Row], checks: int) -> tuple[int, int] | None:
    """(start row, k) that makes the column sums hold, the whole-table shift preferred."""
    found: list[tuple[int, int, int]] = []
    for start in range(len(rows)):
        if not rows[start].cells and start:
            continue
        for k in SHIFTS:
            n, f = _vertical(_shifted(rows, start, k))
            if n >= 3 and f * 10 <= n and n * 2 >= checks:
                found.append((f, start, k))
        if found:
            break
    if not found:
        return None
    _, start, k = min(found)
    return start, k


def judge(table: Table, exact_places: bool) -> list[TableDoubt]:
    """Doubts from the table's own sums; `exact_places`: the reader knew where each cell is."""
    if table.table_id not in CODED or not table.rows:
        return []
    rows = _rows(table)
    v_checks, v_fails = _vertical(rows)
    h_checks, h_fails = _horizontal(table.table_id, rows)
    out: list[TableDoubt] = []
    if _mostly_failing(v_checks, v_fails):
        shift = _best_shift(rows, v_checks)
        if shift is not None:
            start, k = shift
            first = next((i for i in range(start, len(rows)) if rows[i].cells), start)
            moved = tuple(f"{rows[i].label}→{rows[i + k].label}" for i in range(first, len(rows))
                          if rows[i].cells and 0 <= i + k < len(rows))
            whole = not any(r.cells for r in rows[:first])
            out.append(TableDoubt("shift", f"{v_fails}/{v_checks}", moved[:6], k, proven=whole and exact_places))
        else:
            out.append(TableDoubt("sums", f"{v_fails}/{v_checks}"))
    if _mostly_failing(h_checks, h_fails):
        out.append(TableDoubt("row_sums", f"{h_fails}/{h_checks}"))
    return out
