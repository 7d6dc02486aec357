"""Every user-facing message template, in Chinese and English, rendered in one place."""

from __future__ import annotations

TEMPLATES: dict[str, dict[str, str]] = {
    "zh": {
        "relation": "{title}：陈述 {stated}，计算 {computed_expr} = {computed}",
        "relation_plain": "{title}：{detail}",
        "relation_below": "{title}：所列分项之和 {computed_expr} = {computed}，小于陈述的 {stated}（可能未列全，无法核实）",
        "rounding": "{title}：陈述 {stated}，计算 {computed_expr} = {computed}，差异可由四舍五入解释",
        "truncation": "{title}：陈述 {stated}，计算 {computed_expr} = {computed}；仅在截尾取数时成立，请核实取数方式",
        "zero_base": "上年数为0，增长率无定义，却陈述了 {rate}%",
        "share_without_percent": "占比 {text} 缺少 % 号",
        "unit_mismatch": "{concept} 应以{kind}计量，却写作“{unit}”",
        "suggest": "疑似有误：{text}，应为 {value}",
        "unreadable": "无法读取：{reason}",
    },
    "en": {
        "relation": "{title}: stated {stated}, computed {computed_expr} = {computed}",
        "relation_plain": "{title}: {detail}",
        "relation_below": "{title}: the listed parts {computed_expr} = {computed} fall short of the stated {stated} (list may be incomplete; cannot verify)",
        "rounding": "{title}: stated {stated}, computed {computed_expr} = {computed}; the difference is explained by rounding",
        "truncation": "{title}: stated {stated}, computed {computed_expr} = {computed}; holds only if figures were truncated",
        "zero_base": "last year's value is 0, so the growth rate is undefined, yet {rate}% is stated",
        "share_without_percent": "share {text} lacks a % sign",
        "unit_mismatch": "{concept} should be measured in {kind} units but is written in '{unit}'",
        "suggest": "likely wrong: {text}, should be {value}",
        "unreadable": "cannot read: {reason}",
    },
}

KIND_NAMES = {"zh": {"money": "金额", "count": "数量", "percent": "百分比"},
              "en": {"money": "money", "count": "count", "percent": "percent"}}


def render(key: str, lang: str = "zh", **args: str) -> str:
    table = TEMPLATES.get(lang, TEMPLATES["zh"])
    return table.get(key, TEMPLATES["zh"][key]).format(**args)
