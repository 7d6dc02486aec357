"""Which of the nine tables a title names, and what each table's column headers mean.

Tables are found by title, never by position: provinces reorder them and add their own. Titles
and headers are compared after `norm`, which erases the spelling differences reports really show
(收支 for 收入支出, quote styles around 三公, half-width brackets, spaces inside words).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from audit.readers import budget_titles as _budget

_QUOTES = str.maketrans("", "", "“”\"＂「」『』‘’'＇")
_BRACKETS = str.maketrans({"(": "（", ")": "）"})
# Optional numbering (一、 表1 附表3-1) and "{单位}{年}年度" before the name. It is matched together
# with each name, not stripped first: "表5一般公共预算…" must not lose the 一 of 一般 to the number.
_PREFIX = (
    r"((附?表[一二三四五六七八九十\d]+([-—.．]\d+)?[、.．:：]?)|([一二三四五六七八九十]+|\d+)[、.．:：])?"
    r"(.{0,40}?\d{4}年度?(部门|单位)?)?"
)

_NAMES = [
    ("T1", r"收入支出决算总?表"),
    ("T2", r"收入决算总?表"),
    ("T3", r"支出决算总?表"),
    ("T4", r"财政拨款收入支出决算总?表"),
    ("T5", r"一般公共预算财政拨款(收入)?支出决算(明细)?表"),
    ("T6", r"一般公共预算财政拨款基本支出决算(明细)?表"),
    ("T7", r"(一般公共预算)?(财政拨款)?三公经费.*(支出决算|情况)表"),
    ("T8", r"政府性基金预算财政拨款(收入)?支出决算表"),
    ("T9", r"国有资本经营预算财政拨款(收入)?支出决算表"),
]


@cache
def _titles() -> list[tuple[str, re.Pattern[str]]]:
    """Compiled on first use: the nine patterns cost ~15 ms to compile, and a text report with
    no table title (`could_be_title`) never needs them."""
    return [(tid, re.compile(_PREFIX + name)) for tid, name in _NAMES]


@cache
def _budget_titles() -> list[tuple[str, re.Pattern[str]]]:
    """The budget tables' patterns (`budget_titles.NAMES`), compiled only for a title that ends as
    a budget table's does, so final accounts never pay for them."""
    return [(tid, re.compile(_budget.PREFIX + name)) for tid, name in _budget.NAMES]


# Header text -> canonical column name, per table. Headers not listed and not structural keep
# their printed text, so an unexpected column is reported rather than dropped.
_FLOW = {"决算数": "决算数"}
COLUMNS: dict[str, dict[str, str | None]] = {
    "T1": _FLOW,
    "T2": {
        k: k
        for k in (
            "本年收入合计",
            "财政拨款收入",
            "上级补助收入",
            "事业收入",
            "经营收入",
            "附属单位上缴收入",
            "其他收入",
        )
    }
    | {"合计": "本年收入合计"},
    "T3": {
        k: k
        for k in ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
    }
    | {"合计": "本年支出合计"},
    "T4": _FLOW
    | {k: k for k in ("合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")}
    | {"小计": "合计"},
    "T5": {"合计": "合计", "小计": "合计", "基本支出": "基本支出", "项目支出": "项目支出"},
    "T6": _FLOW,
    "T8": {
        "年初结转和结余": "年初结转和结余",
        "本年收入": "本年收入",
        "小计": "本年支出/合计",
        "合计": "本年支出/合计",
        "基本支出": "本年支出/基本支出",
        "项目支出": "本年支出/项目支出",
        "年末结转和结余": "年末结转和结余",
    },
}
COLUMNS["T9"] = COLUMNS["T8"]
COLUMNS.update(_budget.COLUMNS)  # a None value: a group header, never a column

T7_GROUPS = {
    "合计": "合计",
    "因公出国（境）费": "因公出国（境）费",
    "小计": "公务用车购置及运行维护费",
    "公务用车购置费": "公务用车购置费",
    "公务用车运行费": "公务用车运行维护费",
    "公务用车运行维护费": "公务用车运行维护费",
    "公务接待费": "公务接待费",
}
T7_MEASURES = ("预算数", "决算数")

# Header words that label the code/name area or group other columns; never a numeric column.
STRUCTURAL = {
    "项目",
    "科目名称",
    "收入",
    "支出",
    "本年支出",
    "类",
    "款",
    "项",
    "栏次",
    "行次",
    "财政拨款三公经费",
    "三公经费",
    "公务用车购置及运行费",
    "公务用车购置及运行维护费",
}

SECTIONS: dict[str, tuple[str, ...]] = {"T1": ("收入", "支出"), "T4": ("收入", "支出"), "T6": ("人员经费", "公用经费")}

# Budget tables (Y1…Y14): their titles, columns and parts live in budget_titles.
SECTIONS |= _budget.SECTIONS
STRUCTURAL |= _budget.STRUCTURAL


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """Spelling-insensitive key for titles and headers; never used on amounts. Memoised: a PDF
    report asks for the same few hundred header and title texts some two thousand times."""
    t = re.sub(r"\s+", "", text).translate(_QUOTES).translate(_BRACKETS)
    return t.replace("收支", "收入支出")


def could_be_title(text: str) -> bool:
    """The cheap precondition of `match_title`: callers test it before importing the table
    readers, so a report without any title-like line pays for none of them. A budget title may
    end with its classification kind (…支出预算表（功能科目）)."""
    if "表" not in text:
        return False
    t = norm(text)
    return len(t) <= 60 and (t.endswith("表") or t.endswith("科目）"))


def match_title(text: str) -> str | None:
    """Table id when the whole line is a table title, so prose that mentions a table never matches."""
    if not could_be_title(text):
        return None
    t = norm(text)
    patterns = _budget_titles() if _is_budget_title(t) else _titles()
    for table_id, pattern in patterns:
        if pattern.fullmatch(t):
            return table_id
    return None


def _is_budget_title(t: str) -> bool:
    """Budget titles end in 预算表 / 预算总表, or add the classification kind (…预算表（功能科目）)."""
    return t.endswith(("预算表", "预算总表")) or (t.endswith("科目）") and "预算表（" in t)


def is_structural(text: str) -> bool:
    t = norm(text)
    return t in STRUCTURAL or any(w in t for w in ("科目", "分类", "编码", *_budget.STRUCTURAL_WORDS))


def header_vocabulary(table_id: str) -> str:
    """All header words of a table run together, to recognise a header repeated on a later page."""
    words = set(COLUMNS.get(table_id, {})) | STRUCTURAL | set(T7_GROUPS) | set(T7_MEASURES)
    words |= {"支出功能分类", "科目编码", "经济分类", "功能分类科目编码", "单位：万元"}
    return "|".join(sorted(words))
