"""Wording family: template remnants, years that do not belong, doubled punctuation, repeats.

These are what a reader notices first and what a finance bureau returns a report for (E13,
E14): “XXX万元” left in, “增加（减少）” not chosen, a 2023 heading in a 2024 report, “。。”,
“从评价情况来看从评价情况来看”. The patterns are data (the rule's params), matched on the
normalised paragraph so a phrase broken across PDF lines is still found, and placed back on
the original line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.analysis import Analysis
from audit.families.base import Direct, Option
from audit.lazy_re import lazy
from audit.rulebook import Rule

YEAR = re.compile(r"(20\d{2})\s*年")
AS_OF = re.compile(r"截[至止]\s*(20\d{2})\s*年\s*(?:12\s*月\s*(?:31\s*日|底|末)|底|末)")
SENTENCE = re.compile(r"[^。!?]+[。!?]?")
COMPARE = lazy(r"与|比|较|相比|上年|同期|以来|以前|此前|起")


def bind(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    yield from CHECKS[rule.params["check"]](rule, analysis)


def _patterns(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    """Every match of the rule's `patterns` (regular expressions over normalised text)."""
    patterns = [re.compile(p) for p in rule.params["patterns"]]
    skip = [re.compile(p) for p in rule.params["unless"]]
    for st in analysis.outline.streams:
        taken: list[tuple[int, int]] = []
        for pattern in patterns:
            for m in pattern.finditer(st.text):
                if any(s <= m.start() < e for s, e in taken) or any(x.match(st.text, m.start()) for x in skip):
                    continue
                taken.append((m.start(), m.end()))
                loc = st.location(m.start(), m.end())
                yield Direct(rule.params["message"],
                             {"text": st.raw[m.start():m.end()]}, locations=[loc])


def _years(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    outline = analysis.outline
    found = outline.report_year
    if found is None:
        return
    year = found[0]
    for h in outline.headings:
        for m in YEAR.finditer(h.text):
            if int(m.group(1)) not in (year, year - 1) or (int(m.group(1)) == year - 1 and not COMPARE.search(h.text)):
                st = outline.streams[h.paragraph]
                start = st.text.find(m.group())
                yield Direct("wording_year_heading", {"text": m.group(), "year": str(year)},
                             locations=[st.location(start, start + len(m.group()))])
    heading_paragraphs = {h.paragraph for h in outline.headings}
    for index, st in enumerate(outline.streams):
        if index in heading_paragraphs:
            continue
        for m in AS_OF.finditer(st.text):
            if int(m.group(1)) != year:
                yield Direct("wording_year_as_of", {"text": st.raw[m.start():m.end()], "year": str(year)},
                             locations=[st.location(m.start(), m.end())])
        for s in SENTENCE.finditer(st.text):
            sentence = s.group()
            m = re.match(r"\s*(20\d{2})\s*年度?", sentence)
            if m and int(m.group(1)) != year and "决算" in sentence and not COMPARE.search(sentence):
                start = s.start() + m.start(1)
                yield Direct("wording_year_sentence", {"text": m.group().strip(), "year": str(year)},
                             locations=[st.location(start, s.start() + m.end())])


CHECKS = {"patterns": _patterns, "years": _years}


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "check": Option(str, choices=tuple(CHECKS), required=True),
    "patterns": Option(list, default=()),
    "unless": Option(list, default=()),
    "message": Option(str, default="wording_template"),
}
