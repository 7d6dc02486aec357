"""Rules as data: load and validate rules/*.yaml.

Every rule names the family (a module in audit/families) that instantiates it, and the options
that family takes. Validation is strict so that a typo in a rule file is reported when the tool
starts, before any document is read, not silently ignored or crashing mid-run: every option a
rule states must be one its family declares (families/<family>.py, OPTIONS), of the declared
type and one of the allowed values; required options must be there; defaults are filled in.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit.resources import rules_dir
from audit.yaml_cache import load_cached

if TYPE_CHECKING:
    from audit.families import Family

RULE_FILES = ("narrative.yaml", "tables.yaml", "cross_tables.yaml", "structure.yaml", "wording.yaml", "naming.yaml",
              "performance.yaml", "budget.yaml", "budget_tables_sh.yaml",
              "budget_tables_js.yaml")
COMMON_KEYS = {"id", "name", "title", "title_en", "family", "severity", "rationale", "rationale_en", "examples",
               "source", "applies_to"}
TYPE_NAMES = {str: "text", list: "list", dict: "mapping", int: "number", float: "number", bool: "true/false"}
APPLIES_TO = ("final", "budget", "both")
# Families that assume the final-accounts outline and tables (T1–T9, the 决算 template's parts,
# the 绩效自评表) apply to final accounts unless a rule says otherwise, and so do relations over
# table figures (`figures: table`, cells of T1–T9); every other rule judges wording or arithmetic
# that budgets and final accounts share.
FINAL_FAMILIES = frozenset({"structure", "table_tree", "table_columns", "table_cells", "table_rows", "narrative_table",
                            "narrative_items", "empty_table", "performance", "performance_form",
                            "performance_narrative", "table_sections", "table_reading"})


class RulebookError(ValueError):
    """A rule file that cannot be used; the message names the file and rule."""


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    title: str
    family: str
    severity: str
    rationale: str
    # The family's options: as the rule states them, with the family's defaults filled in.
    params: dict[str, Any] = field(default_factory=dict)
    examples: dict[str, Any] = field(default_factory=dict)
    title_en: str | None = None
    source: str | None = None
    rationale_en: str | None = None
    # The option names the rule file states itself (documentation shows only these).
    stated: tuple[str, ...] = ()
    applies_to: str = "both"

    def applies(self, accounts: str | None) -> bool:
        """Whether the rule runs on a report of this kind; an unknown kind counts as final accounts."""
        return self.applies_to == "both" or self.applies_to == (accounts or "final")


def _load_file(path: Path, families: Mapping[str, Family]) -> list[Rule]:
    try:
        data = load_cached(path.read_text(encoding="utf-8")) or {}
    except Exception as exc:
        import yaml  # loaded already when the text was parsed; not needed when it was cached

        if isinstance(exc, yaml.YAMLError):
            raise RulebookError(f"{path.name}: not valid YAML: {exc}") from exc
        raise
    rules = []
    for raw in data.get("rules", []):
        rid = raw.get("id")
        for key in ("id", "name", "title", "family", "severity", "rationale"):
            if not raw.get(key):
                raise RulebookError(f"{path.name}: rule {rid or '?'} lacks '{key}'")
        if raw["family"] not in families:
            raise RulebookError(f"{path.name}: rule {rid}: unknown family '{raw['family']}'")
        if raw["severity"] not in {"error", "warning", "info"}:
            raise RulebookError(f"{path.name}: rule {rid}: severity must be error|warning|info")
        final = raw["family"] in FINAL_FAMILIES or raw.get("figures") == "table"
        applies_to = raw.get("applies_to") or ("final" if final else "both")
        if applies_to not in APPLIES_TO:
            raise RulebookError(f"{path.name}: rule {rid}: applies_to must be final|budget|both")
        stated = {k: v for k, v in raw.items() if k not in COMMON_KEYS}
        params = options(f"{path.name}: rule {rid} (family {raw['family']})", families[raw["family"]], stated)
        rules.append(Rule(id=str(rid), name=raw["name"], title=raw["title"], family=raw["family"],
                          severity=raw["severity"], rationale=str(raw["rationale"]).strip(), params=params,
                          examples=raw.get("examples") or {}, title_en=raw.get("title_en"),
                          source=raw.get("source"), rationale_en=raw.get("rationale_en"), stated=tuple(stated),
                          applies_to=applies_to))
    return rules


def options(where: str, family: Family, stated: dict[str, Any]) -> dict[str, Any]:
    """The rule's options checked against what its family declares, defaults filled in."""
    declared = family.options
    for name in stated:
        if name not in declared:
            import difflib  # only on the error path: start-up stays fast

            near = difflib.get_close_matches(name, list(declared), n=1)
            hint = f"; did you mean '{near[0]}'?" if near else f"; it takes: {', '.join(declared) or 'no options'}"
            raise RulebookError(f"{where}: unknown option '{name}'{hint}")
    for name, opt in declared.items():
        if name not in stated:
            if opt.required:
                raise RulebookError(f"{where}: missing option '{name}'")
            continue
        value = stated[name]
        kinds = opt.type if isinstance(opt.type, tuple) else (opt.type,)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            wanted = " or ".join(dict.fromkeys(TYPE_NAMES.get(k, k.__name__) for k in kinds))
            raise RulebookError(f"{where}: option '{name}' must be {wanted}, not {value!r}")
        if opt.choices and value not in opt.choices:
            allowed = " | ".join(str(c) for c in opt.choices)
            raise RulebookError(f"{where}: option '{name}' is {value!r}; allowed: {allowed}")
    for group in family.one_of:
        if not any(name in stated for name in group):
            raise RulebookError(f"{where}: missing option: one of {' / '.join(repr(n) for n in group)}")
    defaults = {name: copy.deepcopy(opt.default) if isinstance(opt.default, dict | list) else opt.default
                for name, opt in declared.items() if name not in stated}
    return {**stated, **defaults}


def load_rules(extra: list[str] | None = None) -> list[Rule]:
    from audit.families import FAMILIES

    paths = [rules_dir() / name for name in RULE_FILES if (rules_dir() / name).exists()]
    paths += [Path(p) for p in extra or []]
    rules: list[Rule] = []
    seen: set[str] = set()
    for path in paths:
        if not path.exists():
            raise RulebookError(f"rule file not found: {path}")
        for rule in _load_file(path, FAMILIES):
            if rule.id in seen:
                raise RulebookError(f"{path.name}: duplicate rule id {rule.id}")
            seen.add(rule.id)
            rules.append(rule)
    return rules
