"""The two hostile cases issue 14 started from: MuPDF's messages on stdout, and absurd numbers
ending in a decimal.InvalidOperation traceback. Both run as a real process, where MuPDF writes to
the process's own stdout (CliRunner would not see it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from fuzz.hostile import absurd_text, corrupt_streams, small_pdf

from audit.readers.pdf import read_pdf

SCHEMA = json.loads((Path(__file__).parent / "data" / "report.schema.json").read_text(encoding="utf-8"))


def _check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from audit.cli import main; main()", "check", *args], capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.fixture(scope="module")
def damaged_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "damaged.pdf"
    path.write_bytes(corrupt_streams(small_pdf()))
    return path


def test_mupdf_messages_never_reach_stdout(damaged_pdf: Path, tmp_path: Path) -> None:
    run = _check("--format", "json", str(damaged_pdf))
    assert run.returncode in (0, 1, 2) and "MuPDF" not in run.stdout
    jsonschema.validate(json.loads(run.stdout), SCHEMA)
    out = tmp_path / "report.json"
    written = _check("--format", "json", "-o", str(out), str(damaged_pdf))
    assert written.stdout == "" and "Traceback" not in written.stderr
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), SCHEMA)


def test_what_mupdf_said_is_kept_as_a_note(damaged_pdf: Path) -> None:
    notes = read_pdf(str(damaged_pdf)).notes
    assert notes and all(n.startswith("MuPDF: ") for n in notes)
    assert any("zlib" in n or "repair" in n for n in notes)


def test_absurd_numbers_give_a_report_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "absurd.txt"
    path.write_text(absurd_text(), encoding="utf-8")
    run = _check("--format", "json", str(path))
    assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr[-2000:]
    jsonschema.validate(json.loads(run.stdout), SCHEMA)
