"""Real-corpus regression check: run budget-audit over folders of real reports and compare every
error-level finding with committed expectations, as ruff's ecosystem check and mypy_primer do.

Why: unit tests use made-up sentences; only real reports show what the tool gets wrong on text it
has never seen. Every error the tool reports on a real report must be a real inconsistency of
that report, and every confirmed inconsistency must stay found.

    python scripts/corpus_check.py                       # ../shared/corpus and ../shared/corpus/dev
    python scripts/corpus_check.py FOLDER_OR_FILE... [--as-one-report] [--strict] [--jobs N]
    python scripts/corpus_check.py --write-draft draft.yaml   # today's errors, for review

Two committed files (tests/corpus/):
- expected-errors.yaml: the real inconsistencies only (document, rule, page or line, figures as
  written, one line of arithmetic). `status: missing` marks a defect the tool does not find yet
  (reported as a known gap, never fatal; once found, set `status: found` and losing it fails).
  `severity: warning` entries (e.g. shares forced to total 100%) are expected warnings: reported,
  never fatal, but the same finding raised as an error is unexpected. `unreadable:` lists the
  documents the tool may refuse (blank workbooks).
- known-false-errors.yaml: today's false errors, each with the cause found in triage
  (docs/corpus-triage.md). They are tolerated so that CI catches *new* false errors while the
  causes are being fixed; `--strict` ignores this list (the goal of issue 11: zero). Entries no
  longer produced are listed as fixed, so they can be deleted.

A finding matches an entry on document (file name of the figure's own file, so a `-text.pdf` +
`-tables.pdf` pair checked with --as-one-report matches the same entries), rule, severity, every
listed figure text among the finding's figures, and page (PDF) or line ±2 (text); never column.

Exit code: 0 clean; 1 an unexpected error, a lost expected finding, a crash or an unexpected
unreadable document; 2 bad arguments or expectations file.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = (ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "corpus" / "dev")
EXPECTED = ROOT / "tests" / "corpus" / "expected-errors.yaml"
KNOWN_FALSE = ROOT / "tests" / "corpus" / "known-false-errors.yaml"
SUFFIXES = {".txt", ".pdf", ".docx", ".xlsx", ".xls", ".html", ".htm", ".csv", ".json", ".yaml", ".yml"}
LINE_DRIFT = 2
PAIR_WORDS = ("-text", "-tables")


class ExpectationError(Exception):
    """A malformed expectations file: reported with its entry, exit code 2."""


@dataclass(frozen=True)
class Entry:
    """One expected (or known false) finding."""

    document: str
    rule: str | None
    severity: str
    page: int | None
    line: int | None
    figures: tuple[str, ...]
    status: str = "found"
    note: str = ""
    source: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def matches(self, f: Finding) -> bool:
        if f.document != self.document or f.severity != self.severity:
            return False
        if self.rule is not None and f.rule != self.rule:
            return False
        if self.page is not None and self.page not in f.pages:
            return False
        if self.line is not None and not any(abs(self.line - n) <= LINE_DRIFT for n in f.lines):
            return False
        return all(_norm(x) in f.figures for x in self.figures)

    def label(self) -> str:
        where = f"p.{self.page}" if self.page else f"l.{self.line}" if self.line else "anywhere"
        return f"{self.document} {self.rule or '*'} {where} [{', '.join(self.figures) or '*'}]"


@dataclass(frozen=True)
class Finding:
    """The parts of a JSON report finding that matching looks at, plus what a reader needs."""

    document: str
    rule: str
    severity: str
    pages: frozenset[int]
    lines: frozenset[int]
    figures: frozenset[str]
    first_page: int | None
    first_line: int | None
    texts: tuple[str, ...]
    message: str

    def label(self) -> str:
        where = f"p.{self.first_page}" if self.first_page else f"l.{self.first_line}"
        return f"{self.document} {self.rule} {where} [{', '.join(self.texts)}] {self.message}"


@dataclass
class DocOutcome:
    """One checked unit (a file, or a pair with --as-one-report)."""

    name: str
    status: str
    seconds: float
    error: str | None = None
    findings: list[Finding] = field(default_factory=list)
    figures: int = 0
    tables: int = 0


@dataclass
class Outcome:
    """Everything the table and the exit code are made of."""

    docs: list[DocOutcome]
    expected_found: list[Entry]
    expected_lost: list[Entry]
    gaps: list[Entry]
    gaps_now_found: list[Entry]
    warnings_found: list[Entry]
    warnings_missing: list[Entry]
    known_false: list[Finding]
    known_false_fixed: list[Entry]
    unexpected: list[Finding]
    unexpected_unreadable: list[DocOutcome]
    crashed: list[DocOutcome]

    @property
    def failed(self) -> bool:
        return bool(self.unexpected or self.expected_lost or self.unexpected_unreadable or self.crashed)


def _norm(text: str) -> str:
    return "".join(str(text).split())


# ---------------------------------------------------------------- expectations


def load_entries(path: Path, key: str = "findings") -> tuple[list[Entry], set[str]]:
    """Entries and the documents allowed to be unreadable; a malformed entry is named, not guessed."""
    if not path.is_file():
        raise ExpectationError(f"{path}: no such expectations file")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ExpectationError(f"{path}: not valid YAML: {exc}") from exc
    entries = [_entry(raw, path, i) for i, raw in enumerate(data.get(key) or [])]
    unreadable = {str(u["document"]) for u in data.get("unreadable") or []}
    return entries, unreadable


def _entry(raw: Any, path: Path, i: int) -> Entry:
    if not isinstance(raw, dict) or "document" not in raw:
        raise ExpectationError(f"{path}: entry {i + 1} needs at least a document")
    severity = raw.get("severity", "error")
    status = {"known-gap": "missing"}.get(raw.get("status", "found"), raw.get("status", "found"))
    if severity not in ("error", "warning", "info") or status not in ("found", "missing"):
        raise ExpectationError(f"{path}: entry {i + 1}: severity or status not understood")
    figures = raw.get("figures") or []
    if isinstance(figures, str | int | float):
        figures = [figures]
    return Entry(document=str(raw["document"]), rule=raw.get("rule"), severity=severity,
                 page=raw.get("page"), line=raw.get("line"), figures=tuple(str(x) for x in figures),
                 status=status, note=str(raw.get("why") or raw.get("cause") or ""), source=raw)


# ---------------------------------------------------------------- running the tool


def collect(targets: Sequence[Path]) -> list[Path]:
    """Report files of the folders (not recursive) and the files given; README/REVIEW are not reports."""
    files: list[Path] = []
    for t in targets:
        if t.is_dir():
            files += sorted(p for p in t.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif t.is_file():
            files.append(t)
    names = Counter(p.name for p in files)
    clash = [n for n, c in names.items() if c > 1]
    if clash:
        raise ExpectationError(f"two reports share a file name (entries name documents by file name): {clash}")
    return files


def units(files: Sequence[Path], as_one_report: bool) -> list[list[Path]]:
    """Each file alone, or a Jiangsu `X-text.pdf` + `X-tables.pdf` pair as one report."""
    if not as_one_report:
        return [[p] for p in files]
    groups: dict[str, list[Path]] = {}
    for p in files:
        stem = p.stem
        for word in PAIR_WORDS:
            if stem.endswith(word):
                stem = stem[: -len(word)]
        groups.setdefault(str(p.with_name(stem)), []).append(p)
    return [sorted(g, key=lambda p: (not p.stem.endswith("-text"), p.name)) for g in groups.values()]


def run_unit(paths: Sequence[str], as_one: bool) -> dict[str, Any]:
    """`budget-audit check --format json` in this process; the JSON report is the contract."""
    from audit.cli import main

    fd, out = tempfile.mkstemp(suffix=".json")
    os.close(fd)
    args = ["check", *paths, "--format", "json", "--isolated", "-o", out] + (["--as-one-report"] if as_one else [])
    start = time.perf_counter()
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            try:
                main.main(args, standalone_mode=False)
            except SystemExit:
                pass
        report = json.loads(Path(out).read_text(encoding="utf-8"))
        return {"report": report, "seconds": time.perf_counter() - start}
    except Exception as exc:  # the check reports a crash as a failure of that document, never stops
        return {"crash": f"{type(exc).__name__}: {exc}", "seconds": time.perf_counter() - start}
    finally:
        Path(out).unlink(missing_ok=True)


def check_units(groups: Sequence[Sequence[Path]], as_one: bool, jobs: int) -> list[DocOutcome]:
    args = [[str(p) for p in g] for g in groups]
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            raw = list(pool.map(run_unit, args, [as_one] * len(args)))
    else:
        raw = [run_unit(a, as_one) for a in args]
    return [_outcome(g, r) for g, r in zip(groups, raw, strict=True)]


def _outcome(group: Sequence[Path], raw: dict[str, Any]) -> DocOutcome:
    name = " + ".join(p.name for p in group)
    if "crash" in raw:
        return DocOutcome(name, "crashed", raw["seconds"], raw["crash"])
    docs = raw["report"]["documents"]
    status = "unreadable" if any(d["status"] == "unreadable" for d in docs) else "checked"
    error = "; ".join(d.get("error") or "" for d in docs if d["status"] == "unreadable") or None
    found = [_finding(f, d["path"]) for d in docs for f in d["findings"]]
    stats = [d.get("stats") or {} for d in docs]
    return DocOutcome(name, status, raw["seconds"], error, found, figures=sum(s.get("facts", 0) for s in stats),
                      tables=sum(len(s.get("tables") or {}) for s in stats))


def _finding(f: dict[str, Any], doc_path: str) -> Finding:
    locs = f.get("locations") or []
    own = [loc for loc in locs if loc.get("path")]
    document = Path(own[0]["path"] if own else doc_path).name
    texts = tuple(_norm(loc["text"]) for loc in locs if loc.get("text"))
    first = locs[0] if locs else {}
    return Finding(document=document, rule=f["rule"], severity=f["severity"],
                   pages=frozenset(loc["page"] for loc in locs if loc.get("page")),
                   lines=frozenset(loc["line"] for loc in locs if loc.get("line")),
                   figures=frozenset(texts), first_page=first.get("page"), first_line=first.get("line"),
                   texts=texts, message=f.get("message", ""))


# ---------------------------------------------------------------- comparing


def compare(docs: list[DocOutcome], expected: list[Entry], known_false: list[Entry],
            may_be_unreadable: set[str], strict: bool = False) -> Outcome:
    """Sort every finding and every entry into the table's columns."""
    checked = {p for d in docs for p in d.name.split(" + ")}
    expected = [e for e in expected if e.document in checked]
    known_false = [] if strict else [e for e in known_false if e.document in checked]
    findings = [f for d in docs for f in d.findings]
    errors = [f for f in findings if f.severity == "error"]

    def hit(e: Entry) -> bool:
        return any(e.matches(f) for f in findings)

    fatal = [e for e in expected if e.severity == "error"]
    warned = [e for e in expected if e.severity != "error"]
    unexpected, tolerated = [], []
    for f in errors:
        if any(e.matches(f) for e in fatal):
            continue
        (tolerated if any(e.matches(f) for e in known_false) else unexpected).append(f)
    return Outcome(
        docs=docs,
        expected_found=[e for e in fatal if e.status == "found" and hit(e)],
        expected_lost=[e for e in fatal if e.status == "found" and not hit(e)],
        gaps=[e for e in fatal if e.status == "missing" and not hit(e)],
        gaps_now_found=[e for e in fatal if e.status == "missing" and hit(e)],
        warnings_found=[e for e in warned if hit(e)],
        warnings_missing=[e for e in warned if not hit(e)],
        known_false=tolerated, known_false_fixed=[e for e in known_false if not hit(e)],
        unexpected=unexpected,
        unexpected_unreadable=[d for d in docs if d.status == "unreadable"
                               and not set(d.name.split(" + ")) <= may_be_unreadable],
        crashed=[d for d in docs if d.status == "crashed"])


# ---------------------------------------------------------------- output


def table(out: Outcome) -> str:
    """A Markdown table, one row per checked unit, and a total row (README shows this)."""
    head = ("| document | status | s | figures | tables | errors | warnings | infos | expected found "
            "| known false | unexpected errors | expected lost | known gaps |")
    rows = [head, "|" + "---|" * 13]
    totals = Counter()
    for d in out.docs:
        names = set(d.name.split(" + "))
        sev = Counter(f.severity for f in d.findings)
        cells = {
            "figures": d.figures, "tables": d.tables, "errors": sev["error"], "warnings": sev["warning"], "infos": sev["info"],
            "found": sum(e.document in names for e in out.expected_found),
            "false": sum(f.document in names for f in out.known_false),
            "unexpected": sum(f.document in names for f in out.unexpected),
            "lost": sum(e.document in names for e in out.expected_lost),
            "gaps": sum(e.document in names for e in out.gaps),
        }
        totals.update(cells)
        rows.append(f"| {d.name} | {d.status} | {d.seconds:.1f} | " + " | ".join(str(v) for v in cells.values()) + " |")
    seconds = sum(d.seconds for d in out.docs)
    rows.append(f"| **{len(out.docs)} documents** | | {seconds:.0f} | "
                + " | ".join(f"**{v}**" for v in totals.values()) + " |")
    return "\n".join(rows)


def details(out: Outcome) -> str:
    parts: list[str] = []

    def block(title: str, items: Iterable[Any]) -> None:
        lines = [f"  {x.label()}" + (f"  ({x.note})" if isinstance(x, Entry) and x.note else "") for x in items]
        if lines:
            parts.append(f"{title} ({len(lines)}):\n" + "\n".join(lines))

    block("UNEXPECTED ERRORS", out.unexpected)
    block("EXPECTED ERRORS LOST", out.expected_lost)
    for d in out.crashed + out.unexpected_unreadable:
        parts.append(f"{d.status.upper()}: {d.name}: {d.error}")
    block("known gaps now found (set status: found in expected-errors.yaml)", out.gaps_now_found)
    block("known gaps, not yet found", out.gaps)
    block("expected warnings not reported (non-fatal)", out.warnings_missing)
    block("known false errors no longer reported (delete them from known-false-errors.yaml)",
          out.known_false_fixed)
    return "\n\n".join(parts)


def draft(out: Outcome, expected: list[Entry], known_false: list[Entry]) -> str:
    """Every current error as an entry to review: matched entries keep their notes, others say TODO."""
    items = []
    for d in out.docs:
        for f in d.findings:
            if f.severity != "error":
                continue
            prior = next((e for e in expected if e.severity == "error" and e.matches(f)), None)
            false = next((e for e in known_false if e.matches(f)), None)
            item: dict[str, Any] = {"document": f.document, "rule": f.rule, "severity": f.severity}
            item.update({"page": f.first_page} if f.first_page else {"line": f.first_line})
            item["figures"] = list(dict.fromkeys(f.texts))[:2]
            item["message"] = f.message
            item["verdict"] = "real" if prior else "false" if false else "TODO"
            if false and not prior:
                item["cause"] = false.source.get("cause", "TODO")
            else:
                item["why"] = prior.note if prior else "TODO: the arithmetic if real, else the cause"
            items.append(item)
    return yaml.safe_dump({"findings": items}, allow_unicode=True, sort_keys=False, width=200)


# ---------------------------------------------------------------- command line


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], prog="corpus_check")
    ap.add_argument("targets", nargs="*", type=Path, help="folders or files (default: ../shared/corpus and its dev/)")
    ap.add_argument("--expected", type=Path, default=EXPECTED)
    ap.add_argument("--known-false", type=Path, default=KNOWN_FALSE)
    ap.add_argument("--strict", action="store_true", help="ignore the known-false list: every false error fails")
    ap.add_argument("--as-one-report", action="store_true", help="check a -text.pdf + -tables.pdf pair as one report")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    ap.add_argument("--write-draft", type=Path, metavar="FILE", help="write every current error as YAML to review")
    return ap.parse_args(argv)


def run(targets: Sequence[Path] = (), *, expected_file: Path = EXPECTED, known_false_file: Path = KNOWN_FALSE,
        strict: bool = False, as_one_report: bool = False, jobs: int = 1) -> tuple[Outcome, list[Entry], list[Entry]]:
    """The whole check as a function (tests/test_corpus.py calls this)."""
    expected, may_be_unreadable = load_entries(expected_file)
    known_false, _ = load_entries(known_false_file)
    files = collect(list(targets) or [p for p in DEFAULT_FOLDERS if p.is_dir()])
    docs = check_units(units(files, as_one_report), as_one_report, jobs)
    return compare(docs, expected, known_false, may_be_unreadable, strict), expected, known_false


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    try:
        out, expected, known_false = run(args.targets, expected_file=args.expected, known_false_file=args.known_false,
                                         strict=args.strict, as_one_report=args.as_one_report, jobs=args.jobs)
    except ExpectationError as exc:
        print(f"corpus_check: {exc}", file=sys.stderr)
        return 2
    if not out.docs:
        print("corpus_check: no reports found", file=sys.stderr)
        return 2
    print(table(out))
    text = details(out)
    if text:
        print("\n" + text)
    if args.write_draft:
        args.write_draft.write_text(draft(out, expected, known_false), encoding="utf-8")
        print(f"\ndraft of {sum(f.severity == 'error' for d in out.docs for f in d.findings)} errors: {args.write_draft}")
    verdict = "FAIL" if out.failed else "ok"
    print(f"\n{verdict}: {len(out.unexpected)} unexpected error(s), {len(out.expected_lost)} expected lost, "
          f"{len(out.expected_found)} expected found, {len(out.known_false)} known false, {len(out.gaps)} known gap(s), "
          f"{len(out.warnings_found)}/{len(out.warnings_found) + len(out.warnings_missing)} expected warnings/infos")
    return 1 if out.failed else 0


if __name__ == "__main__":
    sys.exit(main())
