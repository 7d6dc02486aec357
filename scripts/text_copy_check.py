"""Text copy against its PDF: the same report must give the same findings.

Why: an auditor often holds only a text copy of a report (`pdftotext -layout`, or text copied
out of a viewer). The copy carries the same sentences and tables as the PDF, so the tool must
find the same inconsistencies on it: the same rule, severity and figures as written; only the
places differ (line numbers instead of pages). A finding of the PDF missing on the copy is
*lost*, a finding of the copy missing on the PDF is *new*. A new error is a false error on the
copy (never acceptable); a lost error is a real one the copy misses.

    python scripts/text_copy_check.py                    # every PDF of ../shared/corpus/dev
    python scripts/text_copy_check.py FOLDER_OR_PDF... [--jobs N] [--details]

Copies: `pdftotext -layout` for every PDF, and plain `pdftotext` (reading order, no columns) for
the narrative-only `-text.pdf` files (variant `plain`). Exit code: 0 when no copy has a new
error, 1 otherwise, 2 when pdftotext is missing or no PDF is found.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT.parent / "shared" / "corpus" / "dev"

Key = tuple[str, str, tuple[str, ...]]


def _corpus_check():
    """The corpus check's in-process runner and JSON reading, loaded as a module (scripts/ is no package)."""
    name = "corpus_check"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "corpus_check.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@dataclass
class Pair:
    """One PDF and one of its text copies, with the findings of each."""

    pdf: str
    variant: str
    pdf_findings: list = field(default_factory=list)
    copy_findings: list = field(default_factory=list)
    crash: str | None = None

    @property
    def lost(self) -> list:
        return _difference(self.pdf_findings, self.copy_findings)

    @property
    def new(self) -> list:
        return _difference(self.copy_findings, self.pdf_findings)


def key(f) -> Key:
    """What must agree: rule, severity and the figures as written (whitespace ignored)."""
    return (f.rule, f.severity, tuple(sorted(f.texts)))


def _difference(a: list, b: list) -> list:
    """The findings of `a` whose key `b` lacks. Keys are compared as a set: pdftotext also prints
    text a viewer does not show (lines clipped at a page's edge, repeated from the page before),
    so a copy may state a sentence twice and report its one inconsistency twice."""
    have = {key(f) for f in b}
    out, seen = [], set()
    for f in a:
        k = key(f)
        if k not in have and k not in seen:
            out.append(f)
            seen.add(k)
    return out


def variants(pdf: Path) -> list[str]:
    """`layout` for every PDF; `plain` too for a narrative-only `-text.pdf`."""
    return ["layout", "plain"] if pdf.stem.endswith("-text") else ["layout"]


def make_copy(pdf: Path, variant: str, folder: Path) -> Path:
    """The text copy as an auditor would make it, named after the PDF (the report's title is in it)."""
    out = folder / f"{pdf.stem}.{variant}.txt"
    cmd = ["pdftotext", *(["-layout"] if variant == "layout" else []), str(pdf), str(out)]
    subprocess.run(cmd, check=True, capture_output=True)
    return out


def check_one(pdf: str, copies: Sequence[tuple[str, str]]) -> list[Pair]:
    """Run the tool on a PDF and on each of its copies (in one worker: the PDF is checked once)."""
    cc = _corpus_check()
    base = cc.run_unit([pdf], False)
    pairs = []
    for variant, copy in copies:
        pair = Pair(Path(pdf).name, variant)
        raw = cc.run_unit([copy], False)
        if "crash" in base or "crash" in raw:
            pair.crash = base.get("crash") or raw.get("crash")
        else:
            pair.pdf_findings = _findings(cc, base)
            pair.copy_findings = _findings(cc, raw)
        pairs.append(pair)
    return pairs


def _findings(cc, raw: dict) -> list:
    return [cc._finding(f, d["path"]) for d in raw["report"]["documents"] for f in d["findings"]]


def run(targets: Sequence[Path] = (), jobs: int = 1) -> list[Pair]:
    """Every PDF of the targets against its copies (tests/test_text_copies.py calls this)."""
    pdfs: list[Path] = []
    for t in list(targets) or [DEFAULT_FOLDER]:
        pdfs += sorted(t.glob("*.pdf")) if t.is_dir() else [t] if t.is_file() else []
    with tempfile.TemporaryDirectory(prefix="text-copy-") as tmp:
        work = [(str(p), [(v, str(make_copy(p, v, Path(tmp)))) for v in variants(p)]) for p in pdfs]
        if jobs > 1:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                done = list(pool.map(check_one, *zip(*work, strict=True)))
        else:
            done = [check_one(p, c) for p, c in work]
    return [pair for pairs in done for pair in pairs]


def table(pairs: Sequence[Pair]) -> str:
    """One row per PDF and copy: findings on each, lost and new; errors counted apart."""
    rows = ["| document | copy | PDF | copy | lost | new | PDF errors | copy errors | lost errors | new errors |",
            "|" + "---|" * 10]
    total: Counter[str] = Counter()
    for p in pairs:
        if p.crash:
            rows.append(f"| {p.pdf} | {p.variant} | crash: {p.crash} |" + " |" * 7)
            continue
        cells = {
            "pdf": len(p.pdf_findings), "copy": len(p.copy_findings), "lost": len(p.lost), "new": len(p.new),
            "pdf_e": _errors(p.pdf_findings), "copy_e": _errors(p.copy_findings),
            "lost_e": _errors(p.lost), "new_e": _errors(p.new),
        }
        total.update(cells)
        rows.append(f"| {p.pdf} | {p.variant} | " + " | ".join(str(v) for v in cells.values()) + " |")
    rows.append(f"| **{len(pairs)} copies** | | " + " | ".join(f"**{v}**" for v in total.values()) + " |")
    return "\n".join(rows)


def _errors(findings: list) -> int:
    return sum(f.severity == "error" for f in findings)


def details(pairs: Sequence[Pair], everything: bool = False) -> str:
    """Lost and new errors (and, with `everything`, every lost and new finding)."""
    out = []
    for p in pairs:
        for word, items in (("LOST", p.lost), ("NEW", p.new)):
            for f in items:
                if everything or f.severity == "error":
                    out.append(f"{word} {p.variant}: {f.document} {f.rule} {f.severity} [{', '.join(f.texts)}] {f.message}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], prog="text_copy_check")
    ap.add_argument("targets", nargs="*", type=Path, help="folders or PDFs (default: ../shared/corpus/dev)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    ap.add_argument("--details", action="store_true", help="list every lost and new finding, not only errors")
    args = ap.parse_args(argv)
    missing = [str(t) for t in args.targets if not t.exists()]
    if missing:
        print(f"text_copy_check: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    if shutil.which("pdftotext") is None:
        print("text_copy_check: pdftotext (poppler-utils) is not installed", file=sys.stderr)
        return 2
    pairs = run(args.targets, args.jobs)
    if not pairs:
        print("text_copy_check: no PDF found", file=sys.stderr)
        return 2
    print(table(pairs))
    text = details(pairs, args.details)
    if text:
        print("\n" + text)
    new = sum(_errors(p.new) for p in pairs)
    lost = sum(_errors(p.lost) for p in pairs)
    crashed = sum(bool(p.crash) for p in pairs)
    print(f"\n{'FAIL' if new or crashed else 'ok'}: {new} new error(s) on copies, {lost} lost, {crashed} crash(es)")
    return 1 if new or crashed else 0


if __name__ == "__main__":
    sys.exit(main())
