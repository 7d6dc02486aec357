"""Hostile files built from the samples, shared by the fuzz suite, its long run and the tests of
the two cases issue 14 started from (MuPDF on stdout, decimal signals on absurd numbers)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLES = ROOT / "samples"
TEXT_SAMPLE = SAMPLES / "maoxian-hrss-2022-final-accounts.txt"
PDF_SAMPLE = SAMPLES / "putuo-finance-2024-final-accounts.pdf"

# Amounts no report prints but a reader can meet: each must be a figure with an exact value or none.
ABSURD_NUMBERS = ["9" * 400 + ".00", "1e309", "1E-400", "∞", "-∞", "NaN", "nan", "−0%", "-0.00", "+0", "0e0",
                  "1" + "0" * 5000, "0." + "0" * 3000 + "1", "１２３．４５", "12,345,678,901,234,567,890.12",
                  "1.2.3.4", "--5", "5%%", "%", "1e", ".", "。", "1_000", "١٢٣", "Infinity", "sNaN"]


def absurd_text() -> str:
    """The county report's opening with absurd amounts in the places real ones stand."""
    lines = [f"本部门2022年度收入总计{n}万元，支出总计{n}万元，占{n}%，比上年增长{n}%。" for n in ABSURD_NUMBERS]
    return "\n".join(lines) + "\n" + TEXT_SAMPLE.read_text(encoding="utf-8")[:3000]


def small_pdf(pages: int = 3) -> bytes:
    """A short text-layer PDF with report sentences, its content streams compressed."""
    doc = pymupdf.open()
    for i in range(pages):
        page = doc.new_page()
        page.insert_text((72, 72), f"第{i + 1}页 本部门收入总计100.00万元，支出总计100.00万元。", fontname="china-s")
    out = doc.tobytes(deflate=True, garbage=0)
    doc.close()
    return out


def corrupt_streams(pdf: bytes, every: int = 2) -> bytes:
    """Bytes inside every other compressed stream flipped and the cross-reference offset broken:
    MuPDF repairs the file and reports a zlib error through its error channel, which used to
    print "MuPDF error: …" on stdout."""
    data = bytearray(pdf)
    for n, m in enumerate(re.finditer(rb"/FlateDecode>>\r?\nstream\r?\n", pdf)):
        if n % every == 1:
            for j in range(m.end() + 4, min(m.end() + 40, len(data))):
                data[j] ^= 0x55
    xref = bytes(data).rfind(b"startxref")
    if xref > 0:
        data[xref + 10:xref + 12] = b"99"
    return bytes(data)


def rezip(office: bytes, drop: str | None = None, damage: str | None = None) -> bytes:
    """An Office file unzipped and zipped again, with one member dropped or truncated."""
    src = zipfile.ZipFile(io.BytesIO(office))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if drop and drop in info.filename:
                continue
            body = src.read(info.filename)
            if damage and damage in info.filename:
                body = body[: len(body) // 2]
            out.writestr(info.filename, body)
    return buf.getvalue()
