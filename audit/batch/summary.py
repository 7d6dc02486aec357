"""The summary a fiscal bureau works from: one row per report, worst first, and rule frequencies.

Built with pandas (imported here, lazily, so a plain `check` never pays for it). Columns have
stable English keys; the words shown to people come from HEADERS in the chosen language. The
order puts what must go back first: reports that could not be checked at all, then reports with
errors, most errors first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit.batch.record import OUTCOME_RANK
from audit.batch.run import BatchOutcome

if TYPE_CHECKING:
    import pandas as pd

REPORT_COLUMNS = ["department", "year", "kind", "file", "status", "outcome", "reason", "errors", "warnings", "infos",
                  "figures", "tables", "tables_missing", "checks", "top_rules", "seconds"]
RULE_COLUMNS = ["rule", "severity", "title", "reports", "share", "findings"]
HEADERS = {
    "zh": {"department": "部门/单位", "year": "年度", "file": "文件", "status": "状态", "outcome": "结果",
           "reason": "原因", "errors": "错误", "warnings": "警告", "infos": "提示", "figures": "提取数字",
           "checks": "检查次数", "top_rules": "主要规则", "seconds": "耗时(秒)", "rule": "规则",
           "kind": "报告类别", "tables": "读取表格", "tables_missing": "未读取的表",
           "severity": "级别", "title": "说明", "reports": "涉及报告数", "share": "占报告比例(%)",
           "findings": "问题数"},
    "en": {k: k for k in REPORT_COLUMNS + RULE_COLUMNS},
}
OUTCOMES = {
    "zh": {"checked": "已检查", "unreadable": "无法读取", "timeout": "超时", "crashed": "崩溃", "not_checked": "未检查"},
    "en": {k: k for k in ("checked", "unreadable", "timeout", "crashed", "not_checked")},
}
SHEETS = {"zh": ("报告", "规则频次"), "en": ("reports", "rules")}


def reports_frame(outcome: BatchOutcome) -> pd.DataFrame:
    import pandas as pd

    frame = pd.DataFrame(outcome.rows, columns=["index", *REPORT_COLUMNS, "kind_en"])
    frame["year"] = frame["year"].astype("Int64")
    frame["_rank"] = frame["outcome"].map(OUTCOME_RANK)
    frame = frame.sort_values(["_rank", "errors", "warnings", "infos", "file"],
                              ascending=[True, False, False, False, True], kind="stable")
    return frame.drop(columns="_rank").reset_index(drop=True)


def rules_frame(outcome: BatchOutcome) -> pd.DataFrame:
    """How many reports break each rule — the mistakes common across departments."""
    import pandas as pd

    hits = pd.DataFrame(outcome.rule_hits, columns=["index", "rule", "findings"])
    if hits.empty:
        return pd.DataFrame(columns=RULE_COLUMNS)
    table = hits.groupby("rule").agg(reports=("index", "nunique"), findings=("findings", "sum")).reset_index()
    checked = max(1, sum(1 for r in outcome.rows if r["outcome"] == "checked"))
    table["share"] = (table["reports"] * 100 / checked).round(1)
    table["severity"] = table["rule"].map(lambda r: outcome.rules[r][0])
    table["title"] = table["rule"].map(lambda r: outcome.rules[r][1])
    rank = table["severity"].map({"error": 0, "warning": 1, "info": 2})
    table = table.assign(_rank=rank).sort_values(["reports", "_rank", "rule"], ascending=[False, True, True])
    return table[RULE_COLUMNS].reset_index(drop=True)


def localised(reports: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The reports table with the kind of report in `lang` (部门决算 / department final accounts)."""
    shown = reports.copy()
    if lang == "en":
        shown["kind"] = shown["kind_en"]
    return shown.drop(columns="kind_en")


def for_people(reports: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The reports table as people read it: outcome in their language, headers translated."""
    shown = localised(reports, lang)[REPORT_COLUMNS].copy()
    shown["outcome"] = shown["outcome"].map(OUTCOMES.get(lang, OUTCOMES["zh"]))
    return shown.rename(columns=HEADERS.get(lang, HEADERS["zh"]))


def write_xlsx(path: str, reports: pd.DataFrame, rules: pd.DataFrame, lang: str = "zh") -> None:
    """One sheet each, header frozen and auto-filtered, so the bureau can sort and filter at once."""
    import pandas as pd
    from openpyxl.utils import get_column_letter

    names = SHEETS.get(lang, SHEETS["zh"])
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for frame, sheet in ((for_people(reports, lang), names[0]),
                             (rules.rename(columns=HEADERS.get(lang, HEADERS["zh"])), names[1])):
            frame.to_excel(writer, sheet_name=sheet, index=False)
            ws = writer.sheets[sheet]
            ws.auto_filter.ref = ws.dimensions
            ws.freeze_panes = "A2"
            for i, column in enumerate(frame.columns, start=1):
                longest = max([len(str(v)) for v in frame[column].head(200)] + [len(str(column)) + 2])
                ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest * 1.6))


def write_csv(path: str, reports: pd.DataFrame, rules: pd.DataFrame, lang: str = "zh") -> str:
    """The reports table at `path`, the rule table beside it as `<stem>.rules.csv`; UTF-8 with BOM
    because that is what makes Excel on Chinese Windows read the names correctly."""
    headers = HEADERS.get(lang, HEADERS["zh"])
    for_people(reports, lang).to_csv(path, index=False, encoding="utf-8-sig")
    rules_path = rules_csv_path(path)
    rules.rename(columns=headers).to_csv(rules_path, index=False, encoding="utf-8-sig")
    return rules_path


def rules_csv_path(path: str) -> str:
    stem = path[:-4] if path.lower().endswith(".csv") else path
    return f"{stem}.rules.csv"


def write_summary(path: str, reports: pd.DataFrame, rules: pd.DataFrame, lang: str = "zh") -> list[str]:
    """By suffix: .xlsx → a workbook, anything else → CSV. Returns the files written."""
    if path.lower().endswith((".xlsx", ".xlsm")):
        write_xlsx(path, reports, rules, lang)
        return [path]
    return [path, write_csv(path, reports, rules, lang)]
