"""Which files a batch checks, and which of them form one report.

Folders are walked recursively and globs expanded; within folders only supported formats are
taken (a bureau's folder also holds scans, zips and Office lock files), and every file left out
is counted so nothing disappears silently. A file named explicitly is always taken, so an
unsupported one gets a row with its reason instead of vanishing.

Grouping a .docx narrative with its .xlsx tables is audit.grouping's job; `grouping_module()` is
the one switch (None means every file is its own report).
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from audit.readers import TEXT_SUFFIXES

SUPPORTED = TEXT_SUFFIXES | {".pdf", ".docx", ".xlsx", ".xls", ".xlsm", ".csv", ".json", ".yaml", ".yml"}


@dataclass
class Inputs:
    files: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # in folders, not a supported format
    missing: list[str] = field(default_factory=list)  # inputs that named nothing


def collect(inputs: list[str], exclude: set[str] | None = None) -> Inputs:
    """Expand folders and globs in order; `exclude` keeps this run's own outputs out."""
    excluded = {os.path.abspath(p) for p in exclude or set()}
    found = Inputs()
    seen: set[str] = set()

    def take(path: str, named: bool) -> None:
        key = os.path.abspath(path)
        if key in seen or key in excluded:
            return
        seen.add(key)
        name = Path(path).name
        if not named and (name.startswith((".", "~$")) or Path(path).suffix.lower() not in SUPPORTED):
            found.skipped.append(path)
            return
        found.files.append(path)

    for item in inputs:
        if os.path.isdir(item):
            for path in sorted(str(p) for p in Path(item).rglob("*") if p.is_file()):
                take(path, named=False)
        elif os.path.exists(item):
            take(item, named=True)
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            for path in matches:
                if os.path.isdir(path):
                    for sub in sorted(str(p) for p in Path(path).rglob("*") if p.is_file()):
                        take(sub, named=False)
                else:
                    take(path, named=False)
            if not matches:
                found.missing.append(item)
        else:
            found.missing.append(item)
    return found


def grouping_module() -> ModuleType | None:
    """The module that groups files into reports (audit.grouping); a test replaces this function
    with one returning None for one report per file."""
    from audit import grouping

    return grouping


def group(files: list[str]) -> list[tuple[str, ...]]:
    """The reports to check: groups from audit.grouping, or one file each without it."""
    grouping = grouping_module()
    if grouping is None:
        return [(path,) for path in files]
    return [tuple(paths) for paths in grouping.group_report_files(files) if paths]
