"""Rule families: each maps a rule from rules/*.yaml and the document's analysis to checks.

A rule's `family:` names one entry of FAMILIES, and every family lives in the module of the same
name, so what the engine can run is visible in this one dict and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from audit.families import (
    breakdown,
    change,
    comparison_words,
    empty_table,
    exec_rate,
    naming,
    narrative_items,
    narrative_table,
    performance,
    performance_form,
    performance_narrative,
    same,
    share,
    structure,
    sum,
    table_cells,
    table_columns,
    table_rows,
    table_tree,
    tree,
    units,
    wording,
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
    "table_cells": table_cells.bind,
    "table_rows": table_rows.bind,
    "narrative_table": narrative_table.bind,
    "narrative_items": narrative_items.bind,
    "empty_table": empty_table.bind,
    "structure": structure.bind,
    "wording": wording.bind,
    "comparison_words": comparison_words.bind,
    "naming": naming.bind,
    "performance": performance.bind,
    "performance_form": performance_form.bind,
    "performance_narrative": performance_narrative.bind,
}
