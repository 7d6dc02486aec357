"""The compact per-report record that crosses from a worker process to the batch supervisor.

Only what the summary, the JSON report and the dashboard need travels: counts, rule tallies and
findings as JSON-able dicts. Figures and source lines stay in the worker and die with the task,
which is what keeps a batch of thousands of reports within a flat memory budget.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from audit.model import SEVERITY_ORDER, DocumentResult
from audit.reporters.json import finding_dict

# What happened to a report. `status` keeps the two values of report.schema.json; `outcome`
# says why a report was not checked, which is what a bureau needs to send it back.
Outcome = Literal["checked", "unreadable", "timeout", "crashed", "not_checked"]
OUTCOME_RANK: dict[str, int] = {"crashed": 0, "timeout": 1, "unreadable": 2, "not_checked": 3, "checked": 4}


@dataclass
class ReportRecord:
    index: int
    paths: tuple[str, ...]
    outcome: Outcome
    reason: str | None = None
    department: str | None = None
    year: int | None = None
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    figures: int = 0
    checks: int = 0
    seconds: float = 0.0
    # rule id -> [findings, worst severity, title]; bounded by the rulebook, not the report.
    rules: dict[str, list[Any]] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)
    # The worker's peak resident memory so far (KiB), for the benchmark's memory figures.
    worker_peak_kb: int = 0
    # The kind of report (部门决算, 单位预算 …) in each language the summaries are written in; the
    # worker does not know the language of the summary, so both travel (a few bytes).
    kind: dict[str, str] = field(default_factory=dict)
    # The kind as `check --format json` writes it (accounts, level, year, template, source), the
    # label added per language when written, so `batch --format json` and `check` agree.
    kind_info: dict[str, Any] = field(default_factory=dict)
    # Which of the tables a report of its kind should carry were read (T1…T9 for final accounts),
    # so the summary says what was not checked.
    tables_expected: tuple[str, ...] = ()
    tables_read: tuple[str, ...] = ()

    @property
    def tables_missing(self) -> tuple[str, ...]:
        return tuple(t for t in self.tables_expected if t not in self.tables_read)

    @property
    def status(self) -> str:
        return "checked" if self.outcome == "checked" else "unreadable"

    @property
    def file(self) -> str:
        return "; ".join(self.paths)

    def top_rules(self, n: int = 3) -> str:
        """`N030×3, N004` — the rules to look at first: errors before warnings before infos,
        then most findings first."""
        ranked = sorted(self.rules.items(),
                        key=lambda kv: (-SEVERITY_ORDER.get(kv[1][1], 0), -kv[1][0], kv[0]))[:n]
        return ", ".join(rule if count == 1 else f"{rule}×{count}" for rule, (count, _, _) in ranked)

    def row(self) -> dict[str, Any]:
        """The scalar view kept in memory for the summary once findings are spooled to disk."""
        return {"index": self.index, "department": self.department, "year": self.year, "file": self.file,
                "paths": list(self.paths), "status": self.status, "outcome": self.outcome, "reason": self.reason,
                "errors": self.errors, "warnings": self.warnings, "infos": self.infos,
                "figures": self.figures, "checks": self.checks, "top_rules": self.top_rules(),
                "seconds": round(self.seconds, 3), "kind": self.kind.get("zh"), "kind_en": self.kind.get("en"),
                "tables": f"{len(self.tables_read)}/{len(self.tables_expected)}" if self.tables_expected else None,
                "tables_missing": " ".join(self.tables_missing) or None,
                "tables_expected_ids": list(self.tables_expected), "tables_read_ids": list(self.tables_read),
                **{f"kind_info.{k}": v for k, v in self.kind_info.items()}}


def from_result(index: int, paths: tuple[str, ...], result: DocumentResult, seconds: float) -> ReportRecord:
    """Reduce a DocumentResult to its record; the worker calls this and drops the result."""
    outcome: Outcome = "checked" if result.status == "checked" else "unreadable"
    severities = Counter(f.severity for f in result.findings)
    rules: dict[str, list[Any]] = {}
    findings = []
    for f in result.findings:
        entry = rules.setdefault(f.rule, [0, f.severity, f.title])
        entry[0] += 1
        if SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[entry[1]]:
            entry[1] = f.severity
        d = finding_dict(f)
        d["where"] = f.locations[0].short() if f.locations else None
        d["section"] = f.section
        d["title"] = f.title
        findings.append(d)
    return ReportRecord(index=index, paths=paths, outcome=outcome, reason=result.error,
                        department=result.department, year=result.year,
                        errors=severities["error"], warnings=severities["warning"], infos=severities["info"],
                        figures=result.facts, checks=result.checks, seconds=seconds, rules=rules,
                        findings=findings, kind=_labels(result), kind_info=_kind_info(result),
                        tables_expected=tuple(result.tables_expected), tables_read=tuple(result.tables_read))


def _labels(result: DocumentResult) -> dict[str, str]:
    """部门决算 / department final accounts …; empty when the report did not say its kind."""
    if result.kind is None or result.kind.accounts is None:
        return {}
    return {lang: result.kind.label(lang) for lang in ("zh", "en")}


def _kind_info(result: DocumentResult) -> dict[str, Any]:
    """The kind without its label, which the JSON writer adds in the summary's language."""
    if result.kind is None:
        return {}
    info = result.kind.as_dict()
    info.pop("label", None)
    return info


def failed(index: int, paths: tuple[str, ...], outcome: Outcome, reason: str, seconds: float = 0.0) -> ReportRecord:
    """A report the supervisor could not get a result for: it still gets a row with its reason."""
    return ReportRecord(index=index, paths=paths, outcome=outcome, reason=reason, seconds=seconds)
