"""Text copy against its PDF (scripts/text_copy_check.py, docs/corpus.md): every budget PDF of
../shared/corpus/dev and its `pdftotext` copies must give the same errors.

An auditor often holds only a text copy. The copy must never show an error the PDF does not
(a false error), and must find every error the PDF finds where it carries the figures. The
comparison itself is tested on made-up findings, so those tests run everywhere; the corpus run
is marked `corpus` and skips without the corpus or without pdftotext.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fixtures.scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"



tc = load_script("text_copy_check")
cc = tc._corpus_check()

# Errors the PDF finds and a copy may miss, each with the reason the copy cannot carry it:
# (PDF file name, copy variant, rule, figures as written). None today.
MAY_BE_LOST: dict[tuple[str, str, str, tuple[str, ...]], str] = {}


def finding(rule: str = "N030", severity: str = "error", texts: tuple[str, ...] = ("5.53", "543.25"),
            page: int | None = 3, line: int | None = 7, document: str = "a.pdf"):
    return cc.Finding(document=document, rule=rule, severity=severity, pages=frozenset([page] if page else []),
                      lines=frozenset([line] if line else []), figures=frozenset(texts), first_page=page,
                      first_line=line, texts=texts, message="m")


def test_the_same_finding_at_another_place_is_neither_lost_nor_new() -> None:
    pair = tc.Pair("a.pdf", "layout", [finding()], [finding(page=None, line=120, document="a.layout.txt")])
    assert pair.lost == [] and pair.new == []


@pytest.mark.parametrize("other", [finding(rule="N020"), finding(severity="warning"), finding(texts=("5.53", "8.53"))])
def test_another_rule_severity_or_figure_is_lost_and_new(other) -> None:
    pair = tc.Pair("a.pdf", "layout", [finding()], [other])
    assert pair.lost == [pair.pdf_findings[0]] and pair.new == [other]


def test_a_sentence_the_copy_prints_twice_gives_no_new_finding() -> None:
    """pdftotext also prints text clipped at a page's edge: one inconsistency, reported twice."""
    pair = tc.Pair("a.pdf", "layout", [finding()], [finding(line=10), finding(line=90)])
    assert pair.new == [] and pair.lost == []


def test_the_table_counts_errors_apart() -> None:
    pair = tc.Pair("a.pdf", "layout", [finding(), finding(severity="warning", texts=("1",))],
                   [finding(texts=("9",))])
    row = tc.table([pair]).splitlines()[2]
    assert row == "| a.pdf | layout | 2 | 1 | 2 | 1 | 1 | 1 | 1 | 1 |"


@pytest.mark.corpus
@pytest.mark.skipif(not DEV.is_dir(), reason="real corpus not present (../shared/corpus/dev)")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_text_copies_of_the_corpus_give_the_errors_of_their_pdf() -> None:
    pairs = tc.run([DEV], jobs=2)
    assert len(pairs) >= 30 and not [p for p in pairs if p.crash], tc.table(pairs)
    new = [(p.pdf, p.variant, f.rule, f.texts) for p in pairs for f in p.new if f.severity == "error"]
    lost = [(p.pdf, p.variant, f.rule, f.texts) for p in pairs for f in p.lost if f.severity == "error"]
    report = "\n" + tc.table(pairs) + "\n\n" + tc.details(pairs)
    assert not new, report
    assert not [k for k in lost if k not in MAY_BE_LOST], report
