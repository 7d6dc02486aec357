"""Cross-table and narrative-vs-table families: one quantity printed in two places must agree.

- `cells`: named pairs (`T3:合计:本年支出合计` = `T1:支出|本年支出合计:决算数`), or `<=` for the
  partial orders (a 基本支出 三公 item cannot exceed the 三公 table's whole).
- `rows`: every row of one table against the row of another that stands for the same 科目,
  matched by code, or for class rows by rename-aware name (T1/T4 print class rows without codes).
- `narrative`: every statement of a concept in the 情况说明 against the cell that holds it.
- `narrative_items`: 类 and 类/款/项 amounts in the 情况说明 against the same 科目 in a table.

Prints that differ by one unit in the last place have touching rounding intervals, so they come
out as rounding (info), as the 326.71 / 326.72 class totals of real reports should.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.expr import Var, parse, variables
from audit.extract.paths import canonical
from audit.extract.tables import column_key, in_wan
from audit.facts import Facts
from audit.model import Figure
from audit.relation import Relation
from audit.rulebook import Rule


def _pair(rule: Rule, a: Figure, b: Figure, op: str = "=") -> Relation:
    return Relation(rule.id, Var("a"), op, Var("b"), {"a": in_wan(a), "b": in_wan(b)},
                    target="a" if op == "=" else None)


def cells(rule: Rule, facts: Facts) -> Iterator[Relation]:
    """Each side is a cell name or a sum of cell names; a blank cell skips the pair."""
    for pair in rule.params["pairs"]:
        left, op, right = pair if len(pair) == 3 else (pair[0], "=", pair[1])
        lhs, rhs = parse(left), parse(right)
        env = {}
        for name in variables(lhs) + variables(rhs):
            fig = facts.find(name, source="table")
            if fig is None:
                break
            env[name] = in_wan(fig)  # a table in 元 meets the others in 万元
        else:
            target = left if isinstance(lhs, Var) and op == "=" else None
            yield Relation(rule.id, lhs, "<=" if op in {"<=", "≤"} else "=", rhs, env, target=target)
            continue
        facts.skipped += 1


def _row_identity(f: Figure) -> tuple[str, str]:
    label = f.location.cell.row.split(":")[-1] if f.location.cell else ""
    if f.code and len(f.code) > 3:
        return ("code", f.code)
    return ("class", canonical(label))


def _table_cells(facts: Facts, spec: dict) -> dict[tuple[str, str], Figure]:
    out: dict[tuple[str, str], Figure] = {}
    column = column_key(spec["column"])
    section = spec.get("section")
    for f in facts.figures:
        if f.table != spec["table"] or f.source != "table":
            continue
        _, row, col = f.concept.split(":", 2)
        if col != column or (section and not row.startswith(section + "|")):
            continue
        if not f.code and not row.split("|")[-1].endswith("支出"):
            continue  # totals and balance rows are compared by name in `cells` rules
        out.setdefault(_row_identity(f), f)
    return out


def rows(rule: Rule, facts: Facts) -> Iterator[Relation]:
    """`left`/`right`, or a list `pairs_of_tables` of such pairs checked under one rule id."""
    pairs = rule.params.get("pairs_of_tables") or [{"left": rule.params["left"], "right": rule.params["right"]}]
    for pair in pairs:
        yield from _rows(rule, facts, pair["left"], pair["right"])


def _rows(rule: Rule, facts: Facts, left_spec: dict, right_spec: dict) -> Iterator[Relation]:
    left, right = _table_cells(facts, left_spec), _table_cells(facts, right_spec)
    op = rule.params.get("op", "=")
    for ident, a in left.items():
        b = right.get(ident)
        if b is None:
            if ident[0] == "class" and right:
                facts.skipped += 1
            continue
        yield _pair(rule, a, b, op)


def narrative(rule: Rule, facts: Facts) -> Iterator[Relation]:
    for entry in rule.params["pairs"]:
        cell = facts.find(entry["cell"], source="table")
        stated = [f for f in facts.by_concept.get(entry["concept"], ())
                  if f.source == "narrative" and f.measure == "amount" and f.period == entry.get("period", "current")]
        if cell is None:
            facts.skipped += len(stated)
            continue
        for f in stated:
            yield _pair(rule, f, cell, entry.get("op", "="))


def narrative_items(rule: Rule, facts: Facts) -> Iterator[Relation]:
    table, column = rule.params["table"], column_key(rule.params["column"])
    names: dict[str, str] = {}
    by_code: dict[str, Figure] = {}
    for f in facts.figures:
        if f.table == table and f.source == "table" and f.code and f.concept.endswith(":" + column):
            by_code[f.code] = f
            names[f.code] = canonical(f.location.cell.row if f.location.cell else "")
    by_path: dict[str, Figure] = {}
    for code, f in by_code.items():
        parts = [names.get(code[:n]) for n in (3, 5, 7) if len(code) >= n]
        if all(parts):
            by_path["科目:" + "|".join(p for p in parts if p)] = f
    if not by_path:
        return
    for f in facts.figures:
        if f.source != "narrative" or not f.concept.startswith("科目:") or f.measure != "amount" or f.period != "current":
            continue
        cell = by_path.get(f.concept)
        if cell is None:
            facts.skipped += 1
            continue
        yield _pair(rule, f, cell)
