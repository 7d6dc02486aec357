"""Budget tables (部门预算 / 单位预算): which table a title names, and what its headers mean.

The ids Y1…Y13 name what a table IS (docs/budgets.md §2), so the Shanghai/Putuo set (元) and the
Jiangsu 公开表 set (万元) share an id when the meaning is the same. Titles and headers are compared
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

NAMES: list[tuple[str, str]] = [
    # Shanghai
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
    ("Y9", r"(一般公共预算)?三公经费、会议费、培训费支出预算表"),
    ("Y12", r"一般公共预算机关运行经费支出预算表" + _KIND),
    ("Y13", r"(\d{4}年)?政府采购(支出)?预算表"),
]

# Header text (after norm) -> column key, per table. Jiangsu prints one 金额 column in its
# single-amount tables (a 基本支出 table may head it 基本支出: still 金额, the key rules use);
# the 公开表 headers are otherwise the names of the columns.
_AMOUNT = {"金额": "金额"}
_USE = {
    "合计": "合计",
    "基本支出": "基本支出",
    "项目支出": "项目支出",
    "单位预留机动经费": "单位预留机动经费",
    "结转下年资金": "结转下年资金",
}
# (id, header -> key): entries of both sets for one id are merged (`_merged`), so each set keeps
# its own lines and a table printed by either set is read.
_COLUMN_ENTRIES: list[tuple[str, dict[str, str]]] = [
    # Shanghai
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


def _merged(entries: list[tuple[str, dict[str, str]]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for table_id, columns in entries:
        out.setdefault(table_id, {}).update(columns)
    return out


# Side-by-side tables: the parts left to right, each a row-key prefix (`收入|…`). Jiangsu's
# 收支预算总表 prints three: 收入, 支出 by 功能分类 (with 当年支出小计 / 结转下年资金 / 支出合计
# under its names) and 支出用途 (基本支出 / 项目支出 / 单位预留机动经费), kept apart so that the
# numbered 功能 classes add up to 当年支出小计 alone. The 财政拨款收支预算总表 prints only the
# 支出用途 rows on its 支出 side.
SECTIONS: dict[str, tuple[str, ...]] = {
    # Shanghai
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

# Y9 (三公 / 会议费 / 培训费, one row under grouped headers): header (after norm), or
# "group/leaf" for a leaf that repeats (小计) -> column key, the path of group headers and leaf.
_Y9: dict[str, str] = {
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
    ("Y9", _Y9),
])
COLUMNS = _merged(_COLUMN_ENTRIES + [(tid, {v: v for v in leaves.values()}) for tid, leaves in GROUPED.items()])

# Tables of one row without a label (the row is the table's total): the row's label.
ROW_LABEL: dict[str, str] = {
    # Jiangsu
    "Y3": "合计",
    "Y9": "合计",
}

# Header words of budget tables that name the code/name area, never an amount column.
STRUCTURAL: set[str] = {
    # Shanghai
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

