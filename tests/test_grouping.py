"""A .docx narrative and an .xlsx of tables checked as one report; grouping files for batch runs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from fixtures.office.builders import workbook_from_tables

from audit.cli import main
from audit.grouping import check_as_one, expand, group_report_files
from audit.pipeline import check_path, run_check
from audit.readers.pdf import read_pdf
from audit.rulebook import load_rules

PDF = Path(__file__).parent.parent / "samples" / "putuo-finance-2024-final-accounts.pdf"


@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> tuple[Path, Path]:
    """The PDF sample split as drafts travel: its prose in Word, its nine tables in Excel."""
    folder = tmp_path_factory.mktemp("draft")
    pdf = read_pdf(str(PDF))
    d = docx.Document()
    for p in pdf.paragraphs:
        d.add_paragraph("".join(ln.text for ln in p.lines))
    d.save(str(folder / "普陀财政局决算-说明.docx"))
    workbook_from_tables(pdf.tables, folder / "普陀财政局决算-附表.xlsx")
    return folder / "普陀财政局决算-说明.docx", folder / "普陀财政局决算-附表.xlsx"


def test_word_plus_excel_is_checked_like_the_pdf(draft: tuple[Path, Path]) -> None:
    rules = load_rules()
    word, book = draft
    one = check_as_one([str(word), str(book)], rules)
    assert one.status == "checked" and one.path == f"{word} + {book}"
    alone = check_path(str(book), rules)
    pdf = check_path(str(PDF), rules)
    assert one.facts == pdf.facts > alone.facts
    assert Counter(f.rule for f in one.findings) == Counter(f.rule for f in pdf.findings)
    # narrative-vs-table and narrative rules need both files: they fire only when grouped
    assert {f.rule for f in one.findings} - {f.rule for f in alone.findings}
    paths = {x.path for f in one.findings for x in f.locations if x.ref is None}
    assert paths <= {str(word)}


def test_folder_and_cli_flag(draft: tuple[Path, Path]) -> None:
    rules = load_rules()
    folder = draft[0].parent
    assert expand([str(folder)]) == [str(draft[0]), str(draft[1])]
    (result,) = run_check([str(folder)], rules, as_one_report=True)
    assert result.status == "checked" and result.path == f"{draft[0]} + {draft[1]}"
    cli = CliRunner().invoke(main, ["check", "--as-one-report", str(draft[0]), str(draft[1]), "--format", "json"])
    assert cli.exit_code in (0, 1), cli.output


def test_one_unreadable_file_makes_the_report_unreadable(draft: tuple[Path, Path], tmp_path: Path) -> None:
    bad = tmp_path / "附表.xlsx"
    bad.write_bytes(draft[1].read_bytes()[:300])
    result = check_as_one([str(draft[0]), str(bad)], load_rules())
    assert result.status == "unreadable" and result.error and result.error.startswith(f"{bad}: ")


def test_group_report_files(tmp_path: Path) -> None:
    for name in ["a/茂县决算-说明.docx", "a/茂县决算-附表.xlsx", "a/汶川决算.docx", "a/汶川决算.xlsx",
                 "b/report.docx", "b/tables.xls", "c/x.pdf", "c/y.txt", "d/only.xlsx"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    groups = group_report_files([str(tmp_path / d) for d in "abcd"])
    rel = [[str(Path(p).relative_to(tmp_path)) for p in g] for g in groups]
    assert rel == [["a/汶川决算.docx", "a/汶川决算.xlsx"], ["a/茂县决算-说明.docx", "a/茂县决算-附表.xlsx"],
                   ["b/report.docx", "b/tables.xls"], ["c/x.pdf"], ["c/y.txt"], ["d/only.xlsx"]]
