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
# "4125.49,4143.91" stays two numbers.
NUMBER = re.compile(r"(?<![\d.])-?(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d])")


@dataclass(frozen=True)
class Parsed:
    value: Decimal
    decimals: int


def parse_number(text: str) -> Parsed | None:
    """`"2,940.05"` → 2940.05 with 2 decimals; `"-"`, `""` or `"/"` → None (blank, not zero)."""
    s = normalise(text).strip().replace(",", "").replace(" ", "")
    if s.endswith("%"):
        s = s[:-1]
    if not s or s in {"-", "/", "--", "—"}:
        return None
    try:
        value = Decimal(s)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    decimals = len(s.split(".", 1)[1]) if "." in s else 0
    return Parsed(value, decimals)
