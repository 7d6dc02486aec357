"""Turn the lines a table title claims (on its page and continuation pages) into a Table.

Each page chunk is split into header and body; columns come from the header (or, on a
continuation page without a repeated header, from the previous page), and side-by-side tables
(T1, T4, T6) are cut into their two halves before rows are built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from audit.document import Table, TableDoubt, TableRow
from audit.readers.budget_titles import PART_ENDS, ROW_LABEL
from audit.readers.pdf_header import Column, find_columns, stack_cells
from audit.readers.pdf_layout import AMOUNT_RE, CODE_RE, Frag, VLine
from audit.readers.pdf_rows import MARKER_RE, Tally, build_rows
from audit.readers.pdf_titles import COLUMNS, SECTIONS, header_vocabulary, is_structural, norm

# Total rows share words with headers; on a data baseline they are rows.
_ROW_WORDS = {"合计", "小计", "总计", "合", "计"}  # also spaced out: "合  计"
_CODE_HEADS = {"类", "款", "项"}
_UNIT_RE = re.compile(r"^单位[：:]\s*(万元|元|千元)?")
_EMPTY_RE = re.compile(r"无数据|没有|本表为空|无.{0,30}(收入|支出|收支)")  # 本部门无相关收支项目


@dataclass
class TableBuilder:
    """Collects a table's lines page by page; `finish` does the geometry once all are known."""

    table_id: str
    title: str
    page: int
    chunks: list[tuple[int, list[VLine]]] = field(default_factory=list)
    note: str | None = None
    tally: Tally = field(default_factory=Tally)
    ordered: bool = False  # text copies: amounts placed in order (see Tally.ordered)

    def add(self, page: int, line: VLine) -> None:
        if self.chunks and self.chunks[-1][0] == page:
            self.chunks[-1][1].append(line)
        else:
            self.chunks.append((page, [line]))

    def finish(self) -> Table:
        names = SECTIONS.get(self.table_id, (None,))
        by_section: dict[str | None, list[TableRow]] = {n: [] for n in names}
        cols: list[Column] = []
        boundary: list[float] | None = None
        wrap: dict[str | None, float] = {}
        fallback = ROW_LABEL.get(self.table_id, "“三公”经费")
        tally = self.tally = Tally(ordered=self.ordered, refit=self.table_id.startswith("Y"))
        unit = "万元"
        for page, lines in self.chunks:
            unit = next((u for ln in lines if (u := _unit(ln))), None) or unit
            lines = [ln for ln in lines if not _unit(ln)]
            head_frags, body_frags = self._split(lines, first=page == self.page)
            cols = find_columns(self.table_id, head_frags) or cols
            tally.columns.update(c.name for c in cols)
            if self.table_id not in ROW_LABEL:
                fallback = _t7_label(head_frags) or fallback
            if len(names) >= 2 and (boundary is None or self.ordered):
                # Text copies shift columns from page to page: the edge is found again on each.
                boundary = _boundaries(cols, body_frags, len(names)) or boundary
            for name, frags, section_cols in _split_sections(names, boundary, body_frags, cols, self.ordered):
                rows, wrap[name] = build_rows(
                    frags, section_cols, page, name, fallback, wrap.get(name, 0.0), tally
                )
                by_section[name].extend(rows)
        rows = [r for n in names for r in by_section[n]]
        empty_note = None
        if self.note and _EMPTY_RE.search(self.note):
            rows = [r for r in rows if r.cells]
            empty_note = self.note
        return Table(
            title=self.title, rows=rows, table_id=self.table_id, page=self.page, empty_note=empty_note,
            doubts=_header_doubt(self.table_id, tally) + doubts(tally), unit=unit,
        )

    def _split(self, lines: list[VLine], first: bool) -> tuple[list[Frag], list[Frag]]:
        """Header and body fragments.

        On the title page the header ends where the first number, code or row marker appears;
        header words printed on that same baseline (类 款 项 beside a number) stay header, and a
        wrapped first label just above it stays body. On a continuation page only leading lines
        made of header words are a (repeated) header.
        """
        vocab = header_vocabulary(self.table_id)
        frags = [f for ln in lines for f in ln.frags]
        if not first:
            # A header cell may join two words ("支出功能分类科目编码"): structural words count too.
            i = next(
                (
                    k
                    for k, ln in enumerate(lines)
                    if not all(norm(f.text) in vocab or is_structural(f.text) for f in ln.frags)
                ),
                len(lines),
            )
            # Pieces of header words alone (the tail 出 of a label wrapped over the page break)
            # are no repeated header: one has at least one whole header word.
            words = set(vocab.split("|"))
            if not any(norm(f.text) in words or is_structural(f.text) for ln in lines[:i] for f in ln.frags):
                i = 0
            return [f for ln in lines[:i] for f in ln.frags], [f for ln in lines[i:] for f in ln.frags]
        data = [ln.y for ln in lines if _is_data(ln)]
        if not data:
            return frags, []
        top = min(data)
        head = [
            f
            for f in frags
            if f.y < top - (0.1 if self.ordered else 0.75 * f.size)
            or (
                f.y <= top + 2
                and norm(f.text) in vocab
                and norm(f.text) not in _ROW_WORDS
                and not _is_data_frag(f)
            )
        ]
        # The 类 款 项 line under 科目编码 can come after the first numbers in a text copy.
        for ln in lines:
            if len(ln.frags) > 1 and all(f.text in _CODE_HEADS for f in ln.frags):
                head += [f for f in ln.frags if f not in head]
        ids = {id(f) for f in head}
        return head, [f for f in frags if id(f) not in ids]


def doubts(tally: Tally) -> list[TableDoubt]:
    """Reasons from the geometry: amounts off every header column, crowded rows, or rows with
    blank cells in a text copy that keeps no column positions (which cell is blank is unknown).

    A few amounts just outside a narrow header box are normal (a right-aligned number wider than
    its header word); beyond a fifth of them, columns and headers do not line up.
    """
    out = []
    if len(tally.outside) > max(2, tally.amounts // 5):
        out.append(TableDoubt("columns", f"{len(tally.outside)}/{tally.amounts}",
                              tuple(dict.fromkeys(label for label, _ in tally.outside))))
    if tally.crowded:
        out.append(TableDoubt("amounts", str(len(tally.crowded)), tuple(dict.fromkeys(tally.crowded))))
    if tally.unaligned and tally.short:
        out.append(TableDoubt("short", str(len(tally.short)), tuple(dict.fromkeys(tally.short))))
    return out


def _header_doubt(table_id: str, tally: Tally) -> list[TableDoubt]:
    """Most amount columns under headers that are none of the table's own: the header was misread
    (words of several cells run together), so no cell can be named."""
    if table_id == "T7" or not tally.amounts:
        return []
    known = set(COLUMNS.get(table_id, {}).values())
    unknown = sorted(n for n in tally.columns if n not in known)
    if len(unknown) > len(tally.columns) - len(unknown):
        return [TableDoubt("header", "、".join(unknown), tuple(unknown))]
    return []


def _is_data_frag(f: Frag) -> bool:
    return bool(AMOUNT_RE.match(f.text) or CODE_RE.match(f.text) or MARKER_RE.match(f.text))


def _is_data(ln: VLine) -> bool:
    return any(_is_data_frag(f) for f in ln.frags)


def _unit(ln: VLine) -> str | None:
    """The unit of a `单位：万元` / `单位：元` line (None when the line is not one)."""
    for f in ln.frags:
        m = _UNIT_RE.match(f.text.replace(" ", "").replace("\u3000", ""))
        if m:
            return m.group(1) or "万元"
    return None


def _t7_label(frags: list[Frag]) -> str | None:
    for cell in stack_cells(frags):
        text = "".join(f.text for f in cell)
        if norm(text).endswith("三公经费"):
            return text
    return None


def _boundaries(cols: list[Column], body: list[Frag], parts: int) -> list[float] | None:
    """Left edges of the parts after the first: each part's leftmost label or code right of the
    amount column that ends the part before (决算数 in the final accounts, 预算数 in the Shanghai
    budget's 收支 tables; a Jiangsu budget part prints
    `项目名称 | 金额`, so its k-th 金额 column ends part k). A table with fewer such columns than
    its id's parts has fewer parts (the sets print the same table with two or three)."""
    ends = [c for c in cols if c.name in ("决算数", "预算数")][:1] or sorted(
        (c for c in cols if c.name in PART_ENDS), key=lambda c: c.x0)[: parts - 1]
    if not ends:
        return None
    edges: list[float] = []
    for left in ends:
        # Amounts are not edges: a wide number of the left half may overhang its header to the right.
        xs = [f.x0 for f in body if (f.x0 > left.x1 + 2 and (CODE_RE.match(f.text) or not AMOUNT_RE.match(f.text)))
              or (f.x0 > left.xc and not AMOUNT_RE.match(f.text))]
        if not xs:
            return None
        edges.append(min(xs) - 1)
    return edges


def _split_sections(
    names: tuple[str | None, ...], boundary: list[float] | None, frags: list[Frag], cols: list[Column],
    ordered: bool = False,
) -> list[tuple[str | None, list[Frag], list[Column]]]:
    if len(names) == 1 or not boundary:
        return [(names[0], frags, cols)]
    if len(boundary) > 1:
        return _split_parts(names[: len(boundary) + 1], boundary, frags, cols)
    b = boundary[0]
    right = {id(f) for f in frags if f.xc >= b}
    if ordered:  # a text copy may print a right-half code left of the edge: it goes with its name
        right |= {id(f) for f in frags if CODE_RE.match(f.text) and _named_right(f, frags, b)}
    return [
        (names[0], [f for f in frags if id(f) not in right], [c for c in cols if c.xc < b]),
        (names[1], [f for f in frags if id(f) in right], [c for c in cols if c.xc >= b]),
    ]


def _named_right(code: Frag, frags: list[Frag], edge: float) -> bool:
    """The next fragment on the code's line — or, for a code alone on its line, on the line just
    above or below (a name wrapped around it) — is a name right of the halves' edge."""
    same = [f for f in frags if f.y == code.y and f is not code]
    near = same or [f for f in frags if 0 < abs(f.y - code.y) <= 0.6 * code.size]
    after = [f for f in near if f.x0 >= code.x1]
    nxt = min(after, key=lambda f: f.x0, default=None)
    return bool(nxt and nxt.xc >= edge and not AMOUNT_RE.match(nxt.text) and nxt.x0 - code.x1 <= 6 * code.size)


def _split_parts(
    names: tuple[str | None, ...], edges: list[float], frags: list[Frag], cols: list[Column],
) -> list[tuple[str | None, list[Frag], list[Column]]]:
    """More than two parts side by side (Jiangsu 收支预算总表: 收入 | 支出 by 功能 | 支出 by 用途).

    The closing rows of such a table span two parts: 当年支出小计 is printed under the 功能 names
    and its amount in the last part's column. An amount with no label of its own part near its
    baseline (within 1.5 em: a wrapped label sits around its amount) but one of the part before
    on it goes with that label, and that part gets the column.
    """
    def part(x: float) -> int:
        return sum(1 for e in edges if x >= e)

    by_part: list[list[Frag]] = [[] for _ in names]
    for f in frags:
        by_part[part(f.xc)].append(f)
    part_cols = [[c for c in cols if part(c.xc) == k] for k in range(len(names))]
    for k in range(len(names) - 1, 0, -1):
        for f in [f for f in by_part[k] if AMOUNT_RE.match(f.text) and not CODE_RE.match(f.text)]:
            def near(g: Frag, reach: float, f: Frag = f) -> bool:
                return abs(g.y - f.y) <= reach * f.size and not AMOUNT_RE.match(g.text)
            # A label of its own part wrapped around it (三、单位预留机动经 / 费) keeps it there.
            if not any(near(g, 1.5) for g in by_part[k]) and any(near(g, 0.6) for g in by_part[k - 1]):
                by_part[k].remove(f)
                by_part[k - 1].append(f)
                part_cols[k - 1] = sorted({*part_cols[k - 1], *part_cols[k]}, key=lambda c: c.x0)
    return list(zip(names, by_part, part_cols, strict=True))
