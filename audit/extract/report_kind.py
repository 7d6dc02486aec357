"""What kind of report a document is: 决算 (final accounts) or 预算 (budget), 部门 or 单位.

The two kinds share most of their language but not their outline, tables or comparisons: a
budget compares with last year's budget, has its own table set and no 决算数. Rules say which
kind they apply to (`applies_to` in rules/*.yaml), so the kind must be known before any rule
runs. It is read from what the report says about itself, most reliable first: the title and
cover (the first short lines), then the titles of its tables, then how the body names the
report. A title split over two lines ("2018年度江苏省高级" / "人民法院预算公开") is read joined.

The function is pure (Document → ReportKind) and reads only the text: it must not depend on
extraction, so that it can run before anything else and be overridden by the user (`--kind`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from audit.document import Document, Paragraph
from audit.numbers import normalise

Accounts = Literal["final", "budget"]
Level = Literal["部门", "单位"]

ACCOUNTS_WORDS: dict[str, Accounts] = {"决算": "final", "预算": "budget"}
# Spellings accepted by --kind and the configuration's `kind`.
KIND_OPTIONS: dict[str, Accounts] = {"决算": "final", "final": "final", "预算": "budget", "budget": "budget"}
LABELS = {
    "zh": {"final": "决算", "budget": "预算", None: "未识别"},
    "en": {"final": "final accounts", "budget": "budget", None: "unknown kind"},
}
LEVEL_EN = {"部门": "department", "单位": "unit"}

# The fund names 一般公共预算 / 政府性基金预算 / 国有资本经营预算 contain 预算 and say nothing
# about the kind of report: every final-accounts table is "…预算财政拨款…决算表".
_NOT_FUND = r"(?<!公共)(?<!基金)(?<!经营)"
# "部门预算项目支出绩效自评表" (a final-accounts annex) and "部门预算经济分类" name a budget's
# items or classification, not the kind of the report.
_NOT_ITEM = r"(?!项目|绩效|经济分类)"
TITLE_PATTERNS = (
    re.compile(r"(部门|单位)" + _NOT_FUND + r"(预算|决算)" + _NOT_ITEM),
    re.compile(_NOT_FUND + r"(预算|决算)(公开|报告|说明|情况)"),
    # "2018年度江苏省高级人民法院预算": within one line only ("|" separates lines), and not a
    # column such as 预算数 / 预算执行.
    re.compile(r"20\d{2}年度?[^,。;:()|]{0,12}?" + _NOT_FUND + r"(预算|决算)(?!执行|数)" + _NOT_ITEM),
)
TABLE_TITLE = re.compile(_NOT_FUND + r"(预算|决算)(明细|总)?表$")
BODY = re.compile(r"(部门|单位)" + _NOT_FUND + r"(预算|决算)" + _NOT_ITEM)
LEVEL_CUES = ((re.compile(r"预算主管部门[:：]"), "部门"), (re.compile(r"预算单位[:：]"), "单位"))
YEAR = re.compile(r"(20\d{2})年")
PLACEHOLDER = re.compile(r"[XＸ]{2}")
TITLE_LINES = 12
# How far before the kind a title writes its year ("2018年度江苏省高级人民法院预算公开").
YEAR_REACH = 24
TITLE_LENGTH = 60


@dataclass(frozen=True)
class ReportKind:
    """The kind of a report. `accounts` None means the report did not say (treated as final
    accounts by the rulebook, the tool's original subject). `source` says how it was found:
    title, tables, body, option (the user's --kind) or unknown. `template` is a blank template
    (placeholders such as XX局 on the cover)."""

    accounts: Accounts | None = None
    level: Level | None = None
    year: int | None = None
    template: bool = False
    source: str = "unknown"
    evidence: str | None = None

    def label(self, lang: str = "zh") -> str:
        """部门预算, 单位决算, 预算模板 … or, in English, "department budget"."""
        names = LABELS.get(lang, LABELS["zh"])
        word = names[self.accounts]
        if lang == "en":
            text = f"{LEVEL_EN[self.level]} {word}" if self.level and self.accounts else word
            return f"{text} (template)" if self.template else text
        text = f"{self.level or ''}{word}" if self.accounts else word
        return f"{text}模板" if self.template else text

    def overridden(self, accounts: Accounts) -> ReportKind:
        """The user's choice of 决算/预算 replaces the detected one; level and year stay."""
        return replace(self, accounts=accounts, source="option")

    def as_dict(self, lang: str = "zh") -> dict[str, object]:
        return {"accounts": self.accounts, "level": self.level, "year": self.year, "template": self.template,
                "source": self.source, "label": self.label(lang)}


def parse_kind_option(value: str) -> Accounts:
    """`--kind 决算|预算|final|budget` → final | budget; anything else is a usage error."""
    try:
        return KIND_OPTIONS[value.strip().lower()]
    except KeyError:
        raise ValueError(f"kind must be one of {', '.join(KIND_OPTIONS)}, not {value!r}") from None


def report_kind(doc: Document, texts: list[str] | None = None) -> ReportKind:
    """The kind the report states about itself: title first, then table titles, then the body.
    `texts` are the paragraphs' texts when the caller has joined them already (the outline's
    streams), so a report is not joined line by line twice."""
    raw = [t.strip() for t in texts] if texts is not None else [
        "".join(ln.text for ln in p.lines).strip() for p in doc.paragraphs]
    # Several files checked as one report (a narrative PDF and its tables PDF): each file has
    # its own cover, and the report's title is the first one any of them prints.
    covers = [_cover(part) for part in _files(doc.paragraphs, raw)] or [([], "", "")]
    short, title, lines = next((c for c in covers if _from_title(c[1], c[2]) is not None), covers[0])
    level = _level(title, short)
    template = bool(PLACEHOLDER.search(title))
    found = _from_title(title, lines)
    # The body is read only when the title leaves something open (it is the slowest source).
    body = _from_body(raw) if found is None or (level is None and found[1] is None) else None
    level = level or (body[1] if body else None)
    if found is not None:
        accounts, lvl, evidence, year = found
        return ReportKind(accounts, lvl or level, year, template, "title", evidence)
    # Without a title, no year is the report's own: a year in the first lines may be anything.
    tables = _from_tables(doc, raw)
    if tables is not None:
        return ReportKind(tables[0], level, None, template, "tables", tables[1])
    if body is not None:
        return ReportKind(body[0], level, None, template, "body", body[2])
    return ReportKind(None, level, None, template)


def _files(paragraphs: list[Paragraph], texts: list[str]) -> list[list[str]]:
    """The paragraph texts of each file, in order; one list for a document read from one file."""
    parts: dict[str | None, list[str]] = {}
    for p, t in zip(paragraphs, texts, strict=True):
        parts.setdefault(p.lines[0].path if p.lines else None, []).append(t)
    return list(parts.values())


def _cover(texts: list[str]) -> tuple[list[str], str, str]:
    """A file's first short lines (normalised), joined (a title broken over lines) and separated by |."""
    short = [normalise(t) for t in [t for t in texts if t and len(t) <= TITLE_LENGTH][:TITLE_LINES]]
    return short, re.sub(r"\s+", "", "".join(short)), "|".join(re.sub(r"\s+", "", t) for t in short)


def _from_title(title: str, lines: str) -> tuple[Accounts, Level | None, str, int | None] | None:
    """The first pattern that matches: the title joined across lines, the last one line by line.
    The report's year is the one written in the title, just before its kind."""
    for pattern in TITLE_PATTERNS:
        text = lines if pattern is TITLE_PATTERNS[-1] else title
        m = pattern.search(text)
        if m:
            word = m.group(2) if pattern is TITLE_PATTERNS[0] else m.group(1)
            lvl = m.group(1) if pattern is TITLE_PATTERNS[0] else None
            years = YEAR.findall(text[max(0, m.start() - YEAR_REACH):m.end()])
            year = int(years[-1]) if years else None
            return ACCOUNTS_WORDS[word], lvl, m.group(), year  # type: ignore[return-value]
    return None


def _from_tables(doc: Document, texts: list[str]) -> tuple[Accounts, str] | None:
    """A majority of the table titles (read tables, then short lines ending in 表)."""
    titles = [re.sub(r"\s+", "", t.title) for t in doc.tables]
    titles += [re.sub(r"\s+", "", normalise(t)) for t in texts if t and len(t) <= TITLE_LENGTH]
    votes: dict[str, list[str]] = {"预算": [], "决算": []}
    for t in titles:
        m = TABLE_TITLE.search(t)
        if m:
            votes[m.group(1)].append(t)
    word = max(votes, key=lambda w: len(votes[w]))
    if not votes[word] or len(votes["预算"]) == len(votes["决算"]):
        return None
    return ACCOUNTS_WORDS[word], votes[word][0]


def _from_body(texts: list[str]) -> tuple[Accounts, Level, str] | None:
    """How the text names the report most often: 部门预算, 单位决算 …"""
    counts: dict[tuple[str, str], int] = {}
    for m in BODY.finditer(re.sub(r"\s+", "", "".join(texts))):
        counts[(m.group(1), m.group(2))] = counts.get((m.group(1), m.group(2)), 0) + 1
    if not counts:
        return None
    by_word = {w: sum(n for (_, ww), n in counts.items() if ww == w) for w in ("预算", "决算")}
    if by_word["预算"] == by_word["决算"]:
        return None
    word = max(by_word, key=lambda w: by_word[w])
    lvl = max(("部门", "单位"), key=lambda lv: counts.get((lv, word), 0))
    return ACCOUNTS_WORDS[word], lvl, f"{lvl}{word}"  # type: ignore[return-value]


def _level(title: str, short: list[str]) -> Level | None:
    for pattern, lvl in LEVEL_CUES:
        if any(pattern.search(t) for t in short):
            return lvl  # type: ignore[return-value]
    m = TITLE_PATTERNS[0].search(title)
    return m.group(1) if m else None  # type: ignore[return-value]


