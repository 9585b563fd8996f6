"""What kind of thing a name is: the votes of its own words and of the sentence around each mention.

"Battle of X" is an event, "Red Army" a term (head words); "Spanish communist X" or "X, the famous
philosopher" a person (role nouns); "in X", "X (now Y)", "X, a suburb of Y" a place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter
from typing import Final, Protocol

from .lexicon import (
    CONJUNCTIONS,
    EVENT_HEADS,
    FIRST_WORD_KINDS,
    NAME_ADJECTIVES,
    ORG_HEADS,
    PLACE_HEADS,
    PLACE_NOUNS,
    PREPOSITIONS,
    REPORTING,
    ROLE_NOUNS,
    WORK_FIRST_WORDS,
    WORK_NOUNS,
)
from .names import Mention
from .tokens import Tok
from .units import _FINITE


class SupportsBool(Protocol):
    def __bool__(self) -> bool: ...


_PLACE_PAREN: Final = re.compile(r"\s*\((?:now|formerly|modern|today|present-day|then)\b", re.IGNORECASE)


_PLACE_CUE_BEFORE: Final = {
    "in": 1.0,
    "at": 1.0,
    "near": 1.5,
    "from": 0.7,
    "into": 1.0,
    "outside": 1.5,
    "across": 1.0,
    "throughout": 1.0,
    "to": 0.4,
    "towards": 0.7,
    "toward": 0.7,
}


_MOTION_VERBS: Final = {
    "returned",
    "moved",
    "went",
    "fled",
    "travelled",
    "traveled",
    "sailed",
    "came",
    "emigrated",
    "deported",
    "exiled",
    "sent",
    "marched",
    "retreated",
    "escaped",
    "transferred",
    "journeyed",
    "relocated",
    "defected",
    "move",
    "return",
    "go",
    "flee",
    "travel",
    "sail",
    "emigrate",
    "migrated",
    "immigrated",
    "arrived",
    "banished",
    "expelled",
    "withdrew",
    "advanced",
    "headed",
    "exported",
    "shipped",
    "driven",
    "taken",
    "brought",
    "invaded",
    "annexed",
    "settled",
    # nouns of motion: "life sentence to Siberia", "his journey to Rome"
    "sentence",
    "exile",
    "deportation",
    "banishment",
    "journey",
    "trip",
    "voyage",
    "flight",
    "emigration",
    "escape",
    "transfer",
    "expedition",
    "mission",
    "road",
    "route",
}


# "Domesday Book", "Anglo-Saxon Chronicle", "Bayeux Tapestry": names of works
WORK_HEADS: Final = {"history", "histories", "book", "chronicle", "chronicles", "tapestry", "bible", "gospels",
              "manuscript", "codex", "annals",
              "saga", "epic", "diary", "letters", "papers", "memoirs", "ballad", "poem", "song", "symphony",
              "opera", "novel"}


_NAME_SPLIT: Final = re.compile(r"[\s-]+")
_NUMERAL: Final = re.compile(r"[ivxlc]+|\d+")
_TERM_ENDS: Final = ("ism", "ist", "ists", "ite", "ites")  # (ism|ists?|ites?)$ of a word without a line break
_PEOPLE_WORD: Final = re.compile(r"[a-z]+(?:ans|ians|ese|ish|ites|ers|ists|iks|ots|ants|ents)")


@lru_cache(maxsize=1 << 15)
def structural_kind(name: str) -> str | None:
    """The kind a name's own words say: 'Battle of X' is an event, 'Red Army' a term."""
    low = name.lower()
    # (str.split splits at the same spaces as \s)
    words = [w for w in _NAME_SPLIT.split(low) if w] if "-" in low else low.split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and _NUMERAL.fullmatch(words[-1]):  # "World War II"
        words = words[:-1]
    if not words:
        return None
    head = words[-1].rstrip("'’")
    first = words[0]
    has_of = "of" in words
    if has_of and first in WORK_FIRST_WORDS:
        return "work"
    if len(words) > 1 and first in FIRST_WORD_KINDS and not (head in ORG_HEADS or head in EVENT_HEADS):
        return FIRST_WORD_KINDS[first]
    for w in [first, head] if has_of else [head]:
        if w in EVENT_HEADS:
            return "event"
        if w in ORG_HEADS:
            return "term"
        if w in PLACE_HEADS:
            return "place"
    if len(words) == 1 and head.endswith(_TERM_ENDS):
        return "term"
    if head in WORK_HEADS and len(words) > 1:
        return "work"
    if len(words) == 1 and _PEOPLE_WORD.fullmatch(head):
        return "term"  # "Normans", "Bolsheviks", "Patriots": a people or a party, not one person
    if len(words) > 1 and first in NAME_ADJECTIVES:
        return "place"
    core = name.replace(".", "")
    if 2 <= len(core) <= 6 and core.isupper():
        return "term"
    return None


_KIND_HEADS: Final = frozenset(ORG_HEADS | EVENT_HEADS | PLACE_HEADS)


_POSSESSIVE_DETS: Final = ("his", "her", "their", "its")
_WORK_CUES: Final = frozenset({"famed", "famous", "book", "memoirs", "autobiography", "novel"})
_WORK_WORDS: Final = frozenset(WORK_NOUNS | _WORK_CUES)
# first words that say a two-to-four-word name is not a person's
_NOT_PERSON_FIRST: Final = frozenset(NAME_ADJECTIVES | set(FIRST_WORD_KINDS) | _KIND_HEADS | {"the"})
_low = attrgetter("low")


def context_votes(toks: list[Tok], m: Mention, sentence: str, has_he: SupportsBool) -> dict[str, float]:
    """How the sentence around a mention suggests its kind. `has_he`: true if the sentence says he, she, his,
    her or him (read only for a mention a finite verb follows: the caller may find it out on demand)."""
    # This runs once per mention, so it keeps to plain operations: a plain dict, filled with get() (a Counter's
    # creation and its `+=` on a new kind each cost Python-level calls; Registry.add_all sums the votes alike)
    votes: dict[str, float] = {}
    if m.modifier:
        return votes
    text = m.text
    sk, sk_votes, full_name = _name_traits(text)
    if sk:
        votes[sk] = sk_votes
    if m.title:
        votes["person"] = votes.get("person", 0) + 3
    t0, t1 = m.t0, m.t1
    prev = toks[t0 - 1] if t0 > 0 else None
    prev2 = toks[t0 - 2] if t0 > 1 else None
    nxt = toks[t1] if t1 < len(toks) else None
    if text[:4] == "The " and not m.initial:
        votes["work"] = votes.get("work", 0) + 1.5
    if prev is not None and prev.text in '"“' and nxt is not None and nxt.text in '"”':  # quoted
        votes["work"] = votes.get("work", 0) + 3
    if prev is not None:
        # (each test below starts with a cheap one that most mentions fail)
        if not _WORK_WORDS.isdisjoint(map(_low, toks[t0 - 4 if t0 > 4 else 0 : t0])):
            _work_votes(votes, [t.low for t in toks[t0 - 4 if t0 > 4 else 0 : t0] if t.kind == "word"])
        # "lieutenant-general of the NKVD Lyushkov": a role noun a few words before the name
        if prev.is_cap:
            back = toks[t0 - 5 if t0 > 5 else 0 : t0]
            if not ROLE_NOUNS.isdisjoint(map(_low, back)) and _role_before(back):
                votes["person"] = votes.get("person", 0) + 1.5
        if prev.kind == "word":
            low = prev.low
            if low in ROLE_NOUNS and prev.text[:1].islower():
                votes["person"] = votes.get("person", 0) + 2.5
            elif low in ("to", "into") and prev2 is not None and prev2.low in _MOTION_VERBS:
                votes["place"] = votes.get("place", 0) + 1.2  # "returned to Nikolayev", "defected to Japan"
            elif low in _PLACE_CUE_BEFORE:
                votes["place"] = votes.get("place", 0) + _PLACE_CUE_BEFORE[low]
            elif low == "of" and prev2 is not None and prev2.low in PLACE_NOUNS:
                votes["place"] = votes.get("place", 0) + 2.5
            elif (
                low == "by"
                and prev2 is not None
                and (prev2.low.endswith(("ed", "en")) or prev2.low in WORK_NOUNS or prev2.is_cap)
            ):
                votes["person"] = votes.get("person", 0) + 2
        # "Old Bolsheviks, such as Zinoviev and Kamenev": members of a group of people; "Companies such as
        # Volcom, Quiksilver and Body Glove": of a group of organisations (each item of the list)
        if prev.low in _SUCH_AS_STEPS or prev.text == ",":
            g = _such_as_group(toks, t0)
            if g is not None:
                group = toks[g]
                single = _singular(group.low)
                if single in ORG_HEADS or single in _ORG_GROUPS:
                    votes["term"] = votes.get("term", 0) + 1.5
                elif group.low.endswith("s") and (
                    group.is_cap and any(t.kind != "punct" for t in toks[:g]) or single in ROLE_NOUNS
                ):
                    votes["person"] = votes.get("person", 0) + 1.5
    if "(" in sentence:
        if _PLACE_PAREN.match(sentence, m.end):
            votes["place"] = votes.get("place", 0) + 3
        if prev is not None and prev.text == "(" and prev2 is not None and prev2.low in ("now", "formerly"):
            votes["place"] = votes.get("place", 0) + 3
    if nxt is not None:
        if m.possessive:
            if nxt.low.strip(",") in ROLE_NOUNS:
                votes["person"] = votes.get("person", 0) + 1.5
        elif (
            nxt.text == ","
            or nxt.low in ("was", "is")
            and t1 + 2 < len(toks)
            and toks[t1 + 1].low in ("a", "an", "the")
        ):
            head = _apposition_head(toks, t1 + 1)
            if head in ROLE_NOUNS:
                votes["person"] = votes.get("person", 0) + 2
            elif head in PLACE_NOUNS or head in PLACE_HEADS:
                votes["place"] = votes.get("place", 0) + 2
        elif nxt.kind == "word" and nxt.flags & _FINITE:  # finite_verb(nxt)
            if nxt.low in ("are", "were") and not (
                prev is not None
                and (prev.low in ("and", "or") or prev.text == "," and prev2 is not None and prev2.is_cap and t0 > 2)
            ):
                votes["term"] = votes.get("term", 0) + 1  # "Chivas were suspended": a team, a group, no one man
            else:
                # weak: countries and parties act too (capped below)
                votes["acts"] = votes.get("acts", 0) + (1.0 if has_he else 0.6)
        elif nxt.low in REPORTING:  # "Sudoplatov says"
            votes["person"] = votes.get("person", 0) + 1
    if full_name:  # counted apart: a place named in full every time ("Los Angeles") is not a person
        votes["name"] = 1
    return votes


_ROMAN: Final = re.compile(r"[IVXLC]+")


@lru_cache(maxsize=1 << 15)
def _name_traits(text: str) -> tuple[str | None, float, bool]:
    """What a name's own words say, the same at each mention: its structural kind, that kind's votes, and
    whether it looks like a person's full name."""
    sk = structural_kind(text)
    words = text.split()
    # two plain words could still be a person called like a noun ("Robert Service")
    sk_votes = 2.5 if len(words) == 2 and sk in ("term", "event") else 3
    # (a word in capitals, "Chivas USA", is no part of a person's name; an initial, "Robert E. Lee", is)
    full_name = (
        2 <= len(words) <= 4
        and sk != "work"
        and not text.isupper()
        and words[0].lower() not in _NOT_PERSON_FIRST
        and all(w[:1].isupper() and w.replace("'", "").replace(".", "").isalpha() for w in words)
        and not any(len(w) > 2 and w.isupper() and "." not in w and not _ROMAN.fullmatch(w) for w in words)
    )
    return sk, sk_votes, full_name


_SUCH_AS_STEPS: Final = frozenset({"as", "and", "or"})
_ORG_GROUPS: Final = frozenset({"company", "firm", "brand", "business", "corporation", "team", "club", "party",
                         "organisation", "organization", "label", "studio", "manufacturer", "network", "newspaper",
                         "band", "retailer", "airline", "bank", "university", "school"})


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") else word


def _such_as_group(toks: list[Tok], t0: int) -> int | None:
    """The index of the group noun of 'GROUP (,) such as A, B and C' before the name at t0, if any."""
    j = t0 - 1
    lo = t0 - 24 if t0 > 24 else 0
    while j > lo:
        t = toks[j]
        if t.low == "as" and toks[j - 1].low == "such":
            g = j - 2
            if g >= 0 and toks[g].text == ",":
                g -= 1
            return g if g >= 0 and toks[g].kind == "word" else None
        if not (t.text == "," or t.low in ("and", "or") or t.is_cap):
            return None
        j -= 1
    return None


def _work_votes(votes: dict[str, float], before: list[str]) -> None:
    """'his book X', 'the famous X': the words before a mention (`before`: up to 4, lower case) name a work."""
    if not WORK_NOUNS.isdisjoint(before[-3:]) and any(w in _POSSESSIVE_DETS or w.endswith("'s") for w in before):
        votes["work"] = votes.get("work", 0) + 2
    elif not _WORK_CUES.isdisjoint(before[-2:]):
        votes["work"] = votes.get("work", 0) + 1.5


def _role_before(back: list[Tok]) -> bool:
    """A lower-case role noun among the tokens `back`, and only 'of', 'the', role nouns or capitalised
    words in its last three."""
    return any(t.low in ROLE_NOUNS and t.text[:1].islower() for t in back) and all(
        t.low in ("of", "the") or t.is_cap or t.low in ROLE_NOUNS for t in back[-3:]
    )


_NOT_APPOSITION: Final = frozenset((PREPOSITIONS - {"as"}) | CONJUNCTIONS)


def _apposition_head(toks: list[Tok], k: int) -> str | None:
    """The head noun of the noun phrase starting at token k (up to a comma or a verb)."""
    if k < len(toks) and toks[k].kind == "word" and toks[k].low in _NOT_APPOSITION:
        return None  # "the Labor Party, with Daniel Andrews the current Premier": a phrase, no apposition
    head = None
    for t in toks[k : k + 8]:
        if t.kind == "punct" or (t.kind == "word" and t.low in ("who", "which", "that", "whom", "whose")):
            break
        if t.kind == "word" and t.low == "of" and head:
            break
        if t.kind == "word" and head and t.flags & _FINITE:  # finite_verb(t)
            break
        if t.kind in ("word", "name"):
            head = t.low.strip("'’")
    return head
