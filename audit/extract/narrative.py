"""Prose → figures: every number with a unit, typed by the grammar in cues.py and the vocabulary.

A sentence (up to 。) is one claim. Extraction reads it in small steps, each testable on its own:

1. `find_numbers` — the numbers that are figures (a unit follows, or 占 precedes);
2. `measure_of` — amount, share, change, change_rate or exec_rate, from the words before it;
3. `period_of` — current, prior or budget;
4. `naming_of` + `concept_of` — the vocabulary term or classification path written nearest
   before it in the same clause, else the subject the sentence is about;
5. `Links` — parts listed after 其中 / 主要用于 are tied to the amount before that word, and a
   sentence ending in “其中：” hands its head on to the lines that follow (so does a paragraph
   ending on the single, short first part after “其中：”, `Links.open_list`).

What one sentence hands the next is an explicit value (`Carry`); the comparison words of a
sentence without figures (“决算数小于预算数的主要原因…”) are moved to the sentence with the
amounts in a separate pass (`carry_comparisons`), after every claim is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from audit.document import Document
from audit.extract import cues
from audit.extract.paths import PathMatch, find_paths
from audit.extract.sections import SectionTracker
from audit.extract.stream import Stream
from audit.facts import ClaimInfo
from audit.lazy_re import lazy
from audit.model import Figure
from audit.names import compared_basis
from audit.numbers import NUMBER, parse_number
from audit.vocabulary import Vocabulary, default_vocabulary

SENTENCE_END = re.compile(r"[。!?]")
CLAUSE_BREAK = re.compile(r"[,;、]")
# A share printed without % (“占比30.5”) ends its clause; “占─ 13 ─“三公”经费的…” is a page number.
BARE_SHARE_END = lazy(r"\s*(?:[,;。!?)]|$)")
# A bare total word names the total of whatever the sentence named before it.
GENERIC_TOTAL = lazy(r"(?:本年)?(?:支出|收入)?(?:合计|小计|总计)|本年支出|本年收入")


def _has_words(text: str) -> bool:
    """Any CJK ideograph. Not a regular expression: a class over that range takes ~2 ms to compile,
    paid by every run, while the test is made only on carried sentences."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@dataclass
class Extraction:
    figures: list[Figure]
    claims: dict[int, ClaimInfo]
    parents: dict[int, int]
    # The section label each paragraph is in (headings label themselves), by paragraph index.
    sections: list[str]


@dataclass(frozen=True)
class Number:
    """A number that is a figure, with the text around it the grammar reads.

    Offsets are in the sentence's normalised text. `left` runs from the end of the previous
    figure (`left_start`) to this number; `after` from the end of its unit to the sentence end.
    """

    start: int
    end: int
    stop: int
    value: Decimal
    decimals: int
    unit: str
    left_start: int
    left: str
    after: str
    share_whole: str | None = None


@dataclass(frozen=True)
class Measure:
    """What kind of number it is; for an execution rate, `of_basis` "adjusted" says the rate is
    of the adjusted budget (完成调整预算的…%)."""

    measure: str = "amount"
    direction: int | None = None
    of: str | None = None
    of_basis: str | None = None


@dataclass(frozen=True)
class Naming:
    """What the text just before a number names: a vocabulary term and/or a classification path.

    `unknown`: the clause names something the vocabulary does not know (会议费 after 一般公共预算
    拨款安排的, 政府性基金拨款支出 listed after 一般公共预算…; an amount inside a stated reason):
    the number is then only itself, never the subject named earlier.
    """

    subject: str | None
    named: bool
    path: bool
    unknown: bool = False


@dataclass(frozen=True)
class Carry:
    """What one sentence hands the next, all keyed by paragraph so it never leaks across.

    `head`: an amount whose parts the next lines list (“…120.50万元，其中：”) and `head_used_in`
    the paragraph that already took parts from it; `head_marker` / `part_marker` the list markers
    (1., (1) …) of the head's paragraph and of its first part: a paragraph with the head's marker
    is a sibling of the head, and one with another marker than the parts' is not a part, so the
    list ends there. `last`: (paragraph, last current amount), the head of a sentence that starts
    with 其中; `path_subject`: (paragraph, 科目 key) a numbered item names in one sentence and
    gives amounts for in the next ones.
    """

    head: int | None = None
    head_used_in: int | None = None
    last: tuple[int, int] | None = None
    path_subject: tuple[int, str] | None = None
    head_marker: str | None = None
    part_marker: str | None = None
    has_parts: bool = False


@dataclass(frozen=True)
class Place:
    """Where a sentence is: its paragraph's stream, offsets, list marker and the report year."""

    stream: Stream
    start: int
    end: int
    marker: str | None
    year: int | None
    # The end of the previous paragraph when it stopped mid-sentence (a line the reader took for
    # a paragraph of its own: “…一般公共预算拨款 / 支出预算17,192万元”); what a word at the very
    # start of this paragraph may be the tail of.
    lead_in: str = ""

    @property
    def text(self) -> str:
        return self.stream.text[self.start:self.end]


def extract_narrative(doc: Document, vocab: Vocabulary | None = None, year: int | None = None,
                      streams: Sequence[Stream] | None = None) -> Extraction:
    """`year` is the report's year as its title states it (Outline.report_year): a year printed
    before an amount is compared with it to tell last year's figures from this year's.
    `streams` are the outline's streams of the same paragraphs, passed so that each paragraph is
    joined and normalised once per report rather than once per stage."""
    vocab = vocab or default_vocabulary()
    if streams is None:
        streams = [Stream.of(p, doc.path) for p in doc.paragraphs]
    figures: list[Figure] = []
    claims: list[ClaimInfo] = []
    parents: dict[int, int] = {}
    carry = Carry()
    tracker = SectionTracker()
    sections: list[str] = []
    lead_in = ""
    for p_index, stream in enumerate(streams):
        is_heading = tracker.feed(stream.text)
        sections.append(tracker.label)
        if is_heading:
            carry, lead_in = replace(carry, head=None), ""
            continue
        for start, end in sentence_spans(stream.text):
            claim = ClaimInfo(id=len(claims), section=tracker.label, text=stream.raw[start:end], paragraph=p_index)
            claims.append(claim)
            place = Place(stream, start, end, cues.marker_kind(stream.text), year, lead_in if start == 0 else "")
            carry = _sentence(place, claim, vocab, carry, figures, parents)
        tail = stream.text.rstrip()
        lead_in = "" if not tail or tail[-1] in "。!?;:" else tail[-8:]
    claims = carry_comparisons(claims)
    return Extraction(figures, {c.id: c for c in claims}, parents, sections)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence up to and including its 。！？; blank stretches are skipped."""
    spans, pos = [], 0
    for m in list(SENTENCE_END.finditer(text)) + [None]:
        end = m.end() if m else len(text)
        if end > pos and text[pos:end].strip():
            spans.append((pos, end))
        pos = end
    return spans


def carry_comparisons(claims: list[ClaimInfo]) -> list[ClaimInfo]:
    """“决算数小于预算数的主要原因…” often follows the sentence with the amounts it compares.

    A sentence with comparison words and no figures gives its words to the sentence just before
    it in the same paragraph, when that one states figures and has no words of its own.
    """
    out = list(claims)
    for i in range(1, len(out)):
        prev, claim = out[i - 1], out[i]
        if (claim.compare is not None and not claim.figures and prev.paragraph == claim.paragraph
                and prev.compare is None and prev.figures):
            out[i - 1] = replace(prev, compare=claim.compare)
            out[i] = replace(claim, compare=None)
    return out


def compare_of(text: str) -> int | None:
    """The sign 决算数大于/等于/小于预算数 claims, if the sentence says it.

    基本持平 (roughly equal) claims no sign that rounding intervals could check: none.
    """
    if cues.ROUGHLY_EQUAL.search(text):
        return None
    for pattern, sign in cues.COMPARE_WORDS:
        if pattern.search(text):
            return sign
    return None


def no_change_of(text: str) -> bool:
    """持平 / 无变化 said of the sentence's own item. Items listed in parallel (“A增加20万元；B与
    上年持平”) each have their own words: a 持平 in one clause says nothing of a change in another."""
    clauses = text.split(";")
    return (any(cues.NO_CHANGE.search(c) for c in clauses)
            and not any(cues.CHANGE_WORD.search(c) and not cues.NO_CHANGE.search(c) for c in clauses))


def find_numbers(text: str, vocab: Vocabulary) -> list[Number]:
    """The numbers of a sentence that are figures: a unit follows, or 占 precedes (a bare share).

    A year, a date, a threshold (“10万元以上”) or a page number inside a sentence is not a figure;
    nor is a count written with 万 (“1.2万户”): 万 alone is 万元 only when no counted noun follows.
    """
    out: list[Number] = []
    prev_end = 0
    for m in NUMBER.finditer(text):
        if m.start() < prev_end:
            continue
        unit_m = vocab.unit_pattern.match(text, m.end())
        if unit_m is not None and unit_m.group(1) == "万" and cues.WAN_COUNTS.match(text, unit_m.end()):
            unit_m = None  # “1.2万户”: a count, not 万元
        left = text[prev_end:m.start()]
        share_m = cues.SHARE.search(left)
        if unit_m is None and not share_m:
            continue
        stop = unit_m.end() if unit_m else m.end()
        after = text[stop:]
        if cues.NOT_A_FIGURE_AFTER.match(after) or (unit_m is None and not BARE_SHARE_END.match(after)):
            continue
        parsed = parse_number(m.group())
        if parsed is None:
            continue
        out.append(Number(start=m.start(), end=m.end(), stop=stop, value=parsed.value, decimals=parsed.decimals,
                          unit=unit_m.group(1) if unit_m else "", left_start=prev_end, left=left, after=after,
                          share_whole=share_m.group("whole") if share_m else None))
        prev_end = stop
    return out


def measure_of(num: Number, vocab: Vocabulary) -> Measure:
    """占…% share, 增加/减少 change, 增长/下降 …% change_rate, 完成预算…% exec_rate, else amount."""
    if num.share_whole is not None:
        whole = vocab.last_concept(num.share_whole)
        return Measure("share", of=whole.concept if whole else None)
    cm = cues.CHANGE.search(num.left)
    if cm and (num.unit == "%" or not cues.EXEC.search(num.left)):
        return Measure("change_rate" if num.unit == "%" else "change", direction=cues.direction_of(cm.group("word")))
    if cues.EXEC.search(num.left) or (num.unit == "%" and "执行率" in num.left):
        return Measure("exec_rate", of_basis="adjusted" if cues.ADJUSTED_RATE.search(num.left) else None)
    return Measure()


def year_period(clause: str, year: int | None) -> str | None:
    """prior / current from the period word written nearest before an amount, else None.

    A printed year is compared with the report's year, or, when that is unknown, with the latest
    year the same sentence prints (“2022年执行数为…，2023年预算安排…”).
    """
    words = list(cues.PERIOD_WORD.finditer(clause))
    if not words:
        return None
    last = words[-1]
    if last.group("prior"):
        return "prior"
    if last.group("this"):
        return "current"
    ref = year or max(int(y) for y in cues.YEAR.findall(clause))
    return "prior" if int(last.group("year")) < ref else "current"


def period_of(num: Number, measure: str, year: int | None = None, sentence: str = "") -> tuple[str, str | None]:
    """(period, basis) of an amount: this year's, last year's, a budget, and which budget.

    After 预算(为) an amount is a budget: this year's initial one, its adjusted one (调整预算),
    or last year's (上年预算, 2022年预算); an amount followed by 增加/减少, or after 上年 or an
    earlier year (2022年预算执行数为…), is last year's; otherwise it is this year's.
    """
    if measure != "amount":
        return "current", None
    clause = num.left.rsplit(";", 1)[-1]
    when = year_period(clause, year if year else _latest_year(sentence))
    if cues.BUDGET.search(num.left):
        if when == "prior":
            return "prior", "budget"
        return "budget", "adjusted" if cues.ADJUSTED.search(clause) else None
    if when == "prior" or cues.PRIOR_AFTER.match(num.after):
        return "prior", None
    return "current", None


def _latest_year(sentence: str) -> int | None:
    years = [int(y) for y in cues.YEAR.findall(sentence)]
    return max(years) if years else None


def naming_of(num: Number, paths: list[PathMatch], vocab: Vocabulary, reason_at: int | None = None,
              lead_in: str = "") -> Naming:
    """The concept or classification path named for this number, whichever is written nearer.

    A concept named in an earlier clause (before a comma or 、) is not what this number measures;
    nor is one followed by words the vocabulary does not know (一般公共预算拨款安排的会议费…),
    which only qualify them. A share is named by what comes before its 占, not by its whole.
    Amounts after 主要原因是 explain a change and are only themselves; so is a number whose
    nearest term is what it leaves out (不含车辆). `lead_in` is the tail of the previous paragraph
    when this number's words start a paragraph that continues a sentence.
    """
    if reason_at is not None and num.start > reason_at:
        return Naming(None, False, False, True)
    left = num.left[: num.left.rfind("占")] if num.share_whole is not None else num.left
    named = vocab.last_concept(left, before=lead_in if num.left_start == 0 else "")
    if named is not None and (CLAUSE_BREAK.search(left[named.end:]) or cues.EXCLUDED.search(left[: named.start])):
        named = None  # named in an earlier clause, or as what is left out (不含车辆)
    path = next((p for p in reversed(paths) if num.left_start <= p.start and p.end <= num.start), None)
    if named is not None and path is not None and GENERIC_TOTAL.fullmatch(left[named.start:named.end]):
        named = None  # “检察(款): 2018年预算支出合计…”: the total of the 款 just named
    if path and (named is None or path.end - num.left_start >= named.end):
        return Naming(path.key, named is not None, True)
    if named:
        clause = CLAUSE_BREAK.split(left[:named.start])[-1]
        if len(cues.unnamed_words(left[named.end:])) >= 2 or cues.INVOLVING.search(clause) \
                or _qualified_total(clause, left[named.start:named.end]):
            return Naming(None, False, False, True)
        return Naming(named.concept, True, path is not None)
    clause = CLAUSE_BREAK.split(left)[-1]
    return Naming(None, False, False, len(cues.unnamed_words(clause)) >= 2)


def _qualified_total(clause: str, term: str) -> bool:
    """A bare 收入预算 / 支出预算 after a noun that is not the reporting body is that noun's budget."""
    if not cues.BARE_TOTAL.fullmatch(term):
        return False
    before = cues.unnamed_words(clause)
    return bool(before) and not cues.BODY_END.search(before)


def reason_before(text: str, num: Number, reason_at: int | None, vocab: Vocabulary) -> int | None:
    """Where the stated reason that covers this number starts, if one does.

    A reason runs to the end of its sentence, except that a later clause (after ；) that opens
    with a named quantity and its amount is the next item of a parallel list, not part of the
    reason: “…，主要原因是购置费保持不变；运行费21.56万元，…”."""
    if reason_at is None or num.start <= reason_at:
        return reason_at
    clause_start = text.rfind(";", 0, num.start) + 1
    if clause_start <= reason_at:
        return reason_at
    lead = text[clause_start:num.start]
    named = vocab.first_concept(lead)
    rest = lead[named.end:] if named is not None else ""
    if (named is not None and not lead[:named.start].strip() and not cues.unnamed_words(rest)
            and not cues.CHANGE_WORD.search(rest) and "占" not in rest):
        return None  # an amount, not a change of the reason (“…；公用经费增加5万元”)
    return reason_at


def concept_of(num: Number, measure: str, period: str, naming: Naming, subject: str | None, claim_id: int,
               vocab: Vocabulary) -> str:
    """The quantity a figure is about: the subject, or a name of its own when nothing names it.

    A current amount with no name of its own (no term, no path, no 决算数) is only itself; so is
    an amount whose clause names something unknown, a bare percentage that is no share, change
    or rate, and an amount whose unit contradicts the subject's kind (“项目4个，涉及预算金额598.42万元”).
    """
    own = f"claim:{claim_id}:{num.start}"
    if naming.unknown or (measure == "amount" and num.unit == "%"):
        return own
    own_name = naming.named or naming.path or cues.ACTUAL.search(num.left)
    if measure == "amount" and period == "current" and not own_name:
        return own
    concept = subject or f"claim:{claim_id}"
    kind, unit_kind = vocab.kinds.get(concept), vocab.unit_kind(num.unit)
    if (not naming.named and measure == "amount" and kind and unit_kind and kind != unit_kind
            and unit_kind != "percent"):
        return own
    return concept


# What may stand between an amount and the marker that opens its list (“100万元，其中：”).
MARKER_LEAD = re.compile(r"[\s,:(]*(?:主要|具体|其)?")
# The periods of an amount that can head a list: this year's outcome, or this year's budget
# (“收入预算1,212.12万元，其中：财政拨款收入…”, “项目总预算1170.00万，其中…”).
HEAD_PERIODS = frozenset({"current", "budget"})
# A clause that is only a total word before its amount (“…，合计1170.00万。”): inside a list it
# restates the head, it is no further part.
RESTATES = re.compile(r"[\s,;]*(?:合计|共计|总计|总共)[\s:为是]*")


def same_unit(a: str, b: str) -> bool:
    """万 written alone after an amount is 万元 (“870.00万，…80.00万元，合计1410.00万”): a list
    may mix the two; any other pair of units differs."""
    return a == b or {a, b} == {"万", "万元"}


@dataclass
class Links:
    """Parent links inside one sentence: the amount the listed parts belong to.

    `carried` says the head came from an earlier sentence (“…其中：” then one item per line):
    then only the sentence's first figure is a part of it.
    """

    head: int | None
    carried: bool
    last_amount: int | None = None
    used: bool = False
    marker: str | None = None
    ended: bool = False
    opened_at: int | None = None
    parts: list[tuple[int, int | None, Figure]] = field(default_factory=list)

    @staticmethod
    def start(text: str, place: Place, p_index: int, carry: Carry) -> Links:
        ended = carry.head is not None and carry.head_used_in != p_index and not _continues(place, carry)
        if carry.head is not None and carry.head_used_in != p_index and not ended:
            return Links(carry.head, True, marker=place.marker)
        if carry.last and carry.last[0] == p_index and cues.BREAKDOWN.match(text.lstrip()):
            return Links(carry.last[1], False, marker=place.marker, ended=ended)
        return Links(None, False, marker=place.marker, ended=ended)

    def is_part(self, measure: str, period: str, num: Number, head_fig: Figure | None, first: bool) -> bool:
        """A current amount, or one of the head's own period (a budget's parts may each say 预算),
        in the head's unit; from a carried head, only the first figure of
        the sentence, and only when it is named (a sentence cut by a page break and resumed
        as “30.8万元，主要原因…” is no item of the list)."""
        if self.carried and (not first or not _has_words(num.left)):
            return False
        return (measure == "amount" and head_fig is not None and period in {"current", head_fig.period}
                and same_unit(num.unit, head_fig.unit))

    def restates(self, num: Number) -> bool:
        """“…，其中A 870.00万，B 300.00万，合计1170.00万”: an amount whose clause is only a total
        word, after at least one part of the list, is the head again."""
        return any(h == self.head for h, _, _ in self.parts) and bool(RESTATES.fullmatch(num.left))

    def after_figure(self, fig: Figure, text: str, stop: int) -> None:
        """Remember the last amount; a marker right after it, before the next number, makes it the head.

        “人员经费…，主要包括：基本工资、…；公用经费…” lists words, not amounts: only a marker whose
        list reaches the next number before the clause ends opens a breakdown; and only a marker
        that follows the amount (“100万元，其中：”), not one further on in the sentence.
        """
        current = fig.measure == "amount" and fig.period in HEAD_PERIODS
        if current:
            self.last_amount = fig.index
        tail = text[stop:]
        nxt = NUMBER.search(tail)
        between = tail[: nxt.start()] if nxt else tail
        marker = cues.BREAKDOWN.search(between)
        if (marker and self.last_amount is not None and current and ";" not in between[marker.end():]
                and MARKER_LEAD.fullmatch(between[:marker.start()])):
            self.head = self.last_amount
            self.opened_at = stop + marker.end()

    def carry_on(self, text: str, p_index: int, claim: ClaimInfo, carry: Carry,
                 open_head: int | None = None) -> Carry:
        """A sentence that ends by announcing its parts (“…120.50万元，其中：”) hands its head on;
        so does one whose list, opened by “其中：”, names only its first part before the paragraph
        ends (`open_list`)."""
        used_in = p_index if self.used else carry.head_used_in
        head, head_marker, part_marker, has_parts = carry.head, carry.head_marker, carry.part_marker, carry.has_parts
        if self.carried and self.used and not has_parts:
            part_marker, has_parts = self.marker, True
        stripped = text.rstrip(" 。:")
        if (self.head is not None and cues.LIST_OPENS.search(stripped)
                and (self.head == self.last_amount or not claim.figures)):
            head, used_in, head_marker, part_marker, has_parts = self.head, p_index, self.marker, None, False
        elif open_head is not None:
            head, used_in, head_marker, has_parts = open_head, p_index, self.marker, True
            part_marker = cues.marker_kind(text[self.parts[0][1] or 0:].lstrip(" :"))
        elif self.ended or (self.carried and not claim.figures and _has_words(text)):
            head = None  # a bare page number between two items does not end the list
        last = (p_index, self.last_amount) if self.last_amount is not None else carry.last
        return Carry(head, used_in, last, carry.path_subject, head_marker, part_marker, has_parts)

    def open_list(self, text: str, figures: Sequence[Figure]) -> int | None:
        """“A 100万元，其中：” and its first part on one line (“B 60万元，…。”) then the next parts
        one a paragraph: a line that ends with “其中：” exactly at the margin of a hard-wrapped page
        cannot be told from a wrapped one, so its first part is read into the head's paragraph.
        The list is taken as still open when the paragraph ends on its single part, written after
        the marker and a colon, that falls short of the head even at the ends of their rounding
        intervals: a list whose one part is less than the whole has not been given in full. The
        carried list then ends where it ends after “其中：” (a sibling marker, a heading, a
        sentence that is not a part). Returns that head."""
        if self.carried or len(self.parts) != 1:
            return None
        head, opened_at, part = self.parts[0]
        if (opened_at is None or not text[opened_at:].lstrip().startswith(":")
                or not cues.LIST_OPENS.search(text[:opened_at])):
            return None
        whole = figures[head]
        short = part.value + _half_unit(part.decimals) < whole.value - _half_unit(whole.decimals)
        return head if short else None


def _half_unit(decimals: int) -> Decimal:
    """Half a unit of the last written digit: how far rounding may have moved a figure."""
    return Decimal(1).scaleb(-decimals) / 2


def _continues(place: Place, carry: Carry) -> bool:
    """A carried list goes on unless this paragraph is a sibling of the head (same list marker)
    or differs from the parts already listed (“2．… 其中：(1)… (2)… 3．…” ends at 3．)."""
    if place.start != 0:
        return True
    if place.marker is not None and place.marker == carry.head_marker:
        return False
    return not (carry.has_parts and place.marker != carry.part_marker)


def _sentence(place: Place, claim: ClaimInfo, vocab: Vocabulary, carry: Carry, figures: list[Figure],
              parents: dict[int, int]) -> Carry:
    """One sentence → its figures (appended) and parent links; returns what it hands on."""
    text, p_index = place.text, claim.paragraph
    claim.compare = compare_of(text)
    claim.no_change = no_change_of(text) and claim.compare is None
    claim.lead = (lead := vocab.first_concept(text)) and lead.concept
    paths = find_paths(text)
    subject = carry.path_subject[1] if carry.path_subject and carry.path_subject[0] == p_index else None
    how = "item"  # the numbered item this paragraph opened with (“1.…(项)…。与上年相比增加…”)
    if paths:
        carry = replace(carry, path_subject=(p_index, paths[-1].key))
    reason = cues.REASON.search(text)
    links = Links.start(text, place, p_index, carry)
    for num in find_numbers(text, vocab):
        m = measure_of(num, vocab)
        period, basis = period_of(num, m.measure, place.year, text)
        if m.measure in {"change", "change_rate"}:
            basis = compared_basis(text[:num.start].rsplit(";", 1)[-1])
        naming = naming_of(num, paths, vocab, reason_before(text, num, reason.start() if reason else None, vocab),
                           place.lead_in)
        concept = concept_of(num, m.measure, period, naming, naming.subject or subject, claim.id, vocab)
        if naming.subject or naming.unknown:
            subject, how = naming.subject or concept, "explicit"
        head_fig = figures[links.head] if links.head is not None else None
        part = links.is_part(m.measure, period, num, head_fig, not claim.figures)
        restated = part and links.restates(num)
        if part and head_fig is not None and concept == head_fig.concept:
            concept = f"claim:{claim.id}:{num.start}"
        if restated and head_fig is not None:
            period, basis = head_fig.period, head_fig.basis
        fig = Figure(
            concept=concept, value=num.value, decimals=num.decimals, unit=num.unit,
            location=place.stream.location(place.start + num.start, place.start + num.end), measure=m.measure,
            period=period, claim=claim.id, role="restates" if restated else _role(text, num, part), of=m.of,
            direction=m.direction,
            section=claim.section, index=len(figures), basis=m.of_basis or basis,
            binding=how if concept == subject else "explicit",
        )
        figures.append(fig)
        claim.figures.append(fig.index)
        if part and links.head is not None:
            parents[fig.index] = links.head
            links.used = links.used or links.carried
            if not restated:
                links.parts.append((links.head, links.opened_at, fig))
        links.after_figure(fig, text, num.stop)
    ends_paragraph = not place.stream.text[place.end:].strip()
    return links.carry_on(text, p_index, claim, carry, links.open_list(text, figures) if ends_paragraph else None)


def _role(text: str, num: Number, part: bool) -> str | None:
    """A figure inside brackets is an aside (“500.12万元(其中，一般公共预算500.12万元…)，占96.35%”):
    the share after the bracket is about the amount before it, not the last one inside."""
    if text[:num.start].count("(") > text[:num.start].count(")"):
        return "aside"
    return "part" if part else None
