"""The cache of parsed YAML: same data as parsing, never stale, never in the way."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from audit import yaml_cache
from audit.rulebook import RulebookError, load_rules

TEXT = "rules:\n  - id: Z1\n    name: made-up\n    tags: [a, b]\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("BUDGET_AUDIT_NO_CACHE", raising=False)
    monkeypatch.setenv("BUDGET_AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_second_load_comes_from_the_cache(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = yaml_cache.load_cached(TEXT)
    assert first == {"rules": [{"id": "Z1", "name": "made-up", "tags": ["a", "b"]}]}
    assert len(list(folder.glob("*.json"))) == 1

    def no_parse(text: str) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(yaml_cache, "parse_yaml", no_parse)
    assert yaml_cache.load_cached(TEXT) == first


def test_changed_text_is_parsed_again(folder: Path) -> None:
    yaml_cache.load_cached(TEXT)
    changed = yaml_cache.load_cached(TEXT.replace("Z1", "Z2"))
    assert changed["rules"][0]["id"] == "Z2"
    assert len(list(folder.glob("*.json"))) == 2


def test_damaged_entry_is_replaced(folder: Path) -> None:
    yaml_cache.load_cached(TEXT)
    (entry,) = folder.glob("*.json")
    entry.write_text('{"rules": [', encoding="utf-8")
    assert yaml_cache.load_cached(TEXT)["rules"][0]["id"] == "Z1"
    assert entry.read_text(encoding="utf-8").startswith('{"rules":[')


def test_data_json_cannot_keep_is_not_stored(folder: Path) -> None:
    data = yaml_cache.load_cached("2023: a\n2024: b\n")
    assert data == {2023: "a", 2024: "b"}
    assert not list(folder.glob("*.json"))


def test_switched_off(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUDGET_AUDIT_NO_CACHE", "1")
    assert yaml_cache.load_cached(TEXT)["rules"][0]["id"] == "Z1"
    assert not folder.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_unwritable_folder_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    monkeypatch.setenv("BUDGET_AUDIT_CACHE_DIR", str(locked / "cache"))
    assert yaml_cache.load_cached(TEXT)["rules"][0]["id"] == "Z1"


def test_folder_that_is_a_file_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("BUDGET_AUDIT_CACHE_DIR", str(blocker))
    assert yaml_cache.load_cached(TEXT)["rules"][0]["id"] == "Z1"


def test_rules_load_the_same_cached_or_not(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed = load_rules()
    cached = load_rules()
    monkeypatch.setenv("BUDGET_AUDIT_NO_CACHE", "1")
    plain = load_rules()
    assert parsed == cached == plain
    assert list(folder.glob("*.json"))


def test_invalid_rule_file_still_says_so(folder: Path, tmp_path: Path) -> None:
    bad = tmp_path / "local.yaml"
    bad.write_text("rules: [\n", encoding="utf-8")
    with pytest.raises(RulebookError, match="not valid YAML"):
        load_rules([str(bad)])
