"""Places: where something happened ('in Paris'), what a place is ('Prinkipo, a suburb of Istanbul'),
what it is called now ('Petrograd (now St. Petersburg)')."""

from __future__ import annotations

import re
from typing import Final

from .clauses import Clause, Unit
from .facts import SentenceFacts
from .lexicon import PLACE_HEADS, PLACE_NOUNS, PLACE_PREPS, PREPOSITIONS
from .questions import entity_of, inverted, render, subject_text
from .units import finite_verb_word

_PLACE_NOMINAL: Final = {
    "sentence": ("was", "sentenced"),
    "exile": ("was", "exiled"),
    "deportation": ("was", "deported"),
    "banishment": ("was", "banished"),
    "journey": ("did", "travel"),
    "trip": ("did", "travel"),
    "voyage": ("did", "sail"),
    "flight": ("did", "flee"),
    "return": ("did", "return"),
    "emigration": ("did", "emigrate"),
    "escape": ("did", "escape"),
    "move": ("did", "move"),
    "transfer": ("was", "transferred"),
    "imprisonment": ("was", "imprisoned"),
    "expedition": ("did", "go"),
    "mission": ("was", "sent"),
}


def place_facts(sf: SentenceFacts) -> None:
    units = sf.p.units
    for k, u, ent in sf.named:
        if ent is None or ent.kind != "place" or u.ref.possessive:  # type: ignore[union-attr]
            continue
        # "connections to Mussolini": a preposition alone is not enough
        if ent.strength < 1 or sf.work_spans and sf.in_work(u):
            continue
        prev = units[k - 1] if k else None
        if k and sf.p.clauses and not sf.p.clauses[0].subject:
            _place_inverted(sf, u)
        if prev is not None and prev.is_word and prev.low in PLACE_PREPS:
            _place_pp(sf, u, prev)
        nxt = units[k + 1] if k + 1 < len(units) else None
        if nxt is not None and nxt.text == ",":
            _place_apposition(sf, k, u)
        paren = sf.p.parens.get(k)
        if paren:
            _place_paren(sf, u, paren)

_INVERTING_PREPS: Final = frozenset(PLACE_PREPS | {"within", "among"})


def _place_inverted(sf: SentenceFacts, u: Unit) -> None:
    """'Within the Los Angeles Area are the major business districts of Downtown Burbank and ...' -> 'Where
    are the major business districts of Downtown Burbank and ...?' (the sentence's first clause has no
    subject: its place stands before the verb, what is there after it)."""
    clause = sf.p.clauses[0]
    if (
        clause.aux is None
        or not clause.intro
        or clause.intro[-1] is not u
        or clause.intro[0].low not in _INVERTING_PREPS
        or not any(x.kind == "name" for x in clause.rest)
    ):
        return
    q = f"Where {clause.aux.low} {render(clause.rest, sf.p)}"
    sf.add("place", q, sf.s.fixed[u.start : u.end], (u.start, u.end), 0.6, "place-inverted")


def _place_pp(sf: SentenceFacts, u: Unit, prep: Unit) -> None:
    clause = sf.host(u)
    if clause is None:
        _nominal_place(sf, u, prep)
        return
    if not clause.ok:
        return
    k = sf.index(u)
    if k > 1 and (
        prep.low == "from" and sf.p.units[k - 2].low in _APART  # "a status separate from Northern California"
        or prep.low == "to" and sf.p.units[k - 2].low == "home"  # "is home to Los Angeles International Airport"
    ):
        return
    units = sf.p.units
    j = k + 1  # (", and their legacy is ...": a comma before it opens another clause)
    if (
        j + 1 < len(units)
        and units[j].low == "and"
        and units[j + 1].kind != "name"
        and not (units[j + 1].kind == "word" and finite_verb_word(units[j + 1]))
    ):
        # "in Bendigo and its environs", "in California and the second most populous in the United States",
        # "located in Northern San Diego and some within North County regions": the rest of the coordination
        # leaves the question ("Where is Los Angeles the most populous city?")
        end = j
        while end < len(units) and units[end].kind != "punct":
            end += 1
        tail_ids = {id(x) for x in units[j:end]}
    else:
        tail_ids = set()
    if _second_verb_before(clause, u):
        return  # "captured Atlanta in 1864 and marched to the sea at Savannah": Savannah is not where Atlanta fell
    subj = subject_text(clause, sf.p, sf.ctx)
    if subj is None:
        return
    drop = sf.phrase_drop(u, clause, PLACE_PREPS)
    items = _list_after(sf, u)
    drop |= {id(x) for x in items}
    drop |= tail_ids
    body = inverted(clause, sf.p, subj[0], drop)
    if body is None:
        return
    wh = "From where" if prep.low == "from" else "Where"
    ent = entity_of(u)
    if items:  # "in Germany, Estonia, and Bulgaria": the list is the answer
        last = items[-1]
        answer = sf.s.fixed[u.start : last.end]
        sf.add(
            "place",
            f"{wh} {body}",
            answer,
            (u.start, last.end),
            0.6 * subj[1] * sf.pronoun_factor(clause),
            "place-list",
        )
        return
    sf.add(
        "place",
        f"{wh} {body}",
        u.text,
        (u.start, u.ref.end),
        0.7 * subj[1] * sf.pronoun_factor(clause),
        "place",
        [a for a in ent.forms if a != u.text] if ent else [],
    )

_APART: Final = frozenset({"separate", "separately", "different", "distinct", "independent", "independently", "apart",
                    "away", "far", "free", "exempt", "isolated", "absent", "excluded", "differ", "differs"})


def _second_verb_before(clause: Clause, u: Unit) -> bool:
    """Does a second verb with its own phrase come between the clause's verb and `u` ('captured Atlanta ... and
    marched to the sea at Savannah')? ('met and married Natalya Sedova in Paris' shares its place.)"""
    rest = clause.rest
    for j, x in enumerate(rest):
        if x is u:
            return False
        if j and x.low == "and" and j + 1 < len(rest) and rest[j + 1].kind == "word" and finite_verb_word(rest[j + 1]):
            return True
    return False


def _list_after(sf: SentenceFacts, u: Unit) -> list[Unit]:
    """The rest of a list of same-kind names after `u`, with its commas and 'and'."""
    units = sf.p.units
    n = len(units)
    k = sf.index(u)
    ent = entity_of(u)
    if ent is None or k > 1 and units[k - 1].low in ("and", ",") and entity_of(units[k - 2]) is not None:
        return []  # not the head of a list
    out: list[Unit] = []
    j = k + 1
    while j < n:
        sep_end = j
        if units[sep_end].text == ",":
            sep_end += 1
        if sep_end < n and units[sep_end].low in ("and", "or"):
            sep_end += 1
        if sep_end == j or sep_end >= n:
            break
        other = entity_of(units[sep_end])
        if other is None or other.kind != ent.kind:
            break
        out.extend(units[j : sep_end + 1])
        j = sep_end + 1
    return out

def _nominal_place(sf: SentenceFacts, u: Unit, prep: Unit) -> None:
    """'After his trial and life sentence to Siberia, he escaped' -> 'Where was Trotsky sentenced?'"""
    units = sf.p.units
    k = sf.index(u)
    noun = units[k - 2] if k >= 2 else None
    if noun is None or noun.low not in _PLACE_NOMINAL or prep.low not in ("to", "in", "from", "into"):
        return
    clause = sf.host(u, loose=True)
    if clause is None or not clause.ok:
        return
    subj = subject_text(clause, sf.p, sf.ctx)
    if subj is None:
        return
    aux, verb = _PLACE_NOMINAL[noun.low]
    wh = "From where" if prep.low == "from" else "Where"
    sf.add(
        "place",
        f"{wh} {aux} {subj[0]} {verb}",
        u.text,
        (u.start, u.ref.end),  # type: ignore[union-attr]
        0.5 * subj[1] * sf.pronoun_factor(clause),
        "place-nominal",
    )

_PLACE_WORDS: Final = frozenset(PLACE_HEADS | PLACE_NOUNS)


def _place_apposition(sf: SentenceFacts, k: int, u: Unit) -> None:
    """'Prinkipo, a suburb of Istanbul' -> 'Of which city was Prinkipo a suburb?'"""
    units = sf.p.units
    tail = units[k + 2 : k + 8]
    words = [x.low for x in tail]
    if not words:
        return
    j = 1 if words[0] in ("a", "an", "the") else 0
    if j == 1 and words[0] == "the" and len(words) > 2 and any(_superlative(w) for w in words[1:5]):
        _place_superlative(sf, k, u)
        return
    if j + 2 >= len(tail) or words[j] not in PLACE_NOUNS or words[j + 1] != "of":
        return
    m = j + 2
    if m < len(tail) and tail[m].low == "the":
        m += 1
    while m < len(tail) and tail[m].kind == "word" and tail[m].text[:1].islower() and m < len(tail) - 1:
        m += 1
    if m >= len(tail) or tail[m].kind != "name":
        return
    other = tail[m]
    noun = words[j]
    head = other.text.split()[-1].lower()
    cat = head if head in _PLACE_WORDS else "place"
    det = "the" if words[0] == "the" or noun == "capital" else "a"
    sf.add(
        "place",
        f"Of which {cat} was {u.text} {det} {noun}",
        other.text,
        (other.start, other.ref.end),
        0.7,
        "place-apposition",
    )
    if det == "the":  # "Vienna, capital of the Habsburg Empire" -> "What was the capital of ...?"
        of_what = render(tail[j + 2 : m + 1], sf.p)
        sf.add("place", f"What was the {noun} of {of_what}", u.text, (u.start, u.ref.end), 0.65, "place-capital")

def _superlative(word: str) -> bool:
    """'largest', 'second-busiest', 'most' (not 'west', 'forest', 'interest', 'request')."""
    last = word.rsplit("-", 1)[-1]
    return last == "most" or len(last) > 5 and last.endswith("iest") or last in _SUPERLATIVES


_SUPERLATIVES: Final = frozenset({"largest", "biggest", "oldest", "tallest", "highest", "longest", "greatest",
                           "smallest",
                           "deepest", "widest", "richest", "strongest", "newest", "fastest", "first", "least",
                           "warmest", "coldest", "driest", "wettest", "nearest", "closest", "best", "worst"})
_PRESENT: Final = frozenset({"is", "are", "has", "have", "remains", "remain"})


def _place_superlative(sf: SentenceFacts, k: int, u: Unit) -> None:
    """'..., Los Angeles International Airport, the second-busiest airport in the United States (...)' ->
    'What is the second-busiest airport in the United States?' (the phrase up to the next punctuation)."""
    units = sf.p.units
    end = k + 2
    while end < len(units) and end - k < 22 and (
        units[end].kind != "punct"
        or units[end].text in "'’"
        and end + 1 < len(units)
        and units[end + 1].is_word
        and units[end + 1].low not in PREPOSITIONS
    ):
        end += 1  # (through the apostrophe of "the United States' busiest commercial port")
    phrase = units[k + 2 : end]
    if len(phrase) < 3 or end - k >= 22 or phrase[-1].is_word and phrase[-1].low in _TAIL_WORDS:
        return
    if not any(x.kind == "word" and (x.low in _PLACE_WORDS or x.low.rstrip("s") in _PLACE_WORDS) for x in phrase[2:6]):
        return  # the superlative of a place noun: "the largest city", "the second-busiest airport"
    verb = "is" if any(x.low in _PRESENT for x in units if x.is_word) else "was"
    sf.add("place", f"What {verb} {render(phrase, sf.p)}", u.text, (u.start, u.ref.end), 0.6, "place-superlative")


_TAIL_WORDS: Final = frozenset({"and", "or", "of", "in", "by", "the", "a", "an", "to", "with", "for", "at", "on"})

_NOW_FORMERLY: Final = re.compile(r"(now|formerly|modern|today|present-day)\s+(.+)$", re.IGNORECASE)


def _place_paren(sf: SentenceFacts, u: Unit, paren: str) -> None:
    m = _NOW_FORMERLY.match(paren.strip())
    if not m or not m.group(2)[:1].isupper():
        return
    new = m.group(2).strip()
    start = sf.s.fixed.find(new, u.end)
    if start < 0:
        return
    gap = (start, start + len(new))
    if m.group(1).lower() == "formerly":
        sf.add("place", f"What was {u.text} formerly called", new, gap, 0.75, "place-formerly")
    else:
        sf.add("place", f"What is {u.text} called today", new, gap, 0.75, "place-now")
