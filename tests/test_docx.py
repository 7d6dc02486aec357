"""The .docx reader: same figures and findings as the text sample, runs, revisions, tables, bad files."""

from __future__ import annotations

import copy
import dataclasses
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from fixtures.office.builders import docx_from_text

from audit.document import UnreadableDocument
from audit.extract import extract
from audit.pipeline import check_path
from audit.readers import read_document
from audit.readers.docx import read_docx
from audit.rulebook import load_rules

SAMPLE = Path(__file__).parent.parent / "samples" / "maoxian-hrss-2022-final-accounts.txt"


def placeless(f):
    """A finding without file path and paragraph number: what must agree between formats."""
    def loc(x):
        return dataclasses.replace(x, path="", paragraph=None)

    sugg = f.suggestion and dataclasses.replace(f.suggestion, location=loc(f.suggestion.location))
    return dataclasses.replace(f, locations=tuple(loc(x) for x in f.locations), suggestion=sugg)


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory) -> Path:
    return docx_from_text(SAMPLE, tmp_path_factory.mktemp("docx") / "sample.docx")


def test_same_figures_as_text(sample_docx: Path) -> None:
    text_facts = extract(read_document(str(SAMPLE)))
    word_facts = extract(read_document(str(sample_docx)))
    assert len(word_facts.figures) == len(text_facts.figures) > 100
    for t, w in zip(text_facts.figures, word_facts.figures, strict=True):
        assert (t.concept, t.value, t.decimals, t.unit, t.measure, t.period, t.claim) == \
               (w.concept, w.value, w.decimals, w.unit, w.measure, w.period, w.claim)
        assert (w.location.paragraph, w.location.column, w.location.text) == \
               (t.location.line, t.location.column, t.location.text)
        assert w.location.path == str(sample_docx)


def test_same_findings_as_text(sample_docx: Path) -> None:
    rules = load_rules()
    text, word = check_path(str(SAMPLE), rules), check_path(str(sample_docx), rules)
    assert word.status == "checked"
    assert [placeless(f) for f in word.findings] == [placeless(f) for f in text.findings]
    errors = [(f.rule, f.locations[0].paragraph, f.suggestion.with_) for f in word.findings if f.severity == "error"]
    assert errors == [("N030", 41, "8.53"), ("N030", 47, "8.53"), ("N030", 50, "8.53")]


def test_numbers_split_across_runs_and_tracked_insertions(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("标题")
    p = d.add_paragraph()
    for piece in ["2022年本年支出合计5", "43.", "2", "5万元。"]:
        p.add_run(piece)
    # A tracked insertion: python-docx's Paragraph.text would skip it.
    p2 = d.add_paragraph("其中：基本支出")
    ins = copy.deepcopy(p2._p.r_lst[0])
    ins.find(qn("w:t")).text = "307.34万元。"
    wrapper = p2._p.makeelement(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "a"})
    wrapper.append(ins)
    p2._p.append(wrapper)
    path = tmp_path / "runs.docx"
    d.save(str(path))
    doc = read_docx(str(path))
    assert [ln.text for p in doc.paragraphs for ln in p.lines] == ["标题", "2022年本年支出合计543.25万元。",
                                                                   "其中：基本支出307.34万元。"]
    facts = extract(doc)
    found = {(f.location.text, f.location.paragraph, f.location.column) for f in facts.figures}
    assert ("543.25", 2, 12) in found and ("307.34", 3, 8) in found


def _table_docx(path: Path) -> Path:
    """A T2 with a two-level merged header (编码 over 类/款/项), a note-closed empty T8, a plain table."""
    d = docx.Document()
    d.add_paragraph("2022年度收入决算表")
    d.add_paragraph("单位：万元")
    t = d.add_table(rows=5, cols=6)
    t.cell(0, 0).merge(t.cell(0, 2)).text = "功能分类科目编码"
    for c, h in enumerate(["类", "款", "项"]):
        t.cell(1, c).text = h
    t.cell(0, 3).merge(t.cell(1, 3)).text = "科目名称"
    t.cell(0, 4).merge(t.cell(1, 4)).text = "本年收入合计"
    t.cell(0, 5).merge(t.cell(1, 5)).text = "财政拨款收入"
    t.cell(2, 0).merge(t.cell(2, 3)).text = "合计"
    t.cell(2, 4).text, t.cell(2, 5).text = "2,946.25", "2,940.05"
    for c, v in enumerate(["208", "", "", "社会保障和就业支出", "326.72", "326.72"]):
        t.cell(3, c).text = v
    for c, v in enumerate(["208", "05", "05", "机关事业单位职业年金缴费支出", "60.99", "-"]):
        t.cell(4, c).text = v
    d.add_paragraph("政府性基金预算财政拨款收入支出决算表")
    t8 = d.add_table(rows=1, cols=3)
    for c, v in enumerate(["科目名称", "本年收入", "年末结转和结余"]):
        t8.cell(0, c).text = v
    d.add_paragraph("注：本单位没有政府性基金预算财政拨款收入和支出，故本表无数据。")
    plain = d.add_table(rows=1, cols=2)
    plain.cell(0, 0).text, plain.cell(0, 1).text = "机关运行经费", "12.67万元"
    d.save(str(path))
    return path


def test_nine_table_with_merged_header(tmp_path: Path) -> None:
    doc = read_docx(str(_table_docx(tmp_path / "t.docx")))
    t2, t8 = doc.tables
    assert (t2.table_id, t2.title, t2.unit) == ("T2", "2022年度收入决算表", "万元")
    rows = [(r.code, r.label, [(c.column, c.text, c.ref) for c in r.cells]) for r in t2.rows]
    assert rows == [
        (None, "合计", [("本年收入合计", "2,946.25", "表1!R3C5"), ("财政拨款收入", "2,940.05", "表1!R3C6")]),
        ("208", "社会保障和就业支出", [("本年收入合计", "326.72", "表1!R4C5"), ("财政拨款收入", "326.72", "表1!R4C6")]),
        ("2080505", "机关事业单位职业年金缴费支出", [("本年收入合计", "60.99", "表1!R5C5")]),
    ]
    assert t8.table_id == "T8" and t8.rows == [] and "无数据" in (t8.empty_note or "")
    facts = extract(doc)
    cell = next(f for f in facts.figures if f.location.ref == "表1!R3C5")
    assert cell.value == 2946.25 and cell.decimals == 2 and cell.table == "T2"
    prose = next(f for f in facts.figures if f.location.text == "12.67")
    # title, unit, 22 T2 cells (a merged range counts once), T8 title, 3 cells, note, then this table
    assert prose.location.paragraph == 2 + 22 + 1 + 3 + 1 + 2


def test_paragraph_numbers_count_table_cells(tmp_path: Path) -> None:
    doc = read_docx(str(_table_docx(tmp_path / "t.docx")))
    numbers = [ln.paragraph for p in doc.paragraphs for ln in p.lines]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert [ln.text for p in doc.paragraphs for ln in p.lines][-2:] == ["机关运行经费", "12.67万元"]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _truncated(src: Path, out: Path) -> Path:
    data = src.read_bytes()
    out.write_bytes(data[: len(data) // 2])
    return out


@pytest.mark.parametrize("make, reason", [
    (lambda s, d: _truncated(s, d / "cut.docx"), "截断"),
    (lambda s, d: _write(d / "empty.docx", b""), "empty"),
    (lambda s, d: shutil.copy(SAMPLE.parent / "putuo-finance-2024-final-accounts.pdf", d / "x.docx"), "PDF"),
    (lambda s, d: _write(d / "t.docx", b"plain text"), "not a docx"),
])
def test_unreadable_docx(sample_docx: Path, tmp_path: Path, make, reason: str) -> None:
    path = make(sample_docx, tmp_path)
    with pytest.raises(UnreadableDocument, match=reason):
        read_docx(str(path))
    result = check_path(str(path), load_rules())
    assert result.status == "unreadable" and reason in (result.error or "")


def test_workbook_named_docx_and_zip_without_document(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.save(str(tmp_path / "book.docx"))
    with pytest.raises(UnreadableDocument, match="wrong extension: the file is a xlsx"):
        read_docx(str(tmp_path / "book.docx"))
    with zipfile.ZipFile(tmp_path / "z.docx", "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(UnreadableDocument, match="not a docx document"):
        read_docx(str(tmp_path / "z.docx"))
