"""One document as extraction understood it: the only thing rule families read.

Extraction builds an `Analysis` once per document and nothing changes it afterwards: the figures
with their claims and parent links, the section label of every paragraph, the outline (paragraph
texts, headings, report year and kind, department), the tables as read and the performance
self-evaluation forms with each cell linked to its figure. A family that needs to know something
new about a document gets it added here by extraction, never by reading the document itself, so
the stages keep one direction: read → extract → evaluate.

Lookups go from near to far (same sentence, paragraph, section, document) because a report
restates a quantity near where it uses it; the nearest statement is the one a claim means.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from audit.facts import ClaimInfo
from audit.model import Figure, Location

if TYPE_CHECKING:  # types only: the analysis holds them, it never builds them
    from audit.document import Table
    from audit.extract.report_kind import ReportKind
    from audit.extract.stream import Stream


@dataclass(frozen=True)
class Heading:
    """A heading paragraph. `level` 0 = 第X部分, 1 = 一、, 2 = （一）; `number` None when unnumbered."""

    level: int
    number: int | None
    title: str
    text: str
    location: Location
    paragraph: int
    contents: bool = False


@dataclass(frozen=True)
class Outline:
    """The report as a reader sees its shape: paragraphs, headings, who and which year.

    `year` is the fiscal year the report is about; `kind` (决算 | 预算) is set only when a title
    line says both, which is when year-dependent checks trust the year. `department` is the
    filing department or unit when a title names it.
    """

    streams: tuple[Stream, ...] = ()
    headings: tuple[Heading, ...] = ()
    year: int | None = None
    kind: str | None = None
    department: str | None = None
    # 决算 or 预算, 部门 or 单位, as the title, table titles or body say (decides which rules run).
    report: ReportKind | None = None

    @property
    def report_year(self) -> tuple[int, str] | None:
        """(year, 决算|预算) when the report's title states them, else None."""
        return (self.year, self.kind) if self.year is not None and self.kind is not None else None


@dataclass(frozen=True)
class PerfCell:
    """One cell of a self-evaluation form as written; `figure` is its number, if it holds one."""

    text: str
    location: Location
    figure: Figure | None = None

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class FundRow:
    label: str
    cells: Mapping[str, PerfCell] = field(default_factory=dict)


@dataclass(frozen=True)
class Indicator:
    names: tuple[str, str, str]
    cells: Mapping[str, PerfCell] = field(default_factory=dict)


@dataclass(frozen=True)
class PerfForm:
    """One 项目支出绩效自评表: fund rows, indicator rows and the totals, every cell placed."""

    name: str
    location: Location
    funds: tuple[FundRow, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    total_weight: PerfCell | None = None
    total_score: PerfCell | None = None

    def fund(self, label: str) -> FundRow | None:
        return next((r for r in self.funds if r.label == label), None)

    def cells(self) -> list[PerfCell]:
        """Every cell, in the order the form's figures are numbered."""
        out = [c for r in self.funds for c in r.cells.values()]
        out += [c for i in self.indicators for c in i.cells.values()]
        return out + [c for c in (self.total_weight, self.total_score) if c is not None]

    def figures(self) -> list[Figure]:
        return [c.figure for c in self.cells() if c.figure is not None]


@dataclass(frozen=True, eq=False)
class Analysis:
    """Everything extraction found in one document; see the module docstring."""

    figures: tuple[Figure, ...]
    claims: Mapping[int, ClaimInfo] = field(default_factory=dict)
    parents: Mapping[int, int] = field(default_factory=dict)
    path: str = ""
    # The section label of each paragraph (headings label themselves), by paragraph index.
    sections: tuple[str, ...] = ()
    outline: Outline = field(default_factory=Outline)
    tables: tuple[Table, ...] = ()
    forms: tuple[PerfForm, ...] = ()

    def __post_init__(self) -> None:
        by_concept: dict[str, list[Figure]] = {}
        by_claim: dict[int, list[Figure]] = {}
        for f in self.figures:
            by_concept.setdefault(f.concept, []).append(f)
            if f.claim is not None:
                by_claim.setdefault(f.claim, []).append(f)
        set_ = object.__setattr__
        set_(self, "figures", tuple(self.figures))
        set_(self, "claims", MappingProxyType(dict(self.claims)))
        set_(self, "parents", MappingProxyType(dict(self.parents)))
        set_(self, "sections", tuple(self.sections))
        set_(self, "tables", tuple(self.tables))
        set_(self, "forms", tuple(self.forms))
        set_(self, "by_concept", MappingProxyType(by_concept))
        set_(self, "by_claim", MappingProxyType(by_claim))

    by_concept: Mapping[str, list[Figure]] = field(init=False, repr=False)
    by_claim: Mapping[int, list[Figure]] = field(init=False, repr=False)

    def find(self, concept: str, *, period: str | tuple[str, ...] = "current", measure: str = "amount",
             near: Figure | None = None, source: str | None = None) -> Figure | None:
        """The figure of `concept` nearest `near`; `period` may name several (a budget's this-year
        amount is written “预算数为…” or plainly)."""
        periods = (period,) if isinstance(period, str) else period
        candidates = [f for f in self.by_concept.get(concept, ())
                      if f.period in periods and f.measure == measure and (source is None or f.source == source)]
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
