"""Rows of cells (a worksheet, a Word table) → the nine tables, in the PDF reader's representation.

Spreadsheets and Word tables already have a grid, so unlike the PDF reader nothing is rebuilt
from positions; what is shared with it is the meaning: titles are matched with `match_title`,
headers are named with the same COLUMNS / T7 vocabulary, side-by-side tables (T1, T4, T6) are
cut into their `section` halves, and rows carry label, code and cells exactly as from a PDF, so
table rules never need to know the format. Cell text is kept as displayed; no amount is parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.document import Cell, Table, TableRow
from audit.readers.pdf_layout import AMOUNT_RE, CODE_RE
from audit.readers.pdf_titles import (
    COLUMNS,
    SECTIONS,
    T7_GROUPS,
    T7_MEASURES,
    is_structural,
    match_title,
    norm,
)

NOTE_RE = re.compile(r"^(注|说明|备注)[：:]")
UNIT_RE = re.compile(r"单位[：:]\s*(万元|元|千元|亿元)")
_EMPTY_RE = re.compile(r"无数据|没有|本表为空|无.{0,30}(收入|支出)")
_GLUED_CODE = re.compile(r"^(\d{3}(?:\d{2}){0,2})\s*(\D.*)$")
_CODE_HEADS = {"类", "款", "项"}


@dataclass(frozen=True)
class GridCell:
    """One grid position. `anchor` is False for the copies a merged range spreads over."""

    text: str
    ref: str | None = None
    anchor: bool = True


Grid = list[list[GridCell]]


@dataclass(frozen=True)
class _Col:
    index: int
    role: str  # "code", "label" or "value"
    name: str = ""


def texts(row: list[GridCell], anchors_only: bool = True) -> list[str]:
    return [c.text for c in row if c.text and (c.anchor or not anchors_only)]


def row_title(row: list[GridCell]) -> tuple[str, str] | None:
    """(table id, title) when a cell of a number-free row is a whole table title."""
    cells = texts(row)
    if any(AMOUNT_RE.match(t) for t in cells):
        return None
    for t in cells:
        table_id = match_title(t)
        if table_id:
            return table_id, t
    return None


def find_tables(grid: Grid, sheet: str | None = None, default: tuple[str, str] | None = None) -> list[Table]:
    """Every titled table in a grid; `default` names a table that starts at the top untitled."""
    starts: list[tuple[int, str, str]] = []
    for i, row in enumerate(grid):
        found = row_title(row)
        if found:
            starts.append((i, *found))
    if default and (not starts or any(_is_data(r) for r in grid[: starts[0][0]])):
        starts.insert(0, (-1, *default))
    tables = []
    for k, (i, table_id, title) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(grid)
        tables.append(build_table(table_id, title, grid[i + 1 : end], sheet))
    return tables


def build_table(table_id: str, title: str, rows: Grid, sheet: str | None = None, note: str | None = None) -> Table:
    """One table from the rows under its title: unit line, header rows, body rows, closing note."""
    unit = "万元"
    body_start = len(rows)
    header: Grid = []
    for i, row in enumerate(rows):
        joined = "".join(texts(row))
        if m := UNIT_RE.search(joined):
            unit = m.group(1)
        if _is_data(row) or NOTE_RE.match(joined):
            body_start = i
            break
        if not UNIT_RE.search(joined) and not any(norm(t) in {"栏次", "行次"} for t in texts(row)):
            header.append(row)
    cols = _columns(table_id, header)
    sections = _split(table_id, cols)
    fallback = _t7_label(header) if table_id == "T7" else ""
    by_section: dict[str | None, list[TableRow]] = {name: [] for name, _ in sections}
    for row in rows[body_start:]:
        joined = "".join(texts(row))
        if NOTE_RE.match(joined):
            note = note or joined
            break
        if any(norm(t) in {"栏次", "行次"} for t in texts(row)):
            continue
        for name, section_cols in sections:
            built = _row(row, section_cols, name, fallback)
            if built is not None:
                by_section[name].append(built)
    out = [r for name, _ in sections for r in by_section[name]]
    empty_note = note if note and _EMPTY_RE.search(note) else None
    if empty_note:
        out = [r for r in out if r.cells]
    return Table(title=title, rows=out, table_id=table_id, sheet=sheet, unit=unit, empty_note=empty_note)


def _is_data(row: list[GridCell]) -> bool:
    return any(AMOUNT_RE.match(t) or CODE_RE.match(t) for t in texts(row))


def _columns(table_id: str, header: Grid) -> list[_Col]:
    """Name every column from its header stack (merged cells spread over the columns they cover)."""
    width = max((len(r) for r in header), default=0)
    cols = []
    for c in range(width):
        stack: list[str] = []
        for row in header:
            if c < len(row) and row[c].text and (not stack or stack[-1] != row[c].text):
                stack.append(row[c].text)
        if stack:
            cols.append(_name(table_id, c, stack))
    return cols


def _name(table_id: str, c: int, stack: list[str]) -> _Col:
    keys = [norm(s) for s in stack]
    if table_id == "T7" and keys[-1] in T7_MEASURES:
        group = next((T7_GROUPS[k] for k in reversed(keys[:-1]) if k in T7_GROUPS), None)
        if group:
            return _Col(c, "value", f"{keys[-1]}/{group}")
    known = COLUMNS.get(table_id, {})
    for k in reversed(keys):
        if k in known:
            name = known[k]
            return _Col(c, "value", name) if name else _Col(c, "skip")  # None: a group header
    bottom = keys[-1]
    if bottom in _CODE_HEADS or "编码" in bottom:
        return _Col(c, "code")
    if is_structural(bottom):
        return _Col(c, "label")
    if bottom.startswith("单位"):
        return _Col(c, "skip")
    return _Col(c, "value", " ".join(stack[-1].split()))


def _split(table_id: str, cols: list[_Col]) -> list[tuple[str | None, list[_Col]]]:
    """Side-by-side halves: the second starts at the first code/label column after a value column."""
    names = SECTIONS.get(table_id, (None,))
    if len(names) == 1:
        return [(None, cols)]
    seen_value = False
    for i, col in enumerate(cols):
        if col.role == "value":
            seen_value = True
        elif seen_value and col.role in {"code", "label"}:
            return [(names[0], cols[:i]), (names[1], cols[i:])]
    return [(names[0], cols)]


def _t7_label(header: Grid) -> str:
    for row in header:
        for t in texts(row):
            if norm(t).endswith("三公经费"):
                return t
    return "“三公”经费"


def _row(row: list[GridCell], cols: list[_Col], section: str | None, fallback: str) -> TableRow | None:
    label_parts: list[str] = []
    code_parts: list[str] = []
    cells: list[Cell] = []
    for col in cols:
        cell = row[col.index] if col.index < len(row) else GridCell("")
        text = cell.text.strip()
        if not text or not cell.anchor:
            continue
        if col.role == "code" and CODE_RE.match(text):
            code_parts.append(text)
        elif col.role in {"code", "label"}:
            label_parts.append(text)
        elif col.role == "value" and AMOUNT_RE.match(text.replace(" ", "")):
            cells.append(Cell(column=col.name, text=text, ref=cell.ref))
    label = " ".join("".join(label_parts).split())
    code = "".join(code_parts) or None
    glued = _GLUED_CODE.match(label)
    if code is None and glued:
        code, label = glued.group(1), glued.group(2).strip()
    if not label and code is None:
        if not cells:
            return None
        label = fallback
    return TableRow(label=label, cells=cells, code=code, section=section)
