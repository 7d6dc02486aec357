"""Figures files (.csv / .json / .yaml / .xlsx written by `budget-audit extract`) → Document.

The file may have been edited by a person, so it is validated strictly and completely: every
problem is reported with its row (the CSV line or Excel row a person sees, or the record number
in JSON/YAML), all of them at once, and a file with any problem is not checked at all — checking
what is left after dropping bad rows would give findings about a report nobody wrote.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from audit.document import Document, UnreadableDocument
from audit.facts import ClaimInfo
from audit.figures_io import BOOL_COLUMNS, COLUMNS, DISPLAY_ONLY, INT_COLUMNS
from audit.model import CellRef, Figure, Location
from audit.numbers import parse_number

__all__ = ["parse_records", "read_figures", "sheet_records"]

REQUIRED = ("concept", "value", "unit", "measure", "period", "path")
MEASURES = {"amount", "share", "change", "change_rate", "exec_rate", "count", "weight", "score", "target", "achieved"}
PERIODS = {"current", "prior", "budget"}
# Concepts extraction makes up as it reads: classification paths, sentence-local names, table
# cells (T3:2010601:基本支出) and performance-table cells.
DYNAMIC = re.compile(r"^(科目|claim|绩效|T[1-9]|X\d+):.")
_TRUE, _FALSE = {"true", "1", "yes", "是"}, {"false", "0", "no", "否"}
_MAX_ERRORS = 20


def read_figures(path: str) -> Document:
    suffix = Path(path).suffix.lower()
    try:
        if suffix in {".xlsx", ".xlsm"}:
            records, first = _xlsx_records(path), 2
        else:
            text = Path(path).read_bytes().decode("utf-8-sig")
            records, first = _text_records(text, suffix), (2 if suffix == ".csv" else 1)
    except UnreadableDocument:
        raise
    except UnicodeDecodeError as exc:
        raise UnreadableDocument("数字清单不是 UTF-8 编码 (figures file is not UTF-8)") from exc
    except OSError as exc:
        raise UnreadableDocument(f"无法读取文件 (cannot read file): {exc.strerror or exc}") from exc
    return parse_records(path, records, first)


def _text_records(text: str, suffix: str) -> list[dict[str, Any]]:
    if not text.strip():
        raise UnreadableDocument("文件为空 (empty file)")
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        rows = list(reader)
        extra = [i for i, r in enumerate(rows, start=2) if None in r]
        if extra:
            raise UnreadableDocument(f"数字清单第 {extra[0]} 行的字段多于表头 (row {extra[0]}: more fields than the header)")
        return [{k: v for k, v in r.items()} for r in rows] if rows or reader.fieldnames else []
    try:
        if suffix == ".json":
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except (ValueError, ImportError, Exception) as exc:
        raise UnreadableDocument(f"数字清单格式错误 (malformed {suffix[1:]} figures file): {exc}") from exc
    if isinstance(data, dict) and isinstance(data.get("figures"), list):
        data = data["figures"]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise UnreadableDocument("数字清单应为记录列表或 {figures: [...]} (expected a list of figure records)")
    return data


def _xlsx_records(path: str) -> list[dict[str, Any]]:
    from audit.readers.office_vet import vet
    from audit.readers.xlsx import workbook_grids

    grids = workbook_grids(path, vet(path, "xlsx"))
    if not grids or not grids[0][1]:
        raise UnreadableDocument("文件为空 (empty workbook)")
    return sheet_records(grids[0][1])


def sheet_records(rows: list) -> list[dict[str, Any]]:
    """Records of a figures sheet: the first row names the columns."""
    head = [c.text for c in rows[0]]
    return [{h: c.text for h, c in zip(head, r, strict=False) if h} for r in rows[1:] if any(c.text for c in r)]


def parse_records(path: str, records: list[dict[str, Any]], first: int = 1) -> Document:
    """Validate every record and build the Document; `first` is the row number of records[0]."""
    if not records:
        raise UnreadableDocument("数字清单中没有任何数字 (figures file has no rows)")
    names = set().union(*(r.keys() for r in records))
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise UnreadableDocument(f"数字清单缺少列 (missing column): {', '.join(missing)}")
    unknown = sorted(str(c) for c in names if c not in COLUMNS)
    if unknown:
        raise UnreadableDocument(f"数字清单有未知的列 (unknown column): {', '.join(unknown)}")
    documents = sorted({str(r.get("document")) for r in records if not _empty(r.get("document"))})
    if len(documents) > 1:
        raise UnreadableDocument(f"数字清单包含多份报告，请每份报告一个文件 (figures of several reports: {'; '.join(documents)})")
    errors: list[str] = []
    parsed: list[tuple[int, dict[str, Any]]] = []
    for n, rec in enumerate(records, start=first):
        row, problems = _clean(rec)
        errors += [f"第 {n} 行 (row {n}): {p}" for p in problems]
        parsed.append((n, row))
    if not errors:
        return _build(path, parsed, errors)
    raise UnreadableDocument(_summary(errors))


def _summary(errors: list[str]) -> str:
    more = f"\n…另有 {len(errors) - _MAX_ERRORS} 处 (and {len(errors) - _MAX_ERRORS} more)" if len(errors) > _MAX_ERRORS else ""
    return "数字清单有误，未检查 (figures file rejected):\n" + "\n".join(errors[:_MAX_ERRORS]) + more


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (isinstance(v, float) and v != v)


def _clean(rec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Typed values of one record, and what is wrong with it."""
    from audit.vocabulary import default_vocabulary

    out: dict[str, Any] = {}
    problems: list[str] = []
    for col in COLUMNS:
        v = rec.get(col)
        if col in DISPLAY_ONLY or _empty(v):
            out[col] = None
        elif col in INT_COLUMNS:
            try:
                out[col] = int(str(v).strip().removesuffix(".0"))
            except ValueError:
                problems.append(f"{col} 应为整数 (must be an integer): {v!r}")
        elif col in BOOL_COLUMNS:
            s = str(v).strip().lower()
            if s not in _TRUE | _FALSE:
                problems.append(f"{col} 应为 true/false: {v!r}")
            out[col] = s in _TRUE
        else:
            out[col] = str(v) if col != "value" else str(v).strip()
    for col in ("concept", "value", "measure", "period", "path"):
        if out.get(col) is None:
            problems.append(f"{col} 为空 (empty {col})")
    concept = out.get("concept")
    if concept and concept not in default_vocabulary().kinds and not DYNAMIC.match(concept):
        problems.append(f"未知的概念 (unknown concept): {concept!r}")
    value = out.get("value")
    if value is not None:
        number = parse_number(value)
        if number is None:
            problems.append(f"value 不是数字 (not a number): {value!r}")
        else:
            out["value"] = number
    if out.get("measure") and out["measure"] not in MEASURES:
        problems.append(f"未知的 measure (unknown measure): {out['measure']!r}")
    if out.get("period") and out["period"] not in PERIODS:
        problems.append(f"未知的 period (unknown period): {out['period']!r}")
    if out.get("decimals") is not None and out["decimals"] < 0:
        problems.append(f"decimals 不能为负 (negative decimals): {out['decimals']}")
    if out.get("direction") not in (None, -1, 0, 1):
        problems.append(f"direction 应为 -1、0 或 1: {out['direction']}")
    if out.get("unit") is None:
        out["unit"] = ""
    return out, problems


def _build(path: str, parsed: list[tuple[int, dict[str, Any]]], errors: list[str]) -> Document:
    """Figures in index order, renumbered 0…n-1; parents and claims follow the renumbering."""
    rows = sorted(parsed, key=lambda p: (p[1]["index"] is None, p[1]["index"] if p[1]["index"] is not None else 0, p[0]))
    position: dict[int, int] = {}
    for i, (n, row) in enumerate(rows):
        if row["index"] is not None:
            if row["index"] in position:
                errors.append(f"第 {n} 行 (row {n}): index {row['index']} 重复 (duplicate index)")
            position[row["index"]] = i
    figures: list[Figure] = []
    parents: dict[int, int] = {}
    claims: dict[int, ClaimInfo] = {}
    for i, (n, row) in enumerate(rows):
        if row["parent"] is not None:
            if row["parent"] not in position:
                errors.append(f"第 {n} 行 (row {n}): parent {row['parent']} 没有对应的 index (no figure with that index)")
            else:
                parents[i] = position[row["parent"]]
        claim = row["claim"]
        if claim is not None and claim not in claims:
            claims[claim] = ClaimInfo(claim, row["claim_section"] or "", row["claim_text"] or "",
                                      row["claim_paragraph"] if row["claim_paragraph"] is not None else -1,
                                      row["claim_compare"], bool(row["claim_no_change"]), row["claim_lead"])
        figures.append(_figure(row, i))
    if errors:
        raise UnreadableDocument(_summary(errors))
    return Document(path=path, kind="figures", figures=figures, parents=parents, claims=claims)


def _figure(row: dict[str, Any], index: int) -> Figure:
    cell = None
    if any(row[k] is not None for k in ("cell_table", "cell_row", "cell_column")):
        cell = CellRef(row["cell_table"] or "", row["cell_row"] or "", row["cell_column"] or "")
    loc = Location(path=row["path"], page=row["page"], line=row["line"], column=row["column"],
                   end_column=row["end_column"], cell=cell, text=row["text"], paragraph=row["paragraph"],
                   ref=row["ref"])
    number = row["value"]
    return Figure(
        concept=row["concept"], value=number.value,
        decimals=row["decimals"] if row["decimals"] is not None else number.decimals, unit=row["unit"],
        location=loc, measure=row["measure"], period=row["period"], claim=row["claim"], role=row["role"],
        of=row["of"], direction=row["direction"], section=row["section"], source=row["source"] or "narrative",
        table=row["table"], code=row["code"], index=index,
    )
