"""Baseline: accept the findings a draft has today so CI fails only on new ones.

A finding is recognised by what it says, not where it is: the rule, the concept and the
figures as written (the stated figure and every operand). Adding a paragraph above it, or
fixing another sentence, moves its line but not its fingerprint. Identical statements repeated
in a document share one fingerprint, so the baseline keeps a count: a fourth copy of a wrong
figure the baseline accepted three times is new.

Documents are keyed by their path relative to the baseline file, so the baseline works from
whatever directory CI or pre-commit starts in.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from audit.model import AuditResult, DocumentResult, Finding

BASELINE_VERSION = 1


class BaselineError(ValueError):
    """A baseline file that cannot be read or was not written by this tool."""


def fingerprint(f: Finding) -> str:
    """Stable id of a finding: rule, concept, stated and computed values, figures as written."""
    figures = sorted(loc.text or "" for loc in f.locations)
    key = json.dumps([f.rule, f.concept or "", f.actual or "", f.expected or "", figures], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Entry:
    path: str
    fingerprint: str
    rule: str
    count: int
    concept: str | None = None
    figures: tuple[str, ...] = ()
    message: str = ""


@dataclass
class Outcome:
    """What applying a baseline did: the result to report and what it hid or found stale."""

    result: AuditResult
    suppressed: int = 0
    stale: list[Entry] = field(default_factory=list)


def document_key(path: str, baseline_path: str) -> str:
    base = Path(baseline_path).resolve().parent
    return Path(os.path.relpath(Path(path).resolve(), base)).as_posix()


def build(result: AuditResult, baseline_path: str) -> dict[str, Any]:
    """The baseline file's content: sorted, human-readable, so a diff of it can be reviewed."""
    docs: dict[str, list[dict[str, Any]]] = {}
    for doc in result.documents:
        if doc.status != "checked" or not doc.findings:
            continue
        counts = Counter(fingerprint(f) for f in doc.findings)
        first: dict[str, Finding] = {}
        for f in doc.findings:
            first.setdefault(fingerprint(f), f)
        docs[document_key(doc.path, baseline_path)] = [
            {"fingerprint": fp, "rule": f.rule, "concept": f.concept, "count": counts[fp],
             "figures": [loc.text or "" for loc in f.locations], "message": f.message}
            for fp, f in sorted(first.items(), key=lambda kv: (kv[1].rule, kv[0]))
        ]
    return {"version": BASELINE_VERSION, "tool": "budget-audit", "documents": dict(sorted(docs.items()))}


def write(result: AuditResult, baseline_path: str) -> int:
    """Write the baseline; returns how many findings it accepts."""
    data = build(result, baseline_path)
    Path(baseline_path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return sum(e["count"] for entries in data["documents"].values() for e in entries)


def read(baseline_path: str) -> dict[str, list[Entry]]:
    try:
        data = json.loads(Path(baseline_path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BaselineError(f"baseline not found: {baseline_path} (create it with --write-baseline)") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{baseline_path}: not a budget-audit baseline: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("documents"), dict):
        raise BaselineError(f"{baseline_path}: not a budget-audit baseline (version {BASELINE_VERSION})")
    try:
        return {path: [Entry(path=path, fingerprint=e["fingerprint"], rule=e["rule"], count=int(e.get("count", 1)),
                             concept=e.get("concept"), figures=tuple(e.get("figures", ())), message=e.get("message", ""))
                       for e in entries]
                for path, entries in data["documents"].items()}
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BaselineError(f"{baseline_path}: malformed entry: {exc}") from exc


def apply(result: AuditResult, baseline: dict[str, list[Entry]], baseline_path: str) -> Outcome:
    """Hide accepted findings; entries of checked documents that matched nothing are stale.

    Only documents checked in this run can make an entry stale, so pre-commit, which passes
    just the changed files, does not report the rest of the baseline as fixed.
    """
    outcome = Outcome(result=result)
    documents: list[DocumentResult] = []
    for doc in result.documents:
        entries = baseline.get(document_key(doc.path, baseline_path), [])
        if doc.status != "checked":
            documents.append(doc)
            continue
        budget = Counter({e.fingerprint: e.count for e in entries})
        kept = []
        for f in doc.findings:
            fp = fingerprint(f)
            if budget[fp] > 0:
                budget[fp] -= 1
                outcome.suppressed += 1
            else:
                kept.append(f)
        outcome.stale += [replace(e, count=budget[e.fingerprint]) for e in entries if budget[e.fingerprint] > 0]
        documents.append(replace(doc, findings=kept))
    outcome.result = replace(result, documents=documents)
    return outcome
