"""Budget wording family: what reviewers of 部门预算 / 单位预算 check besides arithmetic.

A budget for year Y is compared with year Y−1: with last year's budget (比上年预算) or last
year's execution (上年预算执行数). A budget copied forward from an older one keeps the older
year ("2024年预算执行数" in a 2026 budget), which makes every comparison in the sentence wrong
(E13). A 单位预算 speaks of 本单位; "本部门" there is text copied from the department's report.
The year and level come from the report's own title (audit/extract/report_kind.py); when the
title does not state them, nothing is judged.

Checks (the rule's `check`): `previous_year`, `level_words`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.analysis import Analysis
from audit.families.base import Direct, Option
from audit.lazy_re import lazy
from audit.rulebook import Rule

# "比2024年预算", "较2024年度预算执行数", "与2024年预算相比", and "2024年(当年)预算执行数" without a
# comparison word: the year of a budget or of a budget's execution the report compares with.
# "2023年预算执行情况" (context, not a figure) is not a comparison.
COMPARED_YEAR = lazy(r"(?:(?:比|较|与|同)\s*(?P<y1>20\d{2})\s*年度?\s*(?:年初)?预算"
                           r"|(?P<y2>20\d{2})\s*年度?\s*(?:当年|全年)?\s*预算执行数)")


def bind(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    if analysis.outline.report is None or not analysis.outline.streams:
        return
    yield from CHECKS[rule.params["check"]](rule, analysis)


def _previous_year(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    """Every budget or execution year the report compares with must be the year before its own."""
    kind = analysis.outline.report
    assert kind is not None
    if kind.year is None or kind.source == "unknown":
        return
    expected = kind.year - 1
    for st in analysis.outline.streams:
        for m in COMPARED_YEAR.finditer(st.text):
            group = "y1" if m.group("y1") else "y2"
            if int(m.group(group)) == expected:
                continue
            start, end = m.start(group), m.end(group) + 1
            yield Direct("budget_compared_year",
                         {"text": st.raw[m.start():m.end()].strip(), "stated": m.group(group),
                          "year": str(kind.year), "expected": str(expected)},
                         locations=[st.location(start, end)], expected=f"{expected}年", actual=f"{m.group(group)}年")


def _level_words(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    """Words of the other level: the rule lists, per level of report, the words that do not fit."""
    kind = analysis.outline.report
    assert kind is not None
    wrong: dict[str, dict[str, str]] = rule.params.get("wrong", {})
    words = wrong.get(kind.level or "", {})
    if not words:
        return
    pattern = re.compile("|".join(re.escape(w) for w in words))
    label = kind.label()
    for st in analysis.outline.streams:
        for m in pattern.finditer(st.text):
            yield Direct("budget_level_word", {"text": m.group(), "label": label,
                                                         "expected": words[m.group()]},
                         locations=[st.location(m.start(), m.end())], expected=words[m.group()], actual=m.group())


CHECKS = {"previous_year": _previous_year, "level_words": _level_words}
OPTIONS: dict[str, Option] = {
    "check": Option(str, choices=tuple(CHECKS), required=True),
    "wrong": Option(dict, default={}),
}
