"""Row-sum family: in every row, the total column equals the sum of the listed columns.

收入决算表: 本年收入合计 = 财政拨款收入 + 上级补助收入 + …; 支出决算表: 本年支出合计 = 基本支出 +
项目支出 + …; 三公 table: 合计 = 出国 + 公务用车 + 接待, for 预算数 and 决算数. Blank part cells
contribute nothing; a row whose total cell is blank is skipped. `minus` columns are subtracted
(政府性基金表: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Generator

from audit.analysis import Analysis
from audit.expr import ZERO, BinOp, Var, sum_expr
from audit.families.base import Option, Skip
from audit.model import Figure
from audit.names import column_key
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, analysis: Analysis) -> Generator[Relation | Skip, None, None]:
    tables = rule.params["tables"] or [rule.params["table"]]
    total_col = column_key(rule.params["total"])
    part_cols = [column_key(c) for c in rule.params["parts"]]
    minus_cols = [column_key(c) for c in rule.params["minus"]]
    rows: dict[tuple[str, str], dict[str, Figure]] = defaultdict(dict)
    for f in analysis.figures:
        if f.table in tables and f.source == "table":
            _, row, column = f.concept.split(":", 2)
            rows[(f.table, row)][column] = f
    if rule.params["closed"]:
        rows = yield from _covered(rows, {total_col, *part_cols, *minus_cols})
    for cells in rows.values():
        total = cells.get(total_col)
        parts = [cells[c] for c in part_cols if c in cells]
        minus = [cells[c] for c in minus_cols if c in cells]
        if total is None or not parts + minus:
            if parts + minus:
                yield Skip("the row's total cell is blank")
            continue
        env = {"total": total} | {f"p{i}": p for i, p in enumerate(parts)} | {f"m{i}": m for i, m in enumerate(minus)}
        expr = sum_expr([f"p{i}" for i in range(len(parts))]) if parts else ZERO
        for i in range(len(minus)):
            expr = BinOp("-", expr, Var(f"m{i}"))
        yield Relation(rule.id, expr, "=", Var("total"), env, target="total")


def _covered(rows: dict[tuple[str, str], dict[str, Figure]], named: set[str]
             ) -> Generator[Skip, None, dict[tuple[str, str], dict[str, Figure]]]:
    """`closed`: the rows of the tables (or halves) whose every amount column the rule names. A table that
    prints another amount column (结转下年资金 beside 基本支出 and 项目支出) has another layout, in
    which the identity does not hold; it is skipped, once, rather than failed on every row."""
    def part(key: tuple[str, str]) -> tuple[str, str]:  # the table, and the half of Y1/T1 (收入|, 支出|)
        return key[0], key[1].split("|")[0] if "|" in key[1] else ""

    other = {part(key) for key, cells in rows.items() if set(cells) - named}
    for _ in other:
        yield Skip("the table prints an amount column the identity does not name")
    return {key: cells for key, cells in rows.items() if part(key) not in other}


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    # One table (`table`) or several with the same columns (`tables`); ONE_OF requires either.
    "table": Option(str, default=None),
    "tables": Option(list, default=None),
    "total": Option(str, required=True),
    "parts": Option(list, required=True),
    "minus": Option(list, default=()),
    # The parts and minus columns are all the table's amount columns: skip a table with others.
    "closed": Option(bool, default=False),
}
ONE_OF = (("table", "tables"),)
