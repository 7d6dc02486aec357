"""部门预算项目支出绩效自评表 → projects, fund rows and indicator rows, each cell placed.

The form arrives in two shapes. Word/Excel/PDF readers may return it as a Table; plain-text
exports flatten it to one cell per line, blank cells included, so the grid is rebuilt from the
fixed header sequence: a fund row is its label followed by one line per column of the 预算执行情况
header, and an indicator row is anchored on its 指标性质 cell (≥ ＝ ≤ …), the one cell every
indicator row has, so a 三级指标 text that wraps does not shift the numbers after it.
Blank cells are kept (as blank, never 0): a blank 得分 on a submitted form is itself a finding.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from audit.analysis import FundRow, Indicator, PerfCell, PerfForm
from audit.document import Document, Line, Table
from audit.lazy_re import lazy
from audit.model import CellRef, Figure, Location
from audit.names import short_name
from audit.numbers import normalise, parse_number

TITLE = re.compile(r"绩效自评表")
NOT_TITLE = lazy(r"[见《》。，]")
FUND_LABELS = {"总额": "总额", "年度资金总额": "总额", "财政资金": "财政资金", "当年财政拨款": "财政资金",
               "财政专户管理资金": "财政专户管理资金", "单位资金": "单位资金", "上年结转资金": "上年结转资金",
               "其他资金": "其他资金"}
# Header words → canonical column, for both the Sichuan and the national form.
FUND_COLUMNS = [("调整后预算", "调整后预算"), ("全年预算", "调整后预算"), ("年初预算", "年初预算"),
                ("执行数", "执行数"), ("执行率", "执行率"), ("权重", "权重"), ("分值", "权重"),
                ("得分", "得分"), ("原因", "原因")]
INDICATOR_COLUMNS = [("一级指标", "一级指标"), ("二级指标", "二级指标"), ("三级指标", "三级指标"),
                     ("指标性质", "指标性质"), ("指标值", "指标值"), ("度量单位", "度量单位"),
                     ("完成值", "完成值"), ("权重", "权重"), ("分值", "权重"), ("得分", "得分"), ("原因", "原因")]
COMPARATOR = lazy(r"^(?:≥|≤|=|>|<|＝|＞|＜|>=|<=|定性|定量)$")
MONEY_FIELDS = {"年初预算", "调整后预算", "执行数"}


def performance_forms(doc: Document, first_index: int = 0) -> list[PerfForm]:
    """All self-evaluation forms of a document, their figures numbered from `first_index` on, so
    the figures a form's cells hold are the very figures of the analysis."""
    found = [t for t in (_from_table(doc, tb) for tb in doc.tables if TITLE.search(tb.title)) if t]
    return _numbered(found + _from_flat(doc), first_index)


def _numbered(forms: list[PerfForm], first_index: int) -> list[PerfForm]:
    counter = iter(range(first_index, first_index + 10**9))

    def cell(c: PerfCell | None) -> PerfCell | None:
        if c is None or c.figure is None:
            return c
        return replace(c, figure=replace(c.figure, index=next(counter)))

    def cells(row: Mapping[str, PerfCell]) -> Mapping[str, PerfCell]:
        return MappingProxyType({k: cell(c) for k, c in row.items()})

    out = []
    for t in forms:  # the order of PerfForm.cells()
        funds = tuple(replace(r, cells=cells(r.cells)) for r in t.funds)
        indicators = tuple(replace(i, cells=cells(i.cells)) for i in t.indicators)
        out.append(replace(t, funds=funds, indicators=indicators, total_weight=cell(t.total_weight),
                           total_score=cell(t.total_score)))
    return out


# ---------------------------------------------------------------- flattened text

def _grid(doc: Document) -> list[Line] | None:
    """Every physical line, blank ones restored from gaps in the numbering (text files only)."""
    lines = doc.lines()
    if not lines or any(ln.line is None or ln.page is not None for ln in lines):
        return None
    by_number = {ln.line: ln for ln in lines}
    last = max(by_number)  # type: ignore[type-var]
    return [by_number.get(n) or Line(text="", line=n) for n in range(1, last + 1)]  # type: ignore[arg-type]


def _from_flat(doc: Document) -> list[PerfForm]:
    grid = _grid(doc)
    if grid is None:
        return []
    starts = [i for i, ln in enumerate(grid) if _is_title(ln.text)]
    tables = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(grid)
        table = _parse_block(doc.path, grid, start, end)
        if table is not None:
            tables.append(table)
    return tables


def _is_title(text: str) -> bool:
    t = normalise(text).strip()
    return bool(TITLE.search(t)) and len(t) <= 40 and not NOT_TITLE.search(t)


def _cell(path: str, ln: Line, name: str, row: str, col: str) -> PerfCell:
    raw = ln.text
    stripped = raw.strip()
    col0 = ln.column + (len(raw) - len(raw.lstrip())) if stripped else ln.column
    loc = Location(path=path, line=ln.line, page=ln.page, column=col0,
                   end_column=col0 + max(len(stripped), 1) - 1, text=stripped, paragraph=ln.paragraph)
    return _make_cell(stripped, loc, name, row, col)


def _make_cell(text: str, loc: Location, name: str, row: str, col: str) -> PerfCell:
    if col in {"指标性质", "度量单位", "原因", "一级指标", "二级指标", "三级指标"}:
        return PerfCell(text=text, location=loc)
    parsed = parse_number(text)
    if parsed is None:
        return PerfCell(text=text, location=loc)
    unit = "万元" if col in MONEY_FIELDS else "%" if col == "执行率" else "分" if col in {"权重", "得分"} else ""
    measure = {"执行率": "exec_rate", "权重": "weight", "得分": "score", "指标值": "target",
               "完成值": "achieved"}.get(col, "amount")
    period = "budget" if col in {"年初预算", "调整后预算"} else "current"
    figure = Figure(concept=f"绩效:{name}:{row}:{col}", value=parsed.value, decimals=parsed.decimals,
                    unit=unit, location=loc, measure=measure, period=period, section="绩效自评表",
                    source="performance", table="绩效自评表")
    return PerfCell(text=text, location=loc, figure=figure)


def _text(ln: Line | None) -> str:
    return normalise(ln.text).strip() if ln is not None else ""


def _parse_block(path: str, grid: list[Line], start: int, end: int) -> PerfForm | None:
    texts = [_text(grid[i]) for i in range(start, end)]
    try:
        at = texts.index("项目名称")
    except ValueError:
        return None
    name_i = next((j for j in range(at + 1, len(texts)) if texts[j]), None)
    if name_i is None:
        return None
    full = grid[start + name_i].text.strip()
    table = PerfForm(name=short_name(full), location=_cell(path, grid[start], full, "", "").location)
    header = next((j for j, t in enumerate(texts) if t.startswith("预算执行情况") or t.startswith("项目资金")), None)
    ind_header = next((j for j, t in enumerate(texts) if t.startswith("绩效指标")), None)
    if header is None:
        return table
    columns = _columns(texts[header + 1:(ind_header if ind_header is not None else len(texts))], FUND_COLUMNS)
    stop = ind_header if ind_header is not None else len(texts)
    funds = []
    for j in range(header + 1, stop):
        label = texts[j].removeprefix("其中:").removeprefix("其中").strip()
        if label in FUND_LABELS and j > header + len(columns):
            key = FUND_LABELS[label]
            funds.append(FundRow(key, {col: _cell(path, grid[start + j + k], table.name, key, col)
                                       for k, col in enumerate(columns, start=1) if j + k < stop}))
    table = replace(table, funds=tuple(funds))
    if ind_header is None:
        return table
    ind_cols = _columns(texts[ind_header + 1:ind_header + 1 + 14], INDICATOR_COLUMNS)
    total = next((j for j in range(ind_header + 1, len(texts)) if texts[j] == "合计"), len(texts))
    indicators = _indicators(path, grid, start, texts, ind_header + len(ind_cols), total, ind_cols, table.name)
    weight = _cell(path, grid[start + total + 1], table.name, "合计", "权重") if total + 1 < len(texts) else None
    score = _cell(path, grid[start + total + 2], table.name, "合计", "得分") if total + 2 < len(texts) else None
    return replace(table, indicators=tuple(indicators), total_weight=weight, total_score=score)


def _columns(texts: list[str], names: list[tuple[str, str]]) -> list[str]:
    """The header cells in order, mapped to canonical columns; stops at the first non-header."""
    out: list[str] = []
    for t in texts:
        if not t or t.startswith("年度预算数"):
            continue
        col = next((c for word, c in names if word in t), None)
        if col is None or col in out:
            break
        out.append(col)
    return out


def _indicators(path: str, grid: list[Line], start: int, texts: list[str], first: int, stop: int,
                cols: list[str], name: str) -> list[Indicator]:
    out: list[Indicator] = []
    if "指标性质" not in cols:
        return out
    pos = cols.index("指标性质")
    after = cols[pos + 1:]
    for j in range(first + 1, stop):
        if not COMPARATOR.match(texts[j]):
            continue
        level3 = texts[j - 1] if j - 1 > first else ""
        level2 = texts[j - 2] if j - 2 > first else ""
        level1 = texts[j - 3] if j - 3 > first else ""
        cells = {"指标性质": _cell(path, grid[start + j], name, level3[:20], "指标性质"),
                 "三级指标": _cell(path, grid[start + j - 1], name, level3[:20], "三级指标")}
        row = f"{len(out) + 1}"
        for k, col in enumerate(after, start=1):
            if j + k < stop:
                cells[col] = _cell(path, grid[start + j + k], name, row, col)
        out.append(Indicator((level1, level2, level3), cells))
    return out


# ---------------------------------------------------------------- tables from readers

def _from_table(doc: Document, tb: Table) -> PerfForm | None:
    name = ""
    for row in tb.rows:
        if normalise(row.label).strip() == "项目名称":
            name = next((c.text.strip() for c in row.cells if c.text.strip()), "")
            break
    pname = short_name(name or tb.title)
    funds: list[FundRow] = []
    indicators: list[Indicator] = []
    totals: dict[str, PerfCell] = {}
    for r_index, row in enumerate(tb.rows):
        label = normalise(row.label).strip().removeprefix("其中:").removeprefix("其中").strip()
        cells = {_canonical(c.column, FUND_COLUMNS if label in FUND_LABELS else INDICATOR_COLUMNS): c
                 for c in row.cells}
        if label in FUND_LABELS:
            key = FUND_LABELS[label]
            funds.append(FundRow(key, {col: _table_cell(doc, tb, row.label, c, pname, key, col)
                                       for col, c in cells.items() if col}))
        elif label == "合计":
            totals.update({col: _table_cell(doc, tb, row.label, c, pname, "合计", col)
                           for col, c in cells.items() if col in ("权重", "得分")})
        elif "指标值" in cells or "完成值" in cells:
            names = tuple((cells[k].text.strip() if k in cells else "") for k in ("一级指标", "二级指标", "三级指标"))
            indicators.append(Indicator((names[0], names[1], names[2] or row.label),
                                        {col: _table_cell(doc, tb, row.label, c, pname, str(r_index), col)
                                         for col, c in cells.items() if col}))
    if not funds and not indicators:
        return None
    return PerfForm(name=pname, location=Location(path=doc.path, page=tb.page, text=tb.title), funds=tuple(funds),
                    indicators=tuple(indicators), total_weight=totals.get("权重"), total_score=totals.get("得分"))


def _canonical(header: str, names: list[tuple[str, str]]) -> str | None:
    h = normalise(header)
    return next((c for word, c in names if word in h), None)


def _table_cell(doc: Document, tb: Table, row: str, c, name: str, row_key: str, col: str) -> PerfCell:
    loc = Location(path=doc.path, page=c.page or tb.page, cell=CellRef(tb.title, row, c.column), ref=c.ref,
                   text=c.text.strip())
    return _make_cell(c.text.strip(), loc, name, row_key, col)
