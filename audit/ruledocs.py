"""Rule documentation generated from the same YAML the engine runs.

One shape for every rule (title, rationale, relation, a failing and a passing example, source)
so that `budget-audit explain`, SARIF help text and docs/rules.md can never disagree with what
is checked. Regenerate the committed page with:

    python -m audit.ruledocs docs/rules.md
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from audit.rulebook import Rule

REGENERATE = "python -m audit.ruledocs docs/rules.md"
LABELS = {
    "zh": {"severity": "级别", "family": "类别", "rationale": "理由", "relation": "关系", "params": "参数",
           "fail": "不通过的例子", "pass": "通过的例子", "source": "依据", "id": "编号", "title": "标题",
           "applies_to": "适用", "final": "决算", "budget": "预算", "both": "决算和预算"},
    "en": {"severity": "severity", "family": "family", "rationale": "rationale", "relation": "relation",
           "params": "parameters", "fail": "failing example", "pass": "passing example", "source": "source",
           "id": "id", "title": "title", "applies_to": "applies to", "final": "final accounts", "budget": "budgets",
           "both": "final accounts and budgets"},
}
HIDDEN_PARAMS = {"relation", "rationale_en"}
# When a failed error-level rule is reported as an error at all (docs/certainty.md), for `explain`.
CERTAINTY = {
    "zh": "确定性：只有数字与项目、期间的对应确定时才报错误；若某个数字所属的项目是从上文推断或猜测的，"
          "不通过只作警告“无法确认…”（见 docs/certainty.md）。",
    "en": "Certainty: an error only when every figure's item and period are certain; a failure resting on "
          "an item inferred from earlier text or guessed is a warning, “cannot verify …” (docs/certainty.md).",
}


def title(rule: Rule, lang: str = "zh") -> str:
    return rule.title_en if lang == "en" and rule.title_en else rule.title


def rationale(rule: Rule, lang: str = "zh") -> str:
    english = rule.rationale_en
    return str(english).strip() if lang == "en" and english else rule.rationale


def relation(rule: Rule) -> str:
    """The relation as the rule file states it; families without one state it in the title."""
    return str(rule.params.get("relation") or rule.title)


def params(rule: Rule) -> dict[str, Any]:
    return {k: rule.params[k] for k in rule.stated if k not in HIDDEN_PARAMS}


def _value(v: Any) -> str:
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def example(rule: Rule, kind: str) -> tuple[str, str] | None:
    """An example as (fence language, text): sentences as written, table examples as YAML."""
    value = rule.examples.get(kind)
    if not value:
        return None
    if isinstance(value, str):
        return "text", value.rstrip("\n")
    import yaml  # only `explain` and the rule docs show examples; a check never imports it

    return "yaml", yaml.safe_dump(value, allow_unicode=True, sort_keys=False, default_flow_style=False).rstrip("\n")


def explain_text(rule: Rule, lang: str = "zh") -> str:
    """What `budget-audit explain ID` prints: everything an author needs to fix a draft."""
    w = LABELS.get(lang, LABELS["zh"])
    lines = [f"{rule.id} {rule.name}: {title(rule, lang)}",
             f"{w['severity']}: {rule.severity}    {w['family']}: {rule.family}    "
             f"{w['applies_to']}: {w[rule.applies_to]}", "",
             f"{w['rationale']}:", f"  {rationale(rule, lang)}", "", f"{w['relation']}:", f"  {relation(rule)}"]
    if params(rule):
        lines += ["", f"{w['params']}:"] + [f"  {k} = {_value(v)}" for k, v in params(rule).items()]
    for kind in ("fail", "pass"):
        shown = example(rule, kind)
        if shown is not None:
            lines += ["", f"{w[kind]}:"] + [f"  {line}" for line in shown[1].splitlines()]
    if rule.source:
        lines += ["", f"{w['source']}: {rule.source}"]
    if rule.severity == "error":
        lines += ["", CERTAINTY.get(lang, CERTAINTY["zh"])]
    return "\n".join(lines)


def rule_markdown(rule: Rule, lang: str = "zh", heading: str = "##") -> str:
    w = LABELS.get(lang, LABELS["zh"])
    out = [f'<a id="{rule.id}"></a>', "", f"{heading} {rule.id} {rule.name}", "", f"**{title(rule, lang)}**"]
    if rule.title_en and lang != "en":
        out += ["", f"*{rule.title_en}*"]
    out += ["", f"- {w['severity']} (severity): `{rule.severity}`", f"- {w['family']} (family): `{rule.family}`",
            f"- {w['applies_to']} (applies_to): `{rule.applies_to}` ({w[rule.applies_to]})"]
    if rule.source:
        out.append(f"- {w['source']} (source): {rule.source}")
    out += ["", f"{w['rationale']} (rationale): {rationale(rule, lang)}", "",
            f"{w['relation']} (relation):", "", "```", relation(rule), "```"]
    if params(rule):
        out += ["", f"{w['params']} (parameters):", ""] + [f"- `{k}`: `{_value(v)}`" for k, v in params(rule).items()]
    for kind in ("fail", "pass"):
        shown = example(rule, kind)
        if shown is not None:
            out += ["", f"{w[kind]} ({kind}):", "", f"```{shown[0]}", shown[1], "```"]
    return "\n".join(out)


def render_markdown(rules: Sequence[Rule]) -> str:
    """The whole docs/rules.md page: an index table, then one section per rule."""
    out = ["# 规则 (Rules)", "",
           "<!-- Generated from rules/*.yaml; do not edit. Regenerate with: " + REGENERATE + " -->", "",
           "每条规则的理由、关系和例子都来自引擎运行的同一份 YAML；例子作为测试运行。"
           "Every rule's rationale, relation and examples come from the YAML the engine runs; "
           "the examples run as tests. `budget-audit explain ID` prints the same text.", "",
           "| 编号 id | 标题 title | 级别 severity | 类别 family |", "|---|---|---|---|"]
    out += [f"| [{r.id}](#{r.id}) | {r.title.replace('|', '&#124;')} | {r.severity} | {r.family} |" for r in rules]
    for rule in rules:
        out += ["", rule_markdown(rule)]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """`python -m audit.ruledocs [FILE]`: write the page for the built-in rules (stdout without FILE)."""
    from audit.rulebook import load_rules

    args = sys.argv[1:] if argv is None else argv
    text = render_markdown(load_rules())
    if args:
        with open(args[0], "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
