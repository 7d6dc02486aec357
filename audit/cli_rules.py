"""`budget-audit rules` and `budget-audit explain ID`: the rulebook as authors read it.

Both read the rules the engine runs (built-in files, the project's `rule-files`, and any
`--rules FILE`), so a reviewer can point an author at `budget-audit explain N030` and know it
describes exactly what failed. The Markdown output is the page committed as docs/rules.md.
"""

from __future__ import annotations

import difflib
import json

import click

from audit import ruledocs
from audit.config import ConfigError, find_config, load_config
from audit.rulebook import Rule, RulebookError, load_rules

HEAD = {"zh": ("编号", "级别", "类别", "标题"), "en": ("id", "severity", "family", "title")}
UNKNOWN = {"zh": "未知规则 {id}", "en": "unknown rule {id}"}
SUGGEST = {"zh": "；是否指 {ids}？", "en": "; did you mean {ids}?"}


def _rulebook(extra: tuple[str, ...], isolated: bool) -> list[Rule]:
    try:
        files = [] if isolated else list(load_config(find_config([])).rule_files)
        return load_rules(files + list(extra))
    except (ConfigError, RulebookError) as exc:
        raise click.UsageError(str(exc)) from exc


def _table(rules: list[Rule], lang: str) -> str:
    rows = [HEAD.get(lang, HEAD["zh"])] + [(r.id, r.severity, r.family, ruledocs.title(r, lang)) for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    return "\n".join("  ".join([*(row[i].ljust(widths[i]) for i in range(3)), row[3]]) for row in rows)


_extra = click.option("--rules", "extra", multiple=True, type=click.Path(dir_okay=False), help="附加规则文件 / extra rule file")
_isolated = click.option("--isolated", is_flag=True, help="忽略配置文件中的 rule-files / ignore configuration files")
_lang = click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text", show_default=True)
@_lang
@_extra
@_isolated
def rules(fmt: str, lang: str, extra: tuple[str, ...], isolated: bool) -> None:
    """列出全部规则（编号、级别、类别、标题）。List every rule: id, severity, family, title."""
    book = _rulebook(extra, isolated)
    if fmt == "markdown":
        click.echo(ruledocs.render_markdown(book), nl=False)
    elif fmt == "json":
        click.echo(json.dumps([{"id": r.id, "name": r.name, "title": ruledocs.title(r, lang), "severity": r.severity,
                                "family": r.family, "applies_to": r.applies_to, "relation": ruledocs.relation(r)}
                               for r in book],
                              ensure_ascii=False, indent=2))
    else:
        click.echo(_table(book, lang))


@click.command()
@click.argument("rule_id")
@_lang
@_extra
@_isolated
def explain(rule_id: str, lang: str, extra: tuple[str, ...], isolated: bool) -> None:
    """说明一条规则：理由、关系、不通过与通过的例子。Explain a rule with examples."""
    book = {r.id: r for r in _rulebook(extra, isolated)}
    rule = book.get(rule_id.strip().upper())
    if rule is None:
        message = UNKNOWN.get(lang, UNKNOWN["zh"]).format(id=rule_id)
        wanted = rule_id.strip().upper()
        close = [i for i in book if i.startswith(wanted)][:5] or difflib.get_close_matches(wanted, list(book), n=3)
        if close:
            message += SUGGEST.get(lang, SUGGEST["zh"]).format(ids=", ".join(close))
        raise click.UsageError(message)
    click.echo(ruledocs.explain_text(rule, lang))
