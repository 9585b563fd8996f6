"""What an answer is (a person of the bank, a pair of people, a place, a work, a term) and the bank's pools of
things of the same kind, with the facts a teacher wrote about them (roles, question wording).

Everything here is read from the bank; no entity is named in the code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import textnorm

# Folding is the hot path of distractor checks (the same few hundred names, thousands of times).
fold = lru_cache(maxsize=1 << 14)(textnorm.fold)
fold_loose = lru_cache(maxsize=1 << 14)(textnorm.fold_loose)

if TYPE_CHECKING:
    from ..bank import Bank, Fact, Person

_FEMALE = {"wife", "mother", "daughter", "sister", "woman", "women", "queen", "empress", "widow", "she", "her",
           "actress", "princess", "duchess", "countess", "girlfriend", "mistress", "lady", "grandmother",
           "aunt", "niece", "tsarina", "heroine", "businesswoman", "congresswoman", "stepmother"}
_PAIR = re.compile(r"\s+(?:and|&)\s+")
PLACE_TYPES = {"city": "city", "town": "city", "capital": "city", "village": "city", "port": "city",
               "country": "country", "nation": "country", "state": "country", "kingdom": "country",
               "republic": "country", "empire": "country", "region": "region", "province": "region",
               "territory": "region", "island": "island", "river": "river", "sea": "sea",
               "continent": "continent", "mountain": "mountain", "lake": "lake"}
_PLACE_Q = re.compile(r"\b(?:which|what)\s+(?:[\w-]+'s\s+)?(" + "|".join(PLACE_TYPES) + r")\b", re.IGNORECASE)
_WHICH_NOUN = re.compile(r"\b(?:which|what)\s+([a-z-]+)(?:\s+([a-z-]+))?", re.IGNORECASE)


def words(text: str) -> set[str]:
    return set(fold(text).split())


def stems(text: str) -> set[str]:
    """Folded words with a plural or possessive "s" dropped: "sons" and "Son", "Trotsky's" and "Trotsky"."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words(text)}


_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b")


def said(text: str) -> str:
    """Folded text to look names up in, possessives both kept and dropped ("Sudoplatov's" names him)."""
    return f"{fold(text)} | {fold(_POSSESSIVE.sub('', text))}"


def mentions(haystack: str, needle: str) -> bool:
    """True when `needle` occurs as whole words in `haystack` (a `said()` or `fold()` text)."""
    n = fold(needle)
    return bool(n) and f" {n} " in f" {haystack} "


def is_female(person: Person) -> bool:
    return bool(words(person.role or "") & _FEMALE)


def surname(person: Person) -> str | None:
    """The one-word form the bank uses for a person: the name itself when one word, else a one-word
    alias, the last name first (never the first name alone: "Lev" is not how one writes a surname)."""
    words_ = person.name.split()
    if len(words_) == 1:
        return person.name
    one = [a for a in person.aliases if " " not in a.strip()]
    for alias in one:
        if fold(alias) == fold(words_[-1]):
            return alias
    return next((a for a in one if fold(a) != fold(words_[0])), None)


@dataclass
class Index:
    """The bank's people, places, works and terms, indexed once per bank."""

    people: dict[str, Person] = field(default_factory=dict)      # fold(name or alias) -> Person
    works: dict[str, str] = field(default_factory=dict)          # fold_loose(title or alias) -> title
    places: dict[str, tuple[str, str]] = field(default_factory=dict)  # fold -> (place, type or "")
    kinds: dict[str, list[str]] = field(default_factory=dict)    # answer type -> candidate texts
    related: dict[str, set[str]] = field(default_factory=dict)   # fold(place) -> folds of places said together
    tags: dict[str, set[str]] = field(default_factory=dict)      # fold_loose(candidate) -> tags of its facts
    source: dict[str, str] = field(default_factory=dict)         # fold_loose(candidate) -> id of its fact
    fame: dict[int, int] = field(default_factory=dict)           # id(Person) -> facts that name them
    role_df: dict[str, int] = field(default_factory=dict)        # stem -> how many roles use it
    roles: int = 0                                               # people with a role


def person_of(index: Index, text: str) -> Person | None:
    return index.people.get(fold(text))


def people_of(index: Index, text: str) -> list[tuple[Person, str]] | None:
    """The people an answer names, each with its form ("name" or "surname"): one person, or a pair."""
    one = person_of(index, text)
    if one is not None:
        return [(one, _form(one, text))]
    parts = _PAIR.split(text.strip())
    if len(parts) < 2:
        return None
    out = []
    for part in parts:
        p = person_of(index, part)
        if p is None:
            return None
        out.append((p, _form(p, part)))
    return out


def _form(person: Person, text: str) -> str:
    if fold(text) == fold(person.name):
        return "name"
    return "surname" if " " not in text.strip() else "name"


def render_person(person: Person, form: str) -> str | None:
    return surname(person) if form == "surname" else person.name


def place_type(question: str) -> str:
    """The kind of place a question asks for ("city", "country", ...), or "" when it does not say."""
    m = _PLACE_Q.search(question)
    return PLACE_TYPES[m.group(1).lower()] if m else ""


def asked_noun_in(question: str, answer: str) -> str:
    """The noun a question asks for when the answer repeats it ("Which army ...?" - "the Red Army" ->
    "army"): every option should then be one of those. "" when the question does not name one."""
    m = _WHICH_NOUN.search(question)
    if not m:
        return ""
    have = words(answer)
    for word in filter(None, m.groups()):
        w = fold(word)
        for form in (w, w[:-1] if w.endswith("s") else w):
            if len(form) > 2 and form in have:
                return form
    return ""


def answer_type(index: Index, fact: Fact) -> str:
    """What the answer is, which can differ from the fact's kind: a `work` fact answered by its author is a
    person, and its distractors must be people."""
    if fact.kind in ("date", "number"):
        return fact.kind
    if people_of(index, fact.answer):
        return "person"
    if fact.kind in ("work", "term", "event") and fold_loose(fact.answer) in index.works:
        return "work"
    return fact.kind


_CACHE: dict[int, tuple[object, tuple[int, ...], Index]] = {}


def index(bank: Bank) -> Index:
    """The bank's Index, built once per bank (rebuilt when its fact, people or work lists are replaced or
    change length; a fact edited in place keeps the old index).

    The cache holds the bank itself so its id cannot be reused by another object while cached.
    """
    stamp = (id(bank.facts), len(bank.facts), id(bank.people), len(bank.people), id(bank.works), len(bank.works))
    hit = _CACHE.get(id(bank))
    if hit is not None and hit[0] is bank and hit[1] == stamp:
        return hit[2]
    idx = _build(bank)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(bank)] = (bank, stamp, idx)
    return idx


def _build(bank: Bank) -> Index:
    idx = Index()
    for p in bank.people:
        for text in (p.name, *p.aliases):
            idx.people.setdefault(fold(text), p)
    # A last name alone names its person when no one else in the bank bears it.
    lasts: dict[str, list[Person]] = {}
    for p in bank.people:
        lasts.setdefault(fold(p.name.split()[-1]), []).append(p)
    for last, owners in lasts.items():
        if len(owners) == 1:
            idx.people.setdefault(last, owners[0])
    for w in bank.works:
        for text in (w.title, *w.aliases):
            idx.works.setdefault(fold_loose(text), w.title)
    pools: dict[str, list[str]] = {"person": [], "place": [], "work": [], "term": [], "event": []}
    pools["work"].extend(w.title for w in bank.works)
    facts = bank.approved()
    for f in facts:
        kind = answer_type(idx, f)
        if kind in ("date", "number"):
            continue
        if kind != "person" or people_of(idx, f.answer) is None:
            pools.setdefault(kind, []).append(f.answer)
        # A teacher's distractors are things of the same kind, written for students: good for others too.
        pools.setdefault(kind, []).extend(f.distractors)
        for text in (f.answer, *f.distractors):
            idx.tags.setdefault(fold_loose(text), set()).update(f.tags)
            idx.source.setdefault(fold_loose(text), f.id)
        if kind == "place":
            ptype = place_type(f.question)
            for text in (f.answer, *f.accept):
                idx.places.setdefault(fold(text), (f.answer, ptype))
            for text in f.distractors:
                idx.places.setdefault(fold(text), (text, ptype))
    for f in facts:
        if answer_type(idx, f) == "place":
            # Places named in one fact are often inside one another (a suburb of a city, a city in a
            # country): never offer one as the wrong answer for the other.
            text = said(" ".join(filter(None, [f.question, f.answer, f.cloze or "", *f.accept])))
            names = [t for t in idx.places if mentions(text, t)]
            for a in names:
                idx.related.setdefault(idx_key(idx, a), set()).update(idx_key(idx, b) for b in names)
    idx.kinds = {k: _dedupe(v) for k, v in pools.items()}
    texts = [said(" ".join([f.question, f.answer, f.cloze or ""])) for f in facts]
    idx.roles = sum(1 for p in bank.people if p.role)
    for p in bank.people:
        for w in stems(p.role or ""):
            idx.role_df[w] = idx.role_df.get(w, 0) + 1
    for p in bank.people:
        idx.fame[id(p)] = sum(1 for t in texts if any(mentions(t, n) for n in (p.name, *p.aliases)))
    return idx


def idx_key(idx: Index, folded: str) -> str:
    """The canonical folded name of a place (its first answer), so aliases share their relations."""
    hit = idx.places.get(folded)
    return fold(hit[0]) if hit else folded


def _dedupe(texts: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for t in texts:
        k = fold_loose(t)
        if k and k not in seen:
            seen.add(k)
            out.append(t)
    return out
