"""Cross-table family `table_cells`: named cells printed in two tables must agree.

Pairs are written in the rule (`T3:合计:本年支出合计` = `T1:支出|本年支出合计:决算数`), or `<=` for
the partial orders (a 基本支出 三公 item cannot exceed the 三公 table's whole). Prints that differ by
one unit in the last place have touching rounding intervals, so they come out as rounding (info),
as the 326.71 / 326.72 class totals of real reports should.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.analysis import Analysis
from audit.expr import Var, parse, variables
from audit.families.base import Option, Skip
from audit.model import Figure
from audit.names import in_wan
from audit.relation import Relation
from audit.rulebook import Rule


def pair(rule: Rule, a: Figure, b: Figure, op: str = "=") -> Relation:
    """One quantity printed in two places: `a` (the stated one) against `b`."""
    return Relation(rule.id, Var("a"), op, Var("b"), {"a": in_wan(a), "b": in_wan(b)},
                    target="a" if op == "=" else None)


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    """Each side is a cell name or a sum of cell names; a blank cell skips the pair."""
    for written in rule.params["pairs"]:
        left, op, right = written if len(written) == 3 else (written[0], "=", written[1])
        lhs, rhs = parse(left), parse(right)
        env = {}
        for name in variables(lhs) + variables(rhs):
            fig = analysis.find(name, source="table")
            if fig is None:
                break
            env[name] = in_wan(fig)  # a table in 元 meets the others in 万元
        else:
            target = left if isinstance(lhs, Var) and op == "=" else None
            yield Relation(rule.id, lhs, "<=" if op in {"<=", "≤"} else "=", rhs, env, target=target)
            continue
        yield Skip("a cell of the pair is blank")


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {"pairs": Option(list, required=True)}
