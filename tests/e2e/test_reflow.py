"""Metamorphic: a report hard-wrapped at any width, with page breaks and page numbers inside
sentences, as text and as a PDF drawn from that text, gives the findings of the original.

The originals are the bundled county report (text, one paragraph per line) and the narrative
part of the bundled district report (pages 21-25 of the PDF, one paragraph per line as the PDF
reader rebuilds them). Each variant is wrapped at `width` characters (never inside a number) and
gets a page break plus a page number line ("- 13 -", "─ 13 ─", "第13页", …) in the middle of two
sentences: one whose amount follows the subject across the break (the known 5.53 error of the
county report; the 71.73% of the district report), one like "占─ 13 ─“三公”经费的50.12%".

The county report is also pasted into Word one printed line per paragraph (.docx, without form
feeds, which Word has no character for). Findings are compared on rule, severity and the located figures as written (line numbers move
with the wrap). The PDF variants leave out the performance-form rules (P…): the flattened
self-evaluation form is read from text files only (extract/performance.py), not from PDF lines.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from fixtures.office.builders import docx_from_text
from fixtures.reflow import Key, draw_pdf, furnish, keys, wrap

from audit.model import DocumentResult
from audit.pipeline import check_path
from audit.readers.paragraphs import is_page_number
from audit.readers.pdf import read_pdf
from audit.rulebook import load_rules

SAMPLES = Path(__file__).parents[2] / "samples"
RULES = load_rules()
WIDTHS = [16, 19, 24, 31, 38, 45, 60]
NEEDLES = {
    "county": ["收、支总计534.72万元增加", "运行维护费支出决算3.13万元，占"],
    "district": ["与2023年度相比，收入", "2106.66万元，占"],
}
# At 31 characters the county report's "…基本支出307.34万元，其中：" is one full line, so its first
# list item is read into the same paragraph; the list must still go on to the next item
# (extract/narrative.py, Links.open_list).


@cache
def original(name: str) -> str:
    if name == "county":
        return (SAMPLES / "maoxian-hrss-2022-final-accounts.txt").read_text(encoding="utf-8")
    doc = read_pdf(str(SAMPLES / "putuo-finance-2024-final-accounts.pdf"))
    paragraphs = ["".join(ln.text for ln in p.lines) for p in doc.paragraphs if (p.lines[0].page or 0) >= 21]
    return "\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("reflow")


@cache
def _checked(path: str) -> DocumentResult:
    return check_path(path, RULES)


def expected(folder: Path, name: str, skip: tuple[str, ...]) -> Counter[Key]:
    path = folder / f"{name}.txt"
    if not path.exists():
        path.write_text(original(name), encoding="utf-8")
    return keys(_checked(str(path)), skip)


def variant(folder: Path, name: str, width: int) -> str:
    text = wrap(furnish(original(name), NEEDLES[name], style=width), width)
    path = folder / f"{name}-{width}.txt"
    path.write_text(text, encoding="utf-8")
    return text


CASES = [
    pytest.param(name, width, form, id=f"{name}-{width}-{form}")
    for name in NEEDLES for width in WIDTHS for form in ("text", "pdf")
] + [pytest.param("county", width, "docx", id=f"county-{width}-docx") for width in (16, 24, 45)]


@pytest.mark.parametrize(("name", "width", "form"), CASES)
def test_wrapped_report_gives_the_original_findings(folder: Path, name: str, width: int, form: str) -> None:
    text = variant(folder, name, width)
    lines = text.split("\n")
    assert max(len(ln) for ln in lines if not ln.startswith("\t")) <= width + 1  # +1: a form feed
    assert "\f" in text and len(lines) > len(original(name).split("\n"))
    skip = ("P",) if form == "pdf" else ()
    path = str(folder / f"{name}-{width}.txt")
    if form == "pdf":
        path = str(draw_pdf(text, folder / f"{name}-{width}.pdf"))
    elif form == "docx":  # one Word paragraph per printed line, as a draft pasted from a PDF
        plain = folder / f"{name}-{width}-plain.txt"
        plain.write_text(text.replace("\f", ""), encoding="utf-8")
        path = str(docx_from_text(plain, folder / f"{name}-{width}.docx"))
    result = check_path(path, RULES)
    assert result.status == "checked", result.error
    want, got = expected(folder, name, skip), keys(result, skip)
    assert (want - got, got - want) == (Counter(), Counter())


def test_the_known_errors_are_in_the_originals(folder: Path) -> None:
    """Guards the comparison: the errors the variants must keep are there to be kept."""
    county, district = expected(folder, "county", ()), expected(folder, "district", ())
    assert county[("N030", "error", ("1.6", "5.53", "534.72", "543.25"))] == 3
    assert district[("N020", "error", ("2106.66", "2940.05", "71.73"))] == 1
    assert sum(county.values()) == 23  # 22 findings and S006: the narrative comes without its nine tables


def test_the_page_number_really_falls_inside_the_sentences(folder: Path) -> None:
    text = variant(folder, "county", 24)
    at = text.index("534.72万元增加")
    assert "\f" in text[at : at + 40] and "5.53万元" in text[at : at + 60]
    after = text.partition("3.13万元，占")[2].lstrip("\n").split("\n")
    assert is_page_number(after[0]) or after[0] == "14"
    assert after[1].startswith("\f")
