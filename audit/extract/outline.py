"""The report's outline as written: parts, numbered headings, the contents page, the report year.

Structure and wording rules judge text, not figures; they share this view of the document so
that each paragraph is normalised once and every heading keeps its place for findings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.document import Document
from audit.extract.sections import heading_level
from audit.extract.stream import Stream
from audit.memo import memo
from audit.model import Location

DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}
PART = re.compile(r"^\s*第([一二三四五六七八九十]+)部分\s*(.*)$")
LEVEL1 = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.]\s*(.*)$")
LEVEL2 = re.compile(r"^\s*\(([一二三四五六七八九十]+)\)\s*(.*)$")
YEAR_TITLE = re.compile(r"(20\d{2})\s*年度?\s*(?:[区市省县]级)?\s*(?:部门|单位)?\s*(决算|预算)")
CONTENTS = re.compile(r"^\s*目\s*录\s*$")
PART_TITLES = re.compile(r"^(名词解释|附件|附表|附件附表)$")


def chinese_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十一 → 11, 二十三 → 23."""
    if not text or any(c not in DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    t = DIGITS.get(tens, 0) if tens else 1
    u = DIGITS.get(units, 0) if units else 0
    return t * 10 + u


def numeral(n: int) -> str:
    names = "零一二三四五六七八九"
    if n <= 10:
        return "十" if n == 10 else names[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else names[tens]) + "十" + (names[units] if units else "")


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


def streams(doc: Document) -> list[Stream]:
    return memo(doc, "streams", lambda: [Stream.of(p, doc.path) for p in doc.paragraphs])


def headings(doc: Document) -> list[Heading]:
    return memo(doc, "headings", lambda: _headings(doc))


def _headings(doc: Document) -> list[Heading]:
    out: list[Heading] = []
    in_contents = False
    first_part: int | None = None
    for index, st in enumerate(streams(doc)):
        text = st.text.strip()
        if CONTENTS.match(text):
            in_contents = True
            continue
        level = heading_level(st.text)
        if level is None:
            continue
        lead = len(st.text) - len(st.text.lstrip())
        loc = st.location(lead, len(st.text.rstrip()))
        h = _heading(level, text, loc, index)
        if h.level == 0 and h.number is not None:
            if in_contents and first_part is not None and h.number <= first_part:
                in_contents = False
            first_part = h.number if first_part is None or not in_contents else first_part
        out.append(Heading(h.level, h.number, h.title, h.text, h.location, h.paragraph, in_contents))
    return out


def _heading(level: int, text: str, loc: Location, index: int) -> Heading:
    for lv, pattern in ((0, PART), (1, LEVEL1), (2, LEVEL2)):
        m = pattern.match(text)
        if m:
            return Heading(lv, chinese_number(m.group(1)), m.group(2).strip(), text, loc, index)
    if PART_TITLES.match(text.replace(" ", "")):
        return Heading(0, None, text, text, loc, index)
    return Heading(level, None, text, text, loc, index)


def report_year(doc: Document) -> tuple[int, str] | None:
    """(year, 决算|预算) from the title: the first “{年}年度部门决算” the report writes."""
    return memo(doc, "report_year", lambda: _report_year(doc))


def _report_year(doc: Document) -> tuple[int, str] | None:
    found = None
    for st in streams(doc)[:60]:
        m = YEAR_TITLE.search(st.text)
        if m and len(st.text.strip()) <= 60:
            found = (int(m.group(1)), m.group(2))
            break
    return found
