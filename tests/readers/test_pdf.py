"""The PDF reader on the real Putuo 2024 report, on a doctored copy, and on unreadable files.

Every expected figure below was read off the sample's text layer (page numbers are 1-based).
"""

from __future__ import annotations

import os
from pathlib import Path

import pymupdf
import pytest

from audit.document import Document, Table, TableRow, UnreadableDocument
from audit.readers.pdf import read_pdf

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "putuo-finance-2024-final-accounts.pdf"


@pytest.fixture(scope="module")
def doc() -> Document:
    return read_pdf(str(SAMPLE))


def table(doc: Document, table_id: str) -> Table:
    found = [t for t in doc.tables if t.table_id == table_id]
    assert len(found) == 1, f"{table_id}: {len(found)} tables"
    return found[0]


def row(
    t: Table, *, label: str | None = None, code: str | None = None, section: str | None = None
) -> TableRow:
    rows = [
        r
        for r in t.rows
        if (label is None or r.label == label)
        and (code is None or r.code == code)
        and (section is None or r.section == section)
    ]
    assert len(rows) == 1, f"{t.table_id} {label} {code} {section}: {len(rows)} rows"
    return rows[0]


def cells(r: TableRow) -> dict[str, str]:
    return {c.column: c.text for c in r.cells}


def test_document_basics(doc: Document) -> None:
    assert doc.kind == "pdf"
    assert doc.pages == 25
    assert [t.table_id for t in doc.tables] == [f"T{i}" for i in range(1, 10)]
    assert [t.page for t in doc.tables] == [6, 8, 10, 12, 15, 16, 18, 19, 20]
    assert table(doc, "T7").title == "财政拨款“三公”经费支出决算表"


def test_t1_two_halves(doc: Document) -> None:
    t1 = table(doc, "T1")
    assert cells(row(t1, label="一、一般公共预算财政拨款收入", section="收入")) == {"决算数": "2,940.05"}
    assert cells(row(t1, label="八、社会保障和就业支出", section="支出")) == {"决算数": "326.71"}
    assert cells(row(t1, label="本年收入合计")) == {"决算数": "2,946.25"}
    assert cells(row(t1, label="本年支出合计")) == {"决算数": "2,940.05"}
    assert cells(row(t1, label="年初结转和结余")) == {"决算数": "49.14"}
    assert cells(row(t1, label="年末结转和结余")) == {"决算数": "55.34"}
    for section in ("收入", "支出"):
        total = row(t1, label="总计", section=section)
        assert cells(total) == {"决算数": "2,995.39"}
        assert total.page == 7
    assert row(t1, label="二、外交支出").cells == []
    assert len([r for r in t1.rows if r.section == "支出"]) == 26 + 4


def test_t2_income(doc: Document) -> None:
    t2 = table(doc, "T2")
    assert cells(row(t2, label="合计")) == {
        "本年收入合计": "2,946.25",
        "财政拨款收入": "2,940.05",
        "其他收入": "6.20",
    }
    assert cells(row(t2, code="2010601")) == {
        "本年收入合计": "1,511.90",
        "财政拨款收入": "1,511.89",
        "其他收入": "0.01",
    }
    wrapped = row(t2, code="2080505")
    assert wrapped.label == "机关事业单位基本养老保险缴费支出"
    assert cells(wrapped) == {"本年收入合计": "160.75", "财政拨款收入": "160.75"}
    assert row(t2, code="2210203").page == 9


def test_t3_expenditure(doc: Document) -> None:
    t3 = table(doc, "T3")
    assert cells(row(t3, label="合计")) == {
        "本年支出合计": "2,940.05",
        "基本支出": "2,336.91",
        "项目支出": "603.14",
    }
    assert cells(row(t3, code="208")) == {"本年支出合计": "326.72", "基本支出": "326.72"}
    assert cells(row(t3, code="2010601")) == {
        "本年支出合计": "1,511.89",
        "基本支出": "1,503.52",
        "项目支出": "8.37",
    }


def test_t4_fiscal_totals(doc: Document) -> None:
    t4 = table(doc, "T4")
    assert cells(row(t4, label="总计", section="收入")) == {"决算数": "2,961.68"}
    assert cells(row(t4, label="总计", section="支出")) == {
        "合计": "2,961.68",
        "一般公共预算财政拨款": "2,961.68",
    }
    assert cells(row(t4, label="八、社会保障和就业支出")) == {
        "合计": "326.71",
        "一般公共预算财政拨款": "326.71",
    }
    assert cells(row(t4, label="年初财政拨款结转和结余")) == {"决算数": "21.63"}
    assert [r.page for r in t4.rows if r.label == "二、政府性基金预算财政拨款"] == [12, 13]
    assert row(t4, label="七、文化旅游体育与传媒支出").cells == []


def test_t5_general_budget(doc: Document) -> None:
    t5 = table(doc, "T5")
    assert cells(row(t5, label="合计")) == {"合计": "2,940.05", "基本支出": "2,336.91", "项目支出": "603.14"}
    assert t5.rows[-1].label == "合计"
    assert cells(row(t5, code="2080505")) == {"合计": "160.75", "基本支出": "160.75"}
    assert cells(row(t5, code="208")) == {"合计": "326.72", "基本支出": "326.72"}
    assert [r.code for r in t5.rows[:3]] == ["201", "20106", "2010601"]


def test_t6_basic_expenditure(doc: Document) -> None:
    t6 = table(doc, "T6")
    assert cells(row(t6, label="人员经费合计", section="人员经费")) == {"决算数": "2,152.26"}
    assert cells(row(t6, label="公用经费合计", section="公用经费")) == {"决算数": "184.65"}
    assert cells(row(t6, code="30101", section="人员经费")) == {"决算数": "262.33"}
    assert cells(row(t6, code="30207", section="公用经费")) == {"决算数": "4.88"}
    assert row(t6, code="30108").label == "机关事业单位基本养老保险缴费"
    assert row(t6, code="30309").page == 17
    assert cells(row(t6, code="310")) == {"决算数": "13.58"}
    assert row(t6, code="30103").cells == []


def test_t7_three_public(doc: Document) -> None:
    t7 = table(doc, "T7")
    assert len(t7.rows) == 1
    assert cells(t7.rows[0]) == {"预算数/合计": "0.95", "预算数/公务接待费": "0.95"}


@pytest.mark.parametrize("table_id", ["T8", "T9"])
def test_empty_tables(doc: Document, table_id: str) -> None:
    t = table(doc, table_id)
    assert t.rows == []
    assert t.empty_note is not None and "本表无数据" in t.empty_note


def test_narrative(doc: Document) -> None:
    paras = ["".join(ln.text for ln in p.lines) for p in doc.paragraphs]
    hit = [p for p in doc.paragraphs if "2995.39万元" in "".join(ln.text for ln in p.lines)]
    assert len(hit) == 1
    lines = hit[0].lines
    assert lines[0].page == 21 and lines[0].text.endswith("收入")
    assert "收入支出总计减少56.95万元" in "".join(ln.text for ln in lines)
    assert all(ln.page == 21 and ln.column == 1 and ln.line for ln in lines)
    assert any("项目支出603.14万元，占20.51%" in p for p in paras)
    # table cells are not prose
    assert not any(p == "2,940.05" or p.startswith("一般公共服务支出") for p in paras)


def test_changed_cell_is_read_where_it_was_printed(tmp_path: Path) -> None:
    src = pymupdf.open(SAMPLE)
    page = src[14]  # T5
    spans = [
        s
        for b in page.get_text("dict")["blocks"]
        for ln in b.get("lines", ())
        for s in ln["spans"]
        if s["text"] == "160.75"
    ]
    target = min(spans, key=lambda s: s["bbox"][0])  # the 合计 column
    x, y = target["origin"]
    page.add_redact_annot(pymupdf.Rect(target["bbox"][0], y - 8, target["bbox"][2], y + 1))
    page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE)
    page.insert_text((x, y), "161.75", fontname="tiro", fontsize=target["size"])
    out = tmp_path / "changed.pdf"
    src.save(out)
    t5 = table(read_pdf(str(out)), "T5")
    changed = row(t5, code="2080505")
    assert cells(changed) == {"合计": "161.75", "基本支出": "160.75"}
    assert [c.page for c in changed.cells] == [15, 15]
    assert cells(row(t5, code="2080501")) == {"合计": "84.65", "基本支出": "84.65"}


def test_scanned_pdf(tmp_path: Path) -> None:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 80), False)
    pix.set_rect(pix.irect, (200, 200, 200))
    d = pymupdf.open()
    d.new_page().insert_image(pymupdf.Rect(50, 50, 350, 450), pixmap=pix)
    path = tmp_path / "scan.pdf"
    d.save(path)
    with pytest.raises(UnreadableDocument, match="no text layer"):
        read_pdf(str(path))


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    pymupdf.open(SAMPLE).save(
        path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner"
    )
    with pytest.raises(UnreadableDocument, match="password"):
        read_pdf(str(path))


def test_truncated_pdf(tmp_path: Path) -> None:
    path = tmp_path / "truncated.pdf"
    data = SAMPLE.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableDocument, match="truncated"):
        read_pdf(str(path))


@pytest.mark.parametrize(
    "content",
    [os.urandom(4096), b"", b"%PDF-1.7\n" + os.urandom(4096) + b"\n%%EOF\n"],
    ids=["random", "empty", "garbage"],
)
def test_not_a_pdf(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(UnreadableDocument):
        read_pdf(str(path))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="cannot open"):
        read_pdf(str(tmp_path / "nope.pdf"))


TEMPLATE = Path(__file__).parents[2] / "samples" / "shanghai-2024-final-accounts-template.pdf"


def test_template_joined_codes_and_three_line_labels() -> None:
    tpl = read_pdf(str(TEMPLATE))
    assert [t.table_id for t in tpl.tables] == [f"T{i}" for i in range(1, 10)]
    t5 = table(tpl, "T5")
    assert row(t5, code="20799").label == "其他文化旅游体育与传媒支出"
    assert row(t5, code="207").label == "文化旅游体育与传媒支出"
    assert row(t5, code="2050205").cells == []


def test_a_page_with_its_own_wider_margins_keeps_its_paragraphs(tmp_path: Path) -> None:
    """A 编制说明 page set 40 pt further in than the other pages of the same width: its lines are
    not all indented first lines (made-up text; the real case is the welfare budget's p.6)."""
    font, size = pymupdf.Font("china-s"), 10.0
    doc = pymupdf.open()
    pages = [
        (50.0, ["一、单位主要职能", "本单位负责社会福利院的日常管理和运营维护工作，为在院老人提供生活照料。",
                "二、单位机构设置", "本单位设五个内设机构。"]),
        (90.0, ["2024年，本单位收入预算1,212.12万元，其中：财政拨款收入950.12万元，比2023年", "预算增加0.46万元；"
                "事业收入262.00万元；事业单位经营收入0.00万元；其他收入", "0.00万元。支出预算1,212.12万元。"]),
    ]
    for x, lines in pages:
        page = doc.new_page(width=595, height=842)
        writer = pymupdf.TextWriter(page.rect)
        for k, text in enumerate(lines):
            writer.append((x, 80 + 16 * k), text, font=font, fontsize=size)
        writer.write_text(page)
    doc.save(tmp_path / "margins.pdf")
    read = read_pdf(str(tmp_path / "margins.pdf"))
    paras = ["".join(ln.text for ln in p.lines) for p in read.paragraphs if p.lines[0].page == 2]
    assert paras == ["".join(pages[1][1])]


def test_a_hard_wrapped_contents_list_in_a_pdf_is_no_table(tmp_path: Path) -> None:
    """The first entry of a contents page wrapped over two lines reads as a whole title; the next
    entry, wrapped as well, says it is a list of titles, not a table whose rows would swallow the
    following paragraphs."""
    from fixtures.reflow import draw_pdf

    text = ("某某福利院2024年单位预算\n目  录\n五、单位预算表\n1. 2024年预算单位财务收支\n预算总表\n"
            "2. 2024年预算单位收入预算\n总表\n六、其他相关情况说明\n某某福利院主要职能\n"
            "某某福利院是收养社会孤老的事\n业单位，主要原因是。\n")
    doc = read_pdf(str(draw_pdf(text, tmp_path / "contents.pdf")))
    assert doc.tables == []
    assert any("主要原因是" in "".join(ln.text for ln in p.lines) for p in doc.paragraphs)
