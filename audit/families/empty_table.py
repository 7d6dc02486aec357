"""Empty-table family: a fund the report says it does not have leaves no money anywhere else.

When 政府性基金 (T8) or 国有资本经营 (T9) money is declared absent — the table printed empty with
its note (“…本表无数据”), or the 情况说明 saying “无政府性基金预算财政拨款收入和支出” — the cells
that carry the same money in the summary tables (T1 收入 二/三, T4 收入 and its column) must be
blank or zero, and the table itself must hold no amounts. Blank cells are not figures, so only
a printed non-zero amount can contradict the declaration.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.extract.tables import column_key
from audit.facts import Facts
from audit.families.base import Direct
from audit.model import Location
from audit.numbers import normalise
from audit.rulebook import Rule


def bind(rule: Rule, facts: Facts) -> Iterator[Direct]:
    table_id = rule.params["table"]
    declared = _declaration(facts, table_id, re.compile(rule.params["narrative"]))
    if declared is None:
        return
    where, how = declared
    cells = set(rule.params.get("cells", []))
    columns = [(c["table"], column_key(c["column"])) for c in rule.params.get("columns", [])]
    for f in facts.figures:
        if f.source != "table" or f.value == 0:
            continue
        column = f.concept.rsplit(":", 1)[-1]
        if f.table == table_id or f.concept in cells or (f.table, column) in columns:
            yield Direct(rule.id, "declared_empty", {"how": how, "text": f.text}, figures=[f],
                         locations=[where] if where else [])


def _declaration(facts: Facts, table_id: str, phrase: re.Pattern[str]) -> tuple[Location | None, str] | None:
    doc = facts.document
    if doc is None:
        return None
    for table in doc.tables:
        if table.table_id == table_id and not table.rows and table.empty_note:
            return Location(path=table.path or doc.path, page=table.page, text=table.empty_note), table.empty_note
    for paragraph in doc.paragraphs:
        text = normalise("".join(ln.text for ln in paragraph.lines))
        m = phrase.search(text)
        if m:
            first = paragraph.lines[0]
            loc = Location(path=first.path or doc.path, page=first.page, line=first.line, paragraph=first.paragraph,
                           text=m.group())
            return loc, m.group()
    return None
