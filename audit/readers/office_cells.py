"""Spreadsheet cell values → the text a reader of the sheet sees, without going through float.

openpyxl and xlrd hand numeric cells over as binary floats; 1234.56 is really
1234.55999999999994543031789362430572509765625. `repr` gives the shortest string that reads back to the
same float, which is what the producer typed, and the cell's number format then says how many
decimals were displayed: that count is what defines the rounding interval of the figure, so it
must come from the format and not from the float. Thousands separators are not reproduced:
they carry no information and the PDF reader's texts are parsed the same way with or without.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def format_decimals(fmt: str | None) -> tuple[int | None, bool]:
    """(decimals shown, is a percentage) for an Excel number format; None decimals for General."""
    if not fmt or fmt.strip().lower() in {"general", "@"}:
        return None, False
    first = _QUOTED.sub("", fmt.split(";", 1)[0])
    if not re.search(r"[0#?]", first):
        return None, "%" in first
    m = re.search(r"\.([0#?]+)", first)
    return (len(m.group(1)) if m else 0), "%" in first


def number_text(value: float | int | Decimal, fmt: str | None) -> str:
    """`1234.56` with '#,##0.00' → "1234.56"; `0.5` with '0.0%' → "50.0%"; `100.0` General → "100"."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    try:
        d = value if isinstance(value, Decimal) else Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return str(value)
    if not d.is_finite():
        return str(value)
    decimals, percent = format_decimals(fmt)
    if percent:
        d = d * 100
    if decimals is None:
        d = d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
    else:
        d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = format(d, "f")
    if text.startswith("-") and d == 0:
        text = text[1:]
    return text + ("%" if percent else "")


def cell_text(value: object, fmt: str | None = None) -> str:
    """Any cell value as displayed text ('' for empty); dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float | Decimal):
        return number_text(value, fmt)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out
