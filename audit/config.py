"""Project configuration: `[tool.budget-audit]` in pyproject.toml or a `budget-audit.toml`.

Reviewers keep the configuration next to the drafts so every CI run and every laptop checks
the same way. It is strict on purpose (as yamllint and flake8 are): a misspelt key or a rule id
that does not exist is an error, because silently ignoring it would let a reviewer believe a
rule is switched off, or on, when it is not.

Selection follows flake8: ids or id prefixes (`N`, `T1`, `N030`); for each rule the longest
matching prefix wins, and `ignore` wins a tie.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit.rulebook import Rule, load_rules

CONFIG_NAMES = ("budget-audit.toml", "pyproject.toml")
LEVELS = ("error", "warning", "info")
LANGS = ("zh", "en")
KEYS = {"select", "ignore", "severity", "fail-on", "rule-files", "lang", "kind"}
SELECTOR = re.compile(r"^[A-Z]+[0-9]*$")


class ConfigError(ValueError):
    """A configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "error"
    rule_files: tuple[str, ...] = ()
    lang: str = "zh"
    # final | budget: every report is checked as this kind instead of the kind its title states.
    kind: str | None = None
    source: Path | None = None


def find_config(paths: list[str], cwd: Path | None = None) -> Path | None:
    """The nearest configuration above the checked files (or the working directory).

    A pyproject.toml without a `[tool.budget-audit]` table does not stop the search, so a
    drafts folder inside a Python project still finds the reviewers' file higher up.
    """
    here = (cwd or Path.cwd()).resolve()
    starts = [(here / p).resolve().parent for p in paths] or [here]
    start = Path(_common(starts))
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def _common(folders: list[Path]) -> str:
    import os.path

    try:
        return os.path.commonpath([str(f) for f in folders])
    except ValueError:  # different drives on Windows: fall back to the first
        return str(folders[0])


def _has_table(path: Path) -> bool:
    return "budget-audit" in _read_toml(path).get("tool", {})


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc


def load_config(path: Path | None) -> Config:
    """Read and validate the file; `None` (no file found) gives the defaults."""
    if path is None:
        return Config()
    data = _read_toml(path)
    table = data.get("tool", {}).get("budget-audit", {}) if path.name == "pyproject.toml" else data
    where = f"{path} [tool.budget-audit]" if path.name == "pyproject.toml" else str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table")
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(KEYS))}")
    select = table.get("select")
    severity = table.get("severity", {})
    if not isinstance(severity, dict) or not all(isinstance(v, str) for v in severity.values()):
        raise ConfigError(f"{where}: 'severity' must be a table of rule id = \"error\"|\"warning\"|\"info\"")
    files = _strings(table, "rule-files", where)
    return Config(
        select=None if select is None else _strings(table, "select", where),
        ignore=_strings(table, "ignore", where),
        severity={str(k): v for k, v in severity.items()},
        fail_on=_choice(table, "fail-on", LEVELS, "error", where),
        rule_files=tuple(str((path.parent / f).resolve()) for f in files),
        lang=_choice(table, "lang", LANGS, "zh", where),
        kind=_kind(table, where),
        source=path,
    )


def _kind(table: dict[str, Any], where: str) -> str | None:
    """`kind = "预算"` (or 决算, final, budget) → budget | final; absent → detect per report."""
    from audit.extract.report_kind import parse_kind_option

    value = table.get("kind")
    if value is None:
        return None
    try:
        return parse_kind_option(str(value))
    except ValueError as exc:
        raise ConfigError(f"{where}: 'kind': {exc}") from exc


def _strings(table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def _choice(table: dict[str, Any], key: str, allowed: tuple[str, ...], default: str, where: str) -> str:
    value = table.get(key, default)
    if value not in allowed:
        raise ConfigError(f"{where}: '{key}' must be one of {', '.join(allowed)}, not {value!r}")
    return str(value)


def merge(config: Config, **flags: Any) -> Config:
    """Command-line values replace the file's; per-rule severities replace per id."""
    changes = {k: v for k, v in flags.items() if v is not None and k != "severity"}
    if flags.get("severity"):
        changes["severity"] = {**config.severity, **flags["severity"]}
    return dataclasses.replace(config, **changes)


def configured_rules(config: Config) -> list[Rule]:
    """The rulebook as configured: selected rules, with severities already overridden.

    Overrides are applied to the rules themselves so that the engine, which fills in severity
    from the rule, reports the configured level without any family knowing about configuration.
    """
    rules = load_rules(list(config.rule_files))
    ids = {r.id for r in rules}
    where = str(config.source) if config.source else "command line"
    for key in ("select", "ignore"):
        for selector in getattr(config, key) or ():
            if not SELECTOR.match(selector) or not any(i.startswith(selector) for i in ids):
                raise ConfigError(f"{where}: '{key}': unknown rule id or prefix {selector!r}")
    for rid, level in config.severity.items():
        if rid not in ids:
            raise ConfigError(f"{where}: 'severity': unknown rule id {rid!r}")
        if level not in LEVELS:
            raise ConfigError(f"{where}: 'severity': {rid} must be one of {', '.join(LEVELS)}, not {level!r}")
    return [dataclasses.replace(r, severity=config.severity.get(r.id, r.severity))
            for r in rules if selected(r.id, config.select, config.ignore)]


def selected(rule_id: str, select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> bool:
    """flake8's rule: the longest matching prefix decides; no `select` means every rule."""
    chosen = 0 if select is None else max((len(p) for p in select if rule_id.startswith(p)), default=-1)
    dropped = max((len(p) for p in ignore if rule_id.startswith(p)), default=-1)
    return chosen > dropped
