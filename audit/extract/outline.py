"""The report's outline as written: parts, numbered headings, the contents page, who and which year.

Structure and wording rules judge text, not figures; they read this view of the document, built
once during extraction, so that each paragraph is normalised once and every heading keeps its
place for findings.
"""

from __future__ import annotations

import re

from audit.analysis import Heading, Outline
from audit.document import Document
from audit.extract.identity import identify
from audit.extract.report_kind import report_kind
from audit.extract.sections import heading_level
from audit.extract.stream import Stream
from audit.model import Location
from audit.names import chinese_number

PART = re.compile(r"^\s*第([一二三四五六七八九十]+)部分\s*(.*)$")
LEVEL1 = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.]\s*(.*)$")
LEVEL2 = re.compile(r"^\s*\(([一二三四五六七八九十]+)\)\s*(.*)$")
CONTENTS = re.compile(r"^\s*目\s*录\s*$")
PART_TITLES = re.compile(r"^(名词解释|附件|附表|附件附表)$")


def outline(doc: Document) -> Outline:
    """Paragraph streams, headings, and the report's department, year and kind, found once."""
    streams = tuple(Stream.of(p, doc.path) for p in doc.paragraphs)
    who = identify(doc, streams)
    return Outline(streams=streams, headings=tuple(_headings(streams)), year=who.year, kind=who.kind,
                   department=who.department, report=report_kind(doc, [st.raw for st in streams]))


def _headings(streams: tuple[Stream, ...]) -> list[Heading]:
    out: list[Heading] = []
    in_contents = False
    first_part: int | None = None
    for index, st in enumerate(streams):
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
