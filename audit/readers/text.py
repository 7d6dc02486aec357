"""Plain-text reports: UTF-8 (with or without BOM), GB18030/GBK, CRLF.

Chinese reports are often saved as GBK by Windows tools. UTF-8 is tried first because valid
GB18030 bytes are rarely valid UTF-8 while the reverse often holds; GB18030 is a superset of GBK.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from audit.document import Document, Line, Paragraph, Table, UnreadableDocument
from audit.readers.paragraphs import Row, by_characters, rebuild, tab_cells
from audit.readers.pdf_titles import could_be_title


def decode(data: bytes) -> str:
    if not data.strip():
        raise UnreadableDocument("文件为空 (empty file)")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        raise UnreadableDocument("不是文本文件：含有二进制内容 (not a text file: binary content)")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\r\n\t\f")
        if controls > 8:
            raise UnreadableDocument("不是文本文件：含有控制字符 (not a text file: control characters)")
        if encoding == "gb18030" and not _looks_like_text(text):
            # GB18030 decodes almost any byte sequence; real reports are mostly common characters.
            raise UnreadableDocument("不是文本文件：内容无法识别为中文或英文文本 (not a text file)")
        return text
    raise UnreadableDocument("无法识别文本编码（非 UTF-8 / GB18030）(unknown text encoding)")


def _looks_like_text(text: str) -> bool:
    """Mostly ASCII and common (GB2312) characters, with the variety of real prose."""
    sample = text[:4096]
    if len(sample) > 200 and len(set(sample)) < 20:
        return False
    common = 0
    for ch in sample:
        if ch.isascii():
            common += ch.isprintable() or ch in "\r\n\t"
        else:
            try:
                ch.encode("gb2312")
                common += 1
            except UnicodeEncodeError:
                pass
    return common >= 0.9 * len(sample)


def read_text(path: str) -> Document:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableDocument("文件不存在 (file not found)") from exc
    except IsADirectoryError as exc:
        raise UnreadableDocument("是目录而不是文件 (is a directory)") from exc
    except OSError as exc:
        raise UnreadableDocument(f"无法读取文件 (cannot read file): {exc.strerror}") from exc
    raw_lines = _raw_lines(decode(data))
    tables, taken = _tables(list(enumerate(raw_lines, start=1)))  # table lines are not prose
    rows = _rows(raw_lines, taken)
    if not rows and not tables:
        raise UnreadableDocument("文件为空 (empty file)")
    paragraphs = [unspaced(p) for p in rebuild(tab_cells(rows), _typeset)] if rows else []
    return Document(path=path, kind="text", paragraphs=paragraphs, tables=tables)


# CJK characters and punctuation (not the ideographic space): three or more of them one space
# apart are a letter-spaced line as pdftotext copies it (“江 苏 省 人 民 检 察 院”).
_CJK = "\u3400-\u9fff\u3001-\u303f\uff01-\uff60“”‘’"
_SPACED_RUN = re.compile(rf"[{_CJK}](?: [{_CJK}]){{2,}}")


def unspaced(paragraph: Paragraph) -> Paragraph:
    """A justified PDF line spreads its letters; pdftotext copies the spread as single spaces
    between them (“收 入 、 支 出 预 算 总 计”, “万 元 ， 占”), which no word of the report
    language survives. Those spaces are marked as layout: the line stays as written, and
    extraction reads “收入、支出预算总计” and “万元，占” as the PDF reader does."""
    return Paragraph([_marked(ln) for ln in paragraph.lines])


def _marked(line: Line) -> Line:
    spaces = tuple(i for m in _SPACED_RUN.finditer(line.text) for i in range(m.start(), m.end())
                   if line.text[i] == " ")
    return replace(line, layout=spaces) if spaces else line


def _typeset(rows: list[Row]) -> list[bool | None]:
    """A text file may be a copy of a typeset page: a line within the typesetter's slack of the
    width is full there, as the PDF reader judges the page itself."""
    return by_characters(rows, typeset=True)


def _tables(numbered: list[tuple[int, str]]) -> tuple[list[Table], set[int]]:
    """The table reader (and the PDF layout modules under it, ~30 ms of imports) is loaded only
    when some line could be a table title: most text reports hold no table."""
    texts = [t for _, t in numbered]
    if not any(could_be_title(t) or ("表" in u and could_be_title(t.strip() + u.strip()))  # over two lines
               for t, u in zip(texts, [*texts[1:], ""], strict=True)):
        return [], set()
    from audit.readers.text_tables import read_text_tables

    return read_text_tables(numbered)


def text_rows(text: str, skip: set[int] | frozenset[int] = frozenset()) -> list[Row]:
    """Non-blank lines with their file line number; a form feed starts a page, a blank line
    leaves a gap, a tab or a deeper indent than most lines marks a first line. Lines in `skip`
    (read as table rows) are not prose; they still count for pages."""
    return _rows(_raw_lines(text), skip)


def _raw_lines(text: str) -> list[str]:
    return [raw.rstrip("\r") for raw in text.split("\n")]


def _rows(raw_lines: list[str], skip: set[int] | frozenset[int]) -> list[Row]:
    base = _common_indent(raw_lines)
    rows: list[Row] = []
    page, blank = 1, False
    for number, raw in enumerate(raw_lines, start=1):
        page += raw.count("\f")
        if not raw.strip() or number in skip:
            blank = True
            continue
        indent = _lead(raw) >= base + 2 or raw.startswith("\t")
        rows.append(Row(Line(text=raw, line=number, column=1), page=page, gap=blank, indent=indent))
        blank = False
    return rows


def _lead(raw: str) -> int:
    """Width of the leading blanks: a full-width space counts two columns."""
    body = raw.lstrip("\f")
    n = len(body) - len(body.lstrip(" \u3000"))
    return n + body[:n].count("\u3000")


def _common_indent(lines: list[str]) -> int:
    leads = [_lead(ln) for ln in lines if ln.strip() and not ln.startswith("\t")]
    return max(set(leads), key=leads.count) if leads else 0
