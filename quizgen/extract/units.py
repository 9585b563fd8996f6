"""Units and segments: a sentence's tokens with dates and names merged, split where clauses meet.

Commas, subordinators ('after', 'when') and relative pronouns ('whom', 'which') split a sentence into
segments; a segment with a finite verb is a clause (see clauses.py).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .analysis import Parsed
from .dates import DateMatch
from .lexicon import (
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    ED_VERBS_AFTER_SUBJECT,
    PREPOSITIONS,
    RELATIVES,
    REPORTING,
    SUBORDINATORS,
)
from .morph import IRREGULAR_PARTICIPLE
from .names import Mention
from .tokens import Tok, finite_verb, past_verb

SEGMENT_PUNCT = {",", ";", ":", "—", "–"}


ADVERBS = {
    "once",
    "later",
    "also",
    "never",
    "soon",
    "then",
    "still",
    "already",
    "eventually",
    "subsequently",
    "finally",
    "first",
    "again",
    "even",
    "only",
    "just",
    "thus",
    "therefore",
    "immediately",
    "often",
    "always",
    "ever",
    "afterwards",
    "together",
    "not",
    "quickly",
    "secretly",
    "formally",
    "officially",
    "effectively",
    "briefly",
}


_BE = {"was", "were", "is", "are", "be", "been", "being"}


_HAVE = {"had", "has", "have"}


# Word-class bits of a word unit's spelling (Unit.flags), so the parse tests them without calls.
_FINITE = 1  # tokens.finite_verb
_VERB = 2  # finite_verb_word: finite or past
_PARTICIPLE = 4  # _is_participle
_FINITE_CUE = 8  # _finite_at can say yes: finite, or a reporting verb or "-ed" verb after a subject


class _Spelling:
    """A bare word, for the token tests in tokens.py (they read a token's kind and text)."""

    __slots__ = ("text", "low", "is_cap")
    kind = "word"

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = text.lower()
        self.is_cap = text[:1].isupper()


@lru_cache(maxsize=1 << 16)
def _word_flags(text: str) -> int:
    """The word-class bits of a word spelt `text`; they depend on the spelling alone, so cached."""
    word = _Spelling(text)
    low = word.low
    flags = 0
    if finite_verb(word):
        flags |= _FINITE | _FINITE_CUE
    if flags or past_verb(word):
        flags |= _VERB
    if low in REPORTING or low in ED_VERBS_AFTER_SUBJECT:
        flags |= _FINITE_CUE
    if text[:1].islower() and (low in IRREGULAR_PARTICIPLE or (low.endswith("ed") and len(low) > 4)):
        flags |= _PARTICIPLE
    return flags


class Unit:
    """A token, or a whole date or name, as the parse sees it."""

    __slots__ = ("kind", "text", "start", "end", "ref", "first", "low", "is_word", "flags")

    def __init__(self, kind: str, text: str, start: int, end: int, ref: DateMatch | Mention | None = None,
                 first: bool = False) -> None:
        self.kind = kind  # word | num | punct | abbr | date | name
        self.text = text
        self.start = start
        self.end = end
        self.ref = ref
        self.first = first  # the sentence's first word
        self.low = text.lower()
        self.is_word = kind == "word" or kind == "abbr"
        self.flags = _word_flags(text) if kind == "word" else 0

    def __repr__(self) -> str:
        return f"Unit({self.text!r}, {self.kind})"


@dataclass
class Segment:
    units: list[Unit]
    kind: str = "np"  # clause | sub | rel | pp | ptc | np
    lead: str = ""  # the subordinator, relative pronoun or conjunction that opened it
    sep: Unit | None = None  # the punctuation before it


def _date_tokens(toks: list[Tok], dates: list[DateMatch]) -> dict[int, DateMatch]:
    """Token index -> the (first) date whose span holds the token's start."""
    starts = [t.start for t in toks]  # increasing: each date covers a run of consecutive tokens
    date_at: dict[int, DateMatch] = {}
    for d in dates:
        for k in range(bisect_left(starts, d.start), bisect_left(starts, d.end)):
            date_at.setdefault(k, d)
    return date_at


def build_units(p: Parsed) -> tuple[list[Unit], dict[int, str]]:
    """Tokens with each date and each name merged into one unit; parentheses set aside."""
    toks = p.toks
    date_at = _date_tokens(toks, p.dates) if p.dates else {}
    mention_at = {m.t0: m for m in p.mentions}
    merged = date_at.keys() | mention_at.keys()
    units: list[Unit] = []
    append = units.append
    parens: dict[int, str] = {}
    fixed = p.sentence.fixed
    depth = 0
    paren_start = 0
    k = 0
    n = len(toks)
    first_word_seen = False
    while k < n:
        t = toks[k]
        if t.kind != "punct" and not depth and k not in merged:
            # the common case first: a plain word or number
            append(Unit(t.kind, t.text, t.start, t.end, None, not first_word_seen))
            first_word_seen = True
            k += 1
            continue
        if t.text == "(":
            depth += 1
            if depth == 1:
                paren_start = t.end
            k += 1
            continue
        if t.text == ")" and depth:
            depth -= 1
            if depth == 0 and units:
                parens[len(units) - 1] = fixed[paren_start : t.start].strip()
            k += 1
            continue
        if depth:
            k += 1
            continue
        if k in date_at:
            d = date_at[k]
            end = k
            while end + 1 < n and date_at.get(end + 1) is d:
                end += 1
            append(Unit("date", fixed[d.start : d.end], d.start, d.end, d, not first_word_seen))
            first_word_seen = True
            k = end + 1
            continue
        if k in mention_at:
            m = mention_at[k]
            last = toks[m.t1 - 1]
            append(Unit("name", fixed[m.start : last.end], m.start, last.end, m, not first_word_seen))
            first_word_seen = True
            k = m.t1
            continue
        is_word = t.kind in ("word", "abbr", "num")
        append(Unit(t.kind, t.text, t.start, t.end, None, is_word and not first_word_seen))
        first_word_seen = first_word_seen or is_word
        k += 1
    return units, parens


def _is_participle(u: Unit) -> bool:
    return u.flags & _PARTICIPLE != 0  # a lower-case word: irregular participle or "-ed" (len > 4)


_SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i", "who"}


_DET_OR_PREP = frozenset(DETERMINERS | PREPOSITIONS)
_BE_HAVE = frozenset(_BE | _HAVE)


def _finite_at(units: list[Unit], i: int) -> bool:
    u = units[i]
    if not u.flags & _FINITE_CUE:  # not a word, or a word that can never be finite here
        return False
    prev = units[i - 1] if i > 0 else None
    after_subject = prev is not None and (
        prev.kind == "name"
        and not (isinstance(prev.ref, Mention) and prev.ref.possessive)
        or prev.low in _SUBJECT_PRONOUNS
    )
    if u.low in REPORTING and after_subject:
        return True
    if u.low in ED_VERBS_AFTER_SUBJECT and (after_subject or prev is not None and prev.is_word
                                            and prev.low not in _DET_OR_PREP and i + 1 < len(units)
                                            and (units[i + 1].kind == "name" or units[i + 1].low in DETERMINERS)):
        return True  # "his policy united Germany", "Lincoln led the Union"
    if not u.flags & _FINITE:
        return False
    # "the ousted", "his stated", "a forged": an adjective after a determiner, not a verb
    if (
        prev is not None
        and prev.kind == "word"
        and (prev.low in DETERMINERS or prev.low.endswith("'s"))
        and u.low not in AUXILIARIES
    ):
        return False
    if prev is not None and prev.kind == "name" and isinstance(prev.ref, Mention) and prev.ref.possessive:
        return False
    # "was jailed and brought": the participles after be/have are not finite
    if (
        prev is not None
        and (prev.low in _BE_HAVE or prev.low in ADVERBS and i > 1 and units[i - 2].low in _BE_HAVE)
        and u.low not in AUXILIARIES
    ):
        return False
    return not (
        prev is not None and prev.low == "and" and i > 1 and _is_participle(units[i - 2]) and u.low not in AUXILIARIES
    )


def first_finite(units: list[Unit]) -> int | None:
    """Index of the first finite verb in `units`, or None (most units fail the cheap flag test)."""
    for i, u in enumerate(units):
        if u.flags & _FINITE_CUE and _finite_at(units, i):
            return i
    return None


# every relative pronoun or subordinator that can open a segment (see _opens_segment)
_OPENERS = frozenset({"who", "whom", "which", "whose", "when", "where", "by"})


def segments_of(units: list[Unit]) -> list[Segment]:
    """Split at clause punctuation, subordinators after a comma, and relative pronouns after a noun."""
    cur: list[Unit] = []
    segs: list[list[Unit]] = [cur]
    seps: list[Unit | None] = [None]
    for i, u in enumerate(units):
        if u.kind == "punct":
            if u.text in SEGMENT_PUNCT:
                if cur:
                    cur = []
                    segs.append(cur)
                    seps.append(u)
                continue
            if u.text in ".!?\"“”'‘’":
                continue
        elif u.low in _OPENERS and cur and i > 0 and _opens_segment(units, i):
            cur = []
            segs.append(cur)
            seps.append(None)
        cur.append(u)
    out = [Segment(s, sep=sep) for s, sep in zip(segs, seps, strict=True) if s]
    for seg in out:
        _classify(seg)
    return _merge_lists(out)


def _opens_segment(units: list[Unit], i: int) -> bool:
    """Does the word at i (i > 0, in _OPENERS) start a segment of its own?"""
    u = units[i]
    prev = units[i - 1]
    if not u.is_word or not u.text[:1].islower() or prev.kind == "punct":
        return False
    return (
        u.low in ("who", "whom", "which", "whose")
        and prev.low not in PREPOSITIONS
        or (u.low == "when" and prev.kind in ("date", "name", "word"))
        or (u.low in ("where",) and prev.kind == "name")
        or _by_the_time(units, i)
    )


def _by_the_time(units: list[Unit], i: int) -> bool:
    """'... in Bolshevik hands by the time Lenin reappeared ...': a time clause of its own."""
    return (
        units[i].low == "by" and i + 4 < len(units) and units[i + 1].low == "the" and units[i + 2].low == "time"
    )


_RELATIVES_NOT_THAT = frozenset(RELATIVES - {"that"})
_PREP_OR_SUB = frozenset(PREPOSITIONS | SUBORDINATORS)


def _classify(seg: Segment) -> None:
    us = seg.units
    if _by_the_time(us, 0):
        seg.units = us = [Unit("word", "when", us[0].start, us[2].end), *us[3:]]
    head = us[0]
    body = us
    if head.is_word and head.low in CONJUNCTIONS and len(us) > 1:
        seg.lead = head.low
        body = us[1:]
        head = body[0]
    finite = first_finite(body)
    if (
        finite == 0
        and len(body) > 1
        and body[1].low == "by"
        and _is_participle(body[0])
        and body[0].low not in AUXILIARIES
    ):
        seg.kind = "ptc"  # "..., chaired by John Dewey"
        return
    if head.is_word and head.low in _RELATIVES_NOT_THAT and finite is not None:
        seg.kind, seg.lead = "rel", head.low
    elif head.is_word and head.low in SUBORDINATORS and finite is not None and finite > 1:
        seg.kind, seg.lead = "sub", head.low
    elif finite is not None:
        seg.kind = "clause"
    elif head.is_word and head.low in _PREP_OR_SUB:
        seg.kind = "pp"
    elif _is_participle(head) or (head.kind == "word" and head.low.endswith("ing") and len(head.low) > 5):
        seg.kind = "ptc"
    else:
        seg.kind = "np"


def _merge_lists(segs: list[Segment]) -> list[Segment]:
    """'in Germany, Estonia, and Bulgaria in 1923-25': list items rejoin their segment."""
    out: list[Segment] = []
    for seg in segs:
        if not (out and seg.kind in ("np", "pp") and out[-1].units and out[-1].units[-1].kind == "name"):
            out.append(seg)  # (the cheap tests first: most segments are no list item)
            continue
        us = [u for u in seg.units if not (u.is_word and u.low in ("and", "or"))]
        is_item = bool(us) and us[0].kind == "name" and (len(us) == 1 or us[1].is_word and us[1].low in PREPOSITIONS)
        if is_item and _same_kind(out[-1].units[-1], us[0]):
            if seg.sep is not None:
                out[-1].units.append(seg.sep)
            out[-1].units.extend(seg.units)
            continue
        out.append(seg)
    return out


def _same_kind(a: Unit, b: Unit) -> bool:
    ea = getattr(a.ref, "entity", None)
    eb = getattr(b.ref, "entity", None)
    return ea is not None and eb is not None and ea.kind == eb.kind and ea.kind != "other"


def finite_verb_word(u: Unit) -> bool:
    return u.flags & _VERB != 0  # finite_verb(u) or past_verb(u)
