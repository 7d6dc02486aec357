"""Document → Analysis. Narrative always; tables when the reader found any; performance forms.

Everything a family may need about the document is found here, once, and handed on in one
immutable `Analysis`; after this stage nothing reads the document again.
"""

from __future__ import annotations

from dataclasses import replace

from audit.analysis import Analysis
from audit.document import Document
from audit.extract.narrative import extract_narrative
from audit.extract.outline import outline
from audit.extract.performance import performance_forms
from audit.facts import ClaimInfo
from audit.model import Figure
from audit.vocabulary import default_vocabulary


def extract(doc: Document, accounts: str | None = None) -> Analysis:
    """`accounts` (final | budget), when given, replaces the kind the report states about itself
    for the choice of vocabulary: a budget is read with the budget's words too."""
    shape = outline(doc)
    titled = shape.report_year
    accounts = accounts or (shape.report.accounts if shape.report else None)
    vocab = default_vocabulary(budget=accounts == "budget")
    ex = extract_narrative(doc, vocab, year=titled[0] if titled else None, streams=shape.streams)
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
    figures = _numbered(figures)
    # Forms number their own figures from here on, so each cell holds the analysis's figure.
    forms = performance_forms(doc, first_index=len(figures))
    figures += [f for form in forms for f in form.figures()]
    by_claim: dict[int, list[int]] = {}
    for f in figures:
        if f.claim is not None:
            by_claim.setdefault(f.claim, []).append(f.index)
    claims = {cid: _with_figures(c, by_claim.get(cid, [])) for cid, c in claims.items()}
    return Analysis(figures, claims, parents, path=doc.path, sections=ex.sections, outline=shape,
                    tables=tuple(doc.tables), forms=tuple(forms))


def _with_figures(claim: ClaimInfo, figures: list[int]) -> ClaimInfo:
    """Most sentences already list their figures (or have none): `replace` is skipped for them,
    which is a third of the extraction's copying."""
    return claim if claim.figures == figures else replace(claim, figures=figures)


def _numbered(figures: list[Figure]) -> list[Figure]:
    return [replace(f, index=i) if f.index != i else f for i, f in enumerate(figures)]
