"""diagnose.py: which stated figure is most likely wrong, and the value it would need."""

from __future__ import annotations

from audit.examples import example_document
from audit.pipeline import check_document, check_path
from audit.rulebook import load_rules
from tests.families.conftest import sample_path

RULES = load_rules()


def _errors(text: str) -> list[tuple[str, str, str, int | None]]:
    result = check_document(example_document(text), RULES)
    return [(f.rule, f.suggestion.replace, f.suggestion.with_, f.suggestion.location.line)
            for f in result.findings if f.severity == "error" and f.suggestion is not None]


def test_sample_change_5_53_should_be_8_53() -> None:
    result = check_path(sample_path(), RULES)
    errors = [f for f in result.findings if f.severity == "error"]
    assert [(f.rule, f.locations[0].line, f.locations[0].text) for f in errors] == [
        ("N030", 41, "5.53"), ("N030", 47, "5.53"), ("N030", 50, "5.53")]
    for f in errors:
        assert f.suggestion is not None
        assert (f.suggestion.replace, f.suggestion.with_) == ("5.53", "8.53")
        assert f.suggestion.location == f.locations[0]


def test_implied_last_year_blames_the_change_when_the_rate_agrees_with_it() -> None:
    """100 − 10 = 90 and 10/90 = 11.11%: if Δ were wrong the rate would not fit it, so blame the rate."""
    assert _errors("2024年度收入支出总计100.00万元。与2023年度相比，收入支出总计增加10.00万元，增长12.00%。") == [
        ("N030", "12.00", "11.11", 1)]


def test_wrong_share_blames_the_share_not_the_amounts() -> None:
    """Amounts that add up to their total are corroborated: the share is the figure to fix."""
    text = "本年支出合计543.25万元，其中：基本支出307.34万元，占57.57%；项目支出235.91万元，占43.43%。"
    assert _errors(text) == [("N020", "57.57", "56.57", 1)]


def test_wrong_part_blames_the_part_its_share_contradicts() -> None:
    """The sum fails and so does the share of one part: fixing that part repairs both."""
    text = "本年支出合计543.25万元，其中：基本支出317.34万元，占56.57%；项目支出235.91万元，占43.43%。"
    found = _errors(text)
    assert ("N003", "317.34", "307.34", 1) in found or ("N010", "317.34", "307.34", 1) in found
    assert all(replace == "317.34" for _, replace, _, _ in found)


def test_no_suggestion_that_breaks_a_relation_that_held() -> None:
    """The total appears in two relations; changing it to fix one would break the other."""
    text = ("2024年度收入支出总计100.00万元。本年收入合计100.00万元。本年支出合计100.00万元，其中：基本支出60.00万元；"
            "项目支出50.00万元。")
    found = _errors(text)
    assert found and all(replace != "100.00" or line != 1 for _, replace, _, line in found)
