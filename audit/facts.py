"""Figures of one document with the links extraction found, and lookups families share.

Lookups go from near to far (same sentence, paragraph, section, document) because a report
restates a quantity near where it uses it; the nearest statement is the one a claim means.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from audit.model import Figure


@dataclass
class ClaimInfo:
    """One sentence: where it is, the comparison words it uses and the figures it states."""

    id: int
    section: str
    text: str
    paragraph: int
    compare: int | None = None
    no_change: bool = False
    lead: str | None = None
    figures: list[int] = field(default_factory=list)


@dataclass
class Facts:
    figures: list[Figure]
    claims: dict[int, ClaimInfo] = field(default_factory=dict)
    parents: dict[int, int] = field(default_factory=dict)
    skipped: int = 0
    # The document as read, for families that judge text rather than numbers (structure,
    # wording). Arithmetic families use figures only.
    document: Any = None

    def __post_init__(self) -> None:
        self.by_concept: dict[str, list[Figure]] = defaultdict(list)
        self.by_claim: dict[int, list[Figure]] = defaultdict(list)
        for f in self.figures:
            self.by_concept[f.concept].append(f)
            if f.claim is not None:
                self.by_claim[f.claim].append(f)

    def find(self, concept: str, *, period: str = "current", measure: str = "amount",
             near: Figure | None = None, source: str | None = None) -> Figure | None:
        candidates = [f for f in self.by_concept.get(concept, ())
                      if f.period == period and f.measure == measure and (source is None or f.source == source)]
        if not candidates:
            return None
        if near is None:
            return candidates[0]

        def distance(f: Figure) -> tuple[int, int]:
            same_claim = f.claim == near.claim
            c1, c2 = self.claims.get(f.claim or -1), self.claims.get(near.claim or -1)
            same_par = c1 is not None and c2 is not None and c1.paragraph == c2.paragraph
            same_sec = f.section == near.section
            before = f.index <= near.index
            rank = 0 if same_claim else 1 if same_par else 2 if same_sec else 3
            return rank, (0 if before else 1) * 10**9 + abs(near.index - f.index)

        return min(candidates, key=distance)

    def in_claim(self, claim: int | None) -> list[Figure]:
        return self.by_claim.get(claim, []) if claim is not None else []
