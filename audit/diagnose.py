"""Which figure is most likely wrong, and the value it would need.

For each failed relation, every figure in it is tried in turn: solve the relation for that
figure, round to the figure's decimals, and re-check every relation the figure takes part in.
A candidate is valid when it repairs the failed relation and breaks none that held. Among valid
candidates the one repairing most failed relations wins; ties go to the stated result of the
relation (a share, a change, a total) and then to the figure that takes part in fewest
relations, because a figure restated consistently elsewhere is corroborated.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from audit.intervals import quantize
from audit.model import Figure
from audit.numbers import parse_number, representable
from audit.relation import Verdict, check, solve

BAD = {"fail"}


@dataclass(frozen=True)
class Diagnosis:
    suspect: Figure
    value: Decimal | None


# Bounds that keep diagnosis linear in the size of a document (issue 14: a text of a thousand
# figures took minutes, cubic in how often a quantity is restated). A figure in more relations
# than MAX_RELATIONS is corroborated or contradicted so often that no single value is a
# credible suggestion for it; a figure tries at most MAX_CANDIDATES values, this relation's first.
MAX_RELATIONS = 40
MAX_CANDIDATES = 8


def diagnose(verdicts: list[Verdict]) -> dict[int, Diagnosis]:
    """Map id(verdict) of each failed verdict to its suspect figure and suggested value."""
    search = _Search(verdicts)
    out: dict[int, Diagnosis] = {}
    for v in verdicts:
        if v.status not in BAD:
            continue
        best: tuple[tuple, Diagnosis] | None = None
        for name, fig in v.relation.env.items():
            if len(search.by_fig[fig.index]) > MAX_RELATIONS:
                continue
            for value in search.solutions(v, fig):
                fixes = search.repairs(fig, value)
                if fixes is None:
                    continue
                scored = ((fixes, name == v.relation.target, -len(search.by_fig[fig.index])), Diagnosis(fig, value))
                if best is None or scored[0] > best[0]:
                    best = scored
        if best is not None:
            out[id(v)] = best[1]
        else:
            target = v.relation.env.get(v.relation.target or "")
            if target is not None:
                out[id(v)] = Diagnosis(target, None)
    return out


class _Search:
    """The relations each figure is in, with solving and re-checking done once per figure and
    value however many failed relations ask."""

    def __init__(self, verdicts: list[Verdict]) -> None:
        self.by_fig: dict[int, list[Verdict]] = defaultdict(list)
        for v in verdicts:
            for f in v.relation.env.values():
                self.by_fig[f.index].append(v)
        self._solved: dict[tuple[int, str], Decimal | None] = {}
        self._repairs: dict[tuple[int, str], int | None] = {}

    def solutions(self, v: Verdict, fig: Figure) -> list[Decimal]:
        """Values for `fig` that would satisfy each failed relation it is in, this one first.

        A suggestion is written with as many decimals as the figures it is compared with (a 0.3
        stated against a table's 1,234.56 should read 1234.56, not 1234.6), as they are written:
        a table's 6,964,796 元 met in 万元 (696.4796) asks for 696.48 in a narrative of 2 decimals.
        """
        values: dict[Decimal, None] = {}
        decimals = max([fig.decimals] + [_written(f) for f in v.relation.env.values() if f.unit == fig.unit])
        for other in [v] + [o for o in self.by_fig[fig.index] if o is not v and o.status in BAD]:
            for n, f in other.relation.env.items():
                value = self._solve(other, n) if f.index == fig.index else None
                # A value that could not be written as a figure (∞, 1E+40) is no suggestion.
                if value is not None and representable(value, decimals):
                    values.setdefault(quantize(value, decimals), None)
                    if len(values) >= MAX_CANDIDATES:
                        return list(values)
        return list(values)

    def _solve(self, v: Verdict, name: str) -> Decimal | None:
        key = (id(v), name)
        if key not in self._solved:
            self._solved[key] = solve(v.relation, name)
        return self._solved[key]

    def repairs(self, fig: Figure, value: Decimal) -> int | None:
        """How many failed relations `fig = value` repairs, or None if it breaks one that held."""
        key = (fig.index, str(value))
        if key not in self._repairs:
            self._repairs[key] = self._count_repairs(fig, value)
        return self._repairs[key]

    def _count_repairs(self, fig: Figure, value: Decimal) -> int | None:
        candidate = replace(fig, value=value)
        fixes = 0
        for other in self.by_fig[fig.index]:
            names = [n for n, f in other.relation.env.items() if f.index == fig.index]
            after = check(other.relation, {n: candidate for n in names}).status
            if other.status in BAD and after not in BAD:
                fixes += 1
            elif after in BAD:
                return None
        return fixes


def _written(f: Figure) -> int:
    """The decimals a figure is written with: a table's 元 met in 万元 (`names.in_wan`) carries four
    more than its print, which no suggestion in 万元 should copy."""
    parsed = parse_number(f.location.text) if f.location.text else None
    return min(f.decimals, parsed.decimals) if parsed is not None else f.decimals
