"""`budget-audit extract`: formats, files, unreadable inputs, and the same figures as `check` uses."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from audit.cli import main
from audit.extract import extract
from audit.figures_io import COLUMNS
from audit.readers import read_document

SAMPLE = str(Path(__file__).parent.parent / "samples" / "maoxian-hrss-2022-final-accounts.txt")


def run(*args: str):
    return CliRunner().invoke(main, ["extract", *args])


def test_csv_to_stdout_has_every_figure_and_column() -> None:
    result = run(SAMPLE)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    facts = extract(read_document(SAMPLE))
    assert len(rows) == len(facts.figures)
    assert list(rows[0]) == COLUMNS
    wrong = [r for r in rows if r["value"] == "5.53"]
    assert [(r["line"], r["location"], r["unit"], r["measure"]) for r in wrong] == [
        ("41", "41:45", "万元", "change"), ("47", "47:51", "万元", "change"), ("50", "50:69", "万元", "change")]
    assert all("增加5.53万元" in r["context"] for r in wrong)


def test_json_yaml_and_xlsx_files(tmp_path: Path) -> None:
    for fmt in ("json", "yaml", "xlsx"):
        out = tmp_path / f"f.{fmt}"
        result = run(SAMPLE, "--format", fmt, "-o", str(out))
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    records = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))["figures"]
    assert records == yaml.safe_load((tmp_path / "f.yaml").read_text(encoding="utf-8"))["figures"]
    assert records[0]["value"] == "360" and records[0]["decimals"] == 0 and records[0]["page"] is None


def test_xlsx_needs_output_and_unreadable_inputs_exit_2(tmp_path: Path) -> None:
    assert run(SAMPLE, "--format", "xlsx").exit_code == 2
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 truncated")
    result = CliRunner().invoke(main, ["extract", str(bad), SAMPLE])
    assert result.exit_code == 2
    assert "bad.xlsx: 无法读取 (unreadable)" in result.output
    assert SAMPLE in result.output  # the readable report is still written


def test_check_a_figures_file_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "figures.csv"
    assert run(SAMPLE, "-o", str(out)).exit_code == 0
    result = CliRunner().invoke(main, ["check", str(out), "--format", "json"])
    report = json.loads(result.output)
    doc = report["documents"][0]
    assert result.exit_code == 1
    errors = [f for f in doc["findings"] if f["severity"] == "error"]
    assert [f["locations"][0]["line"] for f in errors] == [41, 47, 50]
