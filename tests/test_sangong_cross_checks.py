"""Issue 12 point 3 checks on made-up sentences: the 三公 changes add up (N009), each item's rate
is against its own last-year amount (N030), and a fund declared absent is not stated in the
narrative either (X220/X221, the reverse of the table cells)."""

from __future__ import annotations

from pathlib import Path

from audit.pipeline import check_path
from audit.rulebook import load_rules

RULES = load_rules()

SANGONG = ("2024年度“三公”经费财政拨款支出决算为12.00万元，比上年减少{total}万元，下降{rate}%。"
           "其中：因公出国（境）费支出决算0万元，比上年减少1.00万元，下降100.00%；"
           "公务用车购置及运行维护费支出决算8.00万元，比上年增加1.00万元，增长{car}%；"
           "公务接待费支出决算4.00万元，比上年减少2.00万元，下降33.33%。")


def _findings(text: str, tmp_path: Path) -> list[tuple[str, str]]:
    path = tmp_path / "report.txt"
    path.write_text(text + "\n", encoding="utf-8")
    result = check_path(str(path), RULES)
    assert result.status == "checked", result.error
    return [(f.rule, f.severity) for f in result.findings]


def test_decreasing_total_with_mixed_item_changes_adds_up(tmp_path: Path) -> None:
    # −1 + 1 − 2 = −2: the total's 减少2.00 is the signed sum of the items' changes.
    text = SANGONG.format(total="2.00", rate="14.29", car="14.29")
    assert not [f for f in _findings(text, tmp_path) if f[1] != "info"]


def test_total_change_not_the_sum_of_item_changes_is_an_error(tmp_path: Path) -> None:
    text = SANGONG.format(total="3.00", rate="20.00", car="14.29")
    found = _findings(text, tmp_path)
    assert ("N009", "error") in [f[:2] for f in found], found
    assert not [f for f in found if f[0] == "N030"], found  # 3 ÷ 15 = 20%: the rate itself is right


def test_item_rate_is_against_its_own_last_year_amount(tmp_path: Path) -> None:
    # 公务用车 rose 1.00 from 7.00: 14.29%, not 1 ÷ 14 (the total's base) = 7.14%.
    text = SANGONG.format(total="2.00", rate="14.29", car="7.14")
    found = _findings(text, tmp_path)
    assert [f[:2] for f in found if f[0] not in {"N009"} and f[1] != "info"] == [("N030", "error")], found
    assert not [f for f in found if f[0] == "N009"], found


def test_a_change_without_direction_word_is_not_summed(tmp_path: Path) -> None:
    text = SANGONG.format(total="3.00", rate="20.00", car="14.29").replace("比上年增加1.00万元，增长14.29%",
                                                                         "与上年相比变动1.00万元")
    assert not [f for f in _findings(text, tmp_path) if f[0] == "N009"]


def test_narrative_amount_of_a_fund_declared_absent_is_an_error(tmp_path: Path) -> None:
    text = ("本单位2024年度无政府性基金预算财政拨款收入和支出，无国有资本经营预算财政拨款收入和支出。\n"
            "2024年度政府性基金预算财政拨款支出30.00万元。国有资本经营预算财政拨款支出0万元。"
            "上年政府性基金预算财政拨款支出5.00万元。")
    found = _findings(text, tmp_path)
    assert [f[:2] for f in found if f[0] in {"X220", "X221"}] == [("X220", "error")], found


def test_narrative_amount_against_a_fund_table_printed_empty(tmp_path: Path) -> None:
    from audit.document import Table
    from audit.examples import example_document
    from audit.pipeline import check_document

    doc = example_document("2024年度国有资本经营预算财政拨款收入12.00万元。")
    empty = Table(title="国有资本经营预算财政拨款收入支出决算表", rows=[], table_id="T9", page=9,
                  empty_note="注：本单位2024年度无国有资本经营预算财政拨款收入支出，本表无数据。")
    doc = type(doc)(path=doc.path, kind=doc.kind, paragraphs=doc.paragraphs, tables=[empty])
    found = [(f.rule, f.severity) for f in check_document(doc, RULES).findings]
    assert ("X221", "error") in found, found
