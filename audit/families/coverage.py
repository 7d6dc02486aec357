"""Coverage family: say what could not be checked, so "checked" never means "nothing checked".

A report the tool reads without error can still give it nothing to work on: a PDF whose body is
scanned pages behind a typed cover, a Word file whose figures are pictures, a final-accounts
narrative published without its nine tables, a budget whose tables the tool does not read yet.
Silence would read as "no problems found". These rules look only at what extraction produced
(the figures, the tables and forms recognised, the paragraphs) and name what is missing, once
per document, so an auditor knows which checks did not happen and can check those parts by hand.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.analysis import Analysis
from audit.families.base import Direct, Option
from audit.model import Location
from audit.rulebook import Rule

# The nine tables of the final-accounts template (domain §1.5), by the ids extraction gives them.
FINAL_TABLES: tuple[str, ...] = ("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9")


def expected_tables(accounts: str | None) -> tuple[str, ...]:
    """The tables a report of this kind should carry and the tool can read: the nine for a report
    that says it is final accounts. None for a budget, whose tables the tool does not read yet,
    and none for a text that does not say what it is (an excerpt, a paragraph pasted to check):
    nothing tells what tables it should have."""
    return FINAL_TABLES if accounts == "final" else ()


def tables_read(analysis: Analysis, expected: tuple[str, ...]) -> tuple[str, ...]:
    """The expected tables found by title, in template order; a table printed empty with its
    note ("本表无数据") counts as read: the tool saw it and checks the note. A reviewed figures
    file has no tables, only cells that name theirs, so a table any figure comes from counts too."""
    found = {t.table_id for t in analysis.tables if t.table_id} | {f.table for f in analysis.figures if f.table}
    return tuple(t for t in expected if t in found)


def bind(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    yield from CHECKS[rule.params["check"]](rule, analysis)


def _figures(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    """No figure, no table and no form: nothing the arithmetic rules could take up. A budget
    whose text was read but holds no figure is most often its tables alone, which S007 covers."""
    if analysis.figures or analysis.tables or analysis.forms:
        return
    report = analysis.outline.report
    if analysis.outline.streams and report is not None and report.accounts == "budget":
        return  # a budget's text was read: its tables are not read yet, which S007 says
    key = "coverage_no_figures" if analysis.outline.streams else "coverage_no_text"
    yield Direct(key, {}, locations=[_anchor(analysis)])


def _tables(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    """A report that says it is final accounts, figures read from its narrative, but none of the
    expected tables: table identities and narrative ↔ table checks did not run. A document with
    no figure at all is left to the `figures` check, which says more."""
    report = analysis.outline.report
    if report is None or report.accounts != "final":
        return  # a budget's tables are S007's; a text of unknown kind may be an excerpt
    expected = tuple(rule.params["tables"])
    if not analysis.figures or tables_read(analysis, expected):
        return
    yield Direct("coverage_no_tables", {"count": str(len(expected))}, locations=[_anchor(analysis)])


def _budget_tables(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    """A budget's tables are not read by the tool yet: say so once rather than nothing, and say
    whether the narrative gave anything to check (a file of budget tables alone gives nothing)."""
    if not analysis.outline.streams:
        return
    key = "coverage_budget_tables" if analysis.figures else "coverage_budget_tables_only"
    yield Direct(key, {}, locations=[_anchor(analysis)])


def _anchor(analysis: Analysis) -> Location:
    """Where the document starts (its first line read), or the file itself when no text was read.

    The finding is about the whole document, so the location carries no text: a baseline keys
    findings on the text they cite, and an edit to the first line must not make it new again.
    """
    if not analysis.outline.streams:
        return Location(path=analysis.path)
    first = analysis.outline.streams[0].lines[0]
    return Location(path=first_path(analysis), page=first.page, line=first.line, column=first.column)


def first_path(analysis: Analysis) -> str:
    """The file of the first paragraph (several files may be checked as one report)."""
    return analysis.outline.streams[0].path or analysis.path


CHECKS = {"figures": _figures, "tables": _tables, "budget_tables": _budget_tables}


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "check": Option(str, choices=tuple(CHECKS), required=True),
    "tables": Option(list, default=list(FINAL_TABLES)),
}
