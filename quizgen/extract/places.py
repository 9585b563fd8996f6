"""Places: where something happened ('in Paris'), what a place is ('Prinkipo, a suburb of Istanbul'),
what it is called now ('Petrograd (now St. Petersburg)')."""

from __future__ import annotations

import re

from .clauses import Unit
from .facts import SentenceFacts
from .lexicon import PLACE_HEADS, PLACE_NOUNS, PLACE_PREPS
from .questions import entity_of, inverted, render, subject_text

_PLACE_NOMINAL = {
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

_INVERTING_PREPS = frozenset(PLACE_PREPS | {"within", "among"})


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
    subj = subject_text(clause, sf.p, sf.ctx)
    if subj is None:
        return
    drop = sf.phrase_drop(u, clause, PLACE_PREPS)
    items = _list_after(sf, u)
    drop |= {id(x) for x in items}
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

_PLACE_WORDS = frozenset(PLACE_HEADS | PLACE_NOUNS)


def _place_apposition(sf: SentenceFacts, k: int, u: Unit) -> None:
    """'Prinkipo, a suburb of Istanbul' -> 'Of which city was Prinkipo a suburb?'"""
    units = sf.p.units
    tail = units[k + 2 : k + 8]
    words = [x.low for x in tail]
    if not words:
        return
    j = 1 if words[0] in ("a", "an", "the") else 0
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

_NOW_FORMERLY = re.compile(r"(now|formerly|modern|today|present-day)\s+(.+)$", re.IGNORECASE)


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
