"""The narrative's per-project sentences against the self-evaluation tables (P.NARR), and the
projects' total against 项目支出 where the report says every project was evaluated.

A project is named differently in prose and in the table (“社保公共能力建设项目” for the table's
“51322322T…-社保公共服务能力建设”), so names are matched by their longest common subsequence;
a sentence is linked only when one table is clearly the best match, since a wrong link would
turn two correct statements into a false error.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.analysis import Analysis, PerfForm
from audit.expr import BinOp, Expr, Var
from audit.families.base import Option, Skip
from audit.families.performance import fig
from audit.lazy_re import lazy
from audit.model import Figure
from audit.names import short_name
from audit.numbers import normalise
from audit.relation import Relation
from audit.rulebook import Rule

NAME_END = lazy(r"绩效目标完成情况|绩效目标|绩效自评|项目全年|全年预算|年初预算|项目预算|预算数")
NOISE = lazy(r"^\s*[(（]?\d+[)）.、]?|\d+(?:\.\d+)?\s*(?:万元|元|%)|[“”\"'、,，:：()（）\s]|项目|综述")
PROJECT_COUNT = lazy(r"(\d+)\s*个项目")  # “4个项目”, “4 个项目”


def lcs(a: str, b: str) -> int:
    prev = [0] * (len(b) + 1)
    for ch in a:
        cur = [0]
        for j, other in enumerate(b):
            cur.append(prev[j] + 1 if ch == other else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def similarity(a: str, b: str) -> float:
    a, b = clean(a), clean(b)
    if not a or not b:
        return 0.0
    return 2 * lcs(a, b) / (len(a) + len(b))


def clean(name: str) -> str:
    return NOISE.sub("", normalise(short_name(name)))


def best_table(name: str, candidates: list[PerfForm], threshold: float = 0.6) -> PerfForm | None:
    scored = sorted(((similarity(name, t.name), k) for k, t in enumerate(candidates)), reverse=True)
    if not scored or scored[0][0] < threshold:
        return None
    if len(scored) > 1 and scored[1][0] >= scored[0][0] - 0.1:
        return None
    return candidates[scored[0][1]]


def bind(rule: Rule, analysis: Analysis) -> Iterator[Relation | Skip]:
    ts = list(analysis.forms)
    if not ts:
        return
    if rule.params["check"] == "total":
        yield from _total(rule, analysis, ts)
        return
    for cid, claim in analysis.claims.items():
        figs = [f for f in analysis.in_claim(cid) if f.source == "narrative"]
        budget = next((f for f in figs if f.period == "budget" and f.measure == "amount"), None)
        if budget is None:
            continue
        table = best_table(_project_name(analysis, claim.paragraph, claim.text), ts)
        total = table.fund("总额") if table else None
        if total is None:
            continue
        column = "年初预算" if "年初预算" in claim.text[:max(claim.text.find(budget.text), 0)] else "调整后预算"
        after = [f for f in figs if f.index > budget.index]
        actual = next((f for f in after if f.period == "current" and f.measure == "amount"), None)
        rate = next((f for f in after if f.measure == "exec_rate"), None)
        for stated, col in ((budget, column), (actual, "执行数"), (rate, "执行率")):
            other = fig(total.cells.get(col))
            if stated is None or other is None:
                continue
            yield Relation(rule.id, Var("n"), "=", Var("t"), {"n": stated, "t": other}, target="n")


def _project_name(analysis: Analysis, paragraph: int, sentence: str) -> str:
    streams = analysis.outline.streams
    text = streams[paragraph].raw if paragraph < len(streams) else sentence
    m = NAME_END.search(text)
    return text[:m.start()][-40:] if m else ""


def _total(rule: Rule, analysis: Analysis, ts: list[PerfForm]) -> Iterator[Relation | Skip]:
    counts = {int(m.group(1)) for c in analysis.claims.values() if "绩效" in c.text
              for m in PROJECT_COUNT.finditer(normalise(c.text))}
    if len(ts) not in counts:
        return
    actuals = [fig(t.fund("总额").cells.get("执行数")) if t.fund("总额") else None for t in ts]
    whole = analysis.find("项目支出", source="narrative")
    if whole is None or any(a is None for a in actuals):
        yield Skip("项目支出 or a form's actual amount is not stated")
        return
    env: dict[str, Figure] = {"whole": whole, **{f"a{k}": a for k, a in enumerate(actuals) if a is not None}}
    expr: Expr = Var("a0")
    for k in range(1, len(actuals)):
        expr = BinOp("+", expr, Var(f"a{k}"))
    yield Relation(rule.id, expr, "=", Var("whole"), env)


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {"check": Option(str, choices=("projects", "total"), default="projects")}
