"""The dashboard in a real headless Chromium: it renders, sorts, filters, expands, logs no console
errors, and a report full of markup cannot run script.

Chromium is installed by .ci/run. Without it this test fails rather than skips, so CI can never
go green without having looked at the page; set BUDGET_AUDIT_SKIP_BROWSER=1 to skip on purpose.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from audit.batch.dashboard import write_dashboard
from audit.batch.outputs import _records
from audit.batch.record import ReportRecord, failed
from audit.batch.run import BatchOutcome, _keep
from audit.batch.spool import Spool
from audit.batch.summary import localised, reports_frame, rules_frame

EVIL = '<script>document.title="PWNED"</script><img src=x onerror="document.body.dataset.pwned=1">'
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000"]

# Appended by the test only: drive the page like a user and record what it shows.
PROBE = """<script>
(function () {
  var out = {};
  function visible() { return document.querySelectorAll("#reports tbody tr[data-index]").length; }
  out.rows = visible();
  out.bars_rules = document.querySelectorAll("#chart-rules .bar").length;
  out.bars_departments = document.querySelectorAll("#chart-departments .bar").length;
  var th = document.querySelector('th[data-key="errors"]'); th.click();
  out.sorted_desc = Array.prototype.map.call(document.querySelectorAll("#reports tbody tr[data-index]"),
    function (tr) { return tr.getAttribute("data-index"); });
  th.click();
  out.sorted_asc_first = document.querySelector("#reports tbody tr[data-index]").getAttribute("data-index");
  var f = document.getElementById("filter"); f.value = "教育局"; f.dispatchEvent(new Event("input"));
  out.filtered = visible(); f.value = ""; f.dispatchEvent(new Event("input"));
  var only = document.getElementById("only-need"); only.click(); out.only_need = visible(); only.click();
  document.querySelector('tr[data-index="1"] button.toggle').click();
  var detail = document.querySelector("tr.detail");
  out.detail_text = detail ? detail.textContent : null;
  var tables = document.querySelector('tr[data-index="0"] td:nth-child(11)');
  out.tables = tables ? [tables.textContent, tables.getAttribute("title")] : null;
  out.kind = document.querySelector('tr[data-index="0"] td:nth-child(4)').textContent;
  out.title = document.title;
  out.pwned = document.body.dataset.pwned || null;
  out.injected_elements = document.querySelectorAll("#app script, #app img").length;
  document.body.setAttribute("data-probe", JSON.stringify(out));
})();
</script>"""


def _chromium() -> str:
    if os.environ.get("BUDGET_AUDIT_SKIP_BROWSER") == "1":
        pytest.skip("BUDGET_AUDIT_SKIP_BROWSER=1")
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.fail("chromium not found: install it (apt-get install chromium) or set BUDGET_AUDIT_SKIP_BROWSER=1")


def _record(index: int, department: str, errors: int, rule: str, message: str) -> ReportRecord:
    finding = {"rule": rule, "severity": "error", "message": message, "where": "12:5", "locations": [],
               "suggestion": {"replace": "5.53", "with": "8.53", "location": {"path": "x"}}}
    return ReportRecord(index=index, paths=(f"/r/{index}-{department}.txt",), outcome="checked",
                        department=department, year=2024, errors=errors, figures=10,
                        rules={rule: [errors, "error", "标题" + EVIL]}, findings=[finding] * errors,
                        kind={"zh": "部门决算", "en": "department final accounts"}, tables_read=tuple(f"T{n}" for n in range(1, 8)),
                        tables_expected=tuple(f"T{n}" for n in range(1, 10)))


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    outcome = BatchOutcome()
    with Spool() as spool:
        for record in [_record(0, "某某县教育局", 1, "N030", "普通问题"),
                       _record(1, "某某市财政局" + EVIL, 3, "N020", "引用原文 " + EVIL + " </script>"),
                       failed(2, ("/r/broken.pdf",), "unreadable", "文件为空 (empty file)")]:
            _keep(outcome, spool, record)
        path = tmp_path / "dashboard.html"
        with open(path, "w", encoding="utf-8") as fh:
            write_dashboard(fh, outcome, spool, _records(localised(reports_frame(outcome), "zh")),
                            _records(rules_frame(outcome)))
    return path


def _open(chromium: str, path: Path, tmp_path: Path) -> tuple[str, str]:
    result = subprocess.run([chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                             path.as_uri()], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, result.stderr


def _console_errors(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ":CONSOLE" in ln or "Uncaught" in ln]


def test_dashboard_renders_without_console_errors(page: Path, tmp_path: Path) -> None:
    chromium = _chromium()
    dom, stderr = _open(chromium, page, tmp_path)
    assert _console_errors(stderr) == []
    assert dom.count("<tr data-index") == 3
    assert "PWNED" not in dom.split("<body")[0]


def test_dashboard_sorts_filters_expands_and_never_runs_report_markup(page: Path, tmp_path: Path) -> None:
    chromium = _chromium()
    probed = tmp_path / "probed.html"
    probed.write_text(page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom, stderr = _open(chromium, probed, tmp_path)
    assert _console_errors(stderr) == []
    marker = 'data-probe="'
    raw = dom[dom.index(marker) + len(marker):]
    probe = json.loads(raw[:raw.index('"')].replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
                       .replace("&amp;", "&"))
    assert probe["rows"] == 3
    assert probe["bars_rules"] == 2 and probe["bars_departments"] == 2
    assert probe["sorted_desc"] == ["1", "0", "2"] and probe["sorted_asc_first"] == "2"
    assert probe["filtered"] == 1 and probe["only_need"] == 3
    assert "引用原文 <script>" in probe["detail_text"] and "5.53" in probe["detail_text"]
    assert probe["kind"] == "部门决算" and probe["tables"] == ["7/9", "未读取的表: T8 T9"]
    assert probe["title"] != "PWNED" and probe["pwned"] is None and probe["injected_elements"] == 0
