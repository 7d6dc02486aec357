"""What a family declares (its options) and yields besides relations (a finding that needs no
arithmetic, or a skipped check).

All are frozen: a family describes what it found and the engine alone turns it into findings
and counts, so nothing a family returns can be changed on the way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from audit.model import Figure, Location


@dataclass(frozen=True)
class Option:
    """One option a family's rules take, in the style of yamllint's per-rule CONF: the YAML type
    (`str`, `list`, `dict`, a number), the values allowed (any when empty), the default filled in
    when a rule leaves it out, and whether a rule must state it."""

    type: type | tuple[type, ...]
    choices: tuple[Any, ...] = ()
    default: Any = None
    required: bool = False


@dataclass(frozen=True)
class Direct:
    """A check decided by the family itself (a unit, a word, a missing section).

    `message` is a key of audit/messages.py filled with `args`; the engine adds rule id, title
    and (unless `severity` overrides it) the rule's severity.
    """

    message: str
    args: dict[str, str] = field(default_factory=dict)
    figures: Sequence[Figure] = ()
    locations: Sequence[Location] = ()
    failed: bool = True
    severity: str | None = None
    expected: str | None = None
    actual: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "figures", tuple(self.figures))
        object.__setattr__(self, "locations", tuple(self.locations))


@dataclass(frozen=True)
class Skip:
    """A check the rule could not make on this document (a figure it needs is not stated),
    counted as skipped so a report says how much went unchecked; never a finding."""

    reason: str
