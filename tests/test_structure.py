"""Structure rules (S): numbering, required parts, contents, title year and kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.names import chinese_number, numeral
from audit.pipeline import check_path
from audit.rulebook import load_rules

SAMPLES = Path(__file__).parent.parent / "samples"
RULES = load_rules()
# S005–S007 say what could not be checked (tests/test_coverage.py), not how the outline is built.
COVERAGE = {r.id for r in RULES if r.family == "coverage"}


def found(path: str, prefix: str = "S") -> list[tuple[str, int | None]]:
    result = check_path(path, RULES)
    assert all(f.severity != "error" for f in result.findings if f.rule.startswith(prefix))
    return [(f.rule, f.locations[0].line) for f in result.findings
            if f.rule.startswith(prefix) and f.rule not in COVERAGE]


def run(text: str, tmp_path: Path, prefix: str = "S") -> list[tuple[str, int | None]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return found(str(path), prefix)


def test_county_sample_unnumbered_sections_and_missing_part_number() -> None:
    assert found(str(SAMPLES / "maoxian-hrss-2022-final-accounts.txt")) == [
        ("S001", 40), ("S001", 42), ("S001", 44), ("S001", 83), ("S001", 103)]


def test_county_messages_name_the_expected_number() -> None:
    result = check_path(str(SAMPLES / "maoxian-hrss-2022-final-accounts.txt"), RULES)
    messages = [f.message for f in result.findings if f.rule == "S001"]
    assert "（按顺序应为“一、”）" in messages[0]
    assert "第三部分" in messages[-1]


def test_clean_pdf_has_no_structure_findings() -> None:
    assert found(str(SAMPLES / "putuo-finance-2024-final-accounts.pdf")) == []


@pytest.mark.parametrize(("numbers", "expected"), [
    (["一", "二", "二", "三"], [("S001", 4)]),          # repeated
    (["一", "二", "四"], [("S001", 4)]),                # skipped
    (["一", "三", "二"], [("S001", 3), ("S001", 4)]),   # skipped, then backwards
    (["一", "二", "三"], []),
])
def test_level_one_numbering(numbers: list[str], expected: list, tmp_path: Path) -> None:
    lines = ["第一部分 单位概况"] + [f"{n}、收入决算情况说明" for n in numbers]
    assert run("\n".join(lines) + "\n", tmp_path, "S001") == expected


def test_level_two_restart_is_a_new_list_not_an_error(tmp_path: Path) -> None:
    text = "第一部分 单位概况\n一、主要职责\n（一）主要职能\n（二）重点工作\n（一）就业\n（二）社保\n（四）人才\n"
    assert run(text, tmp_path, "S001") == [("S001", 7)]


def test_parts_skipped_and_sichuan_parts_present(tmp_path: Path) -> None:
    text = "第一部分 单位概况\n第二部分 2024年度单位决算情况说明\n第四部分 附件\n名词解释\n"
    assert run(text, tmp_path) == [("S001", 3), ("S001", 4)]


def test_excerpt_without_parts_is_not_judged_on_parts(tmp_path: Path) -> None:
    assert run("收入决算情况说明\n本年收入合计100.00万元。\n", tmp_path) == []


def test_missing_shanghai_part(tmp_path: Path) -> None:
    text = "第一部分 示例局概况\n第二部分 示例局2024年度部门决算表\n第三部分 示例局2024年度部门决算情况说明\n"
    assert run(text, tmp_path) == [("S002", 1)]


def test_wrong_kind_in_a_part_title(tmp_path: Path) -> None:
    text = "2024年度部门决算\n第一部分 示例局概况\n第二部分 示例局2024年度部门预算情况说明\n第三部分 名词解释\n"
    assert run(text, tmp_path, "S004") == [("S004", 3)]


def test_chinese_numerals_round_trip() -> None:
    for n in range(1, 40):
        assert chinese_number(numeral(n)) == n
    assert chinese_number("十一") == 11 and numeral(20) == "二十"
