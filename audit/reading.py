"""One way to read a report: from one file, a folder, or several files read as one.

`check`, `extract`, `batch` and `--as-one-report` all read through `read_report`, so there is a
single stage boundary where anything a reader raises (UnreadableDocument, or a bug in a reader
library: IndexError, KeyError, MemoryError…) becomes a reason a user can read, and every file
is read exactly once per check. Nothing above this module catches reader exceptions.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from audit import readers
from audit.document import Document, UnreadableDocument
from audit.model import DocumentResult

log = logging.getLogger(__name__)

__all__ = ["MAX_FILE_BYTES", "MAX_NUMBERS", "Reading", "count_characters", "count_numbers", "read_report"]

_DIGIT_RUN = re.compile(r"[0-9\uff10-\uff19]+(?:[,.，．][0-9\uff10-\uff19]+)*")
NO_FILES = "目录（文件夹）中没有报告文件 (no report files in the folder)"
# Larger files are refused before any reader sees them (README, "Limits"): a real disclosure is
# a few MB; a 500-page PDF of 73 MB reads in seconds. Settable through BUDGET_AUDIT_MAX_MB.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ENV = "BUDGET_AUDIT_MAX_MB"
# A text or figures file this large holds at least 8 million characters (UTF-8 uses at most 4
# bytes for one), far over MAX_CHARACTERS: refused before reading rather than after a second and
# a gigabyte per 10 MB of reading.
MAX_TEXT_FILE_BYTES = 32 * 1024 * 1024
# More numbers than this in one report are refused after reading, before extraction: checking
# grows faster than the count (a figure restated n times is in n² relations), and 100,000 took
# 35 s of CPU and 1 GB (README, "Limits"). A 500-page report held 6,740.
MAX_NUMBERS = 50_000
MAX_NUMBERS_ENV = "BUDGET_AUDIT_MAX_NUMBERS"
# Likewise for the length of the text: the county report is 12,600 characters, a 500-page PDF
# 150,000; 100 MB of prose would take minutes and gigabytes to split into sentences.
MAX_CHARACTERS = 2_000_000
MAX_CHARACTERS_ENV = "BUDGET_AUDIT_MAX_CHARACTERS"


@dataclass(frozen=True)
class Reading:
    """A report as read: its name ("a.docx + b.xlsx" for several files) and either the Document
    or the reason it could not be read."""

    name: str
    document: Document | None = None
    error: str | None = None

    def unreadable(self) -> DocumentResult:
        return DocumentResult(path=self.name, status="unreadable", error=self.error)


def read_report(paths: Sequence[str]) -> Reading:
    """Read one report. A single file is read as itself; a folder or several paths are expanded
    (audit.grouping.expand) and merged into one Document. The first unreadable file makes the
    whole report unreadable, its reason prefixed with the file when the report has several."""
    from audit.grouping import expand, merge

    folder = any(os.path.isdir(p) for p in paths)
    files = expand(list(paths)) if folder or len(paths) > 1 else list(paths)
    if not files:
        return Reading(name=" + ".join(paths), error=NO_FILES)
    name = " + ".join(files)
    single = len(files) == 1 and not folder
    docs: list[Document] = []
    for f in files:
        doc, error = read_file(f)
        if doc is None:
            return Reading(name=name, error=error if single else f"{f}: {error}")
        docs.append(doc)
    document = docs[0] if single else merge(docs, name)
    too_large = _too_large(document)
    if too_large:
        return Reading(name=name, error=too_large)
    return Reading(name=name, document=document)


def read_file(path: str) -> tuple[Document | None, str | None]:
    """(Document, None) or (None, reason): the stage boundary for one file."""
    try:
        too_big = _too_big(path)
        if too_big:
            return None, too_big
        return readers.read_document(path), None
    except UnreadableDocument as exc:
        return None, str(exc)
    except Exception as exc:  # stage boundary: a reader bug must not stop the run
        log.debug("reader crashed on %s", path, exc_info=True)
        return None, f"读取失败 (reader failed): {type(exc).__name__}: {exc}"


def _setting(env: str, default: int, scale: int = 1) -> int:
    """A limit from the environment (a positive number), else the default."""
    raw = os.environ.get(env, "").strip()
    try:
        value = int(Decimal(raw) * scale) if raw else default
    except (ArithmeticError, ValueError):
        return default
    return value if value > 0 else default


def max_file_bytes() -> int:
    return _setting(MAX_ENV, MAX_FILE_BYTES, 1024 * 1024)


def count_numbers(doc: Document) -> int:
    """Runs of digits in the prose (with their separators: 1,244.19 is one) plus filled table
    cells: what extraction will have to place. One regex over the joined text, ~2 ms a report."""
    prose = len(_DIGIT_RUN.findall("\n".join(ln.text for ln in doc.lines())))
    cells = sum(1 for t in doc.tables for row in t.rows for c in row.cells if c.text.strip())
    return prose + cells + len(doc.figures)


def count_characters(doc: Document) -> int:
    return sum(len(ln.text) for ln in doc.lines()) + sum(
        len(c.text) for t in doc.tables for row in t.rows for c in row.cells)


def _too_large(doc: Document) -> str | None:
    """The reason a document read is too large to check, or None."""
    chars, char_limit = count_characters(doc), _setting(MAX_CHARACTERS_ENV, MAX_CHARACTERS)
    if chars > char_limit:
        return (f"文本过长：{chars} 个字符，超过上限 {char_limit}（可用环境变量 {MAX_CHARACTERS_ENV} 调整）"
                f" (text too long: {chars} characters, limit {char_limit}; set {MAX_CHARACTERS_ENV} to change)")
    n, limit = count_numbers(doc), _setting(MAX_NUMBERS_ENV, MAX_NUMBERS)
    if n > limit:
        return (f"数字过多：{n} 个，超过上限 {limit}（可用环境变量 {MAX_NUMBERS_ENV} 调整）"
                f" (too many numbers: {n}, limit {limit}; set {MAX_NUMBERS_ENV} to change)")
    return None


def _too_big(path: str) -> str | None:
    try:
        size = Path(path).stat().st_size
    except OSError:
        return None  # the reader says why (missing, permission) in its own words
    limit = max_file_bytes()
    if readers.sniff(path) in {"text", "figures"}:
        limit = min(limit, max(MAX_TEXT_FILE_BYTES, 4 * _setting(MAX_CHARACTERS_ENV, MAX_CHARACTERS)))
    if size <= limit:
        return None
    mb, cap = size / 1024 / 1024, limit / 1024 / 1024
    return (f"文件过大：{mb:.1f} MB，超过上限 {cap:g} MB（可用环境变量 {MAX_ENV} / {MAX_CHARACTERS_ENV} 调整）"
            f" (file too large: {mb:.1f} MB, limit {cap:g} MB; set {MAX_ENV} or {MAX_CHARACTERS_ENV} to change)")
