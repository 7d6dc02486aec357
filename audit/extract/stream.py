"""A paragraph as one normalised string that still knows where each character came from."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from audit.document import Line, Paragraph
from audit.model import Location
from audit.numbers import normalise


@dataclass(frozen=True)
class Stream:
    """Frozen: the analysis hands streams to families, which only read them."""

    raw: str
    text: str
    starts: list[int]
    lines: list[Line]
    path: str

    @staticmethod
    def of(paragraph: Paragraph, path: str) -> Stream:
        starts, pieces, pos = [], [], 0
        for line in paragraph.lines:
            starts.append(pos)
            pieces.append(_content(line))
            pos += len(pieces[-1])
        raw = "".join(pieces)
        return Stream(raw=raw, text=normalise(raw), starts=starts, lines=paragraph.lines, path=path)

    def location(self, start: int, end: int) -> Location:
        """Location of text[start:end]: line and 1-based inclusive columns in the original line."""
        i = max(0, bisect_right(self.starts, start) - 1)
        line, offset = self.lines[i], self.starts[i]
        col = line.column + _written(line, start - offset)
        end_in_line = min(end, offset + len(line.text) - len(line.layout))
        return Location(
            path=line.path or self.path,
            page=line.page,
            line=line.line,
            column=col,
            end_column=line.column + _written(line, end_in_line - offset - 1),
            text=self.raw[start:end],
            paragraph=line.paragraph,
        )


def _content(line: Line) -> str:
    """The line as read: without the characters that only space it out (`Line.layout`)."""
    if not line.layout:
        return line.text
    skip = set(line.layout)
    return "".join(c for i, c in enumerate(line.text) if i not in skip)


def _written(line: Line, k: int) -> int:
    """Index in the line as written of the k-th character read."""
    for s in line.layout:  # ascending
        if s <= k:
            k += 1
        else:
            break
    return k
