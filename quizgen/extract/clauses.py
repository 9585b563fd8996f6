"""A shallow parse of one sentence: clauses (subject, verb group, rest) over the units and segments.

No tagger model: dates and names are already found; commas, subordinators and relative pronouns
split the sentence into segments; a clause is a segment with a finite verb. The parse is only as
good as the question templates need: subject, auxiliary or main verb, what follows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from .analysis import Parsed
from .lexicon import (
    AUXILIARIES,
    CONJUNCTIONS,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    SUBORDINATORS,
)
from .names import Mention
from .units import (
    _BE,
    _HAVE,
    _PARTICIPLE,
    ADVERBS,
    Segment,
    Unit,
    finite_verb_word,
    first_finite,
    scan_units,
    segments_of,
)

_TIME_ADJ: Final = {"next", "following", "same", "previous", "preceding", "last", "first"}
_TIME_NOUNS: Final = {"day", "days", "year", "years", "month", "months", "week", "weeks", "morning", "evening", "night",
               "spring", "summer", "autumn", "winter", "decade", "century"}
_VAGUE_SUBJECTS: Final = {
    "much",
    "many",
    "some",
    "all",
    "none",
    "most",
    "both",
    "each",
    "few",
    "others",
    "one",
    "this",
    "that",
    "these",
    "those",
    "they",
    "there",
    "what",
    "which",
    "who",
    "latter",
    "former",
}


_NOT_SUBJECT_HEAD: Final = frozenset(PREPOSITIONS | AUXILIARIES | SUBORDINATORS | {"that", "to", "not"})


@dataclass(slots=True)  # (slots: smaller, and quicker to make and to free, the rules read them often)
class Clause:
    subject: list[Unit]
    aux: Unit | None  # an auxiliary or copula at the head of the verb group
    verb: Unit | None  # the main verb when there is no auxiliary
    adverbs: list[Unit]  # between subject and verb ("once", "fatally")
    rest: list[Unit]  # what follows the verb, to the end of the clause
    intro: list[Unit] = field(default_factory=list)  # a fronted phrase ("In 1933", "On August 20, 1940")
    lead: str = ""  # how the clause was introduced ("after", "when", "whom", "and", "")
    segment: int = 0
    passive_of: list[Unit] | None = None  # reduced relative "a commission, chaired by X": its noun
    object_np: list[Unit] | None = None  # object relative "the events he chronicled": "the events"
    role_np: list[Unit] | None = None  # "Their other son, Sergei Sedov, had ...": "Their other son"
    ok: bool = field(init=False, repr=False, compare=False)  # a subject a question can be built around
    passive: bool = field(init=False, repr=False, compare=False)

    # (written out: compiled by mypyc, this __init__ is native code; the one @dataclass writes is not)
    def __init__(self, subject: list[Unit], aux: Unit | None, verb: Unit | None, adverbs: list[Unit],
                 rest: list[Unit], intro: list[Unit] | None = None, lead: str = "", segment: int = 0,
                 passive_of: list[Unit] | None = None, object_np: list[Unit] | None = None,
                 role_np: list[Unit] | None = None) -> None:
        self.subject = subject
        self.aux = aux
        self.verb = verb
        self.adverbs = adverbs
        self.rest = rest
        self.intro = [] if intro is None else intro
        self.lead = lead
        self.segment = segment
        self.passive_of = passive_of
        self.object_np = object_np
        self.role_np = role_np
        # Set once here: the rules ask for them again and again, and a clause is not changed once built.
        self.ok = _subject_ok(subject)  # a subject a question can be built around
        self.passive = passive_of is not None


def _subject_ok(subject: list[Unit]) -> bool:
    """A subject a question can be built around (Clause.ok)."""
    if not subject or len(subject) > 14:
        return False
    head = subject[0]
    if len(subject) == 1 and head.is_word and head.low in _VAGUE_SUBJECTS:
        return False
    if head.low in ("about", "over", "some", "nearly", "almost", "around") and len(subject) > 1 \
            and subject[1].kind == "num":
        return True  # "about 23,000 men were killed"
    if head.is_word and (
        head.low in _NOT_SUBJECT_HEAD
        or head.low.endswith("ly")
        and head.text[:1].isupper()
        and len(subject) > 1
    ):
        return False
    for u in subject:  # noqa: SIM110 (a plain loop: no generator object per clause)
        if u.is_word and u.low in ("that", "who", "which"):
            return False
    return True


@dataclass
class Parse:
    parsed: Parsed
    units: list[Unit]
    segments: list[Segment]
    clauses: list[Clause]
    parens: dict[int, str]  # unit index -> text of a parenthesis right after it
    _maps: tuple[dict[int, int], dict[int, bool]] | None = field(default=None, init=False, repr=False, compare=False)
    _names: list[tuple[int, Unit]] | None = field(default=None, init=False, repr=False, compare=False)
    text: str = field(default="", init=False, repr=False, compare=False)  # the sentence, as parsed
    # questions.subject_text's answers, by id(clause): (clause, ctx.he, ctx.he_certain, answer)
    _subject_texts: dict[int, tuple[object, object, bool, tuple[str, float] | None]] | None = field(
        default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.text = self.parsed.sentence.fixed  # (an attribute, not a property: rendering reads it often)
        self._subject_texts = None
        self._maps = None
        self._names = None

    def index_maps(self) -> tuple[dict[int, int], dict[int, bool]]:
        """Unit positions and 'is followed by a name', computed once per sentence for rendering."""
        maps = self._maps
        if maps is None:
            units = self.units
            ids = list(map(id, units))
            maps = self._maps = (
                dict(zip(ids, range(len(ids)), strict=True)),
                dict(zip(ids, [b.kind == "name" for b in units[1:]], strict=False)),
            )
        return maps

    def names(self) -> list[tuple[int, Unit]]:
        """(index, unit) of the name units: the rules about entities visit only these."""
        names = self._names
        if names is None:
            # (name units come from mentions: most sentences without one need no look)
            names = self._names = (
                [(k, u) for k, u in enumerate(self.units) if u.kind == "name"] if self.parsed.mentions else []
            )
        return names


def _strip_time_intro(subject: list[Unit]) -> list[Unit]:
    """'The next day Harold Godwinson' -> 'Harold Godwinson'."""
    if (
        len(subject) > 3
        and subject[0].low in ("the", "that", "this")
        and subject[1].low in _TIME_ADJ
        and subject[2].low in _TIME_NOUNS
    ):
        return subject[3:]
    return subject


_OBJ_DETERMINERS: Final = frozenset(DETERMINERS | {"this", "late", "early"})


def _split_intro(body: list[Unit], verb_at: int) -> tuple[list[Unit], list[Unit]]:
    """'In 1933 Trotsky secured': the fronted phrase ('In 1933') and the subject ('Trotsky')."""
    # "The next day Harold Godwinson was crowned", "Three days later William landed"
    if verb_at >= 4 and (
        body[0].low in ("the", "that", "this", "a") and body[1].low in _TIME_ADJ and body[2].low in _TIME_NOUNS
        or body[1].low in _TIME_NOUNS and body[2].low in ("later", "earlier", "after", "before", "afterwards")
    ):
        return body[:3], body[3:verb_at]
    if verb_at >= 3 and body[0].is_word and body[0].low in ADVERBS and body[1].is_word \
            and body[1].low in PREPOSITIONS:
        # "still in 1851 gold was discovered": the adverb goes with the fronted phrase, not the subject
        intro, subject = _split_intro(body[1:], verb_at - 1)
        return ([body[0], *intro], subject) if intro else ([], body[:verb_at])
    if verb_at >= 2 and body[0].is_word and body[0].low in PREPOSITIONS:
        obj = 1
        while obj < verb_at and body[obj].is_word and body[obj].low in _OBJ_DETERMINERS:
            obj += 1
        if obj < verb_at - 1 and body[obj].kind in ("date", "name"):
            return body[: obj + 1], body[obj + 1 : verb_at]
        # 'In his memoirs "Special Tasks" Sudoplatov says': the name just before the verb is the subject
        k = verb_at - 1
        while k > 0 and body[k].is_word and (body[k].low in ADVERBS or body[k].low.endswith("ly")):
            k -= 1
        last = body[k]
        if last.kind == "name" and k == verb_at - 1 and body[verb_at].low in ("are", "were") \
                and not last.text.endswith("s"):
            # "Within southern California are two major cities": a place before a plural verb is not its
            # subject (the phrase after the verb is)
            return body[:verb_at], []
        if (
            last.kind == "name"
            and not (isinstance(last.ref, Mention) and last.ref.possessive)
            or last.is_word
            and last.low in ("he", "she", "they")
        ):
            return body[:k], body[k:verb_at]  # the adverbs after the subject stay for the caller
    return [], body[:verb_at]


_PREP_OR_REL: Final = frozenset(PREPOSITIONS | RELATIVES)


# ", followed by Anglicans": ranks what comes after the sentence's subject, not the noun before the comma
_RANKING_PARTICIPLES: Final = frozenset({"followed", "preceded", "trailed", "succeeded"})


def clauses_of(segs: list[Segment]) -> list[Clause]:
    clauses: list[Clause] = []
    for si, seg in enumerate(segs):
        if seg.kind not in ("clause", "sub", "rel"):
            if (
                seg.kind == "ptc"
                and si > 0
                and seg.units[0].flags & _PARTICIPLE
                and seg.units[0].low not in _RANKING_PARTICIPLES
            ):
                prev = segs[si - 1]
                noun = _trailing_np(prev.units)
                if noun:
                    clauses.append(
                        Clause(noun, None, seg.units[0], [], seg.units[1:], lead="ptc", segment=si, passive_of=noun)
                    )
            continue
        body = seg.units
        offset = 0
        if seg.lead and body and body[0].low == seg.lead:
            body = body[1:]
            offset = 1
        if seg.kind in ("sub", "rel") and body and body[0].low == seg.lead:
            body = body[1:]
            offset += 1
        found = seg.finite  # what _classify found, if it looked in the same units
        verb_at = found[1] if found is not None and found[0] == offset else first_finite(body)
        if verb_at is None:
            continue
        # (a fronted phrase needs two units or more before the verb)
        intro, subject = _split_intro(body, verb_at) if verb_at >= 2 else ([], body[:verb_at])
        adverbs: list[Unit] = []
        while (
            subject
            and subject[-1].is_word
            and (subject[-1].low in ADVERBS or subject[-1].low[-2:] == "ly" and len(subject[-1].low) > 4)
        ):
            adverbs.insert(0, subject.pop())
        if not subject and seg.kind == "clause" and si > 0 and seg.lead in ("", "and", "but"):
            # "Stalin, wielding his power like a club, expelled ...": the subject is an earlier segment
            for prev in reversed(segs[:si]):
                if prev.kind in ("clause", "sub", "rel"):
                    break
                if prev.kind == "np":  # the earliest one: later ones are appositions
                    subject = prev.units
        if len(subject) > 3:
            subject = _strip_time_intro(subject)
        elif (
            len(subject) == 1
            and subject[0].low in ("having", "being")
            and len(intro) >= 2
            and intro[0].low in ("with", "without")
            and intro[-1].kind == "name"
        ):
            # "With Great Britain having claimed the continent in 1788, ...": the name is the subject
            subject = intro[-1:]
            intro = []
        verb = body[verb_at]
        aux = verb if verb.low in AUXILIARIES else None
        rest = body[verb_at + 1 :]
        if (
            aux is None
            and verb.flags & _PARTICIPLE
            and any(u.low == "by" for u in rest[:3])
            and (not subject or subject[0].is_word and subject[0].low in PREPOSITIONS
                 or intro and intro[0].is_word and intro[0].low in PREPOSITIONS)
            # ("in the early 1920s Stalin passed unnoticed by many": a date before the name, a fronted time)
            and not (subject and subject[-1].kind == "name" and any(u.kind == "date" for u in (*intro, *subject)))
        ):
            # "Under the New Economic Policy set in motion by Lenin": a participle, its noun before it
            noun = _trailing_np(subject)
            if noun:
                clauses.append(Clause(noun, None, verb, adverbs, rest, intro, "ptc", si, passive_of=noun))
            continue
        if aux is None and verb.flags & _PARTICIPLE and rest and rest[0].low == "by" and subject:
            if (
                si > 0
                and seg.sep is not None
                and seg.sep.text == ","
                and segs[si - 1].units
                and segs[si - 1].units[-1].kind == "name"
                and any(u.low in ("and", "or") for u in subject)
            ):
                continue  # "an army of Normans, Bretons and Frenchmen led by William": the list's tail is no noun
            clauses.append(Clause(subject, None, verb, adverbs, rest, intro, "ptc", si, passive_of=subject))
            continue
        object_np = None
        if (
            aux is None
            and len(subject) >= 2
            and subject[-1].kind == "name"
            and subject[0].is_word
            and subject[0].text[:1].islower() | (subject[0].low in ("one", "the", "a", "an"))
            and (later_aux := _later_aux(rest)) is not None
            and not any(x.is_word and x.low in _PREP_OR_REL for x in subject[:-1])
        ):
            # "One outcome Trotsky envisioned ... would be X": the main clause is the later verb's
            clauses.append(
                Clause(
                    subject + [verb] + rest[:later_aux],
                    rest[later_aux],
                    None,
                    [],
                    rest[later_aux + 1 :],
                    intro,
                    seg.lead,
                    si,
                )
            )
        if (
            len(subject) >= 2
            and subject[-1].is_word
            and subject[-1].low in ("he", "she", "they", "we")
            and not any(x.is_word and x.low in _PREP_OR_REL for x in subject[:-1])
        ):
            # "events he would later chronicle": the noun is the verb's object, the pronoun its subject
            object_np, subject = subject[:-1], subject[-1:]
            nxt = first_finite(rest)
            if nxt is not None:
                rest = rest[:nxt]
        if seg.kind == "rel" and not subject and si > 0:
            antecedent = _antecedent(segs, si, clauses)
            if (
                seg.lead == "whom"
                and antecedent
                and [u.low for u in segs[si - 1].units][-1:] not in (["by"], ["with"], ["to"], ["of"])
            ):
                object_np = antecedent  # "... member whom Stalin once opposed": Stalin opposed the member
            elif seg.lead in ("who", "which") and antecedent:
                subject = antecedent
        elif (
            seg.kind == "rel"
            and seg.lead == "whom"
            and si > 0
            and [u.low for u in segs[si - 1].units][-1:] not in (["by"], ["with"], ["to"], ["of"])
        ):
            object_np = _antecedent(segs, si, clauses)
        role_np = None
        if (
            seg.kind == "clause"
            and verb_at == 0
            and si >= 2
            and segs[si - 1].kind == "np"
            and len(segs[si - 1].units) == 1
            and segs[si - 1].units[0].kind == "name"
            and subject
            and subject is not segs[si - 1].units
        ):
            role_np, subject = subject, segs[si - 1].units  # "Their other son, Sergei Sedov, had remained"
        if (
            aux is not None
            and aux.low in _HAVE
            and rest
            and not rest[0].flags & _PARTICIPLE
            and not (rest[0].low in ADVERBS and len(rest) > 1 and rest[1].flags & _PARTICIPLE)
        ):
            aux = None  # "had two sons": have as the main verb
        runon = _run_on(rest) if aux is None and len(rest) >= 3 else None
        if runon is not None:
            # "Operation Mother commenced Spanish communist Ramon Mercader was supposed to ...": a lost full stop
            clauses.append(Clause(subject, None, verb, adverbs, [], intro, seg.lead, si))
            clauses.append(Clause(rest[:runon], rest[runon], None, [], rest[runon + 1 :], [], "", si))
            continue
        clauses.append(
            Clause(
                subject,
                aux,
                None if aux else verb,
                adverbs,
                rest,
                intro,
                seg.lead,
                si,
                object_np=object_np,
                role_np=role_np,
            )
        )
    return clauses


def _later_aux(rest: list[Unit]) -> int | None:
    """Index of the first 'would', 'was', 'had' ... in `rest`, if any."""
    for k, x in enumerate(rest):
        if x.low in _LATER_AUX and x.is_word:
            return k
    return None


_LATER_AUX: Final = frozenset({"would", "was", "were", "is", "had", "will"})
_FUNCTION_WORDS: Final = frozenset(PREPOSITIONS | DETERMINERS | CONJUNCTIONS)


def _run_on(rest: list[Unit]) -> int | None:
    """Index of a second finite verb whose subject is a name right after the first verb, if any."""
    if len(rest) < 3 or not (rest[0].kind == "name" or rest[0].is_word and rest[0].text[:1].isupper()):
        return None
    for k in range(1, min(len(rest), 7)):
        u = rest[k]
        if u.is_word and u.low in ("was", "were", "had") and rest[k - 1].kind == "name":
            head = rest[:k]
            if any(x.is_word and x.low in _FUNCTION_WORDS for x in head):
                return None
            return k
    return None


def _antecedent(segs: list[Segment], si: int, clauses: list[Clause]) -> list[Unit]:
    """What a relative pronoun stands for: the subject of a copula ('X was a member whom ...'), else the
    noun phrase just before it."""
    prev = next((c for c in reversed(clauses) if c.segment == si - 1), None)
    if (
        prev is not None
        and prev.aux is not None
        and prev.aux.low in _BE
        and prev.subject
        and prev.rest
        and prev.rest[0].low in ("a", "an", "the")
    ):
        return prev.subject
    return _trailing_np(segs[si - 1].units)


_PREP_OR_PRONOUN: Final = frozenset(PREPOSITIONS | PRONOUNS)


def _trailing_np(units: list[Unit]) -> list[Unit]:
    """The noun phrase a segment ends with ('... set up a Commission of Inquiry' -> 'a Commission of Inquiry')."""
    out: list[Unit] = []
    for u in reversed(units):
        if (
            u.kind == "name"
            or u.kind == "num"
            or (
                u.is_word
                and (
                    u.low in DETERMINERS
                    or u.low == "of"
                    or not finite_verb_word(u)
                    and u.low not in _PREP_OR_PRONOUN
                )
            )
        ):
            out.insert(0, u)
            if u.is_word and u.low in DETERMINERS:
                break
            continue
        break
    while out and out[0].low in ("of", "but", "and", "or"):
        out.pop(0)
    return out if any(u.kind == "name" or u.is_word and u.low not in DETERMINERS for u in out) else []


def parse_all(ps: list[Parsed]) -> list[Parse]:
    """Each sentence's parse, one step at a time over all of them (units, then segments, then clauses): the
    same calls as one sentence after another, but each step's code stays hot in the processor's caches."""
    scans = [scan_units(p) for p in ps]
    segs = [segments_of(units, marks) for units, _parens, marks, _names in scans]
    out = []
    for p, (units, parens, _marks, names), sg, cl in zip(ps, scans, segs, map(clauses_of, segs), strict=True):
        pa = Parse(p, units, sg, cl, parens)
        pa._names = names  # (what names() would find)
        out.append(pa)
    return out
