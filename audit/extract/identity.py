"""Who filed a report, for which year and which kind (决算 | 预算), as the report's own title lines say.

Found once, during extraction: the structure, wording and naming rules read the year and kind
from the analysis, and batch runs sort reports by the department and year of the same result.

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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from audit.lazy_re import lazy
from audit.names import YEAR_TITLE

if TYPE_CHECKING:
    from audit.document import Document
    from audit.extract.stream import Stream

# How far into a report titles are looked for: the cover, the contents and the first section.
HEAD_LINES = 200

_ORG_END = ("委员会", "办公室", "管理局", "事务局", "办事处", "研究院", "研究所", "服务中心", "中心", "学校",
            "医院", "政府", "集团", "协会", "联合会", "委", "办", "局", "厅", "院", "所", "站", "队", "馆",
            "处", "部", "会", "校", "社", "署", "室", "司", "团", "镇", "乡", "街道", "法院", "检察院")
_TITLE = re.compile(
    r"(?P<name>[\u4e00-\u9fff（）()·]{2,60}?)\s*(?P<year>20\d{2})\s*年度?\s*"
    r"(?:(?:部门|单位)决算|收入支出总计|收、支总计|财政拨款收入支出总计)")
# The end of _TITLE alone: a cheap test that skips lines _TITLE cannot match (most of them).
_TITLE_END = re.compile(r"20\d{2}\s*年度?\s*(?:(?:部门|单位)决算|收入支出总计|收、支总计|财政拨款收入支出总计)")
# Words that precede a name in running text or section headings and are not part of it.
_PREFIX = re.compile(r"^(?:第[一二三四五六七八九十\d]+部分|[一二三四五六七八九十]+、|无纳入|纳入|关于|附件\d*|本部门|本单位|公开)+")
_YEAR = lazy(r"(20\d{2})\s*年度")
# The report's own title (2024年度部门决算) is looked for among the first paragraphs, short ones only.
TITLE_PARAGRAPHS = 60
TITLE_LENGTH = 60


@dataclass(frozen=True)
class Identity:
    department: str | None = None
    year: int | None = None
    kind: str | None = None


def identify(doc: Document, streams: Sequence[Stream]) -> Identity:
    """The department, the year and the kind of report. The title's year wins; when no title says
    both year and kind, kind stays None and the year is the one the opening lines name."""
    name, year = department_and_year(line.text for line in doc.lines())
    titled = title_year(streams)
    if titled is not None:
        return Identity(name, titled[0], titled[1])
    return Identity(name, year, None)


def title_year(streams: Sequence[Stream]) -> tuple[int, str] | None:
    """(year, 决算|预算) from the title: the first “{年}年度部门决算” the report writes."""
    for st in streams[:TITLE_PARAGRAPHS]:
        m = YEAR_TITLE.search(st.text)
        if m and len(st.text.strip()) <= TITLE_LENGTH:
            return int(m.group(1)), m.group(2)
    return None


def department_and_year(lines: Iterable[str]) -> tuple[str | None, int | None]:
    """The department or unit name and the fiscal year, or None for what the text does not say."""
    head = [ln.strip() for _, ln in zip(range(HEAD_LINES), lines, strict=False)]
    if not head:  # tables only (a workbook, a figures file): no title lines to read
        return None, None
    # A title split over two lines ("上海市普陀区财政局" / "2024年度部门决算") is joined back.
    candidates = [a + b for a, b in zip(head, [*head[1:], ""], strict=True)]
    for text in candidates:
        if not _TITLE_END.search(text):
            continue
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
