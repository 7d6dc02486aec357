"""Property tests: generated consistent reports raise no errors; one perturbed figure is caught.

A department's accounts are drawn as true values in 1/1000 万元, then written with the standard
sentences of domain.md §4.1 (NP01–NP16) in the variants the extractor supports, every amount
rounded to 2 decimals and every share or rate to 2 or 1 decimals, as reports print them. Because
each printed figure's rounding interval contains its true value, a correct engine can find no
contradiction (a). Moving one stated figure far outside its rounding interval must produce an
error or warning whose locations include that figure's line and column (b).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.examples import example_document
from audit.pipeline import check_document
from audit.rulebook import load_rules
from tests.families.conftest import NARRATIVE

RULES = load_rules()
# Fixed examples for CI stability; applied per test so other modules keep their own settings.
STABLE = settings(max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MILLI = Decimal("0.001")


def money(milli: int) -> Decimal:
    return Decimal(milli) * MILLI


def amount(value: Decimal, trim: bool = False) -> str:
    text = f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP):.2f}"
    return text.rstrip("0").rstrip(".") if trim and "." in text else text


def percent(part: Decimal, whole: Decimal, decimals: int) -> str:
    value = (part / whole * 100).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return f"{value:.{decimals}f}"


@dataclass
class Slot:
    name: str
    line: int
    column: int
    text: str
    kind: str  # amount | percent


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    # Writing styles seen in reports: “1,244.19” (S29) and “年初预算为 1560.05 万元” (S02).
    thousands: bool = False
    spaced: bool = False
    _current: list[str] = field(default_factory=list)

    def text(self, s: str) -> Report:
        self._current.append(s)
        return self

    def fig(self, name: str, text: str, kind: str = "amount") -> Report:
        if kind == "amount" and self.thousands and "." in text:
            whole, frac = text.split(".")
            text = f"{int(whole):,}.{frac}"
        if self.spaced:
            self._current.append(" ")
        column = len("".join(self._current)) + 1
        self.slots.append(Slot(name, len(self.lines) + 1, column, text, kind))
        self._current.append(text)
        if self.spaced:
            self._current.append(" ")
        return self

    def end(self) -> Report:
        self.lines.append("".join(self._current))
        self._current = []
        return self

    def heading(self, s: str) -> Report:
        return self.text(s).end()

    def render(self) -> str:
        return "\n".join(self.lines) + "\n"


@st.composite
def reports(draw: st.DrawFn) -> Report:
    ints = st.integers
    year = draw(ints(2019, 2025))
    pct = draw(st.sampled_from([2, 1]))  # decimals of shares and rates in this report
    sichuan = draw(st.booleans())        # 收、支总计 + last year in the sentence
    # Expenditure side (1/1000 万元; amounts ≥ 10 万元 so shares and rates are well defined).
    personnel = draw(ints(10_000, 20_000_000))
    public = draw(ints(10_000, 500_000))
    basic = personnel + public
    project = draw(ints(10_000, 2_000_000))
    expenditure = basic + project
    closing = draw(ints(0, 200_000))
    total = expenditure + closing
    opening = draw(ints(0, total // 4))
    income = total - opening
    other = draw(st.one_of(st.just(0), ints(10_000, income // 3)))
    fiscal = income - other
    last_total = draw(ints(max(10_000, total // 2), total * 2).filter(lambda v: abs(v - total) >= 10_000))
    gpb = fiscal if fiscal <= expenditure else expenditure
    gpb_last = draw(ints(max(10_000, gpb // 2), gpb * 2).filter(lambda v: abs(v - gpb) >= 10_000))
    budget = draw(ints(max(10_000, gpb // 2), gpb * 2))
    trips, cars, hosting = draw(ints(0, 50_000)), draw(ints(10_000, 200_000)), draw(ints(10_000, 50_000))
    car_buy = draw(st.one_of(st.just(0), ints(0, cars)))
    sangong = trips + cars + hosting
    running_cost = draw(ints(10_000, public))
    running_last = draw(ints(10_000, 500_000).filter(lambda v: abs(v - running_cost) >= 10_000))

    m = money
    r = Report(thousands=draw(st.booleans()), spaced=draw(st.booleans()))
    r.heading("第二部分 部门决算情况说明")
    # 一、收入支出决算总体情况 (NP01)
    r.heading("一、收入支出决算总体情况说明")
    t, tl, up = m(total), m(last_total), total > last_total
    d = abs(t - tl)
    word, rate_word = ("增加", "增长") if up else ("减少", "下降")
    if sichuan:
        r.text(f"{year}年度收、支总计").fig("total", amount(t)).text(f"万元。与{year - 1}年相比，收、支总计")
        r.fig("last_total", amount(tl)).text(f"万元{word}")
    else:
        name = draw(st.sampled_from(["收入支出总计", "收入、支出总计"]))
        r.text(f"{year}年度{name}").fig("total", amount(t)).text(f"万元。与{year - 1}年度相比，{name}{word}")
    r.fig("delta", amount(d)).text(f"万元，{rate_word}").fig("rate", percent(d, tl, pct), "percent")
    r.text("%。主要原因是人员变动。").end()
    if draw(st.booleans()):  # the T1 decomposition sentence (S22 shape)
        r.text("收入总计").fig("total2", amount(t)).text("万元，其中：本年收入合计").fig("income2", amount(m(income)))
        r.text("万元，年初结转和结余").fig("opening", amount(m(opening))).text("万元。").end()
    # 二、收入 (NP02)
    r.heading("二、收入决算情况说明")
    fiscal_name = "一般公共预算财政拨款收入" if sichuan else "财政拨款收入"
    r.text(f"{year}年本年收入合计").fig("income", amount(m(income))).text(f"万元，其中：{fiscal_name}")
    r.fig("fiscal", amount(m(fiscal))).text("万元，占").fig("fiscal_share", percent(m(fiscal), m(income), pct), "percent")
    if other:
        r.text("%；其他收入").fig("other", amount(m(other), trim=draw(st.booleans()))).text("万元，占")
        r.fig("other_share", percent(m(other), m(income), pct), "percent")
    r.text("%。").end()
    # 三、支出 (NP03)
    r.heading("三、支出决算情况说明")
    r.text(f"{year}年本年支出合计").fig("expenditure", amount(m(expenditure))).text("万元，其中：基本支出")
    r.fig("basic", amount(m(basic))).text("万元，占").fig("basic_share", percent(m(basic), m(expenditure), pct), "percent")
    r.text("%；项目支出").fig("project", amount(m(project))).text("万元，占")
    r.fig("project_share", percent(m(project), m(expenditure), pct), "percent").text("%。").end()
    # 五、一般公共预算财政拨款支出 (NP05, NP07)
    r.heading("五、一般公共预算财政拨款支出决算情况说明")
    g, gl = m(gpb), m(gpb_last)
    gd = abs(g - gl)
    gword, grate = ("增加", "增长") if g > gl else ("减少", "下降")
    r.text(f"{year}年一般公共预算财政拨款支出").fig("gpb", amount(g)).text("万元，占本年支出合计的")
    r.fig("gpb_share", percent(g, m(expenditure), pct), "percent").text(f"%。与{year - 1}年度相比，")
    if sichuan:
        r.text("一般公共预算财政拨款").fig("gpb_last", amount(gl)).text(f"万元{gword}")
    else:
        r.text(f"一般公共预算财政拨款支出{gword}")
    r.fig("gpb_delta", amount(gd)).text(f"万元，{grate}").fig("gpb_rate", percent(gd, gl, pct), "percent")
    r.text("%。").end()
    r.text("一般公共预算财政拨款支出年初预算为").fig("budget", amount(m(budget))).text("万元，支出决算为")
    r.fig("gpb2", amount(g)).text("万元，完成年初预算的").fig("exec", percent(g, m(budget), pct), "percent")
    r.text("%。").end()
    # 六、基本支出 (NP09), on one line or on the lines after “其中：”
    r.heading("六、一般公共预算财政拨款基本支出决算情况说明")
    public_name = draw(st.sampled_from(["公用经费", "日常公用经费"]))
    r.text(f"{year}年一般公共预算财政拨款基本支出").fig("gpb_basic", amount(m(basic)))
    if draw(st.booleans()):
        r.text("万元，其中：").end()
        r.text("人员经费").fig("personnel", amount(m(personnel))).text("万元，主要包括：基本工资、津贴补贴等。").end()
        r.text(public_name).fig("public", amount(m(public))).text("万元，主要包括：办公费、印刷费等。").end()
    else:
        r.text("万元。其中：人员经费").fig("personnel", amount(m(personnel))).text("万元，主要包括：基本工资、津贴补贴等；")
        r.text(public_name).fig("public", amount(m(public))).text("万元，主要包括：办公费、印刷费等。").end()
    # 七、“三公”经费 (NP10 total, NP12 shares, car split)
    r.heading("七、“三公”经费财政拨款支出决算情况说明")
    s = m(sangong)
    r.text(f"{year}年“三公”经费财政拨款支出决算为").fig("sangong", amount(s)).text("万元。").end()
    r.text("“三公”经费财政拨款支出决算中，因公出国（境）费支出决算").fig("trips", amount(m(trips)))
    r.text("万元，占").fig("trips_share", percent(m(trips), s, pct), "percent")
    r.text("%；公务用车购置及运行维护费支出决算").fig("cars", amount(m(cars))).text("万元，占")
    r.fig("cars_share", percent(m(cars), s, pct), "percent").text("%；公务接待费支出决算")
    r.fig("hosting", amount(m(hosting))).text("万元，占").fig("hosting_share", percent(m(hosting), s, pct), "percent")
    r.text("%。").end()
    r.text("其中：公务用车购置费").fig("car_buy", amount(m(car_buy))).text("万元。公务用车运行维护费")
    r.fig("car_run", amount(m(cars - car_buy))).text("万元。").end()
    # 十、机关运行经费 (NP16)
    r.heading("十、其他重要事项的情况说明")
    j, jl = m(running_cost), m(running_last)
    jword, jrate = ("增加", "增长") if j > jl else ("减少", "下降")
    r.text(f"{year}年机关运行经费支出").fig("running", amount(j)).text(f"万元，比{year - 1}年{jword}")
    r.fig("running_delta", amount(abs(j - jl))).text(f"万元，{jrate}")
    r.fig("running_rate", percent(abs(j - jl), jl, pct), "percent").text("%。").end()
    return r


def _check(report: Report):  # noqa: ANN202
    return check_document(example_document(report.render(), path="generated.txt"), RULES)


@STABLE
@given(reports())
def test_consistent_report_has_no_errors(report: Report) -> None:
    result = _check(report)
    assert result.status == "checked"
    bad = [(f.rule, f.severity, f.message) for f in result.findings
           if f.severity == "error" or (f.severity == "warning" and f.rule in NARRATIVE)]
    assert not bad, report.render()


# Figures whose every change beyond rounding contradicts a relation that is always checked.
PERTURBABLE = {"total", "delta", "rate", "income", "fiscal", "fiscal_share", "other", "other_share",
               "expenditure", "basic", "basic_share", "project", "project_share", "gpb", "gpb_share",
               "gpb_delta", "gpb_rate", "budget", "exec", "personnel", "public", "gpb_basic", "sangong",
               "cars", "hosting", "cars_share", "hosting_share", "car_buy", "car_run", "running_delta",
               "running_rate", "last_total", "gpb_last"}


@STABLE
@given(reports(), st.data())
def test_perturbed_figure_is_reported_where_it_is(report: Report, data: st.DataObject) -> None:
    slots = [s for s in report.slots if s.name in PERTURBABLE]
    slot = data.draw(st.sampled_from(slots))
    value = Decimal(slot.text.replace(",", ""))
    decimals = len(slot.text.split(".")[1]) if "." in slot.text else 0
    up = data.draw(st.booleans())
    if slot.kind == "percent":
        step = max(Decimal(3), value * Decimal("0.2"))
    else:
        step = max(Decimal(5), value * Decimal("0.3"))
    if not up and value - step < 0:
        up = True
    new = value + step if up else value - step
    new_text = f"{new.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP):.{decimals}f}"
    line = report.lines[slot.line - 1]
    assert line[slot.column - 1:slot.column - 1 + len(slot.text)] == slot.text
    report.lines[slot.line - 1] = line[:slot.column - 1] + new_text + line[slot.column - 1 + len(slot.text):]
    result = _check(report)
    hits = [f for f in result.findings if f.severity in {"error", "warning"}
            and any(loc.line == slot.line and loc.column == slot.column for loc in f.locations)]
    assert hits, f"{slot.name}: {slot.text} → {new_text}\n{report.render()}\n" + "\n".join(
        f"{f.rule} {f.severity} {f.message}" for f in result.findings)
