"""Metamorphic: a report hard-wrapped at any width, with page breaks and page numbers inside
sentences, as text and as a PDF drawn from that text, gives the findings of the original.

The originals are the bundled county report (text, one paragraph per line), the narrative
part of the bundled district report (pages 21-25 of the PDF, one paragraph per line as the PDF
reader rebuilds them) and the narrative of the bundled unit budget (its pages 1-6 and 16: cover,
contents, 名词解释, 编制说明 and 其他相关情况说明, without the nine table pages). Each variant is wrapped at `width` characters (never inside a number) and
gets a page break plus a page number line ("- 13 -", "─ 13 ─", "第13页", …) in the middle of two
sentences: one whose amount follows the subject across the break (the known 5.53 error of the
county report; the 71.73% of the district report; the budget's 财政拨款收入 950.12 after
“收入预算1,212.12万元，其中：”), one like "占─ 13 ─“三公”经费的50.12%" (the budget's
“公务用车运行费6.40万元，与─ 14 ─2023年预算持平”, whose 持平 B024 reads across the break).
The budget narrative alone holds no error (its one error is against its tables), so for it the
variants must also read every figure with the same binding (concept, period, measure) and make
the same number of checks.

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

from audit.extract import extract
from audit.model import DocumentResult
from audit.pipeline import check_path
from audit.readers import read_document
from audit.readers.paragraphs import is_page_number
from audit.readers.pdf import read_pdf
from audit.rulebook import load_rules

SAMPLES = Path(__file__).parents[2] / "samples"
RULES = load_rules()
WIDTHS = [16, 19, 24, 31, 38, 45, 60]
NEEDLES = {
    "county": ["收、支总计534.72万元增加", "运行维护费支出决算3.13万元，占"],
    "district": ["与2023年度相比，收入", "2106.66万元，占"],
    "budget": ["其中：财政拨款收入", "公务用车运行费6.40万元，与"],
}
# At 31 characters the county report's "…基本支出307.34万元，其中：" is one full line, so its first
# list item is read into the same paragraph; the list must still go on to the next item
# (extract/narrative.py, Links.open_list).


@cache
def original(name: str) -> str:
    if name == "county":
        return (SAMPLES / "maoxian-hrss-2022-final-accounts.txt").read_text(encoding="utf-8")
    if name == "budget":  # the 编制说明 page is rebuilt into paragraphs like the others (readers/pdf_narrative)
        doc = read_pdf(str(SAMPLES / "putuo-welfare-2024-unit-budget.pdf"))
        pages = [p for p in doc.paragraphs if not 7 <= (p.lines[0].page or 0) <= 15]
    else:
        doc = read_pdf(str(SAMPLES / "putuo-finance-2024-final-accounts.pdf"))
        pages = [p for p in doc.paragraphs if (p.lines[0].page or 0) >= 21]
    return "\n".join("".join(ln.text for ln in p.lines) for p in pages) + "\n"


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
    if name == "budget":
        assert result.checks == _checked(str(folder / "budget.txt")).checks
        assert bindings(path) == bindings(str(folder / "budget.txt"))


@cache
def bindings(path: str) -> Counter[tuple[str, str, str, str]]:
    """Each figure as read: concept (a figure only itself counts as one), period, measure, text."""
    return Counter((f.concept if not f.concept.startswith("claim:") else "claim", f.period, f.measure,
                    f.location.text or "") for f in extract(read_document(path)).figures)


def test_the_known_errors_are_in_the_originals(folder: Path) -> None:
    """Guards the comparison: the errors the variants must keep are there to be kept."""
    county, district = expected(folder, "county", ()), expected(folder, "district", ())
    budget = expected(folder, "budget", ())
    assert budget[("C001", "warning", ("医疗卫生与计划生育支出",))] == 1  # the 类 renamed 卫生健康支出 in 2019
    assert budget[("B002", "warning", ("主要原因是。",))] == 1
    assert sum(bindings(str(folder / "budget.txt")).values()) == 70
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
