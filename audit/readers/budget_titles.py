"""Budget tables (部门预算 / 单位预算): which table a title names, and what its headers mean.

The ids Y1…Y14 name what a table IS (docs/budgets.md §2), so the Shanghai/Putuo set (元) and the
Jiangsu 公开表 set (万元) share an id when the meaning is the same. The 三公 tables differ: Shanghai's
Y9 is 三公 and 机关运行经费, Jiangsu's Y14 is 三公, 会议费 and 培训费 with a 合计 over all three. Titles and headers are compared
after `pdf_titles.norm`. Entries are grouped in a `# Shanghai` and a `# Jiangsu` block in every
list and dict, so that the two sets can be maintained side by side.

Order matters: the first pattern that matches the whole title wins, so a title that contains
another (财政拨款收支预算总表 ⊃ 收支预算总表) comes first.
"""

from __future__ import annotations

from audit.lazy_re import lazy

# A budget title may carry, before its name: the 公开表 number ("公开 01 表：", "公开表一"), a list
# number (一、), and "{年}年(度){部门}" (Jiangsu 2018: "一、2018 年度江苏省高级人民法院收支预算总表").
# The department is only allowed after a year, so it cannot swallow part of another title.
PREFIX = (
    r"(公开\d+表[：:]?|公开表[一二三四五六七八九十]+[：:]?)?"
    r"([一二三四五六七八九十]+[、.．]|\d+[、.．])?"
    r"(\d{4}年度?.{0,30}?)?"
)

# The number printed on a line of its own above a title ("公开 01 表", "公开表一"): it belongs to
# the next table, so it ends the one before instead of becoming one of its rows.
_NUMBER_LINE = lazy(r"公开(\d+|[一二三四五六七八九十]+)表|公开表(\d+|[一二三四五六七八九十]+)")


def is_number_line(compact: str) -> bool:
    return "公开" in compact and bool(_NUMBER_LINE.fullmatch(compact))


# Classification-kind suffix (2019: "财政拨款支出预算表（功能科目）").
_KIND = r"(（(功能|经济)科目）)?"

_SH = r"(预算单位|部门|单位)?"
NAMES: list[tuple[str, str]] = [
    # Shanghai: "{年}年预算单位…" (单位预算), "{年}年部门…" (部门预算), in 元 except Y9 (万元).
    ("Y4", _SH + r"财政拨款收入支出预算总表"),
    ("Y1", _SH + r"财务收入支出预算总表"),
    ("Y5", _SH + r"一般公共预算支出功能分类预算表"),
    ("Y6", _SH + r"政府性基金预算支出功能分类预算表"),
    ("Y7", _SH + r"国有资本经营预算支出功能分类预算表"),
    ("Y8", _SH + r"一般公共预算基本支出部门预算经济分类预算表"),
    ("Y9", _SH + r"三公经费和机关运行经费预算表"),
    # Jiangsu
    ("Y6", r"(财政拨款)?政府性基金(预算)?(财政拨款)?支出预算表" + _KIND),
    ("Y4", r"财政拨款收入支出预算总表"),
    ("Y1", r"收入支出预算总表"),
    ("Y2", r"收入预算总表"),
    ("Y11", r"财政拨款基本支出预算表" + _KIND),
    ("Y10", r"财政拨款支出预算表" + _KIND),
    ("Y8", r"一般公共预算基本支出预算表" + _KIND),
    ("Y5", r"一般公共预算支出预算表" + _KIND),
    ("Y3", r"支出预算总表"),
    ("Y14", r"(一般公共预算)?三公经费、会议费、培训费支出预算表"),
    ("Y12", r"一般公共预算机关运行经费支出预算表" + _KIND),
    ("Y13", r"(\d{4}年)?政府采购(支出)?预算表"),
    # Shanghai, last: with "{年}年…" before them these two names would end longer titles
    # ("…收支预算总表" ends in 支出预算总表).
    ("Y2", _SH + r"收入预算总表"),
    ("Y3", _SH + r"支出预算总表"),
]

# Header text (after norm) -> column key, per table. Jiangsu prints one 金额 column in its
# single-amount tables (a 基本支出 table may head it 基本支出: still 金额, the key rules use);
# the 公开表 headers are otherwise the names of the columns.
_AMOUNT: dict[str, str | None] = {"金额": "金额"}
_USE: dict[str, str | None] = {
    "合计": "合计",
    "基本支出": "基本支出",
    "项目支出": "项目支出",
    "单位预留机动经费": "单位预留机动经费",
    "结转下年资金": "结转下年资金",
}
# Shanghai: a value None marks a group header that is never an amount column of that table
# (基本支出 over 人员经费 | 公用经费 in Y1). Two-level headers are named "group/leaf"; a group
# stacked onto its first leaf reads as one header ("基本支出人员经费").
_BASIC_SPLIT: dict[str, str | None] = {
    "人员经费": "基本支出/人员经费",
    "公用经费": "基本支出/公用经费",
    "基本支出人员经费": "基本支出/人员经费",
    "基本支出": None,
    # The 预算数 over the 支出 half (单位预算) stacked onto the header under it.
    "预算数基本支出": None,
    "预算数基本支出人员经费": "基本支出/人员经费",
    "预算数合计": "合计",
}
_BY_NATURE: dict[str, str | None] = {"合计": "合计", "小计": "合计", "基本支出": "基本支出", "项目支出": "项目支出"}
_SH_Y9: dict[str, str | None] = {
    "合计": "三公经费/合计",
    "因公出国（境）费": "三公经费/因公出国（境）费",
    "公务接待费": "三公经费/公务接待费",
    "小计": "三公经费/公务用车购置及运行费/小计",
    "购置费": "三公经费/公务用车购置及运行费/购置费",
    "运行费": "三公经费/公务用车购置及运行费/运行费",
    "三公经费预算数": None,
    "机关运行经费预算数": "机关运行经费",
}
# (id, header -> key): entries of both sets for one id are merged (`_merged`), so each set keeps
# its own lines and a table printed by either set is read.
_COLUMN_ENTRIES: list[tuple[str, dict[str, str | None]]] = [
    # Shanghai
    ("Y1", {"预算数": "预算数", "合计": "合计", "项目支出": "项目支出"} | _BASIC_SPLIT),
    ("Y2", {k: k for k in ("合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入")}
     | {"经营收入": "事业单位经营收入"}),
    ("Y3", _BY_NATURE),
    ("Y4", {"预算数": "预算数", "合计": "合计", "小计": "合计"}
     | {k: k for k in ("一般公共预算", "政府性基金预算", "国有资本经营预算")}),
    ("Y5", _BY_NATURE),
    ("Y6", _BY_NATURE),
    ("Y7", _BY_NATURE),
    ("Y8", {"合计": "合计", "人员经费": "人员经费", "公用经费": "公用经费"}),
    ("Y9", _SH_Y9),
    # Jiangsu
    ("Y1", _AMOUNT),
    ("Y2", _AMOUNT),
    ("Y3", _USE),
    ("Y4", _AMOUNT),
    ("Y5", _AMOUNT),
    ("Y6", _AMOUNT),
    ("Y8", _AMOUNT | {"基本支出": "金额"}),
    ("Y10", _AMOUNT),
    ("Y11", _AMOUNT | {"基本支出": "金额"}),
    ("Y12", _AMOUNT | {"机关运行经费支出": "机关运行经费支出", "合计": "机关运行经费支出"}),
    ("Y13", {"总计": "总计", "合计": "总计", "金额": "总计"}),
]


def _merged(entries: list[tuple[str, dict[str, str | None]]]) -> dict[str, dict[str, str | None]]:
    out: dict[str, dict[str, str | None]] = {}
    for table_id, columns in entries:
        out.setdefault(table_id, {}).update(columns)
    return out


# Side-by-side tables: the parts left to right, each a row-key prefix (`收入|…`). Jiangsu's
# 收支预算总表 prints three: 收入, 支出 by 功能分类 (with 当年支出小计 / 结转下年资金 / 支出合计
# under its names) and 支出用途 (基本支出 / 项目支出 / 单位预留机动经费), kept apart so that the
# numbered 功能 classes add up to 当年支出小计 alone. The 财政拨款收支预算总表 prints only the
# 支出用途 rows on its 支出 side.
SECTIONS: dict[str, tuple[str, ...]] = {
    # Shanghai: Y1 and Y4 print two (收入 | 支出); their 收入 half ends with its 预算数 column.
    # Jiangsu
    "Y1": ("收入", "支出", "支出用途"),
    "Y4": ("收入", "支出"),
}

# The amount column that ends a part (the next part starts at the first label right of it). A
# table printed with fewer of them than its id has parts has fewer parts.
PART_ENDS: tuple[str, ...] = (
    # Shanghai
    # Jiangsu
    "金额",
)

# Y14 (Jiangsu: 三公 / 会议费 / 培训费, one row under grouped headers): header (after norm), or
# "group/leaf" for a leaf that repeats (小计) -> column key, the path of group headers and leaf.
_Y14: dict[str, str | None] = {
    # Jiangsu
    "合计": "合计",
    "三公经费/小计": "三公经费/小计",
    "因公出国（境）费": "三公经费/因公出国（境）费",
    "公务用车购置及运行维护费/小计": "三公经费/公务用车购置及运行维护费/小计",
    "公务用车购置费": "三公经费/公务用车购置及运行维护费/公务用车购置费",
    "公务用车运行维护费": "三公经费/公务用车购置及运行维护费/公务用车运行维护费",
    "公务接待费": "三公经费/公务接待费",
    "会议费": "会议费",
    "培训费": "培训费",
}

GROUPED = _merged([
    # Shanghai
    # Jiangsu
    ("Y14", _Y14),
])
COLUMNS = _merged(_COLUMN_ENTRIES + [(tid, {v: v for v in leaves.values()}) for tid, leaves in GROUPED.items()])

# Tables of one row without a label (the row is the table's total): the row's label.
ROW_LABEL: dict[str, str] = {
    # Jiangsu
    "Y3": "合计",
    "Y14": "合计",
}

# Header words of budget tables that name the code/name area, never an amount column.
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
    "项目名称",
    "功能科目名称",
    "功能分类",
    "支出用途",
    "大类",
    "经济科目",
    "式",  # the wrapped end of 采购组织形式
}
# Words that make a header a text column wherever they occur (政府采购: 采购品目大类, 专项名称,
# 采购物品名称, 采购组织形式, also when wrapped).
STRUCTURAL_WORDS: tuple[str, ...] = (
    # Jiangsu
    "采购",
    "名称",
    "形式",
)


def budget_header(key: str) -> str:
    """A budget header without the year it starts with ("2024年机关运行经费预算数"): the Y9
    headers name the budget year, which changes every year while the column does not."""
    if key[:4].isdigit() and key[4:5] == "年":
        return key[5:]
    return key
