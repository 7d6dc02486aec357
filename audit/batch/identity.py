"""Who filed a report and for which year, as the report's own title lines say.

A fiscal bureau sorts hundreds of reports by department, and file names are unreliable (scans
named `附件3.pdf`, one name per year reused), so the summary takes both from the text. Titles
come in a few shapes: "上海市普陀区财政局2024年度部门决算" (often split over two PDF lines),
"第三部分…2024年度部门决算情况说明", "纳入茂县人力资源和社会保障局2022年度部门决算编制范围", and
the opening sentence "{单位}{年}年度收入支出总计…". A name must end like an organisation (局, 委员会,
中心…) so that a sentence fragment is never taken for a department.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# How far into a report titles are looked for: the cover, the contents and the first section.
HEAD_LINES = 200

_ORG_END = ("委员会", "办公室", "管理局", "事务局", "办事处", "研究院", "研究所", "服务中心", "中心", "学校",
            "医院", "政府", "集团", "协会", "联合会", "委", "办", "局", "厅", "院", "所", "站", "队", "馆",
            "处", "部", "会", "校", "社", "署", "室", "司", "团", "镇", "乡", "街道", "法院", "检察院")
_TITLE = re.compile(
    r"(?P<name>[\u4e00-\u9fff（）()·]{2,60}?)\s*(?P<year>20\d{2})\s*年度?\s*"
    r"(?:(?:部门|单位)决算|收入支出总计|收、支总计|财政拨款收入支出总计)")
# Words that precede a name in running text or section headings and are not part of it.
_PREFIX = re.compile(r"^(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、|无纳入|纳入|关于|附件\d*|本部门|本单位|公开)+")
_YEAR = re.compile(r"(20\d{2})\s*年度")


def identify(lines: Iterable[str]) -> tuple[str | None, int | None]:
    """The department or unit name and the fiscal year, or None for what the text does not say."""
    head = [ln.strip() for _, ln in zip(range(HEAD_LINES), lines, strict=False)]
    # A title split over two lines ("上海市普陀区财政局" / "2024年度部门决算") is joined back.
    candidates = [a + b for a, b in zip(head, [*head[1:], ""], strict=True)]
    for text in candidates:
        for m in _TITLE.finditer(text):
            name = _clean(m.group("name"))
            if name:
                return name, int(m.group("year"))
    years = Counter(int(y) for text in head for y in _YEAR.findall(text))
    return None, years.most_common(1)[0][0] if years else None


def _clean(raw: str) -> str | None:
    name = _PREFIX.sub("", raw).strip("（）() ·")
    if len(name) < 2 or not name.endswith(_ORG_END):
        return None
    return name
