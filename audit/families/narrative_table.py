"""Family `narrative_table`: every statement of a concept in the 情况说明 against the table cell
that holds the same quantity.

A pair names the concept, the cell and, optionally:
* `period`: the period (or list of periods) of the stated amount — a budget writes this year's
  total “收入预算X万元” (budget) or “收入预算总计X万元” (current); default current;
* `parent`: the stated amount counts only as a part listed under an amount of this concept (or list)
  (“本年支出预算合计X万元，其中：基本支出Y万元”): the same words name other scopes elsewhere
  (“财政拨款基本支出”), and only the head of the list says which one is meant;
* `blank: zero`: a blank cell is zero where the reading shows it printed blank (a table printed
  empty with its note — “0万元” against an empty 政府性基金 table —, or a blank cell in a row and a
  column that print other amounts); a table, row or column not read is still a skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from audit.analysis import Analysis
from audit.expr import Num, Var
from audit.families.base import Option, Skip
from audit.families.table_cells import pair
from audit.model import Figure
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    for entry in rule.params["pairs"]:
        cell = analysis.find(entry["cell"], source="table")
        stated = _stated(entry, analysis)
        if cell is None and entry.get("blank") == "zero" and _blank_is_zero(analysis, entry["cell"]):
            yield from (Relation(rule.id, Var("a"), "=", Num(Decimal(0)), {"a": f}, target="a") for f in stated)
            continue
        if cell is None:
            yield from (Skip("the table cell for a stated quantity is blank") for _ in stated)
            continue
        for f in stated:
            yield pair(rule, f, cell, entry.get("op", "="))


def _stated(entry: dict, analysis: Analysis) -> list[Figure]:
    """The narrative's amounts of the pair's concept, period and (when asked) list head."""
    periods = entry.get("period", "current")
    periods = (periods,) if isinstance(periods, str) else tuple(periods)
    out = []
    for f in analysis.by_concept.get(entry["concept"], ()):
        if f.source != "narrative" or f.measure != "amount" or f.period not in periods:
            continue
        if "parent" in entry:
            heads = (entry["parent"],) if isinstance(entry["parent"], str) else tuple(entry["parent"])
            head = analysis.parents.get(f.index)
            if head is None or analysis.figures[head].concept not in heads:
                continue
        out.append(f)
    return out


def _blank_is_zero(analysis: Analysis, cell: str) -> bool:
    """A blank cell is zero only where the reading shows it printed blank: its table was read
    without doubt and either printed empty (its note, no amount at all), or printed amounts both
    in the cell's row and in the cell's column. A cell of a row or column never read is unknown."""
    table, row, column = cell.split(":", 2)
    if not any(t.table_id == table and not t.doubts for t in analysis.tables):
        return False
    names = [f.concept for f in analysis.figures if f.source == "table" and f.table == table]
    if not names:
        return True
    in_row = any(n.startswith(f"{table}:{row}:") for n in names)
    in_column = any(n.endswith(f":{column}") for n in names)
    return in_row and in_column


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {"pairs": Option(list, required=True)}
