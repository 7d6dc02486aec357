"""Turning written numbers into Decimals without losing how they were written.

Normalisation is one character for one character, so an index into the normalised text is also
an index into the original: locations stay exact while parsing sees half-width digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Full-width ASCII forms (U+FF01..U+FF5E) map to ASCII; a few CJK punctuation marks map to the
# ASCII mark that plays the same role in a sentence. Every mapping is 1:1 in length.
_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_EXTRA = {"\u3000": " ", "、": "、", "。": "。", "“": '"', "”": '"', "‘": "'", "’": "'", "〔": "(", "〕": ")",
          "【": "(", "】": ")", "\u00a0": " ", "\t": " ", "﹪": "%", "—": "-", "－": "-", "−": "-"}
_TABLE = str.maketrans({**_FULLWIDTH, **_EXTRA})


def normalise(text: str) -> str:
    """Half-width digits and punctuation, same length as the input."""
    out = text.translate(_TABLE)
    assert len(out) == len(text)
    return out


# A number as written in reports: optional sign, digits with optional thousands separators,
# optional decimals. Thousands separators need exactly three digits after them so that
# "4125.49,4143.91" stays two numbers. Digits are ASCII [0-9] (full-width ones are normalised
# first): Python's \d would also take Arabic-Indic or mathematical digits, which Decimal accepts.
# A run that goes on as an exponent (1e309, 1E-400), an underscore (1_000) or another dotted
# part (1.2.3) is not cut into a figure: what follows the letter or mark is not a number as
# written, so both ends refuse a neighbouring letter, underscore or "digit.".
NUMBER = re.compile(r"(?<![0-9.A-Za-z_])(?<![A-Za-z_][+-])-?(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)"
                    r"(?:\.[0-9]+)?(?![0-9]|[eE][+-]?[0-9]|_[0-9]|\.[0-9])")
# What parse_number accepts once separators, spaces and a trailing % are gone: no exponent,
# no NaN or Infinity, no underscores (all of which Decimal() would take).
_PLAIN = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
# The largest figure the tool reads: 15 digits before the point (10^15 万元 is far beyond any
# budget) and 8 after. A run of digits beyond that is not a figure. The bound keeps every sum
# of figures exact in Decimal's default 28-digit context, with 5 digits to spare, so interval
# arithmetic never rounds a stated value and no decimal signal can come from a printed number.
MAX_INTEGER_DIGITS = 15
MAX_DECIMALS = 8


@dataclass(frozen=True)
class Parsed:
    value: Decimal
    decimals: int


def parse_number(text: str) -> Parsed | None:
    """`"1,234.56"` → 1234.56 with 2 decimals; `"-"`, `""` or `"/"` → None (blank, not zero).

    Anything that is not a plain decimal number within MAX_INTEGER_DIGITS / MAX_DECIMALS is
    None too (1e309, ∞, NaN, a 400-digit run): a figure is exact or it is not a figure.
    """
    s = normalise(text).strip().replace(",", "").replace(" ", "")
    if s.endswith("%"):
        s = s[:-1]
    if not s or s in {"-", "/", "--", "—"} or not _PLAIN.fullmatch(s):
        return None
    whole, _, fraction = s.lstrip("+-").partition(".")
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS or len(fraction) > MAX_DECIMALS:
        return None
    try:
        value = Decimal(s)
    except InvalidOperation:  # unreachable after _PLAIN, kept as the boundary's guarantee
        return None
    if value.is_zero():
        value = abs(value)  # −0 and -0.00 are a written zero, not a negative one
    return Parsed(value, len(fraction))


def representable(value: Decimal, decimals: int) -> bool:
    """Whether `value` written with `decimals` decimals would be read back as a figure: the
    check a suggested correction must pass before it is shown."""
    if not value.is_finite() or decimals > MAX_DECIMALS:
        return False
    return value == 0 or value.adjusted() < MAX_INTEGER_DIGITS
