"""Headings: which part of the report a sentence belongs to, for grouping and scoping claims."""

from __future__ import annotations

import re

_NUM = "一二三四五六七八九十"
PART = re.compile(rf"^\s*第[{_NUM}]+部分")
LEVEL1 = re.compile(rf"^\s*([{_NUM}]+)\s*[、.]")
LEVEL2 = re.compile(rf"^\s*\(([{_NUM}]+)\)")
TITLE_END = re.compile(r"(情况说明|情况|说明|名词解释|概况|附件|附表)\s*$")


def heading_level(text: str) -> int | None:
    """1 for 第X部分 / 一、, 2 for （一）, None for prose. Prose has a full stop or is long."""
    t = text.strip()
    if not t or "。" in t or len(t) > 45:
        return None
    if PART.match(t):
        return 0
    if LEVEL1.match(t):
        return 1
    if LEVEL2.match(t):
        return 2
    if len(t) <= 30 and TITLE_END.search(t) and not re.search(r"\d", t):
        return 1
    return None


class SectionTracker:
    """Keeps the current heading path; `label` is what findings are grouped under."""

    def __init__(self) -> None:
        self.part: str | None = None
        self.level1: str | None = None
        self.level2: str | None = None

    def feed(self, text: str) -> bool:
        level = heading_level(text)
        t = text.strip()
        if level == 0:
            self.part, self.level1, self.level2 = t, None, None
        elif level == 1:
            self.level1, self.level2 = t, None
        elif level == 2:
            self.level2 = t
        return level is not None

    @property
    def label(self) -> str:
        parts = [p for p in (self.level1, self.level2) if p]
        if not parts:
            return self.part or "（无标题）"
        return " / ".join(parts)
