"""Row-sum family: in every row, the total column equals the sum of the listed columns.

收入决算表: 本年收入合计 = 财政拨款收入 + 上级补助收入 + …; 支出决算表: 本年支出合计 = 基本支出 +
项目支出 + …; 三公 table: 合计 = 出国 + 公务用车 + 接待, for 预算数 and 决算数. Blank part cells
contribute nothing; a row whose total cell is blank is skipped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from audit.expr import Var
from audit.extract.tables import column_key
from audit.facts import Facts
from audit.kinds.breakdown import sum_expr
from audit.model import Figure
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, facts: Facts) -> Iterator[Relation]:
    table = rule.params["table"]
    total_col = column_key(rule.params["total"])
    part_cols = {column_key(c) for c in rule.params["parts"]}
    rows: dict[str, dict[str, Figure]] = defaultdict(dict)
    for f in facts.figures:
        if f.table == table and f.source == "table":
            _, row, column = f.concept.split(":", 2)
            rows[row][column] = f
    for cells in rows.values():
        total = cells.get(total_col)
        parts = [f for c, f in cells.items() if c in part_cols]
        if total is None or not parts:
            if parts:
                facts.skipped += 1
            continue
        env = {"total": total} | {f"p{i}": p for i, p in enumerate(parts)}
        yield Relation(rule.id, sum_expr([f"p{i}" for i in range(len(parts))]), "=", Var("total"), env,
                       target="total")
