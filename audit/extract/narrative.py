"""Prose → figures: every number with a unit, typed by the grammar in cues.py and the vocabulary.

A sentence (up to 。) is one claim. Within it each number gets a measure (amount, share, change,
change_rate, exec_rate), a period (current, prior, budget) and a concept: the vocabulary term or
classification path written nearest before it, else the subject the sentence is about. Parts
listed after 其中 / 主要用于 are tied to the amount before that word, and a sentence ending in
“其中：” hands its head on to the lines that follow (as reports list 人员经费 / 公用经费 or the 项
below it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.document import Document
from audit.extract import cues
from audit.extract.paths import find_paths
from audit.extract.sections import SectionTracker
from audit.extract.stream import Stream
from audit.facts import ClaimInfo
from audit.model import Figure
from audit.numbers import NUMBER, parse_number
from audit.vocabulary import Vocabulary, default_vocabulary

SENTENCE_END = re.compile(r"[。!?]")
CLAUSE_BREAK = re.compile(r"[,;]")


@dataclass
class Extraction:
    figures: list[Figure]
    claims: dict[int, ClaimInfo]
    parents: dict[int, int]
    # The section label each paragraph is in (headings label themselves), by paragraph index.
    sections: list[str]


class _State:
    def __init__(self) -> None:
        self.figures: list[Figure] = []
        self.claims: dict[int, ClaimInfo] = {}
        self.parents: dict[int, int] = {}
        self.carry_head: int | None = None
        self.carry_used_in: int | None = None
        self.prev_last: tuple[int, int] | None = None
        self.path_subject: tuple[int, str] | None = None
        self.prev_claim: ClaimInfo | None = None


def extract_narrative(doc: Document, vocab: Vocabulary | None = None) -> Extraction:
    vocab = vocab or default_vocabulary()
    st = _State()
    tracker = SectionTracker()
    sections: list[str] = []
    for p_index, paragraph in enumerate(doc.paragraphs):
        stream = Stream.of(paragraph, doc.path)
        is_heading = tracker.feed(stream.text)
        sections.append(tracker.label)
        if is_heading:
            st.carry_head = None
            continue
        pos = 0
        for m in list(SENTENCE_END.finditer(stream.text)) + [None]:
            end = m.end() if m else len(stream.text)
            if end > pos and stream.text[pos:end].strip():
                _sentence(stream, pos, end, p_index, tracker.label, vocab, st)
            pos = end
    return Extraction(st.figures, st.claims, st.parents, sections)


def _sentence(stream: Stream, start: int, end: int, p_index: int, section: str, vocab: Vocabulary,
              st: _State) -> None:
    text = stream.text[start:end]
    claim = ClaimInfo(id=len(st.claims), section=section, text=stream.raw[start:end], paragraph=p_index)
    st.claims[claim.id] = claim
    for pattern, sign in cues.COMPARE_WORDS:
        if pattern.search(text):
            claim.compare = sign
            break
    claim.no_change = bool(cues.NO_CHANGE.search(text)) and claim.compare is None
    paths = find_paths(text)
    # A numbered item names its 科目 in one sentence and states its amounts in the next ones.
    subject: str | None = st.path_subject[1] if st.path_subject and st.path_subject[0] == p_index else None
    if paths:
        st.path_subject = (p_index, paths[-1].key)
    prev_end = 0
    last_amount: int | None = None
    head: int | None = None
    carried = st.carry_head is not None and st.carry_used_in != p_index
    if carried:
        head = st.carry_head
    elif st.prev_last and st.prev_last[0] == p_index and cues.BREAKDOWN.match(text.lstrip()):
        head = st.prev_last[1]
    claim.lead = (lead := vocab.first_concept(text)) and lead.concept
    for m in NUMBER.finditer(text):
        if m.start() < prev_end:
            continue
        unit_m = vocab.unit_pattern.match(text, m.end())
        left = text[prev_end:m.start()]
        share_m = cues.SHARE.search(left)
        if unit_m is None and not share_m:
            continue
        unit = unit_m.group(1) if unit_m else ""
        after = text[unit_m.end() if unit_m else m.end():]
        if cues.NOT_A_FIGURE_AFTER.match(after) or (unit_m is None and after[:1] in "年月日号"):
            continue
        parsed = parse_number(m.group())
        if parsed is None:
            continue
        # The concept named in this stretch of text, or a classification path, whichever is nearer.
        named = vocab.last_concept(left)
        if named is not None and CLAUSE_BREAK.search(left[named.end:]):
            named = None  # a concept named in an earlier clause is not what this number measures
        path = next((p for p in reversed(paths) if prev_end <= p.start and p.end <= m.start()), None)
        if path and (named is None or path.end - prev_end >= named.end):
            subject = path.key
        elif named:
            subject = named.concept
        else:
            path = None
        measure, period, direction, of = "amount", "current", None, None
        if share_m:
            measure = "share"
            whole = vocab.last_concept(share_m.group("whole"))
            of = whole.concept if whole else None
        elif (cm := cues.CHANGE.search(left)) and (unit == "%" or not cues.EXEC.search(left)):
            measure = "change_rate" if unit == "%" else "change"
            direction = cues.direction_of(cm.group("word"))
        elif cues.EXEC.search(left) or (unit == "%" and "执行率" in left):
            measure = "exec_rate"
        elif cues.BUDGET.search(left):
            period = "budget"
        elif cues.PRIOR_AFTER.match(after):
            period = "prior"
        role = None
        head_fig = st.figures[head] if head is not None else None
        if (measure == "amount" and period == "current" and head_fig is not None and unit == head_fig.unit
                and not (carried and claim.figures)):
            role = "part"
        own_name = named is not None or path is not None or cues.ACTUAL.search(left)
        if measure == "amount" and period == "current" and not own_name:
            concept = f"claim:{claim.id}:{m.start()}"
        else:
            concept = subject or f"claim:{claim.id}"
        kind, unit_kind = vocab.kinds.get(concept), vocab.unit_kind(unit)
        if (named is None and measure == "amount" and kind and unit_kind and kind != unit_kind
                and unit_kind != "percent"):
            # “项目4个，涉及预算金额598.42万元”: the amount is not a budget of the count before it.
            concept = f"claim:{claim.id}:{m.start()}"
        if role == "part" and head_fig is not None and concept == head_fig.concept:
            concept = f"claim:{claim.id}:{m.start()}"
        # A figure inside brackets is an aside (“500.12万元(其中，一般公共预算500.12万元…)，占96.35%”):
        # the share after the bracket is about the amount before it, not the last one inside.
        aside = text[:m.start()].count("(") > text[:m.start()].count(")")
        fig = Figure(
            concept=concept, value=parsed.value, decimals=parsed.decimals, unit=unit,
            location=stream.location(start + m.start(), start + m.end()), measure=measure,
            period=period, claim=claim.id, role="aside" if aside else role, of=of, direction=direction,
            section=section,
            index=len(st.figures),
        )
        st.figures.append(fig)
        claim.figures.append(fig.index)
        if role == "part" and head is not None:
            st.parents[fig.index] = head
            if carried:
                st.carry_used_in = p_index
        if measure == "amount" and period == "current":
            last_amount = fig.index
        prev_end = unit_m.end() if unit_m else m.end()
        tail = text[prev_end:]
        nxt = NUMBER.search(tail)
        between = tail[: nxt.start()] if nxt else tail
        marker = cues.BREAKDOWN.search(between)
        # “人员经费…，主要包括：基本工资、…；公用经费…” lists words, not amounts: only a marker
        # whose list reaches the next number before the clause ends opens a breakdown.
        if (marker and last_amount is not None and measure == "amount" and period == "current"
                and ";" not in between[marker.end():]):
            head = last_amount
    # A sentence that ends by announcing its parts (“…307.34万元，其中：”) hands its head on.
    stripped = text.rstrip(" 。:")
    if head is not None and cues.LIST_OPENS.search(stripped) and (head == last_amount or not claim.figures):
        st.carry_head, st.carry_used_in = head, p_index
    elif carried and not claim.figures and st.carry_used_in != p_index:
        st.carry_head = None
    if last_amount is not None:
        st.prev_last = (p_index, last_amount)
    # “决算数小于预算数的主要原因…” often follows the sentence with the amounts it compares.
    prev = st.prev_claim
    if (claim.compare is not None and not claim.figures and prev is not None and prev.paragraph == p_index
            and prev.compare is None and prev.figures):
        prev.compare, claim.compare = claim.compare, None
    st.prev_claim = claim
