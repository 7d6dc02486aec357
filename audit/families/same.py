"""Same-figure family: one quantity stated in several places must agree everywhere.

Figures are the same quantity when both statements name the same item (the same 类/款/项 path
or the same named total, each in its own sentence: a subject carried from an earlier sentence
names nothing there), and period (with its basis: 年初预算 is not 调整预算), measure, the whole of a
share, direction and unit match within one section (`scope: section`, the default: a bare 基本支出
can mean different money in different sections) or anywhere (`scope: document`). Each later
statement is compared with the first; two prints agree when their rounding intervals overlap,
so 6.2 and 6.20 agree while 326.71 and 326.72 do not (that pair is judged as rounding by the
diagnosis when the children explain it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from audit.analysis import Analysis
from audit.expr import Var
from audit.families.base import Option, Skip
from audit.relation import Relation
from audit.rulebook import Rule


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    sources = set(rule.params.get("sources", ["narrative"]))
    groups: dict[tuple, list] = defaultdict(list)
    for f in analysis.figures:
        if f.source not in sources or f.concept.startswith("claim:") or f.binding != "explicit":
            continue
        scope = (f.section or "").split(" / ")[0] if rule.params.get("scope", "section") == "section" else ""
        groups[(f.concept, f.measure, f.period, f.basis, f.of, f.unit, f.direction, scope)].append(f)
    for figs in groups.values():
        if len({f.source for f in figs}) < len(sources) and len(sources) > 1:
            continue
        first = figs[0]
        for other in figs[1:]:
            if len(sources) > 1 and other.source == first.source:
                continue
            yield Relation(rule.id, Var("b"), "=", Var("a"), {"a": first, "b": other}, target="b")


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "scope": Option(str, choices=("section", "document"), default="section"),
    "sources": Option(list, default=("narrative",)),
}
