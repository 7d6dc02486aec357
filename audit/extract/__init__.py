"""Document → figures. Narrative always; tables when the reader found any."""

from __future__ import annotations

from dataclasses import replace

from audit.document import Document
from audit.extract.narrative import Extraction, extract_narrative
from audit.facts import ClaimInfo, Facts


def extract(doc: Document) -> tuple[Facts, Extraction]:
    ex = extract_narrative(doc)
    figures = list(ex.figures)
    if doc.tables:
        from audit.extract.tables import extract_tables

        figures += extract_tables(doc)
    figures = [replace(f, index=i) if f.index != i else f for i, f in enumerate(figures)]
    claims = {cid: ClaimInfo(c.id, c.section, c.text, c.paragraph, c.compare, c.no_change, c.lead)
              for cid, c in ex.claims.items()}
    return Facts(figures, claims, dict(ex.parents)), ex
