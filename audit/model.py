"""Value objects that flow through the pipeline: figures, findings, results.

They mirror ../shared/contracts/report.schema.json so that reporters only rename fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from audit.extract.report_kind import ReportKind

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class CellRef:
    table: str
    row: str
    column: str


@dataclass(frozen=True)
class Location:
    path: str
    page: int | None = None
    line: int | None = None
    column: int | None = None
    end_column: int | None = None
    cell: CellRef | None = None
    text: str | None = None
    paragraph: int | None = None
    ref: str | None = None

    def short(self) -> str:
        """`12:5`, `p.3`, `收入决算表!D7`: the compact place shown in terminal output."""
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"p.{self.page}")
        if self.paragraph is not None:
            parts.append(f"¶{self.paragraph}")
        if self.line is not None:
            parts.append(f"{self.line}:{self.column or 1}" if self.page is None else f"l.{self.line}")
        if self.cell is not None:
            parts.append(self.ref or f"{self.cell.table}[{self.cell.row}|{self.cell.column}]")
        return " ".join(parts) or self.path


@dataclass(frozen=True)
class Figure:
    """One number the report states, typed and placed.

    `concept` comes from the vocabulary (rules/concepts.yaml). `measure` says what kind of number
    it is about the concept: amount, share (%), change (amount), change_rate (%), exec_rate (%),
    count. `period` is current, prior or budget. `decimals` is the count of decimals as written,
    which defines the rounding interval. `claim` groups figures of one sentence so families can
    bind parts, wholes and rates without guessing across the document.

    `basis` refines the period where a report tells budgets apart: for `budget`, None is the
    year's initial budget (年初预算) and "adjusted" the adjusted one (调整预算); for `prior`, None is
    last year's actual (上年决算 / 上年预算执行数) and "budget" last year's budget (上年预算); for a
    change or its rate, what it is against: "budget" (比上年预算增加…), "execution" (比2022年预算
    执行数增加…%) or None (比上年增加…, either).
    `binding` says how the figure was tied to its concept (docs/certainty.md): "explicit" (named
    in its own sentence, a table cell, a figures file), "item" (its sentence names nothing and
    continues the numbered item its paragraph opened with), "inherited" (a subject named in an
    earlier paragraph) or "guessed"; a failed relation that brings figures of several sentences
    together through an inherited or guessed binding cannot be verified and is a warning, never
    an error.
    """

    concept: str
    value: Decimal
    decimals: int
    unit: str
    location: Location
    measure: str = "amount"
    period: str = "current"
    claim: int | None = None
    role: str | None = None
    of: str | None = None
    direction: int | None = None
    section: str | None = None
    source: str = "narrative"
    table: str | None = None
    code: str | None = None
    index: int = 0
    basis: str | None = None
    binding: str = "explicit"

    @property
    def text(self) -> str:
        return self.location.text or str(self.value)


@dataclass(frozen=True)
class Suggestion:
    location: Location
    replace: str
    with_: str


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    locations: tuple[Location, ...]
    expected: str | None = None
    actual: str | None = None
    suggestion: Suggestion | None = None
    section: str | None = None
    concept: str | None = None
    title: str | None = None


@dataclass
class DocumentResult:
    path: str
    status: Literal["checked", "unreadable"]
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    facts: int = 0
    checks: int = 0
    skipped: int = 0
    table_stats: dict[str, int] = field(default_factory=dict)
    # (page, line) → the line as written, for showing findings in context; page is None for text.
    source_lines: dict[tuple[int | None, int], str] = field(default_factory=dict)
    # Who reported and for which year, as the report itself says (batch mode fills them).
    department: str | None = None
    year: int | None = None
    # 决算 or 预算, 部门 or 单位 (audit.extract.report_kind.ReportKind): decides which rules ran.
    kind: ReportKind | None = None
    # Which tables a report of its kind should carry (T1…T9 for final accounts; Y1…Y9 for a
    # Shanghai budget, none for a budget whose set is unknown) and which of them were read, so a
    # report can say what was not checked.
    tables_expected: tuple[str, ...] = ()
    tables_read: tuple[str, ...] = ()

    @property
    def tables_missing(self) -> tuple[str, ...]:
        return tuple(t for t in self.tables_expected if t not in self.tables_read)


@dataclass
class AuditResult:
    documents: list[DocumentResult]
    tool_version: str

    def count(self, severity: str) -> int:
        return sum(1 for d in self.documents for f in d.findings if f.severity == severity)

    @property
    def unreadable(self) -> int:
        return sum(1 for d in self.documents if d.status == "unreadable")
