"""How labels are keyed: classification names, table columns, project names, Chinese numerals.

Extraction names figures with these keys and families look figures up with the same keys
written in rules/*.yaml, so both sides must normalise a label the same way. They live here,
outside both stages, so that a family never has to import extraction to spell a key.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from audit.lazy_re import lazy
from audit.model import Figure
from audit.numbers import normalise
from audit.resources import load_yaml

# A title that says which year and which kind of report this is: 2024年度部门决算, 2025年预算.
YEAR_TITLE = re.compile(r"(20\d{2})\s*年度?\s*(?:[区市省县]级)?\s*(?:部门|单位)?\s*(决算|预算)")
NUMBERING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十]+\)|\d+[、.])\s*")
BRACKETS = re.compile(r"\([^)]*\)")
DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}


# ---------------------------------------------------------------- budget comparisons

# What a budget compares this year's amount with (比上年预算增加…, 比2022年预算执行数增加…%, 与上年预算数
# 一致): last year's budget or last year's execution, two different quantities. The last such
# phrase before a change gives the change its basis; “比上年增加” names neither. Extraction gives
# changes their basis with it, and the change family reads a 持平 sentence's basis with it.
COMPARED = lazy(r"(?:比|较|与|同|对比|相比)\s*(?:上年度?|上一年度?|去年|20\d{2}\s*年度?)\s*(?:的)?\s*(?:当年|全年)?\s*"
                      r"(?:(?P<exec>(?:预算)?执行数?|决算数?)|(?:年初)?预算(?:数)?(?P<exec2>执行数?)?)")


def compared_basis(before: str) -> str | None:
    """“budget” after 比上年预算 / 比2022年预算, “execution” after 比上年(预算)执行数, else None."""
    found = list(COMPARED.finditer(before))
    if not found:
        return None
    last = found[-1]
    return "execution" if last.group("exec") or last.group("exec2") else "budget"


def written_at(sentence: str, fig: Figure) -> list[int]:
    """Where a figure is written in its (normalised) sentence, as a whole number with its unit:
    “0万元” is not found inside “100.00万元”. Families use it to find the ；-clause of a figure."""
    pattern = r"(?<![0-9.,])" + re.escape(normalise(fig.text)) + r"\s*" + re.escape(fig.unit)
    return [m.start() for m in re.finditer(pattern, sentence)]


FLAT = lazy(r"持平|无变化|没有变化")
MOVED = lazy(r"增加|减少|增长|下降|上升|降低")


def flat_clause(sentence: str, fig: Figure) -> bool:
    """The clause (between ；) that states the figure says 持平 and no increase or decrease:
    “其中：购置费25万元，比上年预算增加25万元；运行费21.56万元，比上年预算持平”. Where the same
    amount is written more than once, every clause that writes it must say so (its clause is
    then certain whichever print it is)."""
    text = normalise(sentence)
    found = written_at(text, fig)
    if not found:
        return False
    for at in found:
        start = text.rfind(";", 0, at) + 1
        end = text.find(";", start)
        clause = text[start:end if end >= 0 else len(text)]
        if not FLAT.search(clause) or MOVED.search(clause):
            return False
    return True


def fits(prior: Figure, basis: str | None) -> bool:
    """A printed last-year amount is what a comparison is against: last year's budget for
    比上年预算, last year's execution or outcome for 比上年预算执行数, either when the sentence
    names neither."""
    if basis == "budget":
        return prior.basis == "budget"
    if basis == "execution":
        return prior.basis is None
    return True


# ---------------------------------------------------------------- classification names

def lenient(name: str) -> str:
    """A 科目 name without quotes, numbering and a trailing 支出, as reports vary in these."""
    n = normalise(name).strip().strip('"\'“”')
    n = re.sub(r"^(?:[\d.、()\s]+|[一二三四五六七八九十]+[、.])+", "", n)
    while n.endswith("支出") and len(n) > 2:
        n = n[:-2]
    return n


@lru_cache(maxsize=1)
def _renames() -> dict[str, str]:
    data = load_yaml("classification.yaml") or {}
    return {lenient(old): lenient(new) for old, new in (data.get("renames") or {}).items()}


def canonical(name: str) -> str:
    """The lenient name, with an old name mapped to the current one (rules/classification.yaml)."""
    n = lenient(name)
    return _renames().get(n, n)


# ---------------------------------------------------------------- table keys

def clean(text: str) -> str:
    """A row label or column header as a key: no numbering, remarks, quotes or operators."""
    t = normalise(text)
    t = NUMBERING.sub("", t)
    t = BRACKETS.sub("", t)
    return re.sub(r"[\s\"'“”:：+\-*/=<>]", "", t).replace("其中", "")


def column_key(column: str) -> str:
    """`决算数/基本支出` → `决算数.基本支出`: the column part of a table figure's concept."""
    return ".".join(clean(part) for part in normalise(column).split("/"))


def short_name(name: str) -> str:
    """`51322322T000005968529-东西部协作对口联络站建设` → the name after the project code (written
    with full-width digits too: the code is found in the normalised text, the name kept as written)."""
    name = name.strip()
    code = re.match(r"[0-9A-Za-z]{6,}\s*[-—_]\s*", normalise(name))
    return name[code.end():] if code else name


# ---------------------------------------------------------------- numerals

def chinese_number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十一 → 11, 二十三 → 23."""
    if not text or any(c not in DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    t = DIGITS.get(tens, 0) if tens else 1
    u = DIGITS.get(units, 0) if units else 0
    return t * 10 + u


def numeral(n: int) -> str:
    """1 → 一, 10 → 十, 23 → 二十三: how a heading that should come next is written."""
    names = "零一二三四五六七八九"
    if n <= 10:
        return "十" if n == 10 else names[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else names[tens]) + "十" + (names[units] if units else "")


def numbered(label: str) -> bool:
    """A row label that starts with its own numbering (一、 (一) 1.): a part of the total below or above it."""
    return bool(NUMBERING.match(normalise(label)))

# A table printed in 元 (or 千元) keeps its figures as printed, so its own sums and messages read
# as the table does; families that compare it with the narrative or another table (万元) take
# its figures through `in_wan`. The scaling is exact in Decimal and the decimals move with it, so
# 29,400,500.00 元 stands for the same interval as 2,940.050000 万元.
_SCALE = {"元": 4, "千元": 1}


def in_wan(fig: Figure) -> Figure:
    """The figure in 万元 (exact): how a table in 元 meets the narrative and other tables."""
    if fig.unit not in _SCALE:
        return fig
    k = _SCALE[fig.unit]
    return replace(fig, value=fig.value.scaleb(-k), decimals=fig.decimals + k, unit="万元")


# The budget tables' names without the year and 部门 / 预算单位 the titles print before them: for
# messages (audit.families.coverage) and the titles of rule examples (audit.examples).
BUDGET_TABLE_NAMES: dict[str, str] = {
    # Shanghai
    "Y1": "财务收支预算总表", "Y2": "收入预算总表", "Y3": "支出预算总表", "Y4": "财政拨款收支预算总表",
    "Y5": "一般公共预算支出功能分类预算表", "Y6": "政府性基金预算支出功能分类预算表",
    "Y7": "国有资本经营预算支出功能分类预算表", "Y8": "一般公共预算基本支出部门预算经济分类预算表",
    "Y9": "“三公”经费和机关运行经费预算表",
    # Jiangsu (Y1–Y6 and Y8 print shorter titles, 收支预算总表 …; the names above still say which)
    "Y10": "财政拨款支出预算表", "Y11": "财政拨款基本支出预算表", "Y12": "一般公共预算机关运行经费支出预算表",
    "Y13": "政府采购支出预算表", "Y14": "“三公”经费、会议费、培训费支出预算表",
}
