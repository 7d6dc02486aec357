"""Table cells → figures, each named `T3:208:本年支出合计` (table : row key : column key).

Row keys are the classification code when the row has one, otherwise the label without its
numbering (一、) and bracketed remarks; in side-by-side tables the half comes first
(`T1:收入|总计:决算数`). A label that repeats under a group row (T4's 年初财政拨款结转和结余
with its 一/二/三 sub-rows) is keyed under that group (`年初财政拨款结转和结余·一般公共预算财政拨款`).
Keys avoid the characters the rule expression language uses, so rules/*.yaml can name cells.
Blank cells are not figures: a rule that needs one skips, unless the rule lists it as optional.
"""

from __future__ import annotations

from audit.document import Document, Table
from audit.model import CellRef, Figure, Location
from audit.names import clean, column_key, numbered
from audit.numbers import parse_number


def tree_codes(table: Table) -> list[str | None]:
    """Each row's code, with a 类 part printed short taken from the 款 above it.

    A code column may print a stray digit for the 类 (“7 | 11 | 02” under 210 11, read as 71102):
    a five-digit code whose 类 is none of the table's 类 rows and whose middle digits are the last
    two of the 款 row above is that 款's 项 (2101102), so it joins the tree and the narrative item.
    """
    classes = {r.code for r in table.rows if r.code and len(r.code) == 3}
    out: list[str | None] = []
    section = ""
    for row in table.rows:
        code = row.code
        if code and len(code) == 5 and classes and code[:3] not in classes and section[3:] == code[1:3]:
            code = section + code[3:]
        elif code and len(code) == 5:
            section = code
        out.append(code)
    return out


def row_keys(table: Table) -> list[str]:
    keys: list[str] = []
    seen: set[str] = set()
    group: dict[str | None, str] = {}
    for row, code in zip(table.rows, tree_codes(table), strict=True):
        if code:
            key = code
        else:
            key = clean(row.label)
            if not numbered(row.label):
                group[row.section] = key
            elif (row.section, key) in seen and row.section in group:
                key = f"{group[row.section]}·{key}"
            seen.add((row.section, clean(row.label)))
            if row.section:
                key = f"{clean(row.section)}|{key}"
        keys.append(key)
    return keys


def extract_tables(doc: Document) -> list[Figure]:
    """Figures of every recognised table; a doubtful table's figures are kept out of the rules.

    Their source is `table_doubtful` instead of `table`: they are still listed (`extract`, the
    per-table counts) but no table rule binds them, so a misreading cannot become an error.
    """
    from audit.extract.table_doubt import JUDGED, judge

    figures: list[Figure] = []
    for table in doc.tables:
        if not table.table_id:
            continue
        table.doubts = [d for d in table.doubts if d.kind not in JUDGED] + judge(table, doc.kind != "text")
        source = "table_doubtful" if table.doubts else "table"
        for row, key, code in zip(table.rows, row_keys(table), tree_codes(table), strict=True):
            for cell in row.cells:
                parsed = parse_number(cell.text)
                if parsed is None:
                    continue
                row_name = f"{row.section}:{row.label}" if row.section else row.label
                loc = Location(path=table.path or doc.path, page=cell.page or row.page or table.page,
                               line=cell.line, column=cell.offset,
                               cell=CellRef(table=table.title, row=row_name, column=cell.column),
                               text=cell.text, ref=cell.ref)
                figures.append(Figure(
                    concept=_concept(table.table_id, key, row.label, cell.column), value=parsed.value,
                    decimals=parsed.decimals, unit=table.unit, location=loc, source=source,
                    table=table.table_id, code=code, section=table.title,
                ))
    return figures




# The 三公 table has one row of money, whatever its label (财政拨款“三公”经费, 一般公共预算财政拨款
# “三公”经费, or none); some provinces print it turned round, one row per item with columns
# 预算数 | 决算数 (Anhui). Both become T7:财政拨款三公经费:<预算数|决算数>.<item>.
SANGONG_ROW = "财政拨款三公经费"
SANGONG_ITEM = {"合计": "合计", "小计": "合计"}


def _concept(table_id: str, key: str, label: str, column: str) -> str:
    col = column_key(column)
    if table_id != "T7":
        return f"{table_id}:{key}:{col}"
    if "." in col:
        return f"T7:{SANGONG_ROW}:{col}"
    item = clean(label)
    if item.startswith("公务用车") and "运行" in item and "购置" not in item:
        item = "公务用车运行维护费"
    return f"T7:{SANGONG_ROW}:{col}.{SANGONG_ITEM.get(item, item)}"

