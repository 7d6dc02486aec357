"""Excel workbooks (.xlsx/.xlsm with openpyxl, .xls with xlrd) → the nine tables.

pandas is not used to read: `read_excel` returns floats and forgets both the number format
(how many decimals the sheet shows, which is the rounding interval of every amount) and the
merged ranges that multi-level headers are made of. Each sheet is turned into a grid of
displayed texts with cell references (收入决算表!D7) and handed to office_grid, which finds the
tables by title (one per sheet, several per sheet, or titled only by the sheet's name).
"""

from __future__ import annotations

import io
from pathlib import Path

from audit.document import Document, UnreadableDocument
from audit.readers.office_cells import cell_text, column_letter
from audit.readers.office_grid import Grid, GridCell, find_tables
from audit.readers.office_vet import vet
from audit.readers.pdf_titles import match_title
from audit.readers.workbook_text import names_a_report, workbook_paragraphs

FINAL_IDS = {f"T{k}" for k in range(1, 10)}

__all__ = ["is_figures_sheet", "read_workbook", "workbook_grids"]

_MAX_CELLS = 2_000_000


def read_workbook(path: str) -> Document:
    """Read every sheet; raise UnreadableDocument when none holds one of the nine tables."""
    expected = "xls" if Path(path).suffix.lower() == ".xls" else "xlsx"
    grids = workbook_grids(path, vet(path, expected))
    if grids and is_figures_sheet(grids[0][1]):
        from audit.readers.figures import parse_records, sheet_records

        return parse_records(path, sheet_records(grids[0][1]), first=2)
    tables = []
    for sheet, grid in grids:
        default = (tid, sheet) if (tid := match_title(sheet)) else None
        tables.extend(find_tables(grid, sheet, default))
    if not any(t.table_id in FINAL_IDS for t in tables) and names_a_report(grids):
        # A budget workbook or template: its sheets are the report's text (readers/workbook_text.py),
        # with the budget tables found in it.
        return Document(path=path, kind="xlsx", paragraphs=workbook_paragraphs(grids), tables=tables)
    if not tables:
        names = "、".join(s for s, _ in grids) or "（无）"
        raise UnreadableDocument(f"工作簿中没有找到九张决算表中的任何一张 (no known table title in sheets: {names})")
    return Document(path=path, kind="xlsx", tables=tables)


def is_figures_sheet(grid: Grid) -> bool:
    """A figures file written by `extract --format xlsx`: its header names concept and value."""
    head = {c.text for c in grid[0]} if grid else set()
    return {"concept", "value"} <= head


def workbook_grids(path: str, container: str) -> list[tuple[str, Grid]]:
    """(sheet name, grid) for every worksheet, merged ranges spread over the cells they cover."""
    try:
        return _openpyxl_grids(path) if container == "xlsx" else _xlrd_grids(path)
    except UnreadableDocument:
        raise
    except Exception as exc:  # library boundary: any parse failure is a damaged workbook
        raise UnreadableDocument(f"工作簿已损坏，无法解析 (damaged workbook): {type(exc).__name__}: {exc}") from exc


def _openpyxl_grids(path: str) -> list[tuple[str, Grid]]:
    import openpyxl
    from openpyxl.worksheet.worksheet import Worksheet

    wb = openpyxl.load_workbook(path, data_only=True)
    out = []
    for ws in wb.worksheets:
        if not isinstance(ws, Worksheet):
            continue
        if (ws.max_row or 0) * (ws.max_column or 0) > _MAX_CELLS:
            raise UnreadableDocument(f"工作表 {ws.title} 过大 (sheet too large)")
        grid: Grid = []
        for r, row in enumerate(ws.iter_rows(), start=1):
            grid.append([GridCell(cell_text(c.value, c.number_format), f"{ws.title}!{column_letter(k)}{r}")
                         for k, c in enumerate(row)])
        for rng in ws.merged_cells.ranges:
            _spread(grid, rng.min_row - 1, rng.max_row - 1, rng.min_col - 1, rng.max_col - 1)
        out.append((ws.title, grid))
    wb.close()
    return out


def _xlrd_grids(path: str) -> list[tuple[str, Grid]]:
    import xlrd

    try:
        # xlrd writes "WARNING *** file size …" to stdout by default: only the report goes there.
        book = xlrd.open_workbook(path, formatting_info=True, on_demand=True, logfile=io.StringIO())
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise UnreadableDocument("文件已加密，需要密码才能打开 (encrypted/password-protected file)") from exc
        raise UnreadableDocument(f"不是有效的 .xls 工作簿 (not a valid .xls workbook): {exc}") from exc
    out = []
    for sh in book.sheets():
        grid: Grid = []
        for r in range(sh.nrows):
            row = []
            for k in range(sh.ncols):
                cell = sh.cell(r, k)
                fmt = None
                if cell.ctype == xlrd.XL_CELL_NUMBER:
                    xf = book.xf_list[cell.xf_index]
                    fmt = book.format_map[xf.format_key].format_str
                value = "" if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR) else cell.value
                row.append(GridCell(cell_text(value, fmt), f"{sh.name}!{column_letter(k)}{r + 1}"))
            grid.append(row)
        for rlo, rhi, clo, chi in sh.merged_cells:
            _spread(grid, rlo, rhi - 1, clo, chi - 1)
        out.append((sh.name, grid))
    book.release_resources()
    return out


def _spread(grid: Grid, r0: int, r1: int, c0: int, c1: int) -> None:
    """Copy a merged range's top-left text over the range; copies are marked as non-anchors."""
    if r0 >= len(grid) or c0 >= len(grid[r0]):
        return
    top = grid[r0][c0]
    for r in range(r0, min(r1, len(grid) - 1) + 1):
        for c in range(c0, min(c1, len(grid[r]) - 1) + 1):
            if (r, c) != (r0, c0):
                grid[r][c] = GridCell(top.text, grid[r][c].ref, anchor=False)
