"""numbers.py: written numbers → Decimal with their printed decimals; normalisation keeps length."""

from __future__ import annotations

from decimal import Decimal

import pytest

from audit.numbers import NUMBER, normalise, parse_number


@pytest.mark.parametrize(("text", "value", "decimals"), [
    ("543.25", "543.25", 2),
    ("５４３．２５", "543.25", 2),
    ("2,940.05", "2940.05", 2),
    ("1,244.19", "1244.19", 2),
    ("12,345", "12345", 0),
    ("6.2", "6.2", 1),
    ("6.20", "6.20", 2),
    ("86%", "86", 0),
    ("11.1%", "11.1", 1),
    (" 1560.05 ", "1560.05", 2),
    ("0", "0", 0),
    ("-3.01", "-3.01", 2),
])
def test_parse(text: str, value: str, decimals: int) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.value == Decimal(value) and isinstance(parsed.value, Decimal)
    assert parsed.decimals == decimals


@pytest.mark.parametrize("text", ["-", "", "  ", "/", "--", "—", "abc", "NaN", "Infinity"])
def test_blank_is_none_not_zero(text: str) -> None:
    assert parse_number(text) is None


def test_normalise_is_one_to_one() -> None:
    raw = "收、支总计５４３．２５万元（类）：占１００％；“三公”\u3000经费"
    out = normalise(raw)
    assert len(out) == len(raw)
    assert "543.25" in out and "(类):" in out and "100%" in out and '"三公"' in out


def test_number_pattern_keeps_listed_values_apart() -> None:
    """“4125.49,4143.91” is two numbers: a thousands separator needs exactly three digits after it."""
    assert [m.group() for m in NUMBER.finditer("各是4125.49,4143.91万元")] == ["4125.49", "4143.91"]
    assert [m.group() for m in NUMBER.finditer("收入总计1,244.19万元")] == ["1,244.19"]


def test_number_positions_index_the_original_text() -> None:
    raw = "基本支出３０７．３４万元"
    m = next(NUMBER.finditer(normalise(raw)))
    assert raw[m.start():m.end()] == "３０７．３４"


@pytest.mark.parametrize("text", [
    "9" * 400 + ".00", "1" + "0" * 15, "0." + "0" * 9 + "1", "1e309", "1E-400", "∞", "-∞", "NaN", "nan", "sNaN",
    "Infinity", "-Infinity", "1_000", "١٢٣", "𝟏𝟐", "1.2.3", "0x10", "1e", "+-1", "1.5e2%",
])
def test_a_number_that_cannot_be_exact_is_no_figure(text: str) -> None:
    assert parse_number(text) is None


def test_the_largest_figure_is_kept_exactly() -> None:
    big = parse_number("9" * 15 + "." + "9" * 8)
    assert big is not None and big.value == Decimal("9" * 15 + "." + "9" * 8) and big.decimals == 8


@pytest.mark.parametrize("text", ["-0", "−0%", "-0.00", "－0.0"])
def test_a_negative_zero_is_a_written_zero(text: str) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == 0 and not parsed.value.is_signed()


@pytest.mark.parametrize(("text", "found"), [
    ("收入1e309万元", []), ("收入1E-400万元", []), ("收入1_000万元", []), ("第1.2.3.4项", []), ("PM2.5万元", []),
    ("收入١٢٣万元", []), ("收入543.25万元，支出1,244.19万元", ["543.25", "1,244.19"]), ("下降-5.3%", ["-5.3"]),
])
def test_number_runs_are_not_cut_into_figures(text: str, found: list[str]) -> None:
    assert [m.group() for m in NUMBER.finditer(normalise(text))] == found
