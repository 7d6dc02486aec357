"""read → extract → evaluate → findings, for one document at a time.

Reading goes through audit.reading.read_report, the one stage boundary where anything a reader
raises becomes an "unreadable" result with its reason, so one bad file never stops a run and
users never see a traceback.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from audit.analysis import Analysis
from audit.document import Document
from audit.engine import evaluate
from audit.extract import extract
from audit.families.coverage import expected_tables, found_tables, tables_read
from audit.model import DocumentResult, Finding
from audit.reading import read_report
from audit.rulebook import Rule

log = logging.getLogger(__name__)

SECTION_OTHER = "（其他）"


def run_check(paths: list[str], rules: list[Rule], lang: str = "zh", as_one_report: bool = False,
              kind: str | None = None) -> list[DocumentResult]:
    """Check each path in the order given; with `as_one_report`, read them all as one report.
    A folder is one report (a .docx narrative with its .xlsx tables), checked as such.
    `kind` (final | budget) overrides the kind each report states about itself."""
    groups = [list(paths)] if as_one_report else [[p] for p in paths]
    return [check_report(group, rules, lang, kind) for group in groups]


def check_path(path: str, rules: list[Rule], lang: str = "zh", kind: str | None = None) -> DocumentResult:
    return check_report([path], rules, lang, kind)


def check_report(paths: list[str], rules: list[Rule], lang: str = "zh", kind: str | None = None) -> DocumentResult:
    """One report from one or several paths, read once (audit.reading), then checked."""
    reading = read_report(paths)
    if reading.document is None:
        return reading.unreadable()
    return check_document(reading.document, rules, lang, kind)


def check_document(doc: Document, rules: list[Rule], lang: str = "zh", kind: str | None = None) -> DocumentResult:
    """`kind` (final | budget), when given, replaces the kind the report states about itself."""
    analysis = extract(doc, kind)
    report = analysis.outline.report
    if kind is not None and report is not None:
        report = report.overridden(kind)  # type: ignore[arg-type]
        analysis = replace(analysis, outline=replace(analysis.outline, report=report))
    rules = [r for r in rules if r.applies(report.accounts if report else None)]
    outcome = evaluate(rules, analysis, lang)
    table_stats: dict[str, int] = {}
    for f in analysis.figures:
        if f.table:
            table_stats[f.table] = table_stats.get(f.table, 0) + 1
    expected = expected_tables(report.accounts if report else None, found_tables(analysis))
    findings = sorted(_with_sections(analysis, outcome.findings), key=_order)
    who = analysis.outline
    return DocumentResult(path=doc.path, status="checked", findings=findings, facts=len(analysis.figures),
                          checks=outcome.checks, skipped=outcome.skipped, table_stats=table_stats,
                          source_lines=_cited_lines(analysis, findings), department=who.department, year=who.year, kind=report,
                          tables_expected=expected, tables_read=tables_read(analysis, expected))


def _with_sections(analysis: Analysis, findings: list[Finding]) -> list[Finding]:
    """Findings that came without a section (structure, wording) get the one their line is in,
    so the report groups them with the arithmetic of the same part of the document."""
    if all(f.section for f in findings):
        return findings
    where = {(ln.page, ln.line): label
             for st, label in zip(analysis.outline.streams, analysis.sections, strict=True) for ln in st.lines}
    out = []
    for f in findings:
        loc = f.locations[0] if f.locations else None
        label = where.get((loc.page, loc.line)) if loc is not None else None
        out.append(f if f.section or label is None else replace(f, section=label))
    return out


def _cited_lines(analysis: Analysis, findings: list[Finding]) -> dict[tuple[int | None, int], str]:
    """Only the lines findings point at: results stay small when many reports are kept."""
    wanted = {(loc.page, loc.line) for f in findings for loc in f.locations if loc.line is not None}
    return {(ln.page, ln.line): ln.text for st in analysis.outline.streams for ln in st.lines
            if (ln.page, ln.line) in wanted}


def _order(f: Finding) -> tuple:
    loc = f.locations[0] if f.locations else None
    sev = {"error": 0, "warning": 1, "info": 2}[f.severity]
    return (loc.page or 0 if loc else 0, loc.line or 0 if loc else 0, loc.column or 0 if loc else 0, sev, f.rule)
