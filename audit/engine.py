"""Evaluate rules over a document's analysis → findings and counts.

The engine never opens a file: it sees the analysis extraction made and the rulebook only. It fills in rule id and
severity from the rulebook, so a configured override cannot be forgotten by a family.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from audit.analysis import Analysis
from audit.diagnose import diagnose
from audit.expr import Var
from audit.families import FAMILIES
from audit.families.base import Direct, Skip
from audit.messages import KIND_NAMES, render
from audit.model import Figure, Finding, Location, Suggestion
from audit.relation import Relation, Verdict, check, describe, other_side
from audit.rulebook import Rule

WORDS = {"change": ("增加", "减少"), "change_rate": ("增长", "下降")}
UNCERTAIN = {"inherited", "guessed"}  # bindings an error cannot rest on (docs/certainty.md)


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    checks: int = 0
    skipped: int = 0


def stated(fig: Figure) -> str:
    prefix = ""
    if fig.measure in WORDS:
        prefix = WORDS[fig.measure][0 if (fig.direction or 1) > 0 else 1]
    elif fig.measure == "share":
        prefix = "占"
    elif fig.measure == "exec_rate":
        prefix = "完成"
    return f"{prefix}{fig.text}{fig.unit}"


def evaluate(rules: list[Rule], analysis: Analysis, lang: str = "zh") -> Outcome:
    out = Outcome()
    verdicts: list[tuple[Rule, Verdict]] = []
    for rule in rules:
        for item in FAMILIES[rule.family].bind(rule, analysis):
            if isinstance(item, Skip):
                out.skipped += 1
                continue
            out.checks += 1
            if isinstance(item, Direct):
                out.findings.append(_direct(rule, item, lang))
                continue
            verdicts.append((rule, check(item)))
    diagnoses = diagnose([v for _, v in verdicts])
    merged: dict[tuple, Finding] = {}
    for rule, v in verdicts:
        if v.status in {"ok", "unbounded"} or _unjudgeable(v):
            if v.status != "ok":
                out.skipped += 1
            continue
        finding = _finding(rule, v, diagnoses.get(id(v)), lang)
        if finding.suggestion is not None:
            key: tuple = (rule.id, finding.suggestion.location, finding.severity)
        elif finding.severity != "error":
            key = (finding.severity, frozenset(finding.locations))
        else:
            key = (id(v),)
        first = merged.get(key)
        if first is None:
            merged[key] = finding
        else:
            # One wrong figure failing several relations of a rule is one finding; it still
            # lists every figure of every relation involved, the suspect first.
            extra = tuple(loc for loc in finding.locations if loc not in first.locations)
            merged[key] = replace(first, locations=first.locations + extra)
    # Two rules can state the same relation (基本支出 = 人员经费 + 公用经费 is both a named identity
    # and a listed breakdown); the weaker verdict on exactly the same figures adds nothing.
    errors = {frozenset(f.locations) for f in merged.values() if f.severity == "error"}
    out.findings.extend(f for f in merged.values() if f.severity == "error" or frozenset(f.locations) not in errors)
    return out


def _unjudgeable(v: Verdict) -> bool:
    """Parts falling short of a total when some parts were never stated: nothing to conclude."""
    rel = v.relation
    return (rel.soft_below == "skip" and v.lhs is not None and v.rhs is not None
            and v.status != "ok" and v.lhs.hi < v.rhs.lo)


def _title(rule: Rule, lang: str) -> str:
    return rule.title_en if lang == "en" and rule.title_en else rule.title


def _finding(rule: Rule, v: Verdict, diag, lang: str) -> Finding:
    rel: Relation = v.relation
    expr, computed = describe(rel)
    target = rel.env.get(rel.target) if rel.target else None
    args = {"title": _title(rule, lang), "stated": stated(target) if target else "",
            "computed_expr": expr, "computed": computed or "—", "detail": expr}
    severity = rule.severity
    key = "relation" if target is not None else "relation_plain"
    if v.status == "rounding":
        severity, key = "info", "rounding" if target is not None else "relation_plain"
    elif v.status == "truncation":
        severity, key = "warning", "truncation" if target is not None else "relation_plain"
    elif rel.soft_below and v.lhs is not None and v.rhs is not None and v.lhs.hi < v.rhs.lo:
        severity, key = "warning", "relation_below"
    other = other_side(rel) if target is not None else None
    if isinstance(other, Var):
        # The same quantity printed twice: say where the other print is, not "computed".
        args["other"] = rel.env[other.name].location.short()
        args["other_text"] = rel.env[other.name].text
        key = {"relation": "same", "rounding": "same_rounding"}.get(key, key)
    severity, message = _certainty(v, severity, render(key, lang, **args), lang)
    figures = rel.figures()
    suggestion = None
    if diag is not None and v.status == "fail" and severity == "error":
        figures = [diag.suspect] + [f for f in figures if f.index != diag.suspect.index]
        if diag.value is not None:
            # diagnose() already rounded the value to the decimals it is compared at.
            suggestion = Suggestion(diag.suspect.location, diag.suspect.text, f"{diag.value:f}")
    locations = tuple(dict.fromkeys(f.location for f in figures))
    return Finding(rule=rule.id, severity=severity, message=message, locations=locations,
                   expected=computed, actual=target.text if target else None, suggestion=suggestion,
                   section=figures[0].section, concept=figures[0].concept, title=_title(rule, lang))


def _certainty(v: Verdict, severity: str, message: str, lang: str) -> tuple[str, str]:
    """An error only when certain (docs/certainty.md): a failed relation resting on a figure
    whose item was inherited from an earlier sentence or guessed cannot be verified, and a share
    one unit off in a list of shares printed to total exactly 100% was probably forced there."""
    if severity != "error" or v.status != "fail":
        return severity, message
    rel = v.relation
    if _uncertain(rel.figures()):
        return "warning", render("uncertain", lang, message=message)
    target = rel.env.get(rel.target) if rel.target else None
    if rel.args.get("list_total") == "100" and target is not None and v.rhs is not None:
        unit = Decimal(1).scaleb(-target.decimals) * Decimal("1.5")
        if v.rhs.lo <= target.value + unit and v.rhs.hi >= target.value - unit:
            return "warning", render("forced_total", lang, message=message)
    return severity, message


def _uncertain(figures: list[Figure]) -> bool:
    """Figures of several sentences brought together through a binding that was inherited or
    guessed: nothing certain ties them to one item. Within one sentence the sentence ties them."""
    return len({(f.claim, f.source) for f in figures}) > 1 and any(f.binding in UNCERTAIN for f in figures)


def _direct(rule: Rule, item: Direct, lang: str) -> Finding:
    args = dict(item.args)
    if "kind" in args:
        args["kind"] = KIND_NAMES.get(lang, KIND_NAMES["zh"]).get(args["kind"], args["kind"])
    locations: list[Location] = [f.location for f in item.figures] + list(item.locations)
    first = item.figures[0] if item.figures else None
    severity, message = item.severity or rule.severity, render(item.message, lang, **args)
    if severity == "error" and _uncertain(item.figures):
        severity, message = "warning", render("uncertain", lang, message=message)
    return Finding(rule=rule.id, severity=severity, message=message,
                   locations=tuple(dict.fromkeys(locations)), expected=item.expected, actual=item.actual,
                   section=first.section if first else args.get("section"),
                   concept=first.concept if first else None, title=_title(rule, lang))
