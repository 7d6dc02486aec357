"""Rule families: each maps a rule from rules/*.yaml and the document's figures to checks.

The registry is an explicit dict so that what the engine can run is visible in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from audit.kinds import breakdown, change, exec_rate, same, share, sum, tree, units

FAMILIES: dict[str, Callable[..., Iterable[Any]]] = {
    "sum": sum.bind,
    "breakdown": breakdown.bind,
    "tree": tree.bind,
    "share": share.bind,
    "change": change.bind,
    "exec_rate": exec_rate.bind,
    "same": same.bind,
    "units": units.bind,
}


def register(name: str, bind: Callable[..., Iterable[Any]]) -> None:
    """Families added by other modules (tables, structure) register here at import."""
    FAMILIES[name] = bind
