"""A table's own sums, judged on its printed cells: shared by readers (which of two readings of a
text copy is the table) and extraction (whether a reading can be trusted, and shifted amounts).

A coded table (T2, T3, T5, T6, T8, T9; a budget's Y2, Y3, Y5–Y8) checks itself twice over: down the columns (类 = Σ款 =
Σ项, 合计 = Σ类) and across the rows (合计 = 基本支出 + 项目支出 …). One wrong cell breaks a few
of these sums; a misread table — amounts given to the wrong row or column — breaks most of them.
`best_shift` finds the rows by which the amounts would have to move against the labels for the
column sums to hold.

Sums are judged with the rounding intervals of `intervals.py`: a sum fails only when no true
values inside the printed figures' intervals satisfy it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from audit.document import Table
from audit.intervals import Interval
from audit.numbers import parse_number

CODED = {"T2", "T3", "T5", "T6", "T8", "T9"} | {"Y2", "Y3", "Y5", "Y6", "Y7", "Y8", "Y10", "Y11", "Y12"}  # Y: budget
# Row identities (domain.md §3.1 T2.ROW, T3.ROW, T4.COLS, T5.ROW, T8.EXP): total column, part columns.
ROW_SUMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "T2": ("本年收入合计", ("财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")),
    "T3": ("本年支出合计", ("基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")),
    "T5": ("合计", ("基本支出", "项目支出")),
    "T4": ("合计", ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")),
    "T8": ("本年支出/合计", ("本年支出/基本支出", "本年支出/项目支出")),
    "T9": ("本年支出/合计", ("本年支出/基本支出", "本年支出/项目支出")),
    # Budget tables (docs/budgets.md §3: B.T1.ROW, B.T2.ROW, B.T3.ROW, B.T5.ROW, B.T8.ROW; Y4's funds)
    "Y1": ("合计", ("基本支出/人员经费", "基本支出/公用经费", "项目支出")),
    "Y2": ("合计", ("财政拨款收入", "事业收入", "事业单位经营收入", "其他收入")),
    "Y3": ("合计", ("基本支出", "项目支出", "单位预留机动经费", "结转下年资金")),  # the last two: Jiangsu
    "Y4": ("合计", ("一般公共预算", "政府性基金预算", "国有资本经营预算")),
    "Y5": ("合计", ("基本支出", "项目支出")),
    "Y6": ("合计", ("基本支出", "项目支出")),
    "Y7": ("合计", ("基本支出", "项目支出")),
    "Y8": ("合计", ("人员经费", "公用经费")),
}
# Tables whose one row holds several sums (Jiangsu's 三公/会议费/培训费 table, rules Y214–Y216):
# only counted by `failures`, which judges a reading of a text copy.
_SANGONG, _CARS = "三公经费/", "三公经费/公务用车购置及运行维护费/"
NESTED_SUMS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "Y14": (("合计", (_SANGONG + "小计", "会议费", "培训费")),
            (_SANGONG + "小计", (_SANGONG + "因公出国（境）费", _CARS + "小计", _SANGONG + "公务接待费")),
            (_CARS + "小计", (_CARS + "公务用车购置费", _CARS + "公务用车运行维护费"))),
}
SHIFTS = (1, 2, 3, -1, -2, -3)
_TOTALS = {"合计", "总计"}

Cells = dict[str, Interval]


@dataclass
class Row:
    code: str | None
    label: str
    section: str | None
    cells: Cells
    lost: bool = False  # its amounts went past the table's edge in a trial shift: unknown, not blank


@lru_cache(maxsize=4096)
def _interval(text: str) -> Interval | None:
    """Tables repeat their numbers (a 类 and its only 款, a row and its total): parse each once."""
    parsed = parse_number(text)
    return None if parsed is None else Interval.of(parsed.value, parsed.decimals)


def parse_rows(table: Table) -> list[Row]:
    out = []
    for r in table.rows:
        cells: Cells = {}
        for c in r.cells:
            interval = _interval(c.text)
            if interval is not None:
                cells[c.column] = interval
        out.append(Row(r.code, r.label, r.section, cells))
    return out


def _bare(label: str) -> str:
    return re.sub(r"[\s:：]", "", label)


def failures(table: Table) -> int:
    """How many of the table's own sums fail: the lower, the more consistent the reading."""
    if table.table_id in NESTED_SUMS:
        return _nested(NESTED_SUMS[table.table_id], parse_rows(table))
    if table.table_id not in ROW_SUMS and table.table_id not in CODED:
        return 0
    rows = parse_rows(table)
    return vertical(rows)[1] + horizontal(table.table_id, rows)[1]


def _nested(sums: tuple[tuple[str, tuple[str, ...]], ...], rows: list[Row]) -> int:
    """Failing sums of rows holding several: a blank part is zero, as the rules read it."""
    fails = 0
    for r in rows:
        for total, parts in sums:
            found = [r.cells[p] for p in parts if p in r.cells]
            if total in r.cells and found:
                fails += not _sum(found).intersects(r.cells[total])
    return fails


def _sum(parts: list[Interval]) -> Interval:
    total = Interval.exact(Decimal(0))
    for p in parts:
        total = total + p
    return total


def vertical(rows: list[Row]) -> tuple[int, int]:
    """(checks, failures) of 类 = Σ款 = Σ项 and 合计 = Σ类, per column; blank children are zero."""
    checks = fails = 0
    by_code = {r.code: r for r in rows if r.code}
    codes = sorted(by_code)
    columns = {c for r in rows for c in r.cells}
    tops = [c for c in codes if not any(c[:n] in by_code for n in range(3, len(c)))]
    top_len = min((len(c) for c in tops), default=0)
    groups = [(by_code[p], _children(p, codes)) for p in codes]
    groups += [(r, [c for c in tops if len(c) == top_len]) for r in rows if not r.code and _bare(r.label) in _TOTALS]
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


def horizontal(table_id: str, rows: list[Row]) -> tuple[int, int]:
    checks = fails = 0
    total, parts = ROW_SUMS.get(table_id, ("", ()))
    named = {total, *parts}
    for r in rows:
        if table_id.startswith("Y") and set(r.cells) - named:
            continue  # budget sets differ in layout: a row with another amount column is not covered
        found = [r.cells[p] for p in parts if p in r.cells]
        if total in r.cells and found:
            checks += 1
            fails += not _sum(found).intersects(r.cells[total])
    return checks, fails


def mostly_failing(checks: int, fails: int) -> bool:
    return fails >= 3 and 2 * fails > checks


def shifted(rows: list[Row], start: int, k: int) -> list[Row]:
    """Amounts of the rows from `start` on moved k rows down (k < 0: up) against their labels."""
    out = [Row(r.code, r.label, r.section, dict(r.cells), i >= start) for i, r in enumerate(rows)]
    for i in range(start, len(rows)):
        j = i - k
        if start <= j < len(rows) and rows[j].section == rows[i].section:
            out[i].cells, out[i].lost = dict(rows[j].cells), False
    return out


def best_shift(rows: list[Row], checks: int) -> tuple[int, int] | None:
    """(start row, k) that makes the column sums hold, the whole-table shift preferred."""
    found: list[tuple[int, int, int]] = []
    for start in range(len(rows)):
        if not rows[start].cells and start:
            continue
        for k in SHIFTS:
            n, f = vertical(shifted(rows, start, k))
            if n >= 3 and f * 10 <= n and n * 2 >= checks:
                found.append((f, start, k))
        if found:
            break
    if not found:
        return None
    _, start, k = min(found)
    return start, k


