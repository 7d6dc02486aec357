"""Several files that make up one report (a .docx narrative and an .xlsx of tables), checked as one.

Drafts often travel as a Word explanation plus an Excel workbook of the nine tables; only
together do they let the narrative-vs-table rules run. Files are read separately, then merged:
paragraphs in the order the files were given, tables concatenated, pre-extracted figures
appended with their indices and claim ids shifted. Each Line keeps its own file's path, so a
finding still says which file a figure is in; the merged report is named "a.docx + b.xlsx".
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from audit.document import Document, Paragraph
from audit.model import DocumentResult
from audit.rulebook import Rule

__all__ = ["check_as_one", "expand", "group_report_files", "merge"]

NARRATIVE = {".docx", ".txt", ".text", ".md", ".pdf"}
TABLES = {".xlsx", ".xlsm", ".xls"}
REPORT_SUFFIXES = NARRATIVE | TABLES | {".csv", ".json", ".yaml", ".yml"}
# Words that name the part rather than the report: 茂县人社局决算-说明.docx / 茂县人社局决算-附表.xlsx.
_PART_WORDS = ("情况说明", "说明", "正文", "文字", "附表", "报表", "表格", "决算表", "九张表", "tables", "table",
               "narrative", "text", "draft")
# Part words that name the tables of a report, for pairing two PDFs of one publication.
_TABLE_WORDS = ("附表", "报表", "表格", "决算表", "预算表", "tables", "table")


def expand(paths: list[str]) -> list[str]:
    """Folders become the report files they hold (sorted, not recursive); files stay as given."""
    out: list[str] = []
    for p in paths:
        if Path(p).is_dir():
            out += sorted(str(f) for f in Path(p).iterdir()
                          if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES and not f.name.startswith(("~$", ".")))
        else:
            out.append(p)
    return out


def merge(docs: list[Document], path: str) -> Document:
    """One Document from several; narrative lines and figures keep the path of their own file."""
    merged = Document(path=path, kind="+".join(d.kind for d in docs))
    for doc in docs:
        for p in doc.paragraphs:
            merged.paragraphs.append(Paragraph([ln if ln.path else replace(ln, path=doc.path) for ln in p.lines]))
        merged.tables.extend(t if t.path else replace(t, path=doc.path) for t in doc.tables)
        shift = len(merged.figures)
        claim_shift = max(merged.claims, default=-1) + 1
        for f in doc.figures:
            merged.figures.append(replace(f, index=f.index + shift,
                                          claim=None if f.claim is None else f.claim + claim_shift))
        merged.parents.update({c + shift: h + shift for c, h in doc.parents.items()})
        merged.claims.update({c + claim_shift: replace(info, id=c + claim_shift) for c, info in doc.claims.items()})
        merged.notes.extend(f"{doc.path}: {note}" for note in doc.notes)
    merged.pages = sum(d.pages or 0 for d in docs) or None
    return merged


def check_as_one(paths: list[str], rules: list[Rule], lang: str = "zh", kind: str | None = None) -> DocumentResult:
    """Read every file (folders expanded) and check them as one report; any unreadable file stops it."""
    from audit.pipeline import check_report

    return check_report(list(paths), rules, lang, kind)


def _stem(path: str) -> str:
    stem = Path(path).stem.lower()
    for word in _PART_WORDS:
        stem = stem.replace(word, "")
    return stem.strip(" -_—.()（）[]【】")


def _pair_pdfs(files: list[str], taken: set[str], groups: dict[str, list[str]]) -> None:
    """A narrative PDF and its tables PDF (…-text.pdf / …-tables.pdf, as Jiangsu publishes a
    budget) are one report when their names agree once the part words are removed."""
    pdfs = [f for f in files if Path(f).suffix.lower() == ".pdf" and f not in taken]
    tables = [f for f in pdfs if any(w in Path(f).stem.lower() for w in _TABLE_WORDS)]
    for w in pdfs:
        if w in taken or w in tables:
            continue
        mates = [t for t in tables if t not in taken and _stem(t) and _stem(t) == _stem(w)]
        if mates:
            groups[w] = [w, *mates]
            taken.update([w, *mates])


def group_report_files(paths: list[str]) -> list[list[str]]:
    """Which files belong to one report, for batch runs.

    A .docx narrative is grouped with the workbooks beside it: with the one whose name has the
    same stem once part words (说明, 附表, tables…) are removed, or, when its folder holds just
    one narrative, with every workbook in that folder. A narrative PDF is grouped with the PDF of
    its tables of the same stem (…-text.pdf, …-tables.pdf). Everything else is a report of its own.
    Groups keep the narrative first and the input order otherwise.
    """
    files = expand(paths)
    by_dir: dict[Path, list[str]] = {}
    for f in files:
        by_dir.setdefault(Path(f).parent, []).append(f)
    taken: set[str] = set()
    groups: dict[str, list[str]] = {}
    for folder_files in by_dir.values():
        words = [f for f in folder_files if Path(f).suffix.lower() == ".docx"]
        books = [f for f in folder_files if Path(f).suffix.lower() in TABLES]
        for w in words:
            mates = [b for b in books if b not in taken and _stem(b) and _stem(b) == _stem(w)]
            if not mates and len(words) == 1:
                mates = [b for b in books if b not in taken]
            if mates:
                groups[w] = [w, *mates]
                taken.update([w, *mates])
        _pair_pdfs(folder_files, taken, groups)
    out: list[list[str]] = []
    for f in files:
        if f in groups:
            out.append(groups[f])
        elif f not in taken:
            out.append([f])
    return out
