"""A sentence as extraction found it (one claim), shared with the figures-file reader.

Claims are built sentence by sentence while extracting, so this record is filled in place; the
analysis (audit/analysis.py) holds its own copies, which nothing changes afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ClaimInfo:
    """One sentence: where it is, the comparison words it uses and the figures it states."""

    id: int
    section: str
    text: str
    paragraph: int
    compare: int | None = None
    no_change: bool = False
    lead: str | None = None
    figures: list[int] = field(default_factory=list)
