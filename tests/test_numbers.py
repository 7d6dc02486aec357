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
