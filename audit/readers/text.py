"""Plain-text reports: UTF-8 (with or without BOM), GB18030/GBK, CRLF.

Chinese reports are often saved as GBK by Windows tools. UTF-8 is tried first because valid
GB18030 bytes are rarely valid UTF-8 while the reverse often holds; GB18030 is a superset of GBK.
"""

from __future__ import annotations

from pathlib import Path

from audit.document import Document, Line, Paragraph, UnreadableDocument
from audit.readers.text_tables import read_text_tables


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
    text = decode(data)
    numbered = [(n, raw.rstrip("\r")) for n, raw in enumerate(text.split("\n"), start=1)]
    tables, taken = read_text_tables(numbered)  # table lines are not prose
    paragraphs = []
    for number, raw in numbered:
        if raw.strip() and number not in taken:
            paragraphs.append(Paragraph([Line(text=raw, line=number, column=1)]))
    if not paragraphs and not tables:
        raise UnreadableDocument("文件为空 (empty file)")
    return Document(path=path, kind="text", paragraphs=paragraphs, tables=tables)
