"""Concepts and their synonyms, loaded from rules/concepts.yaml.

Matching is on normalised text (numbers.normalise), so synonyms are normalised the same way
at load; an auditor can write them with full-width brackets as reports do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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
    """`budget` adds the words only a budget uses (`budget_synonyms`, and the concepts marked
    `applies_to: budget`): “收入预算”, “支出预算” name a budget's totals, while in final accounts
    the same letters sit inside other phrases (…支出预算数为…, 年初预算), so reading them there
    would change what final accounts mean. Every concept keeps its kind either way."""

    def __init__(self, concepts: dict[str, dict], units: dict[str, str], budget: bool = False) -> None:
        self.kinds: dict[str, str] = {name: spec.get("kind", "money") for name, spec in concepts.items()}
        self.synonyms: dict[str, str] = {}
        for name, spec in concepts.items():
            if spec.get("applies_to", "both") == "budget" and not budget:
                continue
            words = [name, *spec.get("synonyms", []), *(spec.get("budget_synonyms", []) if budget else [])]
            for syn in words:
                self.synonyms.setdefault(normalise(str(syn)), name)
        # A bare total word right after a fund or source (…拨款支出预算, …基金收入预算) is that
        # fund's amount, not the total: `not_after` lists what may not stand just before it.
        self.not_after: dict[str, tuple[str, ...]] = {
            name: tuple(normalise(str(w)) for w in spec.get("not_after", ())) for name, spec in concepts.items()
            if spec.get("not_after")}
        alternatives = sorted(self.synonyms, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(a) for a in alternatives))
        self.units: dict[str, str] = {normalise(u): k for u, k in units.items()}
        unit_alts = sorted(self.units, key=len, reverse=True)
        self.unit_pattern = re.compile(r"\s*(" + "|".join(re.escape(u) for u in unit_alts) + ")")

    def _matches(self, text: str, before: str = "") -> Iterator[Match]:
        """The synonyms in `text`; `before` is what stood just before it (the tail of a sentence
        broken into two paragraphs), which a `not_after` word must not follow either."""
        for m in self._pattern.finditer(text):
            concept = self.synonyms[m.group()]
            if concept in self.not_after and (before + text[:m.start()]).endswith(self.not_after[concept]):
                continue
            yield Match(concept, m.start(), m.end())

    def last_concept(self, text: str, before: str = "") -> Match | None:
        """The concept named nearest the end of `text`: the one a following number belongs to."""
        best: Match | None = None
        for m in self._matches(text, before):
            if best is None or m.end > best.end or (m.end == best.end and m.start < best.start):
                best = m
        return best

    def first_concept(self, text: str) -> Match | None:
        """The first concept a sentence names: what a sentence without a head amount is about."""
        return next(self._matches(text), None)

    def all_concepts(self, text: str) -> list[Match]:
        return list(self._matches(text))

    def unit_kind(self, unit: str) -> str | None:
        return self.units.get(unit)


@lru_cache(maxsize=2)
def default_vocabulary(budget: bool = False) -> Vocabulary:
    """The vocabulary of final accounts, or with `budget` the one a budget is read with."""
    data = load_yaml("concepts.yaml")
    return Vocabulary(data["concepts"], data["units"], budget)
