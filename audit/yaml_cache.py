"""Parsed YAML kept between runs, so a check does not rebuild the rule packs every time.

Building Python objects from the rule YAML is a third of a plain check's start-up (the C parser
is fast, PyYAML's constructor is not). The parsed data is stored as JSON, named by a hash of the
text it came from, in the user's cache folder: a changed rule file has a new hash and is parsed
again, so the cache can never answer with stale rules. JSON rather than pickle or marshal:
loading it can only ever build plain data, whatever the file holds.

The cache is an optimisation only. Any failure to read or write it (read-only home, full disk,
a damaged file) falls back to parsing, silently. `BUDGET_AUDIT_NO_CACHE=1` turns it off;
`BUDGET_AUDIT_CACHE_DIR` moves it (default `$XDG_CACHE_HOME/budget-audit`, else
`~/.cache/budget-audit`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

# Bumped when the stored form changes; the Python minor version is part of the key as well.
FORMAT = "yaml-json-1"


def cache_dir() -> Path | None:
    """Where parsed files are kept, or None when the user turned the cache off."""
    if os.environ.get("BUDGET_AUDIT_NO_CACHE"):
        return None
    explicit = os.environ.get("BUDGET_AUDIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "budget-audit"


def parse_yaml(text: str) -> Any:
    """The YAML text as plain data, with PyYAML's C loader when it has one. yaml is imported
    here, not at module level: a run whose rule files are all cached never imports it."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


def load_cached(text: str) -> Any:
    """`parse_yaml(text)`, from the cache when this exact text was parsed before. Raises what
    `parse_yaml` raises (yaml.YAMLError) for text that is not YAML; never raises for the cache."""
    folder = cache_dir()
    if folder is None:
        return parse_yaml(text)
    key = hashlib.sha256(f"{FORMAT}\0{sys.version_info[:2]}\0{text}".encode()).hexdigest()
    path = folder / f"{key}.json"
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        pass  # not cached yet, or unreadable: parse and (re)write below
    data = parse_yaml(text)
    _store(path, data)
    return data


def _store(path: Path, data: Any) -> None:
    """Write only data that JSON gives back unchanged (no integer keys, dates or tuples), through
    a temporary file renamed into place, so a reader never sees half a file."""
    try:
        encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if json.loads(encoded) != data:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(encoded, encoding="utf-8")
        os.replace(tmp, path)
    except (OSError, TypeError, ValueError):
        return
