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
from audit.numbers import representable
from audit.relation import Verdict, check, solve

BAD = {"fail"}


@dataclass(frozen=True)
class Diagnosis:
    suspect: Figure
    value: Decimal | None


def diagnose(verdicts: list[Verdict]) -> dict[int, Diagnosis]:
    """Map id(verdict) of each failed verdict to its suspect figure and suggested value."""
    by_fig: dict[int, list[Verdict]] = defaultdict(list)
    for v in verdicts:
        for f in v.relation.env.values():
            by_fig[f.index].append(v)
    out: dict[int, Diagnosis] = {}
    for v in verdicts:
        if v.status not in BAD:
            continue
        best: tuple[tuple, Diagnosis] | None = None
        for name, fig in v.relation.env.items():
            for value in _solutions(v, fig, by_fig):
                scored = _score(v, name, fig, value, by_fig)
                if scored is not None and (best is None or scored[0] > best[0]):
                    best = scored
        if best is not None:
            out[id(v)] = best[1]
        else:
            target = v.relation.env.get(v.relation.target or "")
            if target is not None:
                out[id(v)] = Diagnosis(target, None)
    return out


def _solutions(v: Verdict, fig: Figure, by_fig: dict[int, list[Verdict]]) -> list[Decimal]:
    """Values for `fig` that would satisfy each failed relation it is in, this one first.

    A suggestion is written with as many decimals as the figures it is compared with (a 0.3
    stated against a table's 2,961.68 should read 2961.68, not 2961.7).
    """
    values: list[Decimal] = []
    decimals = max([fig.decimals] + [f.decimals for f in v.relation.env.values() if f.unit == fig.unit])
    for other in [v] + [o for o in by_fig[fig.index] if o is not v and o.status in BAD]:
        for n, f in other.relation.env.items():
            if f.index == fig.index:
                value = solve(other.relation, n)
                # A value that could not be written as a figure (∞, 1E+40) is no suggestion.
                if value is not None and representable(value, decimals):
                    values.append(quantize(value, decimals))
    return list(dict.fromkeys(values))


def _score(v: Verdict, name: str, fig: Figure, value: Decimal,
           by_fig: dict[int, list[Verdict]]) -> tuple[tuple, Diagnosis] | None:
    """How many failed relations `fig = value` repairs, or None if it breaks one that held."""
    candidate = replace(fig, value=value)
    fixes = 0
    for other in by_fig[fig.index]:
        names = [n for n, f in other.relation.env.items() if f.index == fig.index]
        after = check(other.relation, {n: candidate for n in names}).status
        if other.status in BAD and after not in BAD:
            fixes += 1
        elif after in BAD:
            return None
    return (fixes, name == v.relation.target, -len(by_fig[fig.index])), Diagnosis(fig, value)
