"""Numbered-rows family: in one half of a table, the numbered rows add up to its total row.

收入支出决算总表 and 财政拨款收入支出决算总表 list the expenditure classes as numbered rows (一、一般公共
服务支出 … 二十六、抗疫特别国债安排的支出) without codes, and which classes appear varies by year
and province, so the parts cannot be named in YAML: every numbered row of the half is a part.
Per column: T1.OUT_ROWS (本年支出合计 = Σ 类), and the same in each column of T4's 支出 half.
A blank numbered row contributes nothing; a blank total skips the column.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from audit.analysis import Analysis
from audit.expr import Var, sum_expr
from audit.families.base import Option, Skip
from audit.model import Figure
from audit.names import clean, numbered
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    for table in rule.params["tables"] or [rule.params["table"]]:
        yield from _table(rule, analysis, table)


def _table(rule: Rule, analysis: Analysis, table: str) -> Iterator[Relation | Skip]:
    section, total = rule.params["section"], clean(rule.params["total"])
    parts: dict[str, list[Figure]] = defaultdict(list)
    totals: dict[str, Figure] = {}
    for f in analysis.figures:
        if f.table != table or f.source != "table" or not f.location.cell:
            continue
        half, _, label = f.location.cell.row.partition(":")
        if half != section:
            continue
        column = f.concept.rsplit(":", 1)[-1]
        if numbered(label):
            parts[column].append(f)
        elif clean(label) == total:
            totals[column] = f
    for column, head in totals.items():
        found = parts.get(column, [])
        if not found:
            yield Skip("no numbered row has an amount in this column")
            continue
        env = {"total": head} | {f"p{i}": p for i, p in enumerate(found)}
        yield Relation(rule.id, sum_expr([f"p{i}" for i in range(len(found))]), "=", Var("total"), env,
                       target="total")


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    # One table (`table`) or several with the same halves and total row (`tables`: Y1, Y4).
    "table": Option(str, default=None),
    "tables": Option(list, default=None),
    "section": Option(str, required=True),
    "total": Option(str, required=True),
}
ONE_OF = (("table", "tables"),)
