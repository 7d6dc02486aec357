"""Cell figures are named the same whatever the layout the province prints."""

from __future__ import annotations

from audit.examples import example_document
from audit.extract import extract


def concepts(tables: list[dict]) -> dict[str, str]:
    facts = extract(example_document({"tables": tables}))
    return {f.concept: f.text for f in facts.figures if f.source == "table"}


def test_sangong_row_label_does_not_matter() -> None:
    a = concepts([{"id": "T7", "rows": [{"label": "财政拨款“三公”经费", "cells": {"决算数/公务接待费": "0.53"}}]}])
    b = concepts([{"id": "T7", "rows": [{"label": "一般公共预算财政拨款“三公”经费", "cells": {"决算数/公务接待费": "0.53"}}]}])
    assert a == b == {"T7:财政拨款三公经费:决算数.公务接待费": "0.53"}


def test_sangong_table_turned_round_matches_the_wide_one() -> None:
    """Anhui prints one row per item with 预算数 | 决算数 columns."""
    tall = concepts([{"id": "T7", "rows": [
        {"label": "合计", "cells": {"预算数": "3.00", "决算数": "1.71"}},
        {"label": "因公出国(境)费", "cells": {"决算数": "0.00"}},
        {"label": "公务用车购置及运行维护费", "cells": {"决算数": "1.18"}},
        {"label": "其中：公务用车运行维护费", "cells": {"决算数": "1.18"}},
        {"label": "公务接待费", "cells": {"决算数": "0.53"}}]}])
    wide = concepts([{"id": "T7", "rows": [{"label": "财政拨款“三公”经费", "cells": {
        "预算数/合计": "3.00", "决算数/合计": "1.71", "决算数/因公出国（境）费": "0.00",
        "决算数/公务用车购置及运行维护费": "1.18", "决算数/公务用车运行维护费": "1.18", "决算数/公务接待费": "0.53"}}]}])
    assert tall == wide


def test_side_by_side_halves_and_group_rows_are_kept_apart() -> None:
    got = concepts([{"id": "T4", "rows": [
        {"section": "收入", "label": "一、一般公共预算财政拨款", "cells": {"决算数": "100.00"}},
        {"section": "收入", "label": "年初财政拨款结转和结余", "cells": {"决算数": "3.00"}},
        {"section": "收入", "label": "一、一般公共预算财政拨款", "cells": {"决算数": "3.00"}},
        {"section": "支出", "label": "总计", "cells": {"合计": "103.00"}}]}])
    assert got == {"T4:收入|一般公共预算财政拨款:决算数": "100.00", "T4:收入|年初财政拨款结转和结余:决算数": "3.00",
                   "T4:收入|年初财政拨款结转和结余·一般公共预算财政拨款:决算数": "3.00", "T4:支出|总计:合计": "103.00"}
