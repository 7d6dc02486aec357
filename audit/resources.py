"""Where the rule packs live at run time: the installed package audit.rules (the repo's rules/)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from audit.yaml_cache import load_cached


def rules_dir() -> Path:
    return Path(str(resources.files("audit.rules")))


def load_yaml(name: str) -> Any:
    """A vocabulary file of the package, parsed (or taken from the cache of parsed files)."""
    return load_cached((rules_dir() / name).read_text(encoding="utf-8"))
