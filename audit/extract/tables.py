"""Table cells → figures (filled in by the tables work; see docs/tables.md)."""

from __future__ import annotations

from audit.document import Document
from audit.model import Figure


def extract_tables(doc: Document) -> list[Figure]:
    return []
