"""Text copies of budget reports (`pdftotext -layout`, plain `pdftotext`) read like their PDF:
made-up pages that show each difference found by scripts/text_copy_check.py on the real corpus
(docs/corpus.md, “Text copy against its PDF”)."""

from __future__ import annotations

from pathlib import Path

from audit.readers import read_document
from audit.readers.text_tables import page_numbers

_Y10 = """\
公开 05 表：一般公共预算支出预算表（功能科目）
部门名称：示例厅                                                  单位：万元

功能科目代码            功能科目名称                                  金额

                              合计                                     300.00

201                     一般公共服务支出                               300.00

20101                   人大事务                                       300.00

2010101                 行政运行                                       200.00



                                             15
\f2010102          一般行政管理事务                   100.00

注：本表为示例。
"""


def test_a_page_number_before_a_form_feed_is_no_code_or_amount(tmp_path: Path) -> None:
    """pdftotext prints the footer “15” as the page's last line: it must not join the row above
    as a code part (2010101 + 15) nor the row below as an amount."""
    path = tmp_path / "copy.txt"
    path.write_text(_Y10, encoding="utf-8")
    table = read_document(str(path)).tables[0]
    codes = {r.code: [c.text for c in r.cells] for r in table.rows if r.code}
    assert codes == {"201": ["300.00"], "20101": ["300.00"], "2010101": ["200.00"], "2010102": ["100.00"]}
    assert not table.doubts


def test_only_a_set_apart_last_line_of_a_page_is_its_number() -> None:
    lines = list(enumerate(["行政运行   200.00", "", "   15", "\f一般行政管理事务  100.00", "   - 16 -",
                            "合计", "17", "\f下一页"], start=1))
    assert page_numbers(lines) == {3, 5}  # 17 sits right under 合计: a cell, not a footer
