"""Budget tables (部门预算 / 单位预算): their titles and column headers, by id Y1…Y13.

Budget tables get their own ids (never T1…T9, the final-accounts tables): an id names what the
table is, so the Shanghai/Putuo set (元) and the Jiangsu set (万元) share an id when the meaning
is the same (docs/budgets.md §2). `pdf_titles` consults these lists beside its own; titles and
headers are compared after `pdf_titles.norm` (收支 → 收入支出, no quotes, full-width brackets).
Entries are grouped by set so that the lists of both sets stay separate line additions.
"""

from __future__ import annotations

# Title names (after the optional numbering and "{年}年" that pdf_titles._PREFIX allows).
NAMES: list[tuple[str, str]] = [
    # Shanghai: "{年}年预算单位…" (单位预算), "{年}年部门…" (部门预算), in 元 except Y9 (万元).
    ("Y1", r"(预算单位|部门|单位)?财务收入支出预算总表"),
    ("Y2", r"(预算单位|部门|单位)?收入预算总表"),
    ("Y3", r"(预算单位|部门|单位)?支出预算总表"),
    ("Y4", r"(预算单位|部门|单位)?财政拨款收入支出预算总表"),
    ("Y5", r"(预算单位|部门|单位)?一般公共预算支出功能分类预算表"),
    ("Y6", r"(预算单位|部门|单位)?政府性基金预算支出功能分类预算表"),
    ("Y7", r"(预算单位|部门|单位)?国有资本经营预算支出功能分类预算表"),
    ("Y8", r"(预算单位|部门|单位)?一般公共预算基本支出部门预算经济分类预算表"),
    ("Y9", r"(预算单位|部门|单位)?三公经费和机关运行经费预算表"),
    # Jiangsu
]

# Header text (normed) -> column name. A value None marks a group header that is never an amount
# column of that table (基本支出 over 人员经费 | 公用经费 in Y1). Two-level headers are named
# "group/leaf"; a group stacked onto its first leaf reads as one header ("基本支出人员经费").
_BASIC_SPLIT = {
    "人员经费": "基本支出/人员经费",
    "公用经费": "基本支出/公用经费",
    "基本支出人员经费": "基本支出/人员经费",
    "基本支出": None,
    # The 预算数 over the 支出 half (单位预算) stacked onto the header under it.
    "预算数基本支出": None,
    "预算数基本支出人员经费": "基本支出/人员经费",
    "预算数合计": "合计",
}
_BY_NATURE = {"合计": "合计", "小计": "合计", "基本支出": "基本支出", "项目支出": "项目支出"}
COLUMNS: dict[str, dict[str, str | None]] = {
    # Shanghai
    "Y1": {"预算数": "预算数", "合计": "合计", "项目支出": "项目支出"} | _BASIC_SPLIT,
    "Y2": {k: k for k in ("合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入")}
    | {"事业单位经营收入": "事业单位经营收入", "经营收入": "事业单位经营收入"},
    "Y3": _BY_NATURE,
    "Y4": {"预算数": "预算数", "合计": "合计", "小计": "合计"}
    | {k: k for k in ("一般公共预算", "政府性基金预算", "国有资本经营预算")},
    "Y5": _BY_NATURE,
    "Y6": _BY_NATURE,
    "Y7": _BY_NATURE,
    "Y8": {"合计": "合计", "人员经费": "人员经费", "公用经费": "公用经费"},
    "Y9": {
        "合计": "三公经费/合计",
        "因公出国（境）费": "三公经费/因公出国（境）费",
        "公务接待费": "三公经费/公务接待费",
        "小计": "三公经费/公务用车购置及运行费/小计",
        "购置费": "三公经费/公务用车购置及运行费/购置费",
        "运行费": "三公经费/公务用车购置及运行费/运行费",
        "三公经费预算数": None,
        "机关运行经费预算数": "机关运行经费",
    },
    # Jiangsu
}

# Side-by-side tables: the halves, left then right.
SECTIONS: dict[str, tuple[str, str]] = {
    # Shanghai
    "Y1": ("收入", "支出"),
    "Y4": ("收入", "支出"),
    # Jiangsu
}

# Header words of budget tables that label or group columns and are never an amount column.
STRUCTURAL: set[str] = {
    # Shanghai
    "本年收入",
    "收入预算",
    "支出预算",
    "财政拨款收入",
    "财政拨款支出",
    "一般公共预算支出",
    "政府性基金预算支出",
    "国有资本经营预算支出",
    "一般公共预算基本支出",
    "三公经费预算数",
    # Jiangsu
}


def budget_header(key: str) -> str:
    """A budget header without the year it starts with ("2024年机关运行经费预算数"): the Y9
    headers name the budget year, which changes every year while the column does not."""
    if key[:4].isdigit() and key[4:5] == "年":
        return key[5:]
    return key
