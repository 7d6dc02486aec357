"""Which files a batch takes, how they are grouped, and who filed them."""

from __future__ import annotations

import types
from pathlib import Path

import pytest

from audit.batch import inputs
from audit.batch.inputs import collect, group
from audit.extract.identity import department_and_year


def _touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folders_are_walked_recursively_and_unsupported_files_counted(tmp_path: Path) -> None:
    a = _touch(tmp_path / "a" / "r1.txt")
    b = _touch(tmp_path / "a" / "deep" / "r2.pdf")
    _touch(tmp_path / "a" / "scan.jpg")
    _touch(tmp_path / "a" / "~$r3.docx")
    found = collect([str(tmp_path / "a")])
    assert found.files == sorted([str(a), str(b)])
    assert sorted(Path(p).name for p in found.skipped) == ["scan.jpg", "~$r3.docx"]


def test_globs_named_files_missing_inputs_and_excluded_outputs(tmp_path: Path) -> None:
    r1 = _touch(tmp_path / "r1.txt")
    _touch(tmp_path / "r2.md")
    odd = _touch(tmp_path / "notes.rtf")
    out = _touch(tmp_path / "summary.csv")
    found = collect([str(tmp_path / "*.txt"), str(odd), str(r1), str(tmp_path / "nope"), str(tmp_path / "*.zzz"),
                     str(tmp_path)], exclude={str(out)})
    assert found.files[:2] == [str(r1), str(odd)]  # a named file is taken whatever its type, once
    assert str(tmp_path / "r2.md") in found.files
    assert str(out) not in found.files
    assert found.missing == [str(tmp_path / "nope"), str(tmp_path / "*.zzz")]


def test_one_report_per_file_without_grouping_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "grouping_module", lambda: None)
    assert group(["a.docx", "a.xlsx"]) == [("a.docx",), ("a.xlsx",)]


def test_grouping_module_is_used_when_present(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = types.SimpleNamespace(group_report_files=lambda paths: [paths[:2], paths[2:]])
    monkeypatch.setattr(inputs, "grouping_module", lambda: fake)
    assert group(["a.docx", "a.xlsx", "b.pdf"]) == [("a.docx", "a.xlsx"), ("b.pdf",)]


def test_grouping_module_is_the_package_module_imported_plainly() -> None:
    import audit.grouping

    assert inputs.grouping_module() is audit.grouping
    assert "importlib" not in Path(inputs.__file__).read_text(encoding="utf-8")


@pytest.mark.parametrize(("lines", "expected"), [
    (["上海市普陀区财政局", "2024年度部门决算", "目录"], ("上海市普陀区财政局", 2024)),
    (["第二部分上海市普陀区财政局2024年度部门决算表"], ("上海市普陀区财政局", 2024)),
    (["无纳入茂县人力资源和社会保障局2022年度部门决算编制范围的二级预算单位。"], ("茂县人力资源和社会保障局", 2022)),
    (["某某县教育局2023年度收入支出总计100.00万元。"], ("某某县教育局", 2023)),
    (["中共某某县委组织部2021年度单位决算"], ("中共某某县委组织部", 2021)),
    (["2023年度收、支总计543.25万元。", "2023年度部门决算"], (None, 2023)),  # no name: year only
    (["一、收入支出决算总体情况说明"], (None, None)),
])
def test_identify_department_and_year(lines: list[str], expected: tuple[str | None, int | None]) -> None:
    assert department_and_year(lines) == expected
