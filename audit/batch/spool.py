"""Findings on disk as they arrive, so the supervisor's memory does not grow with the batch.

Each record's findings are appended as one JSON line and only the line's offset is kept; the
JSON report and the dashboard read them back one report at a time, in whatever order they want.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from typing import Any


class Spool:
    def __init__(self, directory: str | None = None) -> None:
        fd, self.path = tempfile.mkstemp(prefix="budget-audit-", suffix=".jsonl", dir=directory)
        self._fh = os.fdopen(fd, "w+b")
        self._offsets: dict[int, int] = {}

    def add(self, index: int, findings: list[dict[str, Any]]) -> None:
        self._fh.seek(0, os.SEEK_END)
        self._offsets[index] = self._fh.tell()
        self._fh.write(json.dumps(findings, ensure_ascii=False).encode("utf-8") + b"\n")

    def findings(self, index: int) -> list[dict[str, Any]]:
        offset = self._offsets.get(index)
        if offset is None:
            return []
        self._fh.flush()
        self._fh.seek(offset)
        return json.loads(self._fh.readline())

    def each(self, indexes: list[int]) -> Iterator[tuple[int, list[dict[str, Any]]]]:
        for index in indexes:
            yield index, self.findings(index)

    def close(self) -> None:
        self._fh.close()
        if os.path.exists(self.path):
            os.unlink(self.path)

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
