"""Classification paths written in prose: 社会保障和就业支出（类）行政事业单位养老支出（款）…（项）.

Names are compared leniently (quotes, 支出, bracket width ignored) and old names are mapped to
the current ones (rules/classification.yaml), so an item written with a stale name still sums
into its class; the stale name itself is a wording finding, not a lost figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.names import canonical

LEVELS = {"类": 0, "款": 1, "项": 2}
PATH_PART = re.compile(r"(?P<name>[^\s(),;:。、\d.]{1,40}?)\s*\((?P<level>类|款|项)\)")


@dataclass(frozen=True)
class PathMatch:
    key: str
    start: int
    end: int
    names: tuple[str, ...]


def find_paths(text: str) -> list[PathMatch]:
    """Consecutive 类/款/项 parts form one path; a new 类 starts a new path."""
    paths: list[PathMatch] = []
    current: list[str] = []
    start = end = -1
    for m in PATH_PART.finditer(text):
        level = LEVELS[m.group("level")]
        contiguous = end >= 0 and text[end:m.start()].strip() == "" and level == len(current)
        if not contiguous:
            if current:
                paths.append(_make(current, start, end))
            current, start = [], m.start()
            if level != 0:
                current = [""] * level
        current.append(canonical(m.group("name")))
        end = m.end()
    if current:
        paths.append(_make(current, start, end))
    return paths


def _make(names: list[str], start: int, end: int) -> PathMatch:
    return PathMatch(key="科目:" + "|".join(names), start=start, end=end, names=tuple(names))
