"""Structure family: parts and sections present, numbered in order, contents and title consistent.

Finance bureaus return reports whose outline does not follow the template: a section printed
without its number, 九 skipped, 三 twice, 名词解释 without its 第三部分, a table listed in the
contents but not printed, a heading of another year. Province templates differ (domain §1.3),
so the expected parts come from the rule's params per variant, and the variant is detected from
what the report prints. A report that is an excerpt (no 第X部分 at all) is not judged on its parts.
"""

from __future__ import annotations

from collections.abc import Iterator

from audit.analysis import Analysis, Heading
from audit.families.base import Direct, Option
from audit.lazy_re import lazy
from audit.model import Location
from audit.names import YEAR_TITLE, numeral
from audit.numbers import normalise
from audit.rulebook import Rule

QUOTES = lazy(r"[\"'“”‘’\s]")
LEAD = lazy(r"^\s*(?:[一二三四五六七八九十]+\s*[、.]|表\s*\d+)\s*")


def bind(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    if not analysis.outline.streams:
        return
    yield from CHECKS[rule.params["check"]](rule, analysis)


def _numbering(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    stems = [normalise(s) for s in rule.params["known_sections"]]
    body = [h for h in analysis.outline.headings if not h.contents]
    contents = [h for h in analysis.outline.headings if h.contents]
    for group in (body, contents):
        parts = [h for h in group if h.level == 0]
        if any(h.number is not None for h in parts):
            yield from _sequence(rule, parts, "第{n}部分", restart_ok=False)
        for block in _split(group, 0):
            level1 = [h for h in block if h.level == 1]
            known = [h for h in level1 if h.number is not None or any(s in h.text for s in stems)]
            if any(h.number is not None for h in known):
                yield from _sequence(rule, known, "{n}、")
            for sub in _split(block, 1):
                level2 = [h for h in sub if h.level == 2 and h.number is not None]
                yield from _sequence(rule, level2, "（{n}）")


def _split(items: list[Heading], level: int) -> list[list[Heading]]:
    blocks: list[list[Heading]] = [[]]
    for h in items:
        if h.level <= level:
            blocks.append([])
        else:
            blocks[-1].append(h)
    return blocks


def _sequence(rule: Rule, items: list[Heading], fmt: str, restart_ok: bool = True) -> Iterator[Direct]:
    prev = 0
    for h in items:
        if h.number is None:
            prev += 1
            yield Direct("structure_unnumbered", {"heading": h.text[:30], "expected": fmt.format(n=numeral(prev))},
                         locations=[h.location])
            continue
        n = h.number
        if n == prev:
            yield Direct("structure_duplicate", {"heading": h.text[:30], "number": fmt.format(n=numeral(n))},
                         locations=[h.location])
        elif n > prev + 1 and not (restart_ok and n == 1):
            missing = "、".join(fmt.format(n=numeral(k)) for k in range(prev + 1, n))
            yield Direct("structure_skipped", {"heading": h.text[:30], "missing": missing},
                         locations=[h.location])
        elif n < prev and n != 1:
            yield Direct("structure_out_of_order", {"heading": h.text[:30],
                                                               "expected": fmt.format(n=numeral(prev + 1))},
                         locations=[h.location])
        prev = n


def _variant(rule: Rule, analysis: Analysis) -> tuple[str, list[str]] | None:
    parts = [h for h in analysis.outline.headings if h.level == 0 and not h.contents]
    if not any(h.number is not None for h in parts):
        return None
    titles = " ".join(h.title for h in parts)
    for name, spec in rule.params["variants"].items():
        if any(marker in titles for marker in spec.get("markers", [])):
            return name, spec.get("parts", [])
    default = rule.params["default_variant"]
    return (default, rule.params["variants"][default]["parts"]) if default else None


def _parts(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    found = _variant(rule, analysis)
    if found is None:
        return
    name, required = found
    short = [normalise(st.text).strip() for st in analysis.outline.streams if len(st.text.strip()) <= 50]
    anchor = _anchor(analysis)
    for part in required:
        if not any(part in t for t in short):
            yield Direct("structure_missing_part", {"part": part, "variant": name}, locations=[anchor])


def _anchor(analysis: Analysis) -> Location:
    first = analysis.outline.streams[0].lines[0]
    return Location(path=analysis.path, page=first.page, line=first.line, column=first.column,
                    text=first.text.strip()[:40])


def _contents(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    outline = analysis.outline
    listed = [h for h in outline.headings if h.contents and h.level >= 1 and h.title.endswith("表")]
    if not listed:
        return
    in_contents = {h.paragraph for h in outline.headings if h.contents}
    present = {QUOTES.sub("", normalise(t.title)) for t in analysis.tables}
    present |= {QUOTES.sub("", LEAD.sub("", normalise(st.text))) for k, st in enumerate(outline.streams)
                if len(st.text.strip()) <= 60 and k not in in_contents}
    for h in listed:
        key = QUOTES.sub("", normalise(h.title))
        if key not in present:
            yield Direct("structure_contents_table", {"table": h.title}, locations=[h.location])


def _title(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    found = analysis.outline.report_year
    if found is None:
        return
    year, kind = found
    for h in analysis.outline.headings:
        if h.level > 1:
            continue
        for m in YEAR_TITLE.finditer(h.text):
            y, k = int(m.group(1)), m.group(2)
            if y != year or k != kind:
                start = h.text.find(m.group())
                yield Direct("structure_title", {"heading": h.text[:40], "stated": m.group(),
                                                          "expected": f"{year}年度{kind}"},
                             locations=[_sub(h.location, start, len(m.group()))])


def _sub(loc: Location, start: int, length: int) -> Location:
    col = (loc.column or 1) + start
    return Location(path=loc.path, page=loc.page, line=loc.line, column=col, end_column=col + length - 1,
                    text=(loc.text or "")[start:start + length] or None, paragraph=loc.paragraph)


CHECKS = {"numbering": _numbering, "parts": _parts, "contents": _contents, "title": _title}


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {
    "check": Option(str, choices=tuple(CHECKS), required=True),
    "known_sections": Option(list, default=()),
    "variants": Option(dict, default={}),
    "default_variant": Option(str, default=None),
}
