"""Rule families: each maps a rule from rules/*.yaml and the document's figures to checks.

The registry is an explicit dict so that what the engine can run is visible in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from audit.kinds import (
    breakdown,
    change,
    exec_rate,
    same,
    share,
    sum,
    table_columns,
    table_match,
    table_tree,
    tree,
    units,
)

FAMILIES: dict[str, Callable[..., Iterable[Any]]] = {
    "sum": sum.bind,
    "breakdown": breakdown.bind,
    "tree": tree.bind,
    "share": share.bind,
    "change": change.bind,
    "exec_rate": exec_rate.bind,
    "same": same.bind,
    "units": units.bind,
    "table_tree": table_tree.bind,
    "table_columns": table_columns.bind,
    "table_cells": table_match.cells,
    "table_rows": table_match.rows,
    "narrative_table": table_match.narrative,
    "narrative_items": table_match.narrative_items,
}


def register(name: str, bind: Callable[..., Iterable[Any]]) -> None:
    """Families added by other modules (tables, structure) register here at import."""
    FAMILIES[name] = bind
