"""Classification-name family: 类/款/项 names checked against the year's classification (domain §6).

A stale name (医疗卫生与计划生育 in a 2022 report) still sums correctly — extraction maps it to
the current name — but it is wrong in a published report, so it is a warning that names the
current name. Names are compared leniently (支出, quotes, bracket width ignored): the lists are
known-good but not complete, so a name absent from a list is never a finding by itself.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from audit.analysis import Analysis
from audit.families.base import Direct, Option
from audit.model import CellRef, Location
from audit.names import canonical, lenient
from audit.resources import load_yaml, rules_dir
from audit.rulebook import Rule

# "卫生健康支出（类）", and with the code inside the brackets: "医疗卫生与计划生育支出（210类）".
NAME = re.compile(r"(?P<name>[^\s(),;:。、\d.\"“”]{1,40}?)\s*\(\s*(?:\d{3,7}\s*)?(?P<level>类|款|项)\s*\)")
PLACEHOLDER = re.compile(r"[XＸ]{2}")
TABLE_IDS = ("T5", "T3", "T2", "T8", "T9")


@dataclass(frozen=True)
class Rename:
    code: str
    level: str
    old: str
    new: str
    since: int


@dataclass(frozen=True)
class Written:
    """A classification name as written, with its level and place."""

    name: str
    level: str
    location: Location
    code: str | None = None


@lru_cache(maxsize=1)
def renames() -> tuple[Rename, ...]:
    data = load_yaml("classification.yaml") or {}
    return tuple(Rename(str(r["code"]), r["level"], r["old"], r["new"], int(r["since"]))
                 for r in data.get("renamed") or [])


@lru_cache(maxsize=8)
def year_list(year: int) -> dict[str, str]:
    path = rules_dir() / f"classification-{year}.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        return {row["code"]: row["name"] for row in csv.DictReader(fh)}


@lru_cache(maxsize=1)
def _renames_by_old() -> dict[str, tuple[Rename, ...]]:
    """Renames by the lenient form of their old name, in file order: every written name is looked
    up, and making each lookup compare against every rename cost more than the rest of the check."""
    out: dict[str, list[Rename]] = {}
    for r in renames():
        out.setdefault(lenient(r.old), []).append(r)
    return {k: tuple(v) for k, v in out.items()}


def _first_rename(name: str, year: int) -> Rename | None:
    return next((r for r in _renames_by_old().get(lenient(name), ()) if r.since <= year), None)


def current_name(name: str, year: int) -> Rename | None:
    """The rename that makes `name` stale in `year`, with `new` resolved along later renames."""
    hit = _first_rename(name, year)
    if hit is None:
        return None
    new = hit.new
    while (nxt := _first_rename(new, year)):
        new = nxt.new
    return Rename(hit.code, hit.level, hit.old, new, hit.since)


def repeated_word(name: str) -> str | None:
    """The first word of two to four CJK ideographs written twice in a row (the longest at the
    leftmost place), as `([\u4e00-\u9fff]{2,4})\1` would find it. Not a regular expression: a
    class over that range takes ~1.5 ms to compile at every start of the command."""
    for i in range(len(name)):
        for size in (4, 3, 2):
            word = name[i:i + size]
            if len(word) == size and name[i + size:i + 2 * size] == word and all("\u4e00" <= c <= "\u9fff" for c in word):
                return word
    return None


def written_names(analysis: Analysis) -> tuple[Written, ...]:
    """Three checks read the same names: they are found once per analysis (the scan of every
    paragraph with NAME is the costly part) and kept for the last analysis only."""
    global _last_names
    last = _last_names  # one read: the pair is replaced whole, never changed in place
    if last is not None and last[0] is analysis:
        return last[1]
    names = tuple(_find_names(analysis))
    _last_names = (analysis, names)
    return names


# (analysis, its names): compared by identity; holding the analysis keeps its id from being reused.
_last_names: tuple[Analysis, tuple[Written, ...]] | None = None


def _find_names(analysis: Analysis) -> list[Written]:
    out: list[Written] = []
    for st in analysis.outline.streams:
        if "(" not in st.text:  # NAME needs one; most paragraphs have none and the scan is slow
            continue
        for m in NAME.finditer(st.text):
            out.append(Written(m.group("name"), m.group("level"), st.location(m.start("name"), m.end("name"))))
    for t in analysis.tables:
        for row in t.rows:
            if row.code and row.code.isdigit() and len(row.code) in (3, 5, 7):
                level = {3: "类", 5: "款", 7: "项"}[len(row.code)]
                loc = Location(path=analysis.path, page=row.page or t.page, cell=CellRef(t.table_id or t.title, row.label, "科目名称"),
                               text=row.label)
                out.append(Written(row.label, level, loc, row.code))
    return out


def bind(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    yield from CHECKS[rule.params["check"]](rule, analysis)


def _stale(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    found = analysis.outline.report_year
    if found is None:
        return
    for w in written_names(analysis):
        r = current_name(w.name, found[0])
        if r is not None:
            yield Direct("naming_stale", {"name": w.name, "level": w.level, "current": r.new,
                                                   "code": r.code, "year": str(found[0])}, locations=[w.location])


def _doubled(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    for w in written_names(analysis):
        word = repeated_word(w.name)
        if word:
            yield Direct("naming_doubled", {"name": w.name, "word": word}, locations=[w.location])


def _codes(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    found = analysis.outline.report_year
    listed = year_list(found[0]) if found else {}
    seen: dict[str, Written] = {}
    for w in written_names(analysis):
        if w.code is None:
            continue
        first = seen.setdefault(w.code, w)
        if first is not w and canonical(first.name) != canonical(w.name):
            yield Direct("naming_two_names", {"code": w.code, "first": first.name, "second": w.name},
                         locations=[w.location, first.location])
        official = listed.get(w.code)
        if official and canonical(official) != canonical(w.name) and first is w:
            yield Direct("naming_code_mismatch", {"code": w.code, "name": w.name, "official": official,
                                                           "year": str(found[0]) if found else ""},
                         locations=[w.location])


def _in_tables(rule: Rule, analysis: Analysis) -> Iterator[Direct]:
    labels = {canonical(r.label) for t in analysis.tables if t.table_id in TABLE_IDS for r in t.rows if r.code}
    if not labels:
        return
    for w in written_names(analysis):
        if w.code is None and w.level == "项" and canonical(w.name) not in labels and not PLACEHOLDER.search(w.name):
            yield Direct("naming_not_in_tables", {"name": w.name}, locations=[w.location])


CHECKS = {"stale": _stale, "doubled": _doubled, "codes": _codes, "in_tables": _in_tables}


# The options a rule of this family takes (checked when the rulebook is loaded).
OPTIONS: dict[str, Option] = {"check": Option(str, choices=tuple(CHECKS), required=True)}
