"""Plain-text reports: encodings, line endings, full-width text, and files that cannot be read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from audit.document import UnreadableDocument
from audit.pipeline import check_path
from audit.readers import read_document
from audit.readers.text import read_text
from audit.rulebook import load_rules

RULES = load_rules()
REPORT = "标题\n2022年本年支出合计543.25万元，其中：基本支出307.34万元，占56.57%；项目支出235.91万元，占43.43%。\n"


def _write(tmp_path: Path, data: bytes, name: str = "r.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(("encoding", "prefix", "newline"), [
    ("utf-8", b"", "\n"),
    ("utf-8", b"\xef\xbb\xbf", "\n"),
    ("gb18030", b"", "\n"),
    ("gbk", b"", "\n"),
    ("utf-8", b"", "\r\n"),
    ("gbk", b"", "\r\n"),
])
def test_encodings_and_line_endings(tmp_path: Path, encoding: str, prefix: bytes, newline: str) -> None:
    path = _write(tmp_path, prefix + REPORT.replace("\n", newline).encode(encoding))
    doc = read_text(path)
    lines = doc.lines()
    assert [ln.line for ln in lines] == [1, 2]
    assert lines[0].text == "标题" and not lines[1].text.endswith("\r")
    result = check_path(path, RULES)
    assert result.status == "checked" and result.facts == 5
    assert not [f for f in result.findings if f.severity == "error"]


def test_full_width_digits_parse_and_locations_point_into_the_original(tmp_path: Path) -> None:
    line2 = "本年支出合计５４３．２５万元，其中：基本支出３０７．３４万元，占５７．５７％；项目支出２３５．９１万元，占４３．４３％。"
    path = _write(tmp_path, ("\ufeff说明\r\n" + line2 + "\r\n").encode("utf-8"))
    result = check_path(path, RULES)
    (finding,) = [f for f in result.findings if f.severity == "error"]
    assert finding.rule == "N020"
    loc = finding.locations[0]
    assert loc.text == "５７．５７"
    assert loc.line == 2
    assert line2[loc.column - 1:loc.end_column] == loc.text
    assert finding.suggestion is not None and finding.suggestion.with_ == "56.57"
    # Every location of every finding is a slice of its original line.
    for f in result.findings:
        for loc in f.locations:
            assert line2[loc.column - 1:loc.end_column] == loc.text


def test_columns_count_code_points_after_leading_spaces(tmp_path: Path) -> None:
    line = "　　2022年本年支出合计543.25万元，其中：基本支出307.34万元，占57.57%；项目支出235.91万元，占43.43%。"
    result = check_path(_write(tmp_path, (line + "\n").encode("utf-8")), RULES)
    (finding,) = [f for f in result.findings if f.severity == "error"]
    loc = finding.locations[0]
    assert line[loc.column - 1:loc.end_column] == "57.57"


@pytest.mark.parametrize(("make", "reason"), [
    (lambda p: _write(p, bytes(range(256)) * 20, "binary.txt"), "二进制"),
    (lambda p: _write(p, b"", "empty.txt"), "空"),
    (lambda p: _write(p, b"  \n\r\n\t\n", "blank.txt"), "空"),
    (lambda p: str(p / "missing.txt"), "不存在"),
    (lambda p: str(p), "目录"),
    (lambda p: _write(p, "说明".encode("utf-16"), "utf16.txt"), ""),
])
def test_unreadable_inputs_have_a_reason_not_a_traceback(tmp_path: Path, make, reason: str) -> None:
    path = make(tmp_path)
    result = check_path(path, RULES)
    assert result.status == "unreadable"
    assert result.error and reason in result.error
    assert "Traceback" not in result.error


def test_directory_named_txt_is_unreadable(tmp_path: Path) -> None:
    folder = tmp_path / "report.txt"
    folder.mkdir()
    with pytest.raises(UnreadableDocument):
        read_document(str(folder))


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can read anything")
def test_permission_denied_is_unreadable(tmp_path: Path) -> None:
    path = _write(tmp_path, REPORT.encode())
    os.chmod(path, 0)
    result = check_path(path, RULES)
    assert result.status == "unreadable" and result.error


def test_a_wrapped_contents_entry_before_the_last_one_is_no_table_title(tmp_path: Path) -> None:
    """A hard-wrapped contents page: the last entry follows an entry wrapped over two lines; it
    is a contents entry, not a table whose rows would swallow the following paragraphs."""
    path = tmp_path / "contents.txt"
    path.write_text("某某福利院2024年单位预算\n目  录\n8．2024年预算单位一般公共预算基本支出部门预\n算经济分类预算表\n"
                    "9.单位“三公”经费和机关运行经费预算表\n六、其他相关情况说明\n某某福利院主要职能\n"
                    "某某福利院是收养社会孤老、退休孤老、寄养有家老\n人的事业单位。\n", encoding="utf-8")
    doc = read_document(str(path))
    assert doc.tables == []
    assert "六、其他相关情况说明" in ["".join(ln.text for ln in p.lines) for p in doc.paragraphs]


def test_a_table_ends_at_a_page_of_prose(tmp_path: Path) -> None:
    """A one-row table on the last table page: the next page's headings and sentences are prose."""
    table = ("单位“三公”经费和机关运行经费预算表\n"
             "                        “三公”经费预算数                              机关运行经费预算数\n"
             "     合计   因公出国（境）费   公务接待费   公务用车购置及运行费\n"
             "     6.4          0              0              6.4                      0\n")
    prose = "\f其他相关情况说明\n一、2024年“三公”经费预算情况说明\n2024年“三公”经费预算数为6.40万元，与2023年预算持平。其中：\n"
    path = tmp_path / "copy.txt"
    path.write_text("某某福利院2024年单位预算\n\f" + table + prose, encoding="utf-8")
    doc = read_document(str(path))
    texts = ["".join(ln.text for ln in p.lines) for p in doc.paragraphs]
    assert [t.table_id for t in doc.tables] == ["Y9"]
    assert "一、2024年“三公”经费预算情况说明" in texts and any("6.40万元" in t for t in texts)
