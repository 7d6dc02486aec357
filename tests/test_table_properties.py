"""Properties of the table rules on generated accounts.

Accounts are generated with true values of four decimals and printed to two, the way the
final-accounts software prints them: every cell is rounded on its own, so printed subtotals
differ from the sum of printed items by what rounding explains (the 2940.06 / 2940.05 of real
reports). Such tables must give no error. Moving any one printed cell by a whole unit or more
must give an error or warning located on that cell.

The same three properties hold for whole reports drawn in every layout the builder knows (PDF
and text copies): generated accounts give no error and no doubt, one changed cell is caught on
that cell, and amounts shifted against their labels give the one shift finding (T191 in a PDF,
the T190 doubt in a text copy) and nothing else from the tables.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from fixtures.pdf_builder import ITEMS, Accounts, Change, Item, Report, Variant, build_report
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.examples import example_document
from audit.pipeline import check_document
from audit.readers import read_document
from audit.rulebook import load_rules

RULES = load_rules()
CLASSES = [("201", "一般公共服务支出"), ("208", "社会保障和就业支出"), ("210", "卫生健康支出"), ("221", "住房保障支出")]
CENT = Decimal("0.01")


def printed(value: Decimal) -> str:
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"


amounts = st.integers(min_value=0, max_value=5_000_000).map(lambda n: Decimal(n) / 10_000)  # 0 … 500.0000
item = st.tuples(amounts, amounts)  # (basic, project) true values


@st.composite
def accounts(draw: st.DrawFn) -> dict:
    """{class code: {款 code: [(basic, project) per 项]}} with at least one class."""
    n_classes = draw(st.integers(min_value=1, max_value=4))
    tree = {}
    for code, _ in CLASSES[:n_classes]:
        sections = {}
        for k in range(draw(st.integers(min_value=1, max_value=2))):
            sections[f"{code}{k + 1:02d}"] = draw(st.lists(item, min_size=1, max_size=3))
        tree[code] = sections
    return tree


def tables(tree: dict) -> list[dict]:
    names = dict(CLASSES)
    coded, t1, t4 = [], [], []
    grand = [Decimal(0), Decimal(0)]
    for cls, sections in tree.items():
        c_sum = [Decimal(0), Decimal(0)]
        rows = []
        for kuan, items in sections.items():
            k_sum = [sum(b for b, _ in items), sum(p for _, p in items)]
            rows.append((kuan, f"款{kuan}", k_sum))
            for i, (b, p) in enumerate(items, start=1):
                rows.append((f"{kuan}{i:02d}", f"项{kuan}{i:02d}", [b, p]))
            c_sum = [c_sum[0] + k_sum[0], c_sum[1] + k_sum[1]]
        coded.append((cls, names[cls], c_sum))
        coded.extend(rows)
        grand = [grand[0] + c_sum[0], grand[1] + c_sum[1]]
        total = c_sum[0] + c_sum[1]
        t1.append({"section": "支出", "label": names[cls], "cells": {"决算数": printed(total)}})
        t4.append({"section": "支出", "label": names[cls], "cells": {"合计": printed(total), "一般公共预算财政拨款": printed(total)}})
    everything = grand[0] + grand[1]

    def row(code: str | None, label: str, pair: list[Decimal], total: str, basic: str, project: str) -> dict:
        return {"code": code, "label": label, "cells": {total: printed(pair[0] + pair[1]), basic: printed(pair[0]),
                                                        project: printed(pair[1])}}

    t3 = [row(c, n, v, "本年支出合计", "基本支出", "项目支出") for c, n, v in coded]
    t3.insert(0, row(None, "合计", grand, "本年支出合计", "基本支出", "项目支出"))
    t5 = [row(c, n, v, "合计", "基本支出", "项目支出") for c, n, v in coded]
    t5.append(row(None, "合计", grand, "合计", "基本支出", "项目支出"))
    t1 += [{"section": "支出", "label": "本年支出合计", "cells": {"决算数": printed(everything)}},
           {"section": "支出", "label": "总计", "cells": {"决算数": printed(everything)}},
           {"section": "收入", "label": "一、一般公共预算财政拨款收入", "cells": {"决算数": printed(everything)}},
           {"section": "收入", "label": "本年收入合计", "cells": {"决算数": printed(everything)}},
           {"section": "收入", "label": "总计", "cells": {"决算数": printed(everything)}}]
    t4 += [{"section": "支出", "label": "本年支出合计", "cells": {"合计": printed(everything), "一般公共预算财政拨款": printed(everything)}}]
    return [{"id": "T1", "rows": t1}, {"id": "T3", "rows": t3}, {"id": "T4", "rows": t4}, {"id": "T5", "rows": t5}]


def findings(spec: list[dict]) -> list:
    return check_document(example_document({"tables": spec}), RULES).findings


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(accounts())
def test_consistent_rounded_tables_give_no_error(tree: dict) -> None:
    errors = [(f.rule, f.message) for f in findings(tables(tree)) if f.severity == "error"]
    assert not errors


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(accounts(), st.data())
def test_one_moved_cell_is_caught_on_that_cell(tree: dict, data: st.DataObject) -> None:
    spec = tables(tree)
    table = data.draw(st.sampled_from(spec))
    row = data.draw(st.sampled_from(table["rows"]))
    column = data.draw(st.sampled_from(sorted(row["cells"])))
    delta = data.draw(st.integers(min_value=100, max_value=100_000).map(lambda n: Decimal(n) / 100))
    old = Decimal(row["cells"][column].replace(",", ""))
    row["cells"][column] = printed(old + delta)
    label = f"{row['section']}:{row['label']}" if row.get("section") else row["label"]
    hits = [f for f in findings(spec) if f.severity in {"error", "warning"}
            and any(loc.cell and loc.cell.row == label and loc.cell.column == column for loc in f.locations)]
    assert hits, (table["id"], label, column)


# ---------------------------------------------------------------------------------------------
# The nine tables drawn in every layout (tests/fixtures/pdf_builder.py), read back and checked.
# ---------------------------------------------------------------------------------------------

LAYOUTS = [
    Variant("shanghai"),
    Variant("joined-total-first", codes="joined", total_first=("T2", "T3", "T5"), numbering="一、"),
    Variant("yuan-centred-narrow", unit="元", align="centre", narrow=True, thousands=False),
    Variant("no-repeated-header", long=True, repeat_header=False),
    Variant("pdftotext", text="char"),
    Variant("editor-narrow", text="display", narrow=True, codes="joined"),
]
LAYOUT = st.sampled_from(LAYOUTS)
FEN = st.integers(min_value=0, max_value=3_000_000)


@st.composite
def drawn_accounts(draw: st.DrawFn) -> Accounts:
    """Every 项 of the builder with generated fen amounts; offsets keep rows distinct, and a
    項 always has some 一般公共预算 money (the narrative divides by it)."""
    items = []
    for i, (code, name, *_) in enumerate(ITEMS):
        basic = draw(FEN) + 1_000 * (i + 1)
        items.append(Item(code, name, basic, draw(FEN) // 3, draw(st.integers(min_value=0, max_value=50_000))))
    return Accounts(items)


def _check(variant: Variant, acc: Accounts, path: Path, change: Change | None = None) -> tuple[Report, list]:
    report = build_report(variant, path, change, acc)
    return report, check_document(read_document(str(path)), RULES).findings


def _path(tmp: Path, variant: Variant, name: str) -> Path:
    return tmp / f"{variant.name}-{name}{'.txt' if variant.text else '.pdf'}"


@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(acc=drawn_accounts(), variant=LAYOUT)
def test_consistent_nine_tables_give_no_error_on_any_layout(acc: Accounts, variant: Variant, tmp_path: Path) -> None:
    _, found = _check(variant, acc, _path(tmp_path, variant, "ok"))
    assert not [(f.rule, f.message) for f in found if f.severity == "error"]
    assert not [f.message for f in found if f.rule in {"T190", "T191"}]


@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(acc=drawn_accounts(), variant=LAYOUT, data=st.data())
def test_one_changed_cell_is_caught_on_that_cell_on_any_layout(
    acc: Accounts, variant: Variant, data: st.DataObject, tmp_path: Path
) -> None:
    report = build_report(variant, _path(tmp_path, variant, "ok"), acc=acc)
    keys = sorted(k for k in report.cells if k[0] in {"T2", "T3", "T5"})
    table_id, section, row, column = data.draw(st.sampled_from(keys))
    before = report.cells[(table_id, section, row, column)]
    step = Decimal(10_000 if variant.unit == "元" else 1) * data.draw(st.integers(min_value=1, max_value=500))
    value = Decimal(before.text.replace(",", "")) + step
    text = f"{value:,.2f}" if "," in before.text else f"{value:.2f}"
    _, found = _check(variant, acc, _path(tmp_path, variant, "changed"), Change(table_id, row, column, text, section))
    hits = [f for f in found if f.severity in {"error", "warning"} and any(
        loc.cell and loc.cell.column == column and loc.text == text for loc in f.locations)]
    assert hits, (variant.name, table_id, row, column, text, [(f.rule, f.message) for f in found if f.severity != "info"])


@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(acc=drawn_accounts(), variant=LAYOUT, table_id=st.sampled_from(["T3", "T5"]),
       k=st.sampled_from([1, 2, -1, -2]))
def test_labels_shifted_against_amounts_give_the_one_shift_finding(
    acc: Accounts, variant: Variant, table_id: str, k: int, tmp_path: Path
) -> None:
    shifted = replace(variant, shift=(table_id, k))
    _, found = _check(shifted, acc, _path(tmp_path, shifted, "shifted"))
    tables = [(f.rule, f.severity) for f in found if f.severity in {"error", "warning"}
              and f.rule.startswith(("T", "X", "N1"))]
    # A PDF proves the document prints them shifted; a text copy may have shifted them itself.
    assert tables == [("T190", "warning")] if variant.text else [("T191", "error")], \
        [(f.rule, f.message) for f in found if f.severity != "info"]
