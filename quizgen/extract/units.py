"""Units and segments: a sentence's tokens with dates and names merged, split where clauses meet.

Commas, subordinators ('after', 'when') and relative pronouns ('whom', 'which') split a sentence into
segments; a segment with a finite verb is a clause (see clauses.py).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from .dates import DateMatch
from .lexicon import (
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    PREPOSITIONS,
    RELATIVES,
    SUBORDINATORS,
)
from .names import Mention

# The bits of a unit's spelling (Unit.flags) are worked out with the tokens (tokens.py), and kept here under
# their names as before (kinds.py and the tests read them from units).
from .tokens import _AFTER_SUBJECT_CUES as _AFTER_SUBJECT_CUES
from .tokens import _DROPPED as _DROPPED
from .tokens import _DROPPED_MARK as _DROPPED_MARK
from .tokens import _ED_AFTER_SUBJECT as _ED_AFTER_SUBJECT
from .tokens import _FINITE as _FINITE
from .tokens import _FINITE_CUE as _FINITE_CUE
from .tokens import _OPENER as _OPENER
from .tokens import _OPENERS as _OPENERS
from .tokens import _PARTICIPLE as _PARTICIPLE
from .tokens import _REPORTING_VERB as _REPORTING_VERB
from .tokens import _SEGMENT_MARKS as _SEGMENT_MARKS
from .tokens import _SEPARATOR as _SEPARATOR
from .tokens import _VERB as _VERB
from .tokens import SEGMENT_PUNCT as SEGMENT_PUNCT
from .tokens import Tok, make_tok
from .tokens import _flags_of as _flags_of

if TYPE_CHECKING:  # (not at run time: analysis.py imports kinds.py, which imports units)
    from .analysis import Parsed

ADVERBS: Final = {
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


_BE: Final = {"was", "were", "is", "are", "be", "been", "being"}


_HAVE: Final = {"had", "has", "have"}


# A unit is a token (tokens.Tok): scan_units takes each plain token as its own unit, with the bits tokenize
# gave it, and makes a new one only for a whole date or name (_whole).
Unit = Tok


@dataclass(slots=True)  # (slots: smaller, and quicker to make and to free)
class Segment:
    units: list[Unit]
    kind: str = "np"  # clause | sub | rel | pp | ptc | np
    lead: str = ""  # the subordinator, relative pronoun or conjunction that opened it
    sep: Unit | None = None  # the punctuation before it
    # (offset, index): the first finite verb of units[offset:], as _classify found it; None once units change
    finite: tuple[int, int | None] | None = field(default=None, repr=False, compare=False)

    # (written out: compiled by mypyc, this __init__ is native code; the one @dataclass writes is not)
    def __init__(self, units: list[Unit], kind: str = "np", lead: str = "", sep: Unit | None = None,
                 finite: tuple[int, int | None] | None = None) -> None:
        self.units = units
        self.kind = kind
        self.lead = lead
        self.sep = sep
        self.finite = finite


def _date_tokens(toks: list[Tok], dates: list[DateMatch]) -> dict[int, DateMatch]:
    """Token index -> the (first) date whose span holds the token's start."""
    starts = [t.start for t in toks]  # increasing: each date covers a run of consecutive tokens
    date_at: dict[int, DateMatch] = {}
    for d in dates:
        for k in range(bisect_left(starts, d.start), bisect_left(starts, d.end)):
            date_at.setdefault(k, d)
    return date_at


def _whole(kind: str, text: str, start: int, end: int, ref: DateMatch | Mention) -> Unit:
    """A unit for a whole date or name: no word bits (the token tests are of a word or an abbreviation)."""
    return Unit(text, kind, text.lower(), False, False, False, 0, start, end, ref)


def scan_units(p: Parsed) -> tuple[list[Unit], dict[int, str], list[int], list[tuple[int, Unit]]]:
    """Tokens with each date and each name merged into one unit, parentheses set aside; and what the same
    pass over the tokens finds: the indices of the units segments_of
    visits (see _SEGMENT_MARKS), and (index, unit) of the name units (Parse.names)."""
    toks = p.toks
    date_at = _date_tokens(toks, p.dates) if p.dates else {}
    mention_at = {m.t0: m for m in p.mentions}
    merged = date_at.keys() | mention_at.keys()
    # Filled by index up to `count` (a unit takes one token or more), not by append: one call less a unit.
    units: list[Unit] = [None] * len(toks)  # type: ignore[list-item]
    count = 0
    marks: list[int] = []
    names: list[tuple[int, Unit]] = []
    parens: dict[int, str] = {}
    fixed = p.sentence.fixed
    depth = 0
    paren_start = 0
    resume = 0  # the first token not yet in a unit
    for k, t in enumerate(toks):
        if k < resume:
            continue
        if depth or k in merged or t.text == "(":
            if t.text == "(":
                depth += 1
                if depth == 1:
                    paren_start = t.end
            elif t.text == ")" and depth:
                depth -= 1
                if depth == 0 and count:
                    parens[count - 1] = fixed[paren_start : t.start].strip()
            elif depth:
                pass
            elif k in date_at:
                d = date_at[k]
                resume = k + 1
                while date_at.get(resume) is d:
                    resume += 1
                units[count] = _whole("date", fixed[d.start : d.end], d.start, d.end, d)
                count += 1
            else:
                m = mention_at[k]
                resume = m.t1
                end = toks[m.t1 - 1].end
                u = units[count] = _whole("name", fixed[m.start : end], m.start, end, m)
                names.append((count, u))
                count += 1
            continue
        # The common case: a token of its own (word, number, abbreviation, punctuation) is its own unit, with
        # the bits tokenize gave it
        if t.flags & _SEGMENT_MARKS:  # (a date or a name never is one)
            marks.append(count)
        units[count] = t
        count += 1
    del units[count:]
    for u in units:  # the sentence's first word, number, date or name
        if u.kind != "punct":
            u.first = True
            break
    return units, parens, marks, names


def _is_participle(u: Unit) -> bool:
    return u.flags & _PARTICIPLE != 0  # a lower-case word: irregular participle or "-ed" (len > 4)


_SUBJECT_PRONOUNS: Final = {"he", "she", "they", "it", "we", "i", "who"}


_DET_OR_PREP: Final = frozenset(DETERMINERS | PREPOSITIONS)
_BE_HAVE: Final = frozenset(_BE | _HAVE)


def _finite_at(units: list[Unit], i: int) -> bool:
    u = units[i]
    flags = u.flags
    if not flags & _FINITE_CUE:  # not a word, or a word that can never be finite here
        return False
    if not i:
        return flags & _FINITE != 0  # (the tests below all look at the unit before)
    prev = units[i - 1]
    plow = prev.low
    if flags & _AFTER_SUBJECT_CUES:  # (in REPORTING or ED_VERBS_AFTER_SUBJECT)
        if (
            prev.kind == "name"
            and not (isinstance(prev.ref, Mention) and prev.ref.possessive)
            or plow in _SUBJECT_PRONOUNS
        ):
            return True  # after its subject
        if (
            flags & _ED_AFTER_SUBJECT
            and prev.is_word
            and plow not in _DET_OR_PREP
            and i + 1 < len(units)
            and (units[i + 1].kind == "name" or units[i + 1].low in DETERMINERS)
        ):
            return True  # "his policy united Germany", "Lincoln led the Union"
    if not flags & _FINITE:
        return False
    pkind = prev.kind
    not_aux = u.low not in AUXILIARIES
    # "the ousted", "his stated", "a forged": an adjective after a determiner, not a verb
    if pkind == "word" and (plow in DETERMINERS or plow.endswith("'s")) and not_aux:
        return False
    if pkind == "name" and isinstance(prev.ref, Mention) and prev.ref.possessive:
        return False
    # "much of what is now Victoria was included": the verb of a free relative is not the clause's
    if plow == "what" and i > 1:
        return False
    # "the lightly populated", "a newly built": an adverb between the determiner and the adjective
    if pkind == "word" and plow.endswith("ly") and i > 1 and units[i - 2].low in DETERMINERS:
        return False
    if not not_aux:
        return True
    # "was jailed and brought": the participles after be/have are not finite
    if plow in _BE_HAVE or plow in ADVERBS and i > 1 and units[i - 2].low in _BE_HAVE:
        return False
    return not (plow == "and" and i > 1 and units[i - 2].flags & _PARTICIPLE)


def first_finite(units: list[Unit]) -> int | None:
    """Index of the first finite verb in `units`, or None (most units fail the cheap flag test)."""
    for i, u in enumerate(units):
        if u.flags & _FINITE_CUE and _finite_at(units, i):
            return i
    return None


def segments_of(units: list[Unit], marks: list[int]) -> list[Segment]:
    """Split at clause punctuation, subordinators after a comma, and relative pronouns after a noun.
    `marks`: the indices of the units with a bit of _SEGMENT_MARKS (scan_units finds them)."""
    # Each segment is a slice units[lo:end] (without the punctuation in _DROPPED). Only the marked units
    # (separators, punctuation to drop, possible openers) are visited; the units between them are kept.
    spans: list[tuple[int, int, bool, Unit | None]] = []  # lo, end, holds punctuation to drop, sep
    lo = end = 0
    sep: Unit | None = None  # the punctuation before the open segment
    filled = False  # the open segment holds a unit
    pending = False  # punctuation to drop since its last unit
    inner = False  # punctuation to drop between its units
    last = -1  # the marked unit before
    for i in marks:
        if i > last + 1:  # kept units in between
            inner = inner or pending
            pending = False
            filled = True
            end = i
        last = i
        u = units[i]
        if u.flags & _SEPARATOR:
            if filled:
                spans.append((lo, end, inner, sep))
                sep = u
                filled = inner = False
            lo = i + 1
            pending = False
        elif u.flags & _DROPPED_MARK:
            if filled:
                pending = True
            else:
                lo = i + 1
        else:  # an opener, kept in a segment
            if filled and _opens_segment(units, i):
                spans.append((lo, end, inner, sep))
                sep = None
                lo = i
                pending = inner = False
            inner = inner or pending
            pending = False
            filled = True
            end = i + 1
    if last + 1 < len(units):  # kept units at the end
        inner = inner or pending
        filled = True
        end = len(units)
    if filled:
        spans.append((lo, end, inner, sep))
    out = [
        Segment([u for u in units[lo:end] if not u.flags & _DROPPED_MARK] if inner else units[lo:end], sep=sep)
        for lo, end, inner, sep in spans
    ]
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


_RELATIVES_NOT_THAT: Final = frozenset(RELATIVES - {"that"})
_PREP_OR_SUB: Final = frozenset(PREPOSITIONS | SUBORDINATORS)


def _classify(seg: Segment) -> None:
    us = seg.units
    if us[0].low == "by" and _by_the_time(us, 0):
        seg.units = us = [make_tok("word", "when", us[0].start, us[2].end), *us[3:]]
    head = us[0]
    body = us
    offset = 0
    if head.is_word and head.low in CONJUNCTIONS and len(us) > 1:
        seg.lead = head.low
        body = us[1:]
        head = body[0]
        offset = 1
    finite = None  # first_finite(body), inline: this runs for every segment
    for i, u in enumerate(body):
        if u.flags & _FINITE_CUE and _finite_at(body, i):
            finite = i
            break
    seg.finite = (offset, finite)  # clauses_of looks for the same verb, mostly in the same units
    if (
        finite == 0
        and len(body) > 1
        and body[1].low == "by"
        and body[0].flags & _PARTICIPLE
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
    elif head.flags & _PARTICIPLE or (head.kind == "word" and head.low.endswith("ing") and len(head.low) > 5):
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
            out[-1].finite = None
            continue
        out.append(seg)
    return out


def _same_kind(a: Unit, b: Unit) -> bool:
    ea = getattr(a.ref, "entity", None)
    eb = getattr(b.ref, "entity", None)
    return ea is not None and eb is not None and ea.kind == eb.kind and ea.kind != "other"


def finite_verb_word(u: Unit) -> bool:
    return u.flags & _VERB != 0  # a finite verb or a past form (which is finite: the same bit set)
