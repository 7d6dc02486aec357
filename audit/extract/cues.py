"""The small grammar of claim sentences: which words before or after a number give it its role.

Each cue is anchored at the end of the text before the number (or the start of the text after
its unit), so the grammar reads a sentence the way an auditor does: "占 … %" is a share,
"增加 … 万元" a change, "完成预算 … %" an execution rate, "年初预算为 …" a budget amount.
"""

from __future__ import annotations

import re

FILLER = r"[\s:为是达约共计了,]*"

SHARE = re.compile(r"占(?P<whole>[^,;。占]{0,25}?)(?:的)?(?:比重|比例)?" + FILLER + "$")
CHANGE = re.compile(r"(?P<word>增加|减少|增长|下降|上升|降低|减|增)" + FILLER + "$")
EXEC = re.compile(r"(?:完成|执行)(?:了)?(?:年初|全年|调整后)?(?:预算|预)(?:数)?(?:的)?" + FILLER + "$|执行率" + FILLER + "$")
BUDGET = re.compile(r"(?:年初|全年|调整后)?预算(?:数|金额|安排)?" + FILLER + "$")
ACTUAL = re.compile(r"(?:支出)?(?:决算|执行)(?:数)?" + FILLER + "$")
PRIOR_AFTER = re.compile(r"^\s*(?:相比|相较)?\s*(?:有所|略有)?(?:增加|减少|增长|下降|持平|上升|降低)")
NOT_A_FIGURE_AFTER = re.compile(r"^\s*(?:\(含\))?(?:以上|以下|及以上|左右)")
BREAKDOWN = re.compile(r"其中|主要用于|包括|分别为|具体为|分别是")
# A sentence that stops right after the marker hands its list on to the following lines
# (“…307.34万元，其中：”); a marker followed by its own words (“主要包括：工资。”) does not.
LIST_OPENS = re.compile(r"(?:其中|主要用于|主要包括|包括|分别为|具体为|分别是)(?:以下(?:几个)?方面|如下)?$")
NO_CHANGE = re.compile(r"持平|无变化|没有变化|基本持平")

POSITIVE = {"增加", "增长", "上升", "增"}
NEGATIVE = {"减少", "下降", "降低", "减"}

# Words comparing an actual with its budget: the sign they claim.
COMPARE_WORDS = [
    (re.compile(r"决算数?(?:与预算数?)?(?:基本)?持平|决算数?等于预算数?|与预算持平"), 0),
    (re.compile(r"决算数?大于预算数?|超过预算"), 1),
    (re.compile(r"决算数?小于预算数?|低于预算"), -1),
]
TEMPLATE_ALTERNATIVES = re.compile(r"增加\(减少\)|减少\(增加\)|增长\(下降\)|下降\(增长\)|大于\(小于\)|小于\(大于\)")


def direction_of(word: str) -> int:
    return 1 if word in POSITIVE else -1
