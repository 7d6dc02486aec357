"""Seed files for the fuzz suite, built from the bundled samples at run time (no binaries kept):
a text excerpt, a three-page cut of the PDF sample, a Word file and Excel/xls workbooks of its
tables, and figures files (csv, json, yaml) extracted from the text. Each is built once."""

from __future__ import annotations

import io
import tempfile
from functools import cache
from pathlib import Path

from fuzz.hostile import PDF_SAMPLE, TEXT_SAMPLE, small_pdf

# How much of the county report a text seed keeps: enough for every narrative family to fire,
# short enough that a check takes a fraction of a second.
TEXT_CHARS = 4000


@cache
def text() -> bytes:
    return TEXT_SAMPLE.read_text(encoding="utf-8")[:TEXT_CHARS].encode("utf-8")


@cache
def pdf() -> bytes:
    """Three pages of the real PDF (its first table pages included), with a small synthetic one
    when the sample is missing."""
    import pymupdf

    if not PDF_SAMPLE.is_file():
        return small_pdf()
    with pymupdf.open(PDF_SAMPLE) as doc:
        doc.select([0, 4, 5])
        return doc.tobytes(garbage=3, deflate=True)


@cache
def docx() -> bytes:
    from fixtures.office.builders import docx_from_text

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "seed.txt", Path(tmp) / "seed.docx"
        src.write_bytes(text())
        docx_from_text(src, out)
        return out.read_bytes()


@cache
def _tables() -> list:
    from audit.readers.pdf import read_pdf

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seed.pdf"
        path.write_bytes(pdf())
        return read_pdf(str(path)).tables[:3]


@cache
def xlsx() -> bytes:
    from fixtures.office.builders import workbook_from_tables

    with tempfile.TemporaryDirectory() as tmp:
        return workbook_from_tables(_tables(), Path(tmp) / "seed.xlsx").read_bytes()


@cache
def xls() -> bytes:
    import xlwt

    book = xlwt.Workbook()
    money = xlwt.easyxf(num_format_str="#,##0.00")
    for n, table in enumerate(_tables()):
        sheet = book.add_sheet(f"T{n + 1}")
        sheet.write(0, 0, table.title)
        sheet.write(1, 0, "单位：万元")
        for r, row in enumerate(table.rows, start=2):
            sheet.write(r, 0, row.label)
            for c, cell in enumerate(row.cells, start=1):
                try:
                    sheet.write(r, c, float(cell.text.replace(",", "")), money)
                except ValueError:
                    sheet.write(r, c, cell.text)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


@cache
def figures(fmt: str) -> bytes:
    from audit import figures_io
    from audit.extract import extract
    from audit.readers.text import read_text

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seed.txt"
        path.write_bytes(text())
        facts = extract(read_text(str(path)))
        return figures_io.render(figures_io.figure_rows(facts, "seed.txt"), fmt).encode("utf-8")


# suffix → seed builder: every format the readers take.
SEEDS = {".txt": text, ".pdf": pdf, ".docx": docx, ".xlsx": xlsx, ".xls": xls,
         ".csv": lambda: figures("csv"), ".json": lambda: figures("json"), ".yaml": lambda: figures("yaml")}
