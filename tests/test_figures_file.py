"""Figures files: extract → file → check gives the report's findings; edited and malformed files."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import figures_io
from audit.analysis import Analysis
from audit.document import Document, UnreadableDocument
from audit.extract import extract
from audit.facts import ClaimInfo
from audit.model import CellRef, Figure, Location
from audit.pipeline import check_document, check_path
from audit.readers import read_document
from audit.readers.figures import parse_records, read_figures
from audit.readers.xlsx import read_workbook
from audit.rulebook import load_rules

SAMPLE = Path(__file__).parent.parent / "samples" / "maoxian-hrss-2022-final-accounts.txt"


def write_sample(tmp_path: Path, fmt: str) -> Path:
    doc = read_document(str(SAMPLE))
    facts = extract(doc)
    out = tmp_path / f"figures.{fmt}"
    figures_io.write(figures_io.figure_rows(facts, str(SAMPLE)), fmt, str(out))
    return out


def load(path: Path) -> Document:
    return read_workbook(str(path)) if path.suffix == ".xlsx" else read_figures(str(path))


# Families that judge the report's text (headings, wording, names, the layout of performance
# tables) rather than its figures: a figures file holds no text, so they have nothing to read.
# `coverage` says what could not be read, which depends on the form the report takes.
TEXT_FAMILIES = {"structure", "wording", "comparison_words", "naming", "performance", "performance_form",
                 "performance_narrative", "coverage"}


@pytest.mark.parametrize("fmt", figures_io.FORMATS)
def test_round_trip_gives_the_same_findings(tmp_path: Path, fmt: str) -> None:
    rules = load_rules()
    family = {r.id: r.family for r in rules}
    report = check_path(str(SAMPLE), rules)
    path = write_sample(tmp_path, fmt)
    again = check_document(load(path), rules)
    assert again.path == str(path) and again.facts == report.facts
    expected = [f for f in report.findings if family[f.rule] not in TEXT_FAMILIES]
    assert {f.rule[0] for f in expected} >= {"N"}
    assert again.findings == expected  # same rules, values, and the original locations
    assert {x.path for f in again.findings for x in f.locations} == {str(SAMPLE)}


def test_round_trip_keeps_every_figure_and_link(tmp_path: Path) -> None:
    facts = extract(read_document(str(SAMPLE)))
    again = extract(read_figures(str(write_sample(tmp_path, "csv"))))
    # A figures file has no binding or basis columns yet: read back, they take the defaults.
    assert again.figures == tuple(replace(f, binding="explicit", basis=None) for f in facts.figures)
    assert again.parents == facts.parents
    used = {f.claim for f in facts.figures if f.claim is not None}
    assert again.claims == {c: facts.claims[c] for c in used}


def test_corrected_figure_clears_the_finding(tmp_path: Path) -> None:
    path = write_sample(tmp_path, "csv")
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    for r in rows:
        if r["value"] == "5.53":  # a reviewer corrects the wrong change at its three places
            r["value"] = "8.53"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    result = check_path(str(path), load_rules()) if _dispatches() else check_document(read_figures(str(path)), load_rules())
    assert not [f for f in result.findings if f.severity == "error"]


def _dispatches() -> bool:
    from audit.readers import read_document as rd

    try:
        rd(str(SAMPLE.with_suffix(".csv")))
    except UnreadableDocument as exc:
        return "unsupported" not in str(exc)
    return True


# ---------------------------------------------------------------- malformed files

def sample_csv(tmp_path: Path) -> tuple[list[str], list[dict[str, str]]]:
    text = write_sample(tmp_path, "csv").read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def save(tmp_path: Path, fields: list[str], rows: list[dict[str, str]]) -> str:
    path = tmp_path / "edited.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    return str(path)


def test_missing_column(tmp_path: Path) -> None:
    fields, rows = sample_csv(tmp_path)
    fields.remove("unit")
    path = save(tmp_path, fields, [{k: v for k, v in r.items() if k != "unit"} for r in rows])
    with pytest.raises(UnreadableDocument, match="missing column.*unit"):
        read_figures(path)


def test_every_bad_row_is_named(tmp_path: Path) -> None:
    fields, rows = sample_csv(tmp_path)
    rows[2]["value"] = "五百"
    rows[5]["concept"] = "不存在的概念"
    rows[7]["decimals"] = "two"
    rows[9]["period"] = "next"
    with pytest.raises(UnreadableDocument) as info:
        read_figures(save(tmp_path, fields, rows))
    msg = str(info.value)
    assert "row 4): value 不是数字 (not a number): '五百'" in msg
    assert "row 7): 未知的概念 (unknown concept): '不存在的概念'" in msg
    assert "row 9): decimals 应为整数" in msg
    assert "row 11): 未知的 period" in msg
    assert check_document_or_error(save(tmp_path, fields, rows)).startswith("数字清单有误")


def check_document_or_error(path: str) -> str:
    try:
        read_figures(path)
    except UnreadableDocument as exc:
        return str(exc)
    return ""


def test_unknown_column_duplicate_index_and_dangling_parent(tmp_path: Path) -> None:
    fields, rows = sample_csv(tmp_path)
    with pytest.raises(UnreadableDocument, match="unknown column.*remark"):
        read_figures(save(tmp_path, [*fields, "remark"], [dict(r, remark="x") for r in rows]))
    rows[1]["index"] = rows[0]["index"]
    child = next(r for r in rows if r["parent"])
    child["parent"] = "9999"
    with pytest.raises(UnreadableDocument) as info:
        read_figures(save(tmp_path, fields, rows))
    assert "duplicate index" in str(info.value) and "parent 9999" in str(info.value)


def test_dynamic_concepts_are_accepted_and_several_reports_refused() -> None:
    base = {"concept": "T3:2010601:基本支出", "value": "1,503.52", "unit": "万元", "measure": "amount",
            "period": "current", "path": "a.pdf"}
    doc = parse_records("f.json", [base, dict(base, concept="科目:社会保障和就业支出"), dict(base, concept="本年收入合计")])
    assert [f.decimals for f in doc.figures] == [2, 2, 2] and doc.figures[0].value == Decimal("1503.52")
    with pytest.raises(UnreadableDocument, match="several reports"):
        parse_records("f.json", [dict(base, document="a.pdf"), dict(base, document="b.pdf")])
    with pytest.raises(UnreadableDocument, match="no rows"):
        parse_records("f.json", [])


def test_json_and_yaml_shapes(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="malformed json"):
        read_figures(str(tmp_path / "bad.json"))
    (tmp_path / "list.yaml").write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(UnreadableDocument, match="expected a list of figure records"):
        read_figures(str(tmp_path / "list.yaml"))
    records = json.loads(write_sample(tmp_path, "json").read_text(encoding="utf-8"))["figures"]
    (tmp_path / "bare.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    assert len(read_figures(str(tmp_path / "bare.json")).figures) == len(records)


# ---------------------------------------------------------------- property: any figures survive

texts = st.text(alphabet="一二三收入支出合计（）() 、,.:|/0123456789\"'\n", max_size=12)
maybe_int = st.none() | st.integers(min_value=0, max_value=10_000)


@st.composite
def figure_sets(draw):
    n = draw(st.integers(min_value=1, max_value=6))
    figures, claims = [], {}
    for i in range(n):
        decimals = draw(st.integers(min_value=0, max_value=4))
        value = Decimal(draw(st.integers(min_value=-10**9, max_value=10**9))).scaleb(-decimals)
        claim = draw(st.none() | st.integers(min_value=0, max_value=3))
        if claim is not None and claim not in claims:
            claims[claim] = ClaimInfo(claim, draw(texts), draw(texts), draw(st.integers(0, 99)),
                                      draw(st.sampled_from([None, -1, 1])), draw(st.booleans()),
                                      draw(st.none() | st.just("本年收入合计")))
        nonblank = texts.filter(lambda t: t.strip() != "")
        cell = draw(st.none() | st.builds(CellRef, nonblank, nonblank, nonblank))
        loc = Location(path=draw(st.sampled_from(["a.txt", "报告 1.pdf"])), page=draw(maybe_int), line=draw(maybe_int),
                       column=draw(maybe_int), end_column=draw(maybe_int), cell=cell, text=draw(st.none() | texts),
                       paragraph=draw(maybe_int), ref=draw(st.none() | st.just("收入决算表!D7")))
        figures.append(Figure(
            concept=draw(st.sampled_from(["本年收入合计", "claim:3:14", "T1:收入|总计:决算数", "科目:卫生健康支出"])),
            value=value, decimals=decimals, unit=draw(st.sampled_from(["万元", "%", "", "元"])), location=loc,
            measure=draw(st.sampled_from(sorted({"amount", "share", "change_rate"}))),
            period=draw(st.sampled_from(["current", "prior", "budget"])), claim=claim,
            role=draw(st.none() | st.just("part")), of=draw(st.none() | st.just("本年支出合计")),
            direction=draw(st.sampled_from([None, -1, 1])), section=draw(st.none() | texts),
            source=draw(st.sampled_from(["narrative", "table"])), table=draw(st.none() | st.just("T2")),
            code=draw(st.none() | st.just("2010601")), index=i))
    parents = {i: draw(st.integers(0, n - 1)) for i in range(n) if draw(st.booleans())}
    return Analysis(figures, claims, parents)


def _nonblank(s: str | None) -> bool:
    return s is None or s.strip() != ""


@settings(max_examples=60, deadline=None)
@given(facts=figure_sets(), fmt=st.sampled_from(["csv", "json", "yaml"]))
def test_property_any_figures_round_trip(tmp_path_factory, facts: Analysis, fmt: str) -> None:
    # An empty string and "no value" are the same in a table a person edits; the extractor never
    # produces blank texts, so the property is stated over non-blank ones.
    if not all(_nonblank(x) for f in facts.figures for x in (f.location.text, f.section)):
        return
    path = tmp_path_factory.mktemp("prop") / f"figures.{fmt}"
    figures_io.write(figures_io.figure_rows(facts, "a.txt"), fmt, str(path))
    doc = read_figures(str(path))
    assert doc.figures == list(facts.figures)
    assert doc.parents == dict(facts.parents)
    for cid, info in doc.claims.items():
        want = facts.claims[cid]
        assert (info.compare, info.no_change, info.lead, info.paragraph) == (
            want.compare, want.no_change, want.lead, want.paragraph)
