"""The small grammar of claim sentences: which words before or after a number give it its role.

Each cue is anchored at the end of the text before the number (or the start of the text after
its unit), so the grammar reads a sentence the way an auditor does: "占 … %" is a share,
"增加 … 万元" a change, "完成预算 … %" an execution rate, "年初预算为 …" a budget amount.
"""

from __future__ import annotations

import re

FILLER = r"[\s:为是达约共计了,]*"

SHARE = re.compile(r"占(?P<whole>[^,;。占]{0,25}?)(?:的)?(?:比重|比例)?" + FILLER + "$")
# A cut imposed by policy (经费压减10%, 核减) is not a year-on-year change of the item; nor is
# the policy goal 稳增长 (“支持商销稳增长30.00万”: an amount for that goal).
CHANGE = re.compile(r"(?<![压削核缩稳])(?P<word>增加|减少|增长|下降|上升|降低|降幅|增幅|减幅|涨幅|减|增)" + FILLER + "$")
EXEC = re.compile(r"(?:完成|执行)(?:了)?(?:年初|全年|调整后|调整)?(?:预算|预)(?:数)?(?:的)?" + FILLER + "$|执行率" + FILLER + "$")
BUDGET = re.compile(r"(?:年初|全年|调整后)?预算(?:数|金额|安排)?" + FILLER + "$")
ACTUAL = re.compile(r"(?:支出)?(?:决算|执行)(?:数)?" + FILLER + "$")
PRIOR_AFTER = re.compile(r"^\s*(?:相比|相较)?\s*(?:有所|略有)?(?:增加|减少|增长|下降|持平|上升|降低)")
# 万 written alone is 万元 (“项目总预算1170.00万，其中…”) unless a counted noun follows it
# (“惠及企业1.2万户”, “培训3万人次”): then it is a numeral of a count, not an amount of money.
WAN_COUNTS = re.compile(r"\s*(?:户|名|个|家|册|份|件|套|台|辆|张|株|棵|亩|平方|立方|吨|次|条|篇|座|所|间|位|只|头|本|千瓦|公里|米)")
NOT_A_FIGURE_AFTER = re.compile(r"^\s*(?:\(含\))?(?:以上|以下|及以上|左右)")
BREAKDOWN = re.compile(r"其中|主要用于|包括|分别为|具体为|分别是")
# A sentence that stops right after the marker hands its list on to the following lines
# (“…120.50万元，其中：”); a marker followed by its own words (“主要包括：工资。”) does not.
LIST_OPENS = re.compile(r"(?:其中|主要用于|主要包括|包括|分别为|具体为|分别是)(?:以下(?:几个)?方面|如下)?$")
NO_CHANGE = re.compile(r"持平|无变化|没有变化|基本持平")
CHANGE_WORD = re.compile(r"增加|减少|增长|下降|上升|降低")

POSITIVE = {"增加", "增长", "上升", "增", "增幅", "涨幅"}
NEGATIVE = {"减少", "下降", "降低", "减", "降幅", "减幅"}

# Words comparing an actual with its budget: the sign they claim.
COMPARE_WORDS = [
    (re.compile(r"决算数?(?:与预算数?)?(?:基本)?持平|决算数?等于预算数?|与预算持平"), 0),
    (re.compile(r"决算数?大于预算数?|超过预算"), 1),
    (re.compile(r"决算数?小于预算数?|低于预算"), -1),
]
ROUGHLY_EQUAL = re.compile(r"(?:基本|大致|大体)持平")


def direction_of(word: str) -> int:
    return 1 if word in POSITIVE else -1

# Periods. The word nearest before an amount says which year it belongs to: a printed year is
# compared with the report's year; 上年 / 去年 is last year; 本年 / 今年 this year.
PERIOD_WORD = re.compile(r"(?P<year>20\d{2})\s*年(?!\d{1,2}月)|(?P<prior>上年|上一年|去年|上年度)|(?P<this>本年|今年|本年度)")
YEAR = re.compile(r"(20\d{2})\s*年")
ADJUSTED = re.compile(r"调整(?:后)?(?:的)?预算")
ADJUSTED_RATE = re.compile(r"调整(?:后)?(?:的)?预算(?:数)?(?:的)?" + FILLER + "$")
# After these words a sentence gives the reasons for a change: amounts there are parts of the
# explanation (预留机动经费增加X万元), not the item's own amounts or changes.
REASON = re.compile(r"原因|主要是|由于|因为")
# Words that can stand between a named quantity and its number without naming something else
# (预算, 支出决算, 比上年增加 …). Whatever remains of two characters or more is a noun the
# vocabulary does not know: the named term is then only a qualifier (一般公共预算拨款安排的会议费).
NAME_FILLER = re.compile(
    r"预算|决算|支出|收入|数|为|是|金额|安排|了|共计|合计|总计|总额|达到?|约|资金|财政拨款|拨款|执行|年初|全年"
    r"|调整后?|当年|本年度?|今年|上年度?|上一年度?|去年|比|较|与|同|相比|增加|减少|增长|下降|上升|降低|持平|[增减降涨]幅"
    r"|变化|一致|的|中|其中|分别|均|累计|实际|完成|下同|各|共|有|预计|项目|20\d{2}年度?|\d+月|\d+日"
    r"|[^\u4e00-\u9fff]")
# “项目…涉及一般公共预算当年财政拨款X万元”: the funds the projects involve, not the named total.
INVOLVING = re.compile(r"涉及")
# List markers a paragraph starts with: a carried list ends at a sibling of its head's marker.
LIST_MARKERS = [
    ("part", re.compile(r"^\s*第[一二三四五六七八九十]+部分")),
    ("cn", re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.]")),
    ("pcn", re.compile(r"^\s*\(\s*[一二三四五六七八九十]+\s*\)")),
    ("num", re.compile(r"^\s*\d{1,2}\s*[、.](?!\d)")),
    ("pnum", re.compile(r"^\s*\(\s*\d{1,2}\s*\)")),
]


def marker_kind(text: str) -> str | None:
    """第X部分, 一、, (一), 1. or (1): the kind of list marker a paragraph starts with."""
    for kind, pattern in LIST_MARKERS:
        if pattern.match(text):
            return kind
    return None


ASIDE = re.compile(r"\([^()]*\)")
# “收入预算X万元”, “支出预算X万元” name a budget's totals only when nothing or the reporting body
# stands before them in the clause (“2024年，某某福利院收入预算…”, “本单位支出预算…”); after another
# noun they are that thing's budget (“专项债券支出预算…”), which the vocabulary does not know.
BARE_TOTAL = re.compile(r"(?:收入|支出)预算")
BODY_END = re.compile(r"(?:院|局|委员会|委|办事处|办公室|厅|室|中心|所|站|馆|会|处|部|部门|单位|政府)$")
# What is left out: a term in an open bracket of 不含 / 除, or right after 不含 (“设备（不含车辆）1台”,
# “设备不含车辆1台” count equipment, not vehicles).
EXCLUDED = re.compile(r"(?:\((?:不含|不包括|不包含|除)[^()]*|(?:不含|不包含|不包括)\s*)$")


def unnamed_words(text: str) -> str:
    """What is left of `text` once the words that name no quantity, and bracketed asides
    (“政府采购金额(以合同签订为准)为…”), are taken out."""
    return NAME_FILLER.sub("", ASIDE.sub("", text))
