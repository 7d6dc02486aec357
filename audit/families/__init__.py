"""Rule families: each maps a rule from rules/*.yaml and the document's analysis to checks.

A rule's `family:` names one entry of FAMILIES, and every family lives in the module of the same
name, so what the engine can run is visible in this one dict and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from audit.families import (
    breakdown,
    budget_wording,
    change,
    comparison_words,
    coverage,
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
    table_reading,
    table_rows,
    table_sections,
    table_tree,
    tree,
    units,
    wording,
)
from audit.families.base import Option


@dataclass(frozen=True)
class Family:
    """A family as the engine and the rulebook see it: what binds rules to an analysis, the
    options its rules take, and groups of options of which a rule must state at least one."""

    bind: Callable[..., Iterable[Any]]
    options: Mapping[str, Option]
    one_of: tuple[tuple[str, ...], ...] = ()


def _family(module: ModuleType) -> Family:
    return Family(module.bind, module.OPTIONS, getattr(module, "ONE_OF", ()))


FAMILIES: dict[str, Family] = {
    "sum": _family(sum),
    "breakdown": _family(breakdown),
    "tree": _family(tree),
    "share": _family(share),
    "change": _family(change),
    "exec_rate": _family(exec_rate),
    "same": _family(same),
    "units": _family(units),
    "table_tree": _family(table_tree),
    "table_columns": _family(table_columns),
    "table_cells": _family(table_cells),
    "table_rows": _family(table_rows),
    "narrative_table": _family(narrative_table),
    "narrative_items": _family(narrative_items),
    "empty_table": _family(empty_table),
    "table_reading": _family(table_reading),
    "table_sections": _family(table_sections),
    "structure": _family(structure),
    "wording": _family(wording),
    "comparison_words": _family(comparison_words),
    "naming": _family(naming),
    "performance": _family(performance),
    "performance_form": _family(performance_form),
    "performance_narrative": _family(performance_narrative),
    "budget_wording": _family(budget_wording),
    "coverage": _family(coverage),
}
