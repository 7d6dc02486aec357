"""Tables in text files: `pdftotext -layout` output of the real sample, and made-up copies.

`tests/data/putuo-2024-pdftotext-layout.txt` is `pdftotext -layout` (poppler 22) run on
samples/putuo-finance-2024-final-accounts.pdf, unedited: amounts of tall cells on lines of their
own above their labels, codes split 类 款 项 over lines, labels wrapped, T6's two halves side by
side, pages separated by form feeds. Every table figure must read as the PDF reader reads it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.extract.tables import row_keys
from audit.pipeline import check_path
from audit.readers import read_document
from audit.readers.pdf import read_pdf
from audit.readers.text_tables import read_text_tables
from audit.rulebook import load_rules

ROOT = Path(__file__).parent.parent.parent
LAYOUT = ROOT / "tests" / "data" / "putuo-2024-pdftotext-layout.txt"
PDF = ROOT / "samples" / "putuo-finance-2024-final-accounts.pdf"
RULES = load_rules()


def _cells(tables: list) -> dict[tuple[str, str, str], list[str]]:
    out: dict[tuple[str, str, str], list[str]] = {}
    for t in tables:
        for row, key in zip(t.rows, row_keys(t), strict=True):
            for c in row.cells:
                out.setdefault((t.table_id, key, c.column), []).append(c.text)
    return out


def test_pdftotext_layout_reads_the_same_figures_as_the_pdf() -> None:
    text = read_document(str(LAYOUT))
    pdf = read_pdf(str(PDF))
    assert [t.table_id for t in text.tables] == [t.table_id for t in pdf.tables]
    assert _cells(text.tables) == _cells(pdf.tables)
    assert len(_cells(text.tables)) == 195
    assert not [t.doubts for t in text.tables if t.doubts]
    t6 = next(t for t in text.tables if t.table_id == "T6")
    assert {r.code: r.label for r in t6.rows}["30212"] == "因公出国（境）费用"  # spaced out, wrapped

    def labels(doc: object) -> dict[tuple[str | None, str], str]:
        return {(t.table_id, r.code): r.label for t in doc.tables for r in t.rows if r.code}  # type: ignore[attr-defined]

    assert labels(text) == labels(pdf)


def test_pdftotext_layout_gives_the_table_findings_of_the_pdf() -> None:
    def table_findings(path: Path) -> list[tuple[str, str, str]]:
        result = check_path(str(path), RULES)
        return sorted((f.rule, f.severity, f.locations[0].text or "") for f in result.findings
                      if f.rule.startswith(("T", "X")))

    assert table_findings(LAYOUT) == table_findings(PDF)


def test_text_cells_are_placed_by_line_and_column() -> None:
    lines = LAYOUT.read_text(encoding="utf-8").split("\n")
    doc = read_document(str(LAYOUT))
    t5 = next(t for t in doc.tables if t.table_id == "T5")
    assert t5.page is None and lines[t5.line - 1].strip() == "一般公共预算财政拨款支出决算表"
    for row in t5.rows:
        for c in row.cells:
            assert c.page is None
            assert lines[c.line - 1][c.offset - 1:].startswith(c.text)
    taken = {ln.line for ln in doc.lines()}
    assert all(c.line not in taken for t in doc.tables for r in t.rows for c in r.cells)


EDITOR = """\
一般公共预算财政拨款支出决算表
                                                            单位：元
  科目编码     科目名称                        合计          基本支出        项目支出
  201          一般公共服务支出           21,066,600.00   15,035,200.00    6,031,400.00
  20106        财政事务                   21,066,600.00   15,035,200.00    6,031,400.00
  2010601      行政运行                   15,118,900.00   15,035,200.00       83,700.00
  2010602      一般行政管理事务              100,000.00                      100,000.00
  2010607      信息化建设                  1,352,500.00                    1,352,500.00
  2010608      财政委托业务支出            4,495,200.00                    4,495,200.00
               合计                       21,066,600.00   15,035,200.00    6,031,400.00
注：本表反映部门本年度一般公共预算财政拨款实际支出情况。
"""


def test_an_editor_copy_in_yuan_is_read_by_position_and_checked_in_wan(tmp_path: Path) -> None:
    path = tmp_path / "t5.txt"
    path.write_text(EDITOR, encoding="utf-8")
    doc = read_document(str(path))
    (t5,) = doc.tables
    assert t5.unit == "元" and not t5.doubts
    assert {c.column: c.text for c in t5.rows[3].cells} == {"合计": "100,000.00", "项目支出": "100,000.00"}
    result = check_path(str(path), RULES)
    assert not [f for f in result.findings if f.severity != "info"]
    broken = path.with_name("broken.txt")
    broken.write_text(EDITOR.replace("1,352,500.00                    1,352,500.00",
                                     "1,352,500.00                    1,325,500.00"), encoding="utf-8")
    errors = [f for f in check_path(str(broken), RULES).findings if f.severity == "error"]
    assert errors and all(any(loc.text == "1,325,500.00" and loc.line == 8 for loc in f.locations) for f in errors)


SINGLE_SPACED = """\
一般公共预算财政拨款支出决算表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
201 一般公共服务支出 2,106.66 1,503.52 603.14
20106 财政事务 2,106.66 1,503.52 603.14
2010601 行政运行 1,511.89 1,503.52 8.37
2010602 一般行政管理事务 10.00 10.00
2010607 信息化建设 135.25 135.25
2010608 财政委托业务支出 449.52 449.52
合计 2,106.66 1,503.52 603.14
"""


def test_a_copy_without_column_positions_is_doubtful_not_wrong(tmp_path: Path) -> None:
    """Which cell of 一般行政管理事务 is blank cannot be known: one warning, no error."""
    path = tmp_path / "copied.txt"
    path.write_text(SINGLE_SPACED, encoding="utf-8")
    result = check_path(str(path), RULES)
    assert [(f.rule, f.severity) for f in result.findings if f.severity != "info"] == [("T190", "warning")]
    assert "一般公共预算财政拨款支出决算表" in result.findings[0].message


@pytest.mark.parametrize("text", ["第一部分 概况\n本单位负责财政工作。\n", "收入支出决算总表在第二部分。\n"])
def test_prose_without_a_table_yields_none(text: str) -> None:
    lines = list(enumerate(text.split("\n"), 1))
    assert read_text_tables(lines) == ([], set())


def test_the_blank_template_as_text_has_its_tables_and_no_figures() -> None:
    """The Shanghai template (pdftotext -layout): nine empty tables, placeholders and wrapped
    names around their codes, right-half codes printed left of the halves' edge in T6."""
    path = ROOT / "tests" / "data" / "shanghai-2024-template-pdftotext-layout.txt"
    doc = read_document(str(path))
    assert [t.table_id for t in doc.tables] == [f"T{i}" for i in range(1, 10)]
    assert not _cells(doc.tables) and not [t.doubts for t in doc.tables if t.doubts]
    t6 = next(t for t in doc.tables if t.table_id == "T6")
    names = {r.code: r.label for r in t6.rows if r.code}
    assert names["31007"] == "信息网络及软件购置更新" and names["31013"] == "公务用车购置"
    found = check_path(str(path), RULES).findings
    assert not [f for f in found if f.rule.startswith(("T", "X", "C003"))]


def test_a_collapsed_copy_of_the_sample_gives_doubts_not_errors(tmp_path: Path) -> None:
    """The sample's pdftotext output with every run of spaces collapsed (as some copies come):
    headers run together and columns cannot be placed; the tables say so and blame nothing."""
    collapsed = "\n".join(" ".join(line.split()) for line in LAYOUT.read_text(encoding="utf-8").split("\n"))
    path = tmp_path / "collapsed.txt"
    path.write_text(collapsed, encoding="utf-8")
    doc = read_document(str(path))
    assert {t.table_id for t in doc.tables if t.doubts} >= {"T2", "T3", "T4", "T5"}
    assert any(d.kind == "header" for t in doc.tables for d in t.doubts)
    found = check_path(str(path), RULES).findings
    assert not [(f.rule, f.message) for f in found if f.severity == "error" and f.rule.startswith(("T", "X"))]
    assert len([f for f in found if f.rule == "T190"]) == len([t for t in doc.tables if t.doubts])


def _modules_after_reading(tmp_path: Path, text: str) -> set[str]:
    import subprocess
    import sys

    report = tmp_path / "r.txt"
    report.write_text(text, encoding="utf-8")
    code = ("import sys; from audit.readers.text import read_text\n"
            f"read_text({str(report)!r})\n"
            "print(' '.join(m for m in sys.modules if m.startswith('audit.readers.')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_text_without_table_title_does_not_load_table_readers(tmp_path: Path) -> None:
    """The table readers cost ~30 ms of imports: prose that only mentions a table skips them."""
    loaded = _modules_after_reading(tmp_path, "一、收入支出决算总体情况说明\n详见收入支出决算总表，本年收入100.00万元。\n")
    assert "audit.readers.text_tables" not in loaded
    assert "audit.readers.pdf_tables" not in loaded


def test_text_with_table_title_loads_table_readers(tmp_path: Path) -> None:
    loaded = _modules_after_reading(tmp_path, "说明\n表1  收入支出决算总表\n项目  决算数\n合计  1.00\n")
    assert "audit.readers.text_tables" in loaded
