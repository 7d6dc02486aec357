"""Format dispatch: a path in, a Document out, or UnreadableDocument with a reason for users."""

from __future__ import annotations

from pathlib import Path

from audit.document import Document, UnreadableDocument

TEXT_SUFFIXES = {".txt", ".text", ".md"}


def sniff(path: str) -> str:
    """The reader to use, by suffix first and by the first bytes when the suffix says nothing."""
    suffix = Path(path).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix == ".pdf":
        return "pdf"
    if suffix in {".docx", ".xlsx", ".xls", ".xlsm"}:
        return suffix[1:]
    if suffix in {".csv", ".json", ".yaml", ".yml"}:
        return "figures"
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return "text"
    if head.startswith(b"%PDF"):
        return "pdf"
    return "text"


def read_document(path: str) -> Document:
    kind = sniff(path)
    if not Path(path).exists():
        raise UnreadableDocument("文件不存在 (file not found)")
    if kind == "text":
        from audit.readers.text import read_text

        return read_text(path)
    if kind == "pdf":
        from audit.readers.pdf import read_pdf

        return read_pdf(path)
    if kind == "docx":
        from audit.readers.docx import read_docx

        return read_docx(path)
    if kind in {"xlsx", "xls", "xlsm"}:
        from audit.readers.xlsx import read_workbook

        return read_workbook(path)
    if kind == "figures":
        from audit.readers.figures import read_figures

        return read_figures(path)
    raise UnreadableDocument(f"不支持的文件类型 (unsupported file type): {Path(path).suffix}")
