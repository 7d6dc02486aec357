"""Check an Office file is what its name says before a library parses it, and say why not.

Libraries report a damaged or mislabelled file as BadZipFile, KeyError or an XML error, which
mean nothing to a user. Looking at the first bytes and the zip's part names first turns the
usual failures (a truncated download, a .xls renamed .xlsx, a password-protected file, a PDF
saved with the wrong extension) into one sentence each.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from audit.document import UnreadableDocument

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Stream names of an encrypted OOXML package inside its OLE container (UTF-16LE directory entries).
_ENCRYPTED = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))

_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_NAMES = {"docx": "Word 文档 (.docx)", "xlsx": "Excel 工作簿 (.xlsx)", "xls": "Excel 97-2003 工作簿 (.xls)"}


def read_head(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(8)
    except IsADirectoryError as exc:
        raise UnreadableDocument("是目录而不是文件 (is a directory)") from exc
    except OSError as exc:
        raise UnreadableDocument(f"无法读取文件 (cannot read file): {exc.strerror or exc}") from exc


def is_encrypted_ole(path: str) -> bool:
    data = Path(path).read_bytes()
    return any(name in data for name in _ENCRYPTED)


def vet(path: str, expected: str) -> str:
    """The container actually found ("docx", "xlsx" or "xls"), or UnreadableDocument with the reason."""
    head = read_head(path)
    want = _NAMES[expected]
    if not head:
        raise UnreadableDocument("文件为空 (empty file)")
    if head.startswith(OLE_MAGIC):
        if is_encrypted_ole(path):
            raise UnreadableDocument("文件已加密，需要密码才能打开 (encrypted/password-protected file); "
                                     "请另存为不加密的文件后再检查 (save an unencrypted copy and check that)")
        if expected == "docx":
            raise UnreadableDocument("这是旧版 Word 97-2003 (.doc) 或其他 OLE 文件，不是 .docx "
                                     "(old binary .doc or other OLE file, not .docx): 请另存为 .docx")
        return "xls"
    if head.startswith(b"%PDF"):
        raise UnreadableDocument(f"这是 PDF 文件，扩展名有误 (a PDF with the wrong extension), 不是{want}")
    if not head.startswith(b"PK"):
        raise UnreadableDocument(f"不是{want}：文件内容不是 Office 格式 (not a {expected} file: wrong extension or damaged)")
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            bad = zf.testzip()
    except zipfile.BadZipFile as exc:
        raise UnreadableDocument(f"文件已损坏：压缩包不完整，可能下载或复制时被截断 (damaged file: truncated or corrupt zip): {exc}") from exc
    except (OSError, EOFError) as exc:
        raise UnreadableDocument(f"文件已损坏 (damaged file): {exc}") from exc
    if bad is not None:
        raise UnreadableDocument(f"文件已损坏：{bad} 校验失败 (damaged file: corrupt part {bad})")
    found = next((kind for kind, part in _PARTS.items() if part in names), None)
    if found is None:
        raise UnreadableDocument(f"不是{want}：压缩包中没有 Office 文档内容 (a zip file, but not a {expected} document)")
    if expected == "xls" and found == "xlsx":
        return "xlsx"
    if found != expected:
        raise UnreadableDocument(f"扩展名与内容不符：这是{_NAMES[found]}，不是{want} (wrong extension: the file is a {found})")
    return found
