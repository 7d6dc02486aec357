"""`check --format json` against the report contract (a vendored copy of
../shared/contracts/report.schema.json, so the suite does not depend on the checkout's neighbours)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from audit.cli import main
from tests.families.conftest import sample_path

SCHEMA_PATH = Path(__file__).parent / "data" / "report.schema.json"
SHARED = Path(__file__).parent.parent.parent / "shared" / "contracts" / "report.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _report(*paths: str) -> dict:
    result = CliRunner().invoke(main, ["check", "--isolated", "--format", "json", *paths], catch_exceptions=False)
    assert result.exit_code in (0, 1, 2)
    return json.loads(result.output)


def _assert_valid(validator: jsonschema.protocols.Validator, report: dict) -> None:
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


@pytest.mark.skipif(not SHARED.is_file(), reason="no ../shared checkout next to this one")
def test_vendored_schema_matches_the_shared_contract() -> None:
    assert json.loads(SHARED.read_text(encoding="utf-8")) == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def test_sample_report_is_valid(validator: jsonschema.protocols.Validator) -> None:
    report = _report(sample_path())
    _assert_valid(validator, report)
    (doc,) = report["documents"]
    assert doc["path"] == sample_path() and doc["status"] == "checked"
    assert report["summary"]["errors"] == 3
    for finding in doc["findings"]:
        for loc in finding["locations"]:
            assert loc["line"] or loc["page"] or loc["cell"]


def test_several_files_and_an_unreadable_one(validator: jsonschema.protocols.Validator, tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("本年支出合计100.00万元，其中：基本支出60.00万元，占60.00%；项目支出40.00万元，占40.00%。\n",
                     encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02" * 100)
    relative = str(Path(sample_path()).relative_to(Path.cwd())) if Path(sample_path()).is_relative_to(Path.cwd()) \
        else sample_path()
    paths = [str(clean), str(broken), relative, str(tmp_path / "nowhere.txt")]
    report = _report(*paths)
    _assert_valid(validator, report)
    assert [d["path"] for d in report["documents"]] == paths
    assert [d["status"] for d in report["documents"]] == ["checked", "unreadable", "checked", "unreadable"]
    assert report["summary"]["documents"] == 4 and report["summary"]["unreadable"] == 2
    assert all(d["error"] is None for d in report["documents"] if d["status"] == "checked")
    assert all(d["findings"] == [] for d in report["documents"] if d["status"] == "unreadable")


def test_locations_are_slices_of_the_source_line(validator: jsonschema.protocols.Validator) -> None:
    report = _report(sample_path())
    lines = Path(sample_path()).read_text(encoding="utf-8").split("\n")
    for finding in report["documents"][0]["findings"]:
        for loc in finding["locations"]:
            if loc["line"] is not None and loc["column"] is not None and loc["text"]:
                assert lines[loc["line"] - 1][loc["column"] - 1:loc["end_column"]] == loc["text"]


def test_schema_rejects_a_broken_report(validator: jsonschema.protocols.Validator) -> None:
    """The validation itself can fail: a report without its summary is not accepted."""
    report = _report(sample_path())
    del report["summary"]
    assert list(validator.iter_errors(report))
