"""Tree family: the 项 listed under a 类 add up to the amount stated for that 类.

Paths are matched by lenient, rename-aware names (extract/paths.py). Items may be listed
incompletely, so a shortfall is a warning and an excess an error, as for breakdowns.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from audit.analysis import Analysis
from audit.expr import Var, sum_expr
from audit.families.base import Option
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation]:
    source = rule.params["figures"]
    classes: dict[str, object] = {}
    items: dict[str, list] = defaultdict(list)
    for f in analysis.figures:
        if f.source != source or not f.concept.startswith("科目:") or f.measure != "amount" or f.period != "current":
            continue
        names = f.concept[3:].split("|")
        if len(names) == 1:
            classes.setdefault(names[0], f)
        elif len(names) == 3 and names[0]:
            if all(g.concept != f.concept for g in items[names[0]]):
                items[names[0]].append(f)
    for name, cls in classes.items():
        parts = items.get(name)
        if not parts:
            continue
        env = {"total": cls}
        for i, p in enumerate(parts):
            env[f"p{i}"] = p
        yield Relation(rule.id, sum_expr([f"p{i}" for i in range(len(parts))]), "=", Var("total"), env,
                       target="total", soft_below=True)


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {"figures": Option(str, choices=("narrative", "table"), default="narrative")}
