"""Where the rule packs live at run time: the installed package audit.rules (the repo's rules/)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

# The C loader when PyYAML has it: loading the rule packs is most of a plain check's start-up.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def rules_dir() -> Path:
    return Path(str(resources.files("audit.rules")))


def load_yaml(name: str) -> Any:
    with (rules_dir() / name).open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
