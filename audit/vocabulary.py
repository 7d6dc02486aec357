"""Concepts and their synonyms, loaded from rules/concepts.yaml.

Matching is on normalised text (numbers.normalise), so synonyms are normalised the same way
at load; an auditor can write them with full-width brackets as reports do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from audit.numbers import normalise
from audit.resources import load_yaml


@dataclass(frozen=True)
class Match:
    concept: str
    start: int
    end: int


class Vocabulary:
    def __init__(self, concepts: dict[str, dict], units: dict[str, str]) -> None:
        self.kinds: dict[str, str] = {name: spec.get("kind", "money") for name, spec in concepts.items()}
        self.synonyms: dict[str, str] = {}
        for name, spec in concepts.items():
            for syn in [name, *spec.get("synonyms", [])]:
                self.synonyms.setdefault(normalise(str(syn)), name)
        alternatives = sorted(self.synonyms, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(a) for a in alternatives))
        self.units: dict[str, str] = {normalise(u): k for u, k in units.items()}
        unit_alts = sorted(self.units, key=len, reverse=True)
        self.unit_pattern = re.compile(r"\s*(" + "|".join(re.escape(u) for u in unit_alts) + ")")

    def last_concept(self, text: str) -> Match | None:
        """The concept named nearest the end of `text`: the one a following number belongs to."""
        best: Match | None = None
        for m in self._pattern.finditer(text):
            if best is None or m.end() > best.end or (m.end() == best.end and m.start() < best.start):
                best = Match(self.synonyms[m.group()], m.start(), m.end())
        return best

    def first_concept(self, text: str) -> Match | None:
        """The first concept a sentence names: what a sentence without a head amount is about."""
        m = self._pattern.search(text)
        return Match(self.synonyms[m.group()], m.start(), m.end()) if m else None

    def all_concepts(self, text: str) -> list[Match]:
        return [Match(self.synonyms[m.group()], m.start(), m.end()) for m in self._pattern.finditer(text)]

    def unit_kind(self, unit: str) -> str | None:
        return self.units.get(unit)


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    data = load_yaml("concepts.yaml")
    return Vocabulary(data["concepts"], data["units"])
