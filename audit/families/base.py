"""What a family returns besides relations: a finding that needs no arithmetic."""

from __future__ import annotations

from dataclasses import dataclass, field

from audit.model import Figure, Location


@dataclass
class Direct:
    """A check decided by the family itself (a unit, a word, a missing section)."""

    rule: str
    message: str
    args: dict[str, str] = field(default_factory=dict)
    figures: list[Figure] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    failed: bool = True
    severity: str | None = None
    expected: str | None = None
    actual: str | None = None
