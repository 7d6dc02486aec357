"""Rule families: each maps a rule from rules/*.yaml and the document's figures to checks.

The registry is an explicit dict so that what the engine can run is visible in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from audit.kinds import (
    breakdown,
    change,
    empty_table,
    exec_rate,
    naming,
    performance,
    performance_checks,
    performance_narrative,
    same,
    share,
    structure,
    sum,
    table_columns,
    table_doubt,
    table_match,
    table_sections,
    table_tree,
    tree,
    units,
    wording,
    wording_numbers,
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
    "empty_table": empty_table.bind,
    "table_reading": table_doubt.bind,
    "table_sections": table_sections.bind,
    "structure": structure.bind,
    "wording": wording.bind,
    "comparison_words": wording_numbers.bind,
    "naming": naming.bind,
    "performance": performance.bind,
    "performance_form": performance_checks.bind,
    "performance_narrative": performance_narrative.bind,
}


def register(name: str, bind: Callable[..., Iterable[Any]]) -> None:
    """Families added by other modules (tables, structure) register here at import."""
    FAMILIES[name] = bind
