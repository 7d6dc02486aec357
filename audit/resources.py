"""Where the rule packs live at run time: the installed package audit.rules (the repo's rules/)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def rules_dir() -> Path:
    return Path(str(resources.files("audit.rules")))


def load_yaml(name: str) -> Any:
    with (rules_dir() / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)
