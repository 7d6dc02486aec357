"""Empty-table family: a fund the report says it does not have leaves no money anywhere else.

When 政府性基金 (T8) or 国有资本经营 (T9) money is declared absent — the table printed empty with
its note (“…本表无数据”), or the 情况说明 saying “无政府性基金预算财政拨款收入和支出” — the cells
that carry the same money in the summary tables (T1 收入 二/三, T4 收入 and its column) must be
blank or zero, and the table itself must hold no amounts. Blank cells are not figures, so only
a printed non-zero amount can contradict the declaration. The reverse holds too: `concepts`
names the narrative amounts of that money (this year's only — last year may have had some),
which must not be stated non-zero when the table is declared empty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.analysis import Analysis
from audit.families.base import Direct, Option
from audit.model import Location
from audit.names import column_key
from audit.rulebook import Rule


def bind(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    table_id = rule.params["table"]
    declared = _declaration(analysis, table_id, re.compile(rule.params["narrative"]))
    if declared is None:
        return
    where, how = declared
    cells = set(rule.params["cells"])
    columns = [(c["table"], column_key(c["column"])) for c in rule.params["columns"]]
    concepts = set(rule.params["concepts"])
    periods = set(rule.params["periods"])
    for f in analysis.figures:
        if f.value == 0:
            continue
        if f.source != "table":
            stated = f.concept in concepts and f.period in periods and f.measure == "amount"
        else:
            column = f.concept.rsplit(":", 1)[-1]
            stated = f.table == table_id or f.concept in cells or (f.table, column) in columns
        if stated:
            yield Direct("declared_empty", {"how": how, "text": f.text}, figures=[f],
                         locations=[where] if where else [])


def _declaration(analysis: Analysis, table_id: str, phrase: re.Pattern[str]) -> tuple[Location | None, str] | None:
    for table in analysis.tables:
        if table.table_id == table_id and not table.rows and table.empty_note:
            return Location(path=table.path or analysis.path, page=table.page, text=table.empty_note), table.empty_note
    for st in analysis.outline.streams:
        m = phrase.search(st.text)
        if m:
            first = st.lines[0]
            loc = Location(path=first.path or analysis.path, page=first.page, line=first.line,
                           paragraph=first.paragraph, text=m.group())
            return loc, m.group()
    return None


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "table": Option(str, required=True),
    "narrative": Option(str, required=True),
    "cells": Option(list, default=()),
    "columns": Option(list, default=()),
    # Narrative concepts of the same money, stated this year (the reverse of the declaration).
    "concepts": Option(list, default=()),
    # Their periods that are this year: a budget writes this year's amount “预算X万元” (budget);
    # in final accounts a budget figure is the year's plan, which may have had such money.
    "periods": Option(list, default=("current",)),
}
