"""Acceptance: a folder of real samples, generated reports and broken files, through the command."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import openpyxl
import pytest

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import gen_reports  # noqa: E402

SCHEMA = ROOT / "tests" / "data" / "report.schema.json"  # vendored copy of the contract
CLI = [sys.executable, "-c", "from audit.cli import main; main()", "batch"]


def _run(args: list[str], env: dict[str, str] | None = None, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    for sample in (ROOT / "samples").glob("*-final-accounts.*"):
        shutil.copy(sample, folder / sample.name)
    gen_reports.generate(folder / "generated", text=12, pdf=3, error_every=4, broken=True)
    return folder


@pytest.fixture(scope="module")
def run(reports: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("out")
    result = _run([str(reports), "--jobs", "2", "--summary", str(out / "summary.xlsx"), "--summary",
                   str(out / "summary.csv"), "--html", str(out / "dashboard.html"), "--format", "json",
                   "-o", str(out / "all.json"), "--no-progress"])
    files = sorted(p for p in reports.rglob("*") if p.is_file())
    return {"result": result, "out": out, "files": files}


def test_exit_code_is_1_when_reports_have_errors_or_are_broken(run: dict) -> None:
    assert run["result"].returncode == 1, run["result"].stderr
    assert "Traceback" not in run["result"].stderr


def test_workbook_lists_every_report_worst_first_with_reasons(run: dict) -> None:
    wb = openpyxl.load_workbook(run["out"] / "summary.xlsx")
    assert wb.sheetnames == ["报告", "规则频次"]
    ws = wb["报告"]
    assert ws.auto_filter.ref == ws.dimensions
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]
    assert len(rows) == len(run["files"])
    by_name = {Path(r["文件"]).name: r for r in rows}
    assert by_name["broken-empty.txt"]["结果"] == "无法读取" and "empty" in by_name["broken-empty.txt"]["原因"]
    assert "binary" in by_name["broken-garbage.txt"]["原因"]
    assert by_name["broken-truncated.pdf"]["结果"] == "无法读取" and by_name["broken-truncated.pdf"]["原因"]
    assert by_name["gbk-encoded.txt"]["结果"] == "已检查" and by_name["gbk-encoded.txt"]["部门/单位"]
    maoxian = by_name["maoxian-hrss-2022-final-accounts.txt"]
    assert (maoxian["部门/单位"], maoxian["年度"], maoxian["错误"]) == ("茂县人力资源和社会保障局", 2022, 3)
    putuo = by_name["putuo-finance-2024-final-accounts.pdf"]
    assert (putuo["部门/单位"], putuo["年度"]) == ("上海市普陀区财政局", 2024)
    # The kind of each report and which of the nine tables were read (what was not checked).
    assert (maoxian["报告类别"], maoxian["读取表格"], maoxian["未读取的表"]) == ("部门决算", "0/9", "T1 T2 T3 T4 T5 T6 T7 T8 T9")
    assert (putuo["报告类别"], putuo["读取表格"], putuo["未读取的表"]) == ("部门决算", "9/9", None)
    assert by_name["broken-empty.txt"]["报告类别"] is None and by_name["broken-empty.txt"]["读取表格"] is None
    # Worst first: every report that could not be checked precedes the checked ones, errors descending.
    outcomes = [r["结果"] for r in rows]
    assert outcomes[:3] == ["无法读取"] * 3 and set(outcomes[3:]) == {"已检查"}
    errors = [r["错误"] for r in rows[3:]]
    assert errors == sorted(errors, reverse=True)
    rules = wb["规则频次"]
    rule_rows = list(rules.iter_rows(min_row=2, values_only=True))
    assert rules.auto_filter.ref and ("N030" in [r[0] for r in rule_rows])
    reports_col = [c.value for c in rules[1]].index("涉及报告数")
    assert [r[reports_col] for r in rule_rows] == sorted((r[reports_col] for r in rule_rows), reverse=True)


def test_csv_and_json_are_complete(run: dict) -> None:
    out = run["out"]
    csv_lines = (out / "summary.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(csv_lines) == len(run["files"]) + 1
    assert (out / "summary.rules.csv").read_text(encoding="utf-8-sig").startswith("规则,")
    report = json.loads((out / "all.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(report["documents"]) == len(run["files"])
    assert report["summary"]["unreadable"] == 3
    assert report["summary"]["errors"] == sum(len([f for f in d["findings"] if f["severity"] == "error"])
                                              for d in report["documents"])
    # Each document carries its kind and which tables were read, as `check --format json` writes them.
    docs = {Path(d["path"]).name: d for d in report["documents"]}
    putuo = docs["putuo-finance-2024-final-accounts.pdf"]
    assert putuo["kind"]["accounts"] == "final" and putuo["kind"]["label"] == "部门决算"
    assert putuo["stats"]["tables_read"] == [f"T{n}" for n in range(1, 10)] and putuo["stats"]["tables_missing"] == []
    maoxian = docs["maoxian-hrss-2022-final-accounts.txt"]
    assert maoxian["stats"]["tables_read"] == [] and len(maoxian["stats"]["tables_missing"]) == 9
    assert "kind" not in docs["broken-empty.txt"] and "stats" not in docs["broken-empty.txt"]


def test_text_summary_and_english(reports: Path) -> None:
    result = _run([str(reports / "generated" / "text"), "--lang", "en", "--jobs", "1", "--no-progress"],
                  env={"COLUMNS": "250"})
    assert result.returncode in (0, 1)
    assert "reports needing attention" in result.stdout and "reports in" in result.stdout
    header = next(ln for ln in result.stdout.splitlines() if "department" in ln)
    assert " kind " in header and " tables " in header  # the kind of report and the tables read


def test_nothing_to_check_is_a_usage_error(tmp_path: Path) -> None:
    result = _run([str(tmp_path / "missing-folder")])
    assert result.returncode == 2 and "no files to check" in result.stderr


def test_ctrl_c_writes_what_is_done(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        gen_reports.write_text(folder / f"a-{i}.txt", gen_reports.report_lines(i))
    gen_reports.write_text(folder / "z-hang.txt", gen_reports.report_lines(9))
    summary = tmp_path / "partial.xlsx"
    proc = subprocess.Popen([*CLI, str(folder), "--jobs", "2", "--timeout", "600", "--summary", str(summary),
                             "--no-progress"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "BUDGET_AUDIT_FAULTS": "hang=z-hang.txt"})
    time.sleep(6)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    ws = openpyxl.load_workbook(summary)["报告"]
    header = [c.value for c in ws[1]]
    rows = {Path(r[header.index("文件")]).name: r[header.index("结果")] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows == {**{f"a-{i}.txt": "已检查" for i in range(5)}, "z-hang.txt": "未检查"}


def test_plain_check_never_imports_pandas() -> None:
    code = ("import sys; from audit.cli import main\n"
            "try:\n    main(['check', 'samples/maoxian-hrss-2022-final-accounts.txt'], standalone_mode=False)\n"
            "except SystemExit:\n    pass\n"
            "print('pandas' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr
