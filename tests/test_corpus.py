"""Real-corpus regression check (issue 11 point 6): every error the tool reports on the real
reports in ../shared/corpus must be a real inconsistency listed in tests/corpus/expected-errors.yaml
(or a false one already triaged in known-false-errors.yaml), and every expected one must stay found.

The corpus run is marked `corpus` (deselect locally with `-m "not corpus"`); it runs by default, so
CI runs it whenever the corpus folder is there, and skips it otherwise. The matching logic itself
is tested below on made-up findings, so those tests run everywhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from fixtures.scripts import load_script

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
CAUSES = {"period", "siblings", "breakdown", "reason", "count", "policy", "concept", "pagebreak", "forced100",
          "newitem", "table", "other"}



cc = load_script("corpus_check")


def finding(document: str = "a.pdf", rule: str = "N030", severity: str = "error", page: int | None = 3,
            line: int | None = 7, texts: tuple[str, ...] = ("5.53", "543.25")):
    return cc.Finding(document=document, rule=rule, severity=severity,
                      pages=frozenset([page] if page else []), lines=frozenset([line] if line else []),
                      figures=frozenset(texts), first_page=page, first_line=line, texts=texts, message="m")


def entry(**kw):
    raw = {"document": "a.pdf", "rule": "N030", "page": 3, "figures": ["5.53"], **kw}
    return cc._entry(raw, Path("x.yaml"), 0)


def outcome(findings, expected=(), known_false=(), unreadable=(), strict=False, status="checked"):
    docs = [cc.DocOutcome("a.pdf", status, 0.1, None, list(findings))]
    return cc.compare(docs, list(expected), list(known_false), set(unreadable), strict)


# ---------------------------------------------------------------- matching, on made-up findings


def test_an_expected_error_is_found_on_its_page_whatever_the_line_and_column() -> None:
    out = outcome([finding(line=30)], [entry()])
    assert not out.failed and len(out.expected_found) == 1


@pytest.mark.parametrize("change", [{"page": 4}, {"rule": "N020"}, {"figures": ["8.53"]}, {"document": "b.pdf"}])
def test_a_different_page_rule_figure_or_document_is_not_a_match(change: dict) -> None:
    out = outcome([finding()], [entry(**change)])
    assert out.failed and len(out.unexpected) == 1
    if change.get("document") != "b.pdf":  # an entry of a document not checked is not judged
        assert len(out.expected_lost) == 1


def test_text_documents_match_on_line_with_small_drift_only() -> None:
    near = entry(page=None, line=9)
    far = entry(page=None, line=11)
    f = finding(page=None, line=7)
    assert near.matches(f) and not far.matches(f)


def test_figures_match_as_written_ignoring_whitespace() -> None:
    assert entry(figures=["XXX 万元"]).matches(finding(texts=("XXX万元",)))
    assert not entry(figures=["2961.68"]).matches(finding(texts=("2,961.68",)))


def test_an_unexpected_error_fails_and_a_warning_never_does() -> None:
    assert outcome([finding()]).failed
    assert not outcome([finding(severity="warning"), finding(severity="info")]).failed


def test_an_expected_error_reported_only_as_a_warning_is_lost() -> None:
    out = outcome([finding(severity="warning")], [entry()])
    assert out.failed and len(out.expected_lost) == 1


def test_expected_warning_is_never_fatal_but_the_same_finding_as_an_error_is_unexpected() -> None:
    warn = entry(severity="warning", rule=None)
    assert not outcome([], [warn]).failed
    assert outcome([finding(severity="warning")], [warn]).warnings_found == [warn]
    out = outcome([finding()], [warn])
    assert out.failed and len(out.unexpected) == 1


def test_a_known_gap_is_reported_not_fatal_and_noticed_once_found() -> None:
    gap = entry(status="missing")
    out = outcome([], [gap])
    assert not out.failed and out.gaps == [gap]
    out = outcome([finding()], [gap])
    assert not out.failed and out.gaps_now_found == [gap] and not out.unexpected


def test_known_gap_is_another_name_for_missing() -> None:
    assert entry(status="known-gap").status == "missing"


def test_a_found_expectation_that_disappears_fails() -> None:
    out = outcome([], [entry()])
    assert out.failed and len(out.expected_lost) == 1


def test_known_false_errors_are_tolerated_unless_strict_and_fixed_ones_are_listed() -> None:
    false = entry(cause="period")
    assert not outcome([finding()], known_false=[false]).failed
    assert outcome([finding()], known_false=[false], strict=True).failed
    assert outcome([], known_false=[false]).known_false_fixed == [false]


def test_unreadable_documents_fail_unless_listed() -> None:
    assert outcome([], status="unreadable").failed
    assert not outcome([], unreadable={"a.pdf"}, status="unreadable").failed
    assert outcome([], unreadable={"a.pdf"}, status="crashed").failed


def test_pairs_are_checked_together_only_when_asked(tmp_path: Path) -> None:
    files = [tmp_path / n for n in ("x-tables.pdf", "x-text.pdf", "y.pdf")]
    assert [len(u) for u in cc.units(files, False)] == [1, 1, 1]
    grouped = cc.units(files, True)
    assert [[p.name for p in u] for u in grouped] == [["x-text.pdf", "x-tables.pdf"], ["y.pdf"]]


def test_a_malformed_entry_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "e.yaml"
    bad.write_text("findings:\n  - {rule: N030}\n", encoding="utf-8")
    with pytest.raises(cc.ExpectationError, match="entry 1"):
        cc.load_entries(bad)
    with pytest.raises(cc.ExpectationError, match="no such"):
        cc.load_entries(tmp_path / "missing.yaml")


def test_the_committed_files_are_well_formed() -> None:
    expected, unreadable = cc.load_entries(cc.EXPECTED)
    known, _ = cc.load_entries(cc.KNOWN_FALSE)
    assert expected and not known, "known-false-errors.yaml must stay empty: a false error is a bug to fix"
    assert all(e.note for e in expected), "every expected entry says why it is real"
    causes = {e.source.get("cause") for e in known}
    assert causes <= CAUSES, causes - CAUSES
    real = {(e.document, e.page, e.line, e.figures) for e in expected if e.severity == "error"}
    assert not [k for k in known if (k.document, k.page, k.line, k.figures) in real], "a real error listed as false"


def test_the_draft_carries_verdicts_and_marks_the_rest_todo() -> None:
    real, false = entry(why="543.25 − 534.72 = 8.53"), entry(page=4, cause="period")
    out = outcome([finding(), finding(page=4), finding(page=5)], [real], [false])
    drafted = yaml.safe_load(cc.draft(out, [real], [false]))["findings"]
    assert [d["verdict"] for d in drafted] == ["real", "false", "TODO"]
    assert drafted[0]["why"] == "543.25 − 534.72 = 8.53" and drafted[1]["cause"] == "period"
    assert drafted[2]["figures"] == ["5.53", "543.25"] and drafted[2]["page"] == 5


# ---------------------------------------------------------------- the real corpus


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="real corpus not present (../shared/corpus)")
def test_real_corpus_errors_are_all_expected() -> None:
    out, expected, known = cc.run()
    names = {p.name for p in cc.collect([p for p in cc.DEFAULT_FOLDERS if p.is_dir()])}
    stray = {e.document for e in expected + known} - names
    assert not stray, f"entries name documents that are not in the corpus: {stray}"
    assert not out.failed, "\n" + cc.table(out) + "\n\n" + cc.details(out)
