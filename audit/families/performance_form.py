"""Performance-table checks that need no arithmetic: blanks, missing reasons, units (domain §7.3, E19).

Real forms are often published with 完成值 and 得分 left blank: the evaluation was not done or
not copied in. That hides the result, so it is reported (as incomplete), never read as 0.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from audit.analysis import Analysis, PerfForm
from audit.families.base import Direct, Option
from audit.lazy_re import lazy
from audit.numbers import normalise
from audit.rulebook import Rule

MONEY_UNITS = {"元", "万元", "亿元", "千元"}
COUNT_UNITS = {"人", "万人", "人次", "万人次", "户", "个", "次", "名", "家", "项", "辆", "台", "套", "件", "场", "期"}
QUANTITY = lazy(r"(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>万人次|人次|万人|亿元|万元|千元|元|人|户|名|%)")
COUNT_WORDS = lazy(r"(人数|人次|户数|个数|次数|名数|参保人|人员数)[^,，。;；、]{0,6}$")
MONEY_WORDS = lazy(r"(金额|资金|经费|费用|成本|补贴|补助|预算)[^,，。;；、]{0,6}$")
RATE_NAME = lazy(r"(率|满意度|比例|占比)$")


def bind(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    check = rule.params["check"]
    for t in analysis.forms:
        yield from CHECKS[check](rule, t)


def _incomplete(rule: Rule, t: PerfForm) -> Iterator[Direct]:
    blanks: dict[str, list] = {"完成值": [], "得分": []}
    total = t.fund("总额")
    if total and "得分" in total.cells and total.cells["得分"].blank:
        blanks["得分"].append(total.cells["得分"].location)
    for ind in t.indicators:
        for col in blanks:
            if col in ind.cells and ind.cells[col].blank:
                blanks[col].append(ind.cells[col].location)
    if t.total_score is not None and t.total_score.blank:
        blanks["得分"].append(t.total_score.location)
    parts = [f"{col} {len(locs)} 处" for col, locs in blanks.items() if locs]
    if parts:
        yield Direct("perf_incomplete", {"project": t.name, "detail": "、".join(parts)},
                     locations=[t.location] + [loc for locs in blanks.values() for loc in locs])


def _reason(rule: Rule, t: PerfForm) -> Iterator[Direct]:
    threshold = Decimal(str(rule.params["threshold"]))
    total = t.fund("总额")
    if total is None:
        return
    rate, reason = total.cells.get("执行率"), total.cells.get("原因")
    if rate is None or rate.figure is None or reason is None:
        return
    if rate.figure.value < threshold and reason.blank:
        yield Direct("perf_no_reason", {"project": t.name, "rate": rate.text,
                                                  "threshold": str(threshold)},
                     locations=[rate.location, reason.location])


def _units(rule: Rule, t: PerfForm) -> Iterator[Direct]:
    for ind in t.indicators:
        name_cell = ind.cells.get("三级指标")
        if name_cell is None:
            continue
        text = normalise(name_cell.text)
        for m in QUANTITY.finditer(text):
            before, unit = text[:m.start()], m.group("unit")
            if unit in MONEY_UNITS and COUNT_WORDS.search(before):
                kind = "count"
            elif unit in COUNT_UNITS and MONEY_WORDS.search(before):
                kind = "money"
            else:
                continue
            loc = name_cell.location
            col = (loc.column or 1) + m.start()
            yield Direct("perf_unit", {"project": t.name, "text": m.group(), "kind": kind},
                         locations=[type(loc)(path=loc.path, page=loc.page, line=loc.line, column=col,
                                              end_column=col + len(m.group()) - 1, text=name_cell.text[m.start():m.end()],
                                              cell=loc.cell, ref=loc.ref)])
        unit_cell = ind.cells.get("度量单位")
        if unit_cell is None or unit_cell.blank:
            continue
        unit = normalise(unit_cell.text).strip()
        if RATE_NAME.search(text.strip()) and unit in MONEY_UNITS | COUNT_UNITS:
            yield Direct("perf_unit_column", {"project": t.name, "name": name_cell.text.strip()[:30],
                                                       "unit": unit_cell.text.strip()},
                         locations=[unit_cell.location, name_cell.location])


CHECKS = {"incomplete": _incomplete, "reason": _reason, "units": _units}


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "check": Option(str, choices=tuple(CHECKS), required=True),
    "threshold": Option((int, float), default=90),
}
