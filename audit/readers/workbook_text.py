"""A workbook holding a report's text but none of the nine final-accounts tables, read as prose.

Budget templates and budget drafts travel as workbooks whose sheets are the report itself
(封面, 目录, 部门主要职能, 编制说明, the budget tables): refusing them as "no known table" hid the
placeholders and wording a reviewer checks first. Each sheet becomes a page and each row a line
(the texts of its cells, a merged range's text once), so wording rules (placeholders, template
alternatives, truncated sentences) see the text and place findings at sheet and row.

Only a workbook whose cover names it a report — a 部门/单位 预算/决算 title in the first rows of
its first sheets — is read this way; any other workbook stays unreadable with the reason the caller gives.
"""

from __future__ import annotations

import re

from audit.document import Line, Paragraph
from audit.readers.office_grid import Grid

# A cover title: "…2026年区级部门预算", "单位决算", "2024年度…决算"; not any mention of 决算.
REPORT_TITLE = re.compile(r"(部门|单位)\s*(预算|决算)|20\d{2}\s*年度?.{0,20}(预算|决算)\s*$")
TITLE_ROWS = 6
TITLE_SHEETS = 2


def workbook_paragraphs(grids: list[tuple[str, Grid]]) -> list[Paragraph]:
    """One paragraph per non-empty row; page = the sheet's position (1-based), line = the row."""
    out: list[Paragraph] = []
    for page, (_sheet, grid) in enumerate(grids, start=1):
        for r, row in enumerate(grid, start=1):
            # A cell's own line breaks become spaces: one row is one line, columns stay in place.
            texts = [" ".join(c.text.split("\n")).strip() for c in row if c.anchor and c.text and c.text.strip()]
            if texts:
                out.append(Paragraph([Line(" ".join(texts), line=r, page=page)]))
    return out


def names_a_report(grids: list[tuple[str, Grid]]) -> bool:
    """Whether the first rows of the first sheets (the cover) title the workbook a 预算 or 决算."""
    for _sheet, grid in grids[:TITLE_SHEETS]:
        for row in grid[:TITLE_ROWS]:
            if any(c.anchor and REPORT_TITLE.search(c.text) for c in row):
                return True
    return False
