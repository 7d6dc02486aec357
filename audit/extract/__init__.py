"""Document → figures. Narrative always; tables when the reader found any."""

from __future__ import annotations

from dataclasses import replace

from audit.document import Document
from audit.extract.narrative import Extraction, extract_narrative
from audit.facts import Facts


def extract(doc: Document) -> tuple[Facts, Extraction]:
    ex = extract_narrative(doc)
    figures = list(ex.figures)
    claims = dict(ex.claims)
    parents = dict(ex.parents)
    if doc.figures:
        # Pre-extracted figures keep their own indices, claims and parents, shifted past ours.
        shift, claim_shift = len(figures), (max(claims) + 1 if claims else 0)
        for f in doc.figures:
            figures.append(replace(f, index=f.index + shift,
                                   claim=None if f.claim is None else f.claim + claim_shift))
        for child, head in doc.parents.items():
            parents[child + shift] = head + shift
        for cid, c in doc.claims.items():
            claims[cid + claim_shift] = replace(c, id=cid + claim_shift)
    if doc.tables:
        from audit.extract.tables import extract_tables

        figures += extract_tables(doc)
    from audit.extract.performance import extract_performance

    figures += extract_performance(doc)
    figures = [replace(f, index=i) if f.index != i else f for i, f in enumerate(figures)]
    by_claim: dict[int, list[int]] = {}
    for f in figures:
        if f.claim is not None:
            by_claim.setdefault(f.claim, []).append(f.index)
    claims = {cid: replace(c, figures=by_claim.get(cid, [])) for cid, c in claims.items()}
    return Facts(figures, claims, parents, document=doc), ex
