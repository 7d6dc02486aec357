"""Paragraphs from content: each continuation, heading, table and furniture rule on made-up text.

Texts are read through the text reader (`text_rows` + `rebuild`), so the same rules hold for
text files, page texts and, through `pdf_narrative`, PDFs.
"""

from __future__ import annotations

import pytest
from fixtures.reflow import wrap

from audit.document import Document, Paragraph
from audit.extract import extract
from audit.extract.stream import Stream
from audit.readers.paragraphs import (
    by_characters,
    ends_sentence,
    first_token,
    heading_like,
    is_page_number,
    is_table_row,
    rebuild,
    starts_marker,
)
from audit.readers.text import text_rows

# Made-up paragraphs, hard-wrapped at 12 characters the way tests/fixtures/reflow.py wraps.
BODY = ("本年收入合计为一百二十万元，比上年增加了十万元，增长的主要原因是人员增加和工资调整。"
        "与上年相比支出总计减少了五万元，减少的主要原因是压缩了公用经费。")
NEXT = "本年支出合计一百二十万元，比上年增加了十万元，主要原因是人员增加。"
WRAPPED = wrap(f"（一）收入情况\n{BODY}\n（二）支出情况\n{NEXT}", 12)


def paras(text: str) -> list[str]:
    return ["|".join(ln.text for ln in p.lines) for p in rebuild(text_rows(text), by_characters)]


def joined(text: str) -> list[str]:
    return [s.replace("|", "") for s in paras(text)]


# ------------------------------------------------------------------ the small predicates

@pytest.mark.parametrize("text", ["收入增加。", "如下：", "原因是：”", "（见附表。）", "是否增加？", "合计；"])
def test_sentence_ends(text: str) -> None:
    assert ends_sentence(text)


@pytest.mark.parametrize("text", ["收入增加", "其中", "增长1.6%，", "“三公”"])
def test_sentence_goes_on(text: str) -> None:
    assert not ends_sentence(text)


@pytest.mark.parametrize("text", ["第一部分 概况", "一、收入", "（一）收入", "(二)支出", "1.收入", "1、收入", "(1)收入",
                                  "（2）支出", "　　3.统筹推进", "第三条 职责"])
def test_markers(text: str) -> None:
    assert starts_marker(text)


@pytest.mark.parametrize("text", ["1.5万元，增长", "2022年收入", "（类）120万元", "（项）。主要用于", "12.36万元"])
def test_not_markers(text: str) -> None:
    assert not starts_marker(text)


@pytest.mark.parametrize("text", ["- 13 -", "─ 13 ─", "—13—", "第13页", "第 13 页 共 20 页", "共20页 第13页", "13/20",
                                  "\f- 2 -"])
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["13", "2022", "13万元", "- 13万元 -", "第13项", "一、13"])
def test_not_decorated_page_numbers(text: str) -> None:
    assert not is_page_number(text)


@pytest.mark.parametrize("text", ["0.00", "219.13 219.13 100%", "项目\t预算数\t决算数", "总额  219.13  100%"])
def test_table_rows(text: str) -> None:
    assert is_table_row(text)


@pytest.mark.parametrize("text", ["支出合计219.13万元。", "收入 219.13万元", "一、收入"])
def test_not_table_rows(text: str) -> None:
    assert not is_table_row(text)


def test_headings_and_tokens() -> None:
    assert heading_like("（一）收入情况") and heading_like("收入决算情况说明") and heading_like("一、主要职能")
    assert not heading_like("（一）收入情况。") and not heading_like("本年收入合计为一百二十万元")
    assert not heading_like("1.支出（项）：支出决算为")
    assert first_token("543.25万元") == "543.25" and first_token("，增长") == "，" and first_token("）。主要") == "）。"


# ------------------------------------------------------------------ continuation

def test_wrapped_lines_join_into_their_paragraphs() -> None:
    assert len(WRAPPED.split("\n")) > 10
    assert joined(WRAPPED) == ["（一）收入情况", BODY, "（二）支出情况", NEXT]


@pytest.mark.parametrize("width", [10, 12, 15, 17, 20, 23])
def test_any_wrap_width_gives_the_same_paragraphs(width: int) -> None:
    original = f"一、收入情况\n{BODY}\n（二）支出情况\n{NEXT}\n三、结余情况说明\n{BODY}"
    assert joined(wrap(original, width)) == original.split("\n")


def test_one_paragraph_per_line_stays_so() -> None:
    """Without a wrap width, each line is a paragraph (the common plain-text export)."""
    text = "一、收入情况\n本年收入增加\n主要原因是人员增加。\n支出合计一百万元\n"
    assert joined(text) == ["一、收入情况", "本年收入增加", "主要原因是人员增加。", "支出合计一百万元"]


def test_a_short_line_ends_its_paragraph_in_wrapped_text() -> None:
    text = WRAPPED + "\n另有结余\n本年结余为零"
    assert joined(text)[-3:] == [NEXT, "另有结余", "本年结余为零"]


def test_a_full_line_ending_a_sentence_still_runs_on() -> None:
    """Soft wraps fall after a full stop too; the next sentence belongs to the same paragraph."""
    first = "本年收入合计增加一百万。" + BODY
    text = wrap(f"{first}\n{NEXT}", 12)
    assert text.split("\n")[0] == "本年收入合计增加一百万。"
    assert joined(text) == [first, NEXT]


def test_a_marker_starts_a_paragraph_even_after_a_full_line() -> None:
    text = wrap(f"{BODY}\n1.{NEXT}\n（1）{NEXT}", 12)
    assert joined(text) == [BODY, f"1.{NEXT}", f"（1）{NEXT}"]


def test_a_number_moved_to_the_next_line_continues() -> None:
    """A wrapper moves a whole number: the line is short by the number's length, not finished."""
    body = BODY.replace("十万元", "1234.56万元")
    text = wrap(body, 12)
    assert any(len(line) < 11 for line in text.split("\n")[:-1])
    assert joined(text) == [body]


def test_an_amount_split_from_its_unit_continues() -> None:
    assert joined("一、收入\n本年收入合计为10.00\n万元。\n")[1] == "本年收入合计为10.00万元。"


def test_a_line_starting_with_a_closing_mark_continues() -> None:
    assert joined("一、收入\n支出决算为12万元\n，完成预算100%。\n")[1] == "支出决算为12万元，完成预算100%。"


def test_a_blank_line_ends_a_paragraph() -> None:
    lines = WRAPPED.split("\n")
    text = "\n".join(lines[:3] + [""] + lines[3:])
    assert len(joined(text)) == 5


def test_a_wrapped_heading_is_one_paragraph_and_ends_before_the_prose() -> None:
    original = f"{BODY}\n（二）一般公共预算财政拨款支出情况\n{NEXT}"
    text = wrap(original, 12)
    assert "（二）一般公共预算财政拨" in text.split("\n")
    assert joined(text) == original.split("\n")


def test_a_heading_filling_the_line_does_not_swallow_the_paragraph() -> None:
    """A title word ends a heading even when the heading happens to fill the line."""
    original = f"{BODY}\n收入支出决算情况说明\n{NEXT}"
    text = wrap(original, 10)
    assert "收入支出决算情况说明" in text.split("\n")
    assert joined(text) == original.split("\n")


def test_a_title_word_split_by_the_wrap_is_completed() -> None:
    original = f"{BODY}\n四、财政拨款收入支出情况说明\n{NEXT}"
    text = wrap(original, 12)
    assert "说明" in text.split("\n")
    assert joined(text) == original.split("\n")


# ------------------------------------------------------------------ tables stay apart

def test_table_cells_are_never_glued_into_prose() -> None:
    cells = ["\t项目名称", "\t建设项目", "\t预算执行情况", "\t总额", "\t0.00", "\t219.13", "\t100%"]
    text = WRAPPED + "\n" + "\n".join(cells) + "\n" + wrap(NEXT, 12)
    assert joined(text) == ["（一）收入情况", BODY, "（二）支出情况", NEXT, *cells, NEXT]


def test_rows_of_cells_stay_apart() -> None:
    rows = ["项目  预算数  决算数", "基本支出  100.00  99.00", "合计  120.00  119.00"]
    text = WRAPPED + "\n" + "\n".join(rows)
    assert joined(text) == ["（一）收入情况", BODY, "（二）支出情况", NEXT, *rows]


# ------------------------------------------------------------------ page furniture

@pytest.mark.parametrize("furniture", ["- 13 -", "─ 13 ─", "第13页", "第 13 页 共 20 页", "13", "\n13\n"])
def test_page_number_inside_a_sentence_is_dropped_and_the_sentence_joined(furniture: str) -> None:
    lines = WRAPPED.split("\n")
    text = "\n".join(lines[:4] + [furniture, "\f" + lines[4]] + lines[5:])
    assert joined(text) == joined(WRAPPED)


def test_page_number_in_a_short_line_before_the_break() -> None:
    """The page ends early (a short line), the sentence goes on after the page number."""
    text = wrap(f"{BODY}\n收入合计为120万元，占", 12) + "\n\n─ 13 ─\n\f" + wrap(f"“三公”经费的50.12%。\n{NEXT}", 12)
    assert joined(text) == [BODY, "收入合计为120万元，占“三公”经费的50.12%。", NEXT]


def test_running_headers_are_dropped() -> None:
    header = "某某局2022年度部门决算"
    pages = [f"{header}\n" + wrap(c + BODY, 12) + f"\n- {n} -" for n, c in enumerate("甲乙丙丁", 1)]
    out = joined("\n\f".join(pages))
    assert header not in out and len(out) == 4


def test_a_bare_page_number_pasted_inside_a_sentence_is_dropped() -> None:
    """No form feed, no blank line (a report pasted into Word line by line): still furniture."""
    lines = WRAPPED.split("\n")
    text = "\n".join(lines[:4] + ["13"] + lines[4:])
    assert joined(text) == joined(WRAPPED)


def test_bare_numbers_of_a_flattened_table_are_cells() -> None:
    """A form exported without tabs: numbers next to numbers or labels are cells, not folios."""
    text = "合计\n100\n110\n\n培训人数\n≥\n100\n人\n120\n50\n\n"
    assert joined(text) == ["合计", "100", "110", "培训人数", "≥", "100", "人", "120", "50"]


def test_a_short_text_shows_no_wrap_width() -> None:
    """Two headings of one length in a ten-line text are no evidence of a wrap width."""
    text = "目录\n第一部分 示例局概况\n第二部分 示例局2024年度部门决算表\n一、收入支出决算总表\n二、收入决算表\n" \
           "第一部分 示例局概况\n第二部分 示例局2024年度部门决算表\n收入支出决算总表\n收入决算表\n"
    assert len(joined(text)) == 9


def test_a_bare_number_inside_a_page_is_kept() -> None:
    text = WRAPPED + "\n一、收入情况\n120\n二、支出情况\n" + WRAPPED
    assert "120" in joined(text)


# ------------------------------------------------------------------ places stay exact

def test_every_figure_keeps_its_line_and_column() -> None:
    lines = wrap(BODY.replace("十万元", "10.5万元"), 12).split("\n")
    at = next(i for i, ln in enumerate(lines) if ln.startswith("10.5"))
    text = "\n".join(["一、收入情况"] + lines[:at] + ["", "- 2 -", "\f" + lines[at]] + lines[at + 1:])
    doc = Document(path="t.txt", kind="text", paragraphs=rebuild(text_rows(text), by_characters))
    assert len(doc.paragraphs) == 2
    numbers = [ln.line for ln in doc.paragraphs[1].lines]
    assert numbers == list(range(2, 2 + at)) + list(range(at + 4, len(lines) + 4))
    stream = Stream.of(doc.paragraphs[1], "t.txt")
    start = stream.text.index("10.5")
    loc = stream.location(start, start + 4)
    assert (loc.line, loc.column, loc.end_column, loc.text) == (at + 4, 2, 5, "10.5")
    facts = extract(doc)
    figure = next(f for f in facts.figures if f.location.text == "10.5")
    assert (figure.location.line, figure.location.column) == (at + 4, 2)


def test_a_number_split_over_two_lines_is_read_whole() -> None:
    text = wrap(BODY, 12) + "\n本年收入合计为12\n0.5万元。"
    doc = Document(path="t.txt", kind="text", paragraphs=rebuild(text_rows(text), by_characters))
    assert len(doc.paragraphs) == 2
    facts = extract(doc)
    figure = next(f for f in facts.figures if f.location.text == "120.5")
    assert figure.location.line == len(wrap(BODY, 12).split("\n")) + 1


def test_paragraph_type() -> None:
    assert all(isinstance(p, Paragraph) for p in rebuild(text_rows(WRAPPED), by_characters))


def test_a_line_two_characters_short_with_its_sentence_open_runs_on() -> None:
    """`pdftotext -layout` ends some full lines a character or two short of the width (punctuation
    compressed); such a line, its sentence still open, continues on the next one. A line as short
    that ends its sentence still ends the paragraph."""
    lines = wrap(f"{BODY}\n{NEXT}\n{BODY}", 12).split("\n")
    short = lines[0][:-2]
    text = "\n".join([short, lines[0][-2:] + lines[1], *lines[2:]])
    assert len(short) == 10 and joined(text)[0].startswith(short + lines[0][-2:])
    assert joined("\n".join([*lines[:7], "主要原因是人员增加。", *lines[7:]]))[1] == "主要原因是人员增加。"
