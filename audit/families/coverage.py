"""Coverage family: say what could not be checked, so "checked" never means "nothing checked".

A report the tool reads without error can still give it nothing to work on: a PDF whose body is
scanned pages behind a typed cover, a Word file whose figures are pictures, a final-accounts
narrative published without its nine tables, a budget whose tables were not recognised.
Silence would read as "no problems found". These rules look only at what extraction produced
(the figures, the tables and forms recognised, the paragraphs) and name what is missing, once
per document, so an auditor knows which checks did not happen and can check those parts by hand.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from audit.analysis import Analysis
from audit.families.base import Direct, Option
from audit.model import Location
from audit.names import BUDGET_TABLE_NAMES as BUDGET_NAMES
from audit.rulebook import Rule

# The nine tables of the final-accounts template (domain §1.5), by the ids extraction gives them.
FINAL_TABLES: tuple[str, ...] = ("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9")

# The budget tables of each set (docs/budgets.md §2); a report follows the set holding most of
# the tables recognised (`expected_tables`).
BUDGET_SETS: dict[str, tuple[str, ...]] = {
    # Shanghai
    "shanghai": ("Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Y8", "Y9"),
    # Jiangsu: the twelve 公开表 (no 国有资本经营 table; 三公 with 会议费 and 培训费 is Y14)
    "jiangsu": ("Y1", "Y2", "Y3", "Y4", "Y10", "Y11", "Y5", "Y8", "Y14", "Y6", "Y12", "Y13"),
}


def expected_tables(accounts: str | None, found: Collection[str] = ()) -> tuple[str, ...]:
    """The tables a report of this kind should carry and the tool can read: the nine for a report
    that says it is final accounts; for a budget, the tables of the set its recognised tables
    belong to (the set with the most of them; on a tie the first listed, Shanghai, whose ids the
    others share). None for a budget with no budget table recognised (which set it follows is
    unknown; S007 says no table was read), and none for a text that does not say what it is (an
    excerpt, a paragraph pasted to check): nothing tells what tables it should have."""
    if accounts == "final":
        return FINAL_TABLES
    if accounts != "budget":
        return ()
    ids = {t for t in found if t.startswith("Y")}
    if not ids:
        return ()
    best = max(BUDGET_SETS.values(), key=lambda s: (len(ids & set(s)), -len(set(s) - ids)))
    return best if ids & set(best) else ()


def found_tables(analysis: Analysis) -> set[str]:
    """The ids of the tables recognised, or named by a reviewed figures file's cells."""
    return {t.table_id for t in analysis.tables if t.table_id} | {f.table for f in analysis.figures if f.table}


def tables_read(analysis: Analysis, expected: tuple[str, ...]) -> tuple[str, ...]:
    """The expected tables found by title, in template order; a table printed empty with its
    note ("本表无数据") counts as read: the tool saw it and checks the note. A reviewed figures
    file has no tables, only cells that name theirs, so a table any figure comes from counts too."""
    found = found_tables(analysis)
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
        return  # a budget's text was read but no table: S007 says which tables were not read
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
    """Which budget tables were not read: none recognised (a set the tool does not know, tables
    as images, or a file of narrative alone), or some of its set missing (a table printed
    elsewhere or titled beyond recognition). Said once per budget; silent when every table of
    the set was read (an empty table with its note counts as read)."""
    if not analysis.outline.streams:
        return
    expected = expected_tables("budget", found_tables(analysis))
    if not expected:
        key = "coverage_budget_tables" if analysis.figures else "coverage_budget_tables_only"
        yield Direct(key, {}, locations=[_anchor(analysis)])
        return
    read = tables_read(analysis, expected)
    missing = [t for t in expected if t not in read]
    if missing:
        names = "、".join(f"{t} {BUDGET_NAMES.get(t, t)}" for t in missing)
        yield Direct("coverage_budget_tables_missing", {"tables": names, "read": str(len(read)),
                                                         "expected": str(len(expected))},
                     locations=[_anchor(analysis)])


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
