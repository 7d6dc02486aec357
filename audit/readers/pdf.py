"""PDF reader: text layer to Document (prose paragraphs + the nine tables), without OCR.

Tables are rebuilt from text positions instead of with pdfplumber or PyMuPDF's find_tables:
those detect ruling lines and cost 1.3 s and 6.6 s on a 25-page report, against well under
0.3 s here (see docs/pdf.md). Everything that can go wrong with a bad file is turned into
UnreadableDocument at this boundary, so callers have one failure to handle.
"""

from __future__ import annotations

import logging
import os

import pymupdf

from audit.document import Document, UnreadableDocument
from audit.readers.pdf_layout import VLine, page_frags, visual_lines
from audit.readers.pdf_narrative import paragraphs
from audit.readers.pdf_pages import split_pages

__all__ = ["MUPDF_LOG", "quiet_mupdf", "read_pdf"]

_TAIL = 2048
MUPDF_LOG = "audit.readers.pdf.mupdf"
# A damaged file can make MuPDF repeat one warning per object; a note keeps the first few.
_MAX_NOTES = 20


def quiet_mupdf() -> None:
    """MuPDF prints "MuPDF error: …" with print() on stdout, ahead of a --format json report (and
    even with -o); its warnings go to stderr through a progress bar. Display is switched off and
    PyMuPDF's own messages go to Python logging; what MuPDF said is kept as a note instead."""
    pymupdf.TOOLS.mupdf_display_errors(False)
    pymupdf.TOOLS.mupdf_display_warnings(False)
    pymupdf.set_messages(pylogging=True, pylogging_name=MUPDF_LOG, pylogging_level=logging.DEBUG)


quiet_mupdf()


def read_pdf(path: str) -> Document:
    """Read a text-layer PDF; raise UnreadableDocument for scans, passwords and damaged files."""
    pymupdf.TOOLS.reset_mupdf_warnings()
    doc = _open(path)
    try:
        pages = _read_pages(doc)
    finally:
        doc.close()
    notes = mupdf_notes()
    if not any(lines for lines, _ in pages):
        raise UnreadableDocument("无文字层：扫描件，需要OCR识别 (no text layer: scanned document, needs OCR)")
    prose, tables, captions = split_pages(pages)
    return Document(
        path=path,
        kind="pdf",
        paragraphs=paragraphs(prose, [w for _, w in pages], captions),
        tables=tables,
        pages=len(pages),
        notes=notes,
    )


def mupdf_notes() -> list[str]:
    """What MuPDF reported while reading (repairs, broken streams), once each, then cleared."""
    seen: dict[str, None] = {}
    for line in pymupdf.TOOLS.mupdf_warnings(reset=True).splitlines():
        if line.strip():
            seen.setdefault(f"MuPDF: {line.strip()}", None)
    notes = list(seen)[:_MAX_NOTES]
    if notes:
        logging.getLogger(MUPDF_LOG).debug("%d MuPDF message(s): %s", len(notes), notes)
    return notes


def _open(path: str) -> pymupdf.Document:
    """Open and vet the file; MuPDF silently repairs truncated files, which would lose pages."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
            fh.seek(max(0, os.fstat(fh.fileno()).st_size - _TAIL))
            tail = fh.read()
    except OSError as exc:
        raise UnreadableDocument(f"无法打开文件 (cannot open file): {exc.strerror or exc}") from exc
    if b"%PDF-" not in head:
        raise UnreadableDocument("不是PDF文件 (not a PDF file: no %PDF header)")
    if b"%%EOF" not in tail:
        raise UnreadableDocument("PDF文件已损坏：文件不完整 (damaged PDF: file is truncated, no %%EOF trailer)")
    try:
        doc = pymupdf.open(path, filetype="pdf")
    except (pymupdf.FileDataError, RuntimeError, ValueError) as exc:
        raise UnreadableDocument(f"PDF文件已损坏 (damaged PDF): {exc}") from exc
    if doc.needs_pass and not doc.authenticate(""):
        doc.close()
        raise UnreadableDocument("PDF已加密，需要密码才能打开 (encrypted PDF: a password is required)")
    if doc.page_count == 0:
        doc.close()
        raise UnreadableDocument("PDF文件已损坏：没有页面 (damaged PDF: no pages)")
    return doc


def _read_pages(doc: pymupdf.Document) -> list[tuple[list[VLine], float]]:
    try:
        return [(visual_lines(page_frags(page)), page.rect.width) for page in doc]
    except (RuntimeError, ValueError) as exc:
        raise UnreadableDocument(f"PDF文件已损坏：无法读取页面内容 (damaged PDF: cannot read page content): {exc}") from exc
