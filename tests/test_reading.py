"""One way to read a report (audit.reading): every caller reads each file once, and a reader that
crashes becomes an unreadable result with its reason — in check, extract, grouping and batch."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

import audit.readers.text as text_reader
from audit.batch.worker import check_unit
from audit.cli import main
from audit.grouping import check_as_one
from audit.pipeline import check_path, run_check
from audit.reading import MAX_ENV, read_report
from audit.rulebook import load_rules

SAMPLE = Path(__file__).parent.parent / "samples" / "maoxian-hrss-2022-final-accounts.txt"
RULES = load_rules()


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every path the text reader is asked for, in order."""
    seen: list[str] = []
    real = text_reader.read_text

    def counting(path: str):
        seen.append(path)
        return real(path)

    monkeypatch.setattr(text_reader, "read_text", counting)
    return seen


@pytest.fixture
def two(tmp_path: Path) -> list[str]:
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for p in paths:
        shutil.copy(SAMPLE, p)
    return [str(p) for p in paths]


def test_check_reads_a_file_once(calls: list[str]) -> None:
    assert check_path(str(SAMPLE), RULES).status == "checked"
    assert calls == [str(SAMPLE)]


def test_folder_and_as_one_read_each_file_once(calls: list[str], two: list[str]) -> None:
    folder = str(Path(two[0]).parent)
    assert [r.status for r in run_check([folder], RULES)] == ["checked"]
    assert check_as_one(two, RULES).path == " + ".join(two)
    assert calls == two + two


def test_batch_worker_reads_each_file_once_and_still_finds_who_filed_it(calls: list[str], two: list[str]) -> None:
    one = check_unit(0, (two[0],), RULES)
    group = check_unit(1, tuple(two), RULES)
    assert calls == [two[0], *two]
    for record in (one, group):
        assert (record.outcome, record.department, record.year) == ("checked", "茂县人力资源和社会保障局", 2022)


def test_extract_reads_each_file_once(calls: list[str], two: list[str]) -> None:
    out = CliRunner().invoke(main, ["extract", *two])
    assert out.exit_code == 0, out.output
    assert calls == two


def _crash(exc: Exception) -> Callable[[str], object]:
    def reader(path: str) -> object:
        raise exc
    return reader


@pytest.mark.parametrize("exc", [IndexError("list index out of range"), MemoryError(), RecursionError("deep")])
def test_a_crashing_reader_is_an_unreadable_result_everywhere(monkeypatch: pytest.MonkeyPatch, two: list[str],
                                                             exc: Exception) -> None:
    monkeypatch.setattr(text_reader, "read_text", _crash(exc))
    name = type(exc).__name__
    single = check_path(two[0], RULES)
    assert single.status == "unreadable" and name in (single.error or "")
    grouped = check_as_one(two, RULES)
    assert grouped.status == "unreadable" and (grouped.error or "").startswith(f"{two[0]}: ")
    record = check_unit(0, tuple(two), RULES)
    assert record.outcome == "unreadable" and name in (record.reason or "")

    out = CliRunner().invoke(main, ["check", "--format", "json", two[0]])
    assert out.exit_code == 2 and "Traceback" not in out.output
    assert json.loads(out.stdout)["documents"][0]["status"] == "unreadable"
    ext = CliRunner().invoke(main, ["extract", two[0]])
    assert ext.exit_code == 2 and name in ext.stderr and "Traceback" not in ext.output


def test_extract_reads_a_folder_as_one_report_like_check(two: list[str]) -> None:
    folder = str(Path(two[0]).parent)
    out = CliRunner().invoke(main, ["extract", "--format", "json", folder])
    assert out.exit_code == 0, out.output
    assert {row["document"] for row in json.loads(out.stdout)["figures"]} == {" + ".join(two)}


def test_empty_folder_is_unreadable_with_its_reason(tmp_path: Path) -> None:
    reading = read_report([str(tmp_path)])
    assert reading.document is None and "no report files" in (reading.error or "")


def test_a_file_over_the_size_limit_is_refused_before_reading(monkeypatch: pytest.MonkeyPatch, calls: list[str],
                                                             two: list[str]) -> None:
    monkeypatch.setenv(MAX_ENV, "0.001")
    result = check_path(two[0], RULES)
    assert result.status == "unreadable" and "file too large" in (result.error or "") and MAX_ENV in result.error
    assert calls == []


def test_a_report_with_too_many_numbers_is_refused_with_its_reason(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    from audit.reading import MAX_NUMBERS_ENV

    path = tmp_path / "many.txt"
    path.write_text("，".join(f"项目支出{i}.00万元" for i in range(300)) + "。", encoding="utf-8")
    monkeypatch.setenv(MAX_NUMBERS_ENV, "200")
    refused = check_path(str(path), RULES)
    assert refused.status == "unreadable" and "too many numbers: 300, limit 200" in (refused.error or "")
    monkeypatch.setenv(MAX_NUMBERS_ENV, "300")
    assert check_path(str(path), RULES).status == "checked"


def test_a_report_with_too_much_text_is_refused_with_its_reason(monkeypatch: pytest.MonkeyPatch,
                                                                tmp_path: Path) -> None:
    from audit.reading import MAX_CHARACTERS_ENV

    path = tmp_path / "long.txt"
    path.write_text("本部门认真贯彻落实各项工作。\n" * 100, encoding="utf-8")
    monkeypatch.setenv(MAX_CHARACTERS_ENV, "1000")
    refused = check_path(str(path), RULES)
    assert refused.status == "unreadable" and "text too long: 1400 characters, limit 1000" in (refused.error or "")
