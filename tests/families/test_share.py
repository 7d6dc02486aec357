"""Share family (N020): 占p% = part ÷ whole × 100, judged on rounding intervals."""

from __future__ import annotations

import pytest

from tests.families.conftest import Run, check_text

SANGONG = "2022年“三公”经费财政拨款支出决算为3.35万元，完成预算100%。\n"

CASES = [
    pytest.param("本年支出合计200.00万元，其中：基本支出120.00万元，占60.00%；项目支出80.00万元，占40.00%。", [],
                 id="pass"),
    pytest.param("本年支出合计200.00万元，其中：基本支出120.00万元，占61.00%；项目支出80.00万元，占40.00%。",
                 [("N020", 1)], id="one-wrong"),
    # The whole named in the sentence (占本年支出合计的) is looked up elsewhere in the document.
    pytest.param("一般公共预算财政拨款支出150.00万元，占本年支出合计的75.00%。\n本年支出合计200.00万元。", [],
                 id="named-whole-pass"),
    pytest.param("一般公共预算财政拨款支出150.00万元，占本年支出合计的70.00%。\n本年支出合计200.00万元。",
                 [("N020", 1)], id="named-whole-fail"),
    # Shares of the quantity the sentence is about (“三公”经费…决算中，…占…%), the total stated before.
    pytest.param(SANGONG + "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算"
                 "3.13万元，占93.43%；公务接待费支出决算0.22万元，占6.57%。", [], id="sangong-pass"),
    pytest.param(SANGONG + "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算"
                 "3.13万元，占6.57%；公务接待费支出决算0.22万元，占93.43%。", [("N020", 2), ("N020", 2)],
                 id="sangong-swapped"),
    # Integer and 1-dp percentages have wider intervals: 2.00/3.00 lies in [66.39%, 66.94%], so 67%
    # (and even 66%, whose interval reaches 66.5) is consistent, while 65% is not.
    pytest.param("本年支出合计3.00万元，其中：基本支出2.00万元，占67%；项目支出1.00万元，占33.3%。", [],
                 id="low-precision-pass"),
    pytest.param("本年支出合计3.00万元，其中：基本支出2.00万元，占65%；项目支出1.00万元，占33.3%。",
                 [("N020", 1)], id="integer-percent-fail"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_share(run: Run, text: str, expected: list[tuple[str, int]]) -> None:
    assert run(text, rules={"N020"}) == expected


def test_wrong_share_suggests_the_share_not_the_amounts() -> None:
    result = check_text("本年支出合计200.00万元，其中：基本支出120.00万元，占61.00%；项目支出80.00万元，占40.00%。")
    (finding,) = [f for f in result.findings if f.rule == "N020"]
    assert finding.suggestion is not None
    assert (finding.suggestion.replace, finding.suggestion.with_) == ("61.00", "60.00")


def test_share_without_a_whole_is_skipped_not_guessed() -> None:
    result = check_text("因公出国（境）费支出决算1.00万元，占50.00%。")
    assert not [f for f in result.findings if f.rule == "N020"]
    assert result.skipped > 0
