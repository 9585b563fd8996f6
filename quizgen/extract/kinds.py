"""What kind of thing a name is: the votes of its own words and of the sentence around each mention.

"Battle of X" is an event, "Red Army" a term (head words); "Spanish communist X" or "X, the famous
philosopher" a person (role nouns); "in X", "X (now Y)", "X, a suburb of Y" a place.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .lexicon import (
    EVENT_HEADS,
    FIRST_WORD_KINDS,
    NAME_ADJECTIVES,
    ORG_HEADS,
    PLACE_HEADS,
    PLACE_NOUNS,
    REPORTING,
    ROLE_NOUNS,
    WORK_FIRST_WORDS,
    WORK_NOUNS,
)
from .names import Mention
from .tokens import Tok, finite_verb

_PLACE_PAREN = re.compile(r"\s*\((?:now|formerly|modern|today|present-day|then)\b", re.IGNORECASE)


_PLACE_CUE_BEFORE = {
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


_MOTION_VERBS = {
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
WORK_HEADS = {"history", "histories", "book", "chronicle", "chronicles", "tapestry", "bible", "gospels",
              "manuscript", "codex", "annals",
              "saga", "epic", "diary", "letters", "papers", "memoirs", "ballad", "poem", "song", "symphony",
              "opera", "novel"}


@lru_cache(maxsize=1 << 15)
def structural_kind(name: str) -> str | None:
    """The kind a name's own words say: 'Battle of X' is an event, 'Red Army' a term."""
    words = [w for w in re.split(r"[\s-]+", name.lower()) if w]
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    while len(words) > 1 and re.fullmatch(r"[ivxlc]+|\d+", words[-1]):  # "World War II"
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
    if len(words) == 1 and re.search(r"(ism|ists?|ites?)$", head):
        return "term"
    if head in WORK_HEADS and len(words) > 1:
        return "work"
    if len(words) == 1 and re.fullmatch(r"[a-z]+(?:ans|ians|ese|ish|ites|ers|ists|iks|ots)", head):
        return "term"  # "Normans", "Bolsheviks", "Patriots": a people or a party, not one person
    if len(words) > 1 and first in NAME_ADJECTIVES:
        return "place"
    core = name.replace(".", "")
    if 2 <= len(core) <= 6 and core.isupper():
        return "term"
    return None


_KIND_HEADS = frozenset(ORG_HEADS | EVENT_HEADS | PLACE_HEADS)


def context_votes(toks: list[Tok], m: Mention, sentence: str, has_he: bool) -> Counter:
    """How the sentence around a mention suggests its kind."""
    votes: Counter = Counter()
    if m.modifier:
        return votes
    sk = structural_kind(m.text)
    words = m.text.split()
    if sk:
        # two plain words could still be a person called like a noun ("Robert Service")
        votes[sk] += 2.5 if len(words) == 2 and sk in ("term", "event") else 3
    if m.title:
        votes["person"] += 3
    prev = toks[m.t0 - 1] if m.t0 > 0 else None
    prev2 = toks[m.t0 - 2] if m.t0 > 1 else None
    nxt = toks[m.t1] if m.t1 < len(toks) else None
    if m.text.startswith("The ") and not m.initial:
        votes["work"] += 1.5
    quoted = prev is not None and prev.text in '"“' and nxt is not None and nxt.text in '"”'
    if quoted:
        votes["work"] += 3
    before = [t.low for t in toks[max(0, m.t0 - 4) : m.t0] if t.kind == "word"]
    if any(w in WORK_NOUNS for w in before[-3:]) and any(
        w in ("his", "her", "their", "its") or w.endswith("'s") for w in before
    ):
        votes["work"] += 2
    elif any(w in ("famed", "famous", "book", "memoirs", "autobiography", "novel") for w in before[-2:]):
        votes["work"] += 1.5
    # "lieutenant-general of the NKVD Lyushkov": a role noun a few words before the name
    back = toks[max(0, m.t0 - 5) : m.t0]
    if (
        back
        and back[-1].is_cap
        and any(t.low in ROLE_NOUNS and t.text[:1].islower() for t in back)
        and all(t.low in ("of", "the") or t.is_cap or t.low in ROLE_NOUNS for t in back[-3:])
    ):
        votes["person"] += 1.5
    if prev is not None and prev.kind == "word":
        if prev.low in ROLE_NOUNS and prev.text[:1].islower():
            votes["person"] += 2.5
        elif prev.low in ("to", "into") and prev2 is not None and prev2.low in _MOTION_VERBS:
            votes["place"] += 1.2  # "returned to Nikolayev", "defected to Japan"
        elif prev.low in _PLACE_CUE_BEFORE:
            votes["place"] += _PLACE_CUE_BEFORE[prev.low]
        elif prev.low == "of" and prev2 is not None and prev2.low in PLACE_NOUNS:
            votes["place"] += 2.5
        elif (
            prev.low == "by"
            and prev2 is not None
            and (prev2.low.endswith(("ed", "en")) or prev2.low in WORK_NOUNS or prev2.is_cap)
        ):
            votes["person"] += 2
    # "Old Bolsheviks, such as Zinoviev and Kamenev": members of a group of people
    if prev is not None and prev2 is not None and prev2.low == "such" and prev.low == "as" and m.t0 >= 3:
        group = toks[m.t0 - 3] if toks[m.t0 - 3].text != "," else toks[m.t0 - 4] if m.t0 >= 4 else None
        if group is not None and group.low.endswith("s") and (group.is_cap or group.low.rstrip("s") in ROLE_NOUNS):
            votes["person"] += 1.5
    if _PLACE_PAREN.match(sentence, m.end):
        votes["place"] += 3
    if prev is not None and prev.text == "(" and prev2 is not None and prev2.low in ("now", "formerly"):
        votes["place"] += 3
    if m.possessive and nxt is not None and nxt.low.strip(",") in ROLE_NOUNS:
        votes["person"] += 1.5
    if nxt is not None and not m.possessive:
        if (
            nxt.text == ","
            or nxt.low in ("was", "is")
            and m.t1 + 2 < len(toks)
            and toks[m.t1 + 1].low in ("a", "an", "the")
        ):
            head = _apposition_head(toks, m.t1 + 1)
            if head in ROLE_NOUNS:
                votes["person"] += 2
            elif head in PLACE_NOUNS or head in PLACE_HEADS:
                votes["place"] += 2
        elif finite_verb(nxt):
            votes["acts"] += 1.0 if has_he else 0.6  # weak: countries and parties act too (capped below)
        elif nxt.low in REPORTING:  # "Sudoplatov says"
            votes["person"] += 1
    first_low = words[0].lower() if words else ""
    if (
        2 <= len(words) <= 4
        and all(w[:1].isupper() and w.replace("'", "").replace(".", "").isalpha() for w in words)
        and first_low not in NAME_ADJECTIVES
        and first_low not in FIRST_WORD_KINDS
        and first_low not in _KIND_HEADS
        and first_low != "the"
        and not m.text.isupper()
        and sk != "work"
    ):
        votes["person"] += 1
    return votes


def _apposition_head(toks: list[Tok], k: int) -> str | None:
    """The head noun of the noun phrase starting at token k (up to a comma or a verb)."""
    head = None
    for t in toks[k : k + 8]:
        if t.kind == "punct" or (t.kind == "word" and t.low in ("who", "which", "that", "whom", "whose")):
            break
        if t.kind == "word" and t.low == "of" and head:
            break
        if t.kind == "word" and finite_verb(t) and head:
            break
        if t.kind in ("word", "name"):
            head = t.low.strip("'’")
    return head
