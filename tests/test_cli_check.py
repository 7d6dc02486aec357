"""`budget-audit check` end to end: exit codes, order of documents, unreadable inputs reported."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from audit.cli import main
from tests.families.conftest import sample_path

CLEAN = "2022年本年支出合计543.25万元，其中：基本支出307.34万元，占56.57%；项目支出235.91万元，占43.43%。\n"


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", "--isolated", *args], catch_exceptions=False)
    return result.exit_code, result.output


def test_sample_exit_code_one_and_three_errors() -> None:
    code, out = _check("--format", "json", sample_path())
    assert code == 1
    report = json.loads(out)
    errors = [(f["rule"], f["locations"][0]["line"]) for f in report["documents"][0]["findings"]
              if f["severity"] == "error"]
    assert errors == [("N030", 41), ("N030", 47), ("N030", 50)]


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    code, _ = _check(str(clean))
    assert code == 0


def test_unreadable_input_exits_two_while_others_are_reported_in_order(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    missing = tmp_path / "missing.txt"
    paths = [str(binary), sample_path(), str(missing), str(clean)]
    code, out = _check("--format", "json", *paths)
    assert code == 2
    docs = json.loads(out)["documents"]
    assert [d["path"] for d in docs] == paths
    assert [d["status"] for d in docs] == ["unreadable", "checked", "unreadable", "checked"]
    assert docs[0]["error"] and docs[2]["error"]
    assert "Traceback" not in out
    assert sum(f["severity"] == "error" for f in docs[1]["findings"]) == 3


def test_unreadable_in_text_format_names_the_file_and_the_reason(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out = _check(str(empty), sample_path())
    assert code == 2
    assert "empty.txt" in out and "空" in out
    assert out.index("empty.txt") < out.index("maoxian")
    assert "Traceback" not in out


def test_fail_on_warning(tmp_path: Path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("本年收入合计100.00万元，其中：财政拨款收入90.00万元；其他收入5.00万元。\n", encoding="utf-8")
    assert _check(str(short))[0] == 0
    assert _check("--fail-on", "warning", str(short))[0] == 1
