"""Capitalised name sequences in a sentence ("mentions"), with the context that types them.

A mention is a run of capitalised words joined by name connectors ("Union of Soviet Socialist
Republics", "Trial of the Sixteen"). Sentence-initial ordinary words ("Shockingly,", "The") and
proper adjectives used as modifiers ("Spanish communist") are told apart from names by how the word
is used elsewhere in the documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from .lexicon import (
    CONJUNCTIONS,
    PREPOSITIONS,
    REPORTING,
    ROLE_NOUNS,
    SENTENCE_STARTERS,
    STOPWORDS,
    TITLES,
)
from .tokens import Tok, finite_verb, possessive_stem

if TYPE_CHECKING:
    from .entities import Entity

_NOT_NAME_STARTS: Final = {"what", "who", "why", "how", "when", "where", "which", "is", "was", "were", "are", "do",
                            "does", "did", "will", "shall", "can", "could", "would", "should", "must", "may", "might",
                            "not", "no"}
CONNECTORS: Final = {
    "of",
    "de",
    "da",
    "di",
    "del",
    "della",
    "des",
    "du",
    "von",
    "van",
    "der",
    "den",
    "la",
    "le",
    "al",
    "el",
    "bin",
    "ibn",
    "y",
    "zu",
    "ter",
    "&",
}


@dataclass
class Mention:
    text: str  # the name as written, possessive 's removed
    start: int  # character span in the sentence (without the possessive)
    end: int
    t0: int  # token span [t0, t1)
    t1: int
    possessive: bool = False
    modifier: bool = False  # a proper adjective: "Spanish communist", "Soviet state"
    title: str | None = None  # "General" in "General Grant"
    initial: bool = False  # starts the sentence
    title_phrase: bool = False  # "Duke of Normandy": a role, not a name
    entity: Entity | None = field(default=None, compare=False, repr=False)  # set once names are resolved

    # (written out: compiled by mypyc, this __init__ is native code; the one @dataclass writes is not)
    def __init__(self, text: str, start: int, end: int, t0: int, t1: int, possessive: bool = False,
                 modifier: bool = False, title: str | None = None, initial: bool = False, title_phrase: bool = False,
                 entity: Entity | None = None) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.t0 = t0
        self.t1 = t1
        self.possessive = possessive
        self.modifier = modifier
        self.title = title
        self.initial = initial
        self.title_phrase = title_phrase
        self.entity = entity


def _is_acronym(word: str) -> bool:
    core = word.replace(".", "")
    return 2 <= len(core) <= 6 and core.isupper() and core.isalpha()


def _name_word(tok: Tok) -> bool:
    return tok.name_word  # capitalised, not a month, not "I", not a compound adjective: see tokens._name_word


_CONNECTORS_THE: Final = frozenset(CONNECTORS | {"the"})
_POSSESSIVE_ENDS: Final = ("'s", "’s", "s'", "s’")  # tokens.is_possessive


def find_mentions(
    toks: list[Tok], mid_caps: set[str], lower_vocab: set[str], skip: set[int] | None = None
) -> list[Mention]:
    """Mentions in a tokenized sentence. `mid_caps`: words seen capitalised inside sentences;
    `lower_vocab`: words seen in lower case (so "Governmental" at a sentence start is not a name);
    `skip`: token indices already taken (dates)."""
    # a mention starts at a name word: the few of them are found first, in one pass (none: no mention)
    starts = [k for k, t in enumerate(toks) if t.name_word]
    if not starts:
        return []
    skip = skip or set()
    first_word = 0
    for k, t in enumerate(toks):
        if t.kind in ("word", "abbr", "num"):
            first_word = k
            break
    out: list[Mention] = []
    n = len(toks)
    i = 0  # the next token not yet part of a mention
    for start in starts:
        if start < i or start in skip:
            continue
        i = j = start
        while j + 1 < n and not toks[j].text.endswith(_POSSESSIVE_ENDS):
            nxt = toks[j + 1]
            if j + 1 in skip:
                break
            if nxt.name_word or nxt.text == "I" and toks[j].is_cap and toks[j].text != "I":
                j += 1  # "Elizabeth I": a regnal numeral, not the pronoun
                continue
            # "Edward the Confessor", "Ivan the Terrible": an epithet after a given name
            if (nxt.text == "the" and j + 2 < n and j + 2 not in skip and toks[j + 2].name_word
                    and not toks[j].text.isupper() and toks[j].low not in CONNECTORS
                    and (j + 3 >= n or not toks[j + 3].name_word and toks[j + 3].low not in CONNECTORS)
                    and toks[j + 2].low not in SENTENCE_STARTERS):
                j += 2
                continue
            # "the Declaration of the Rights of Man and of the Citizen"
            if (nxt.low == "and" and j + 2 < n and toks[j + 2].low == "of" and j + 3 < n
                    and (toks[j + 3].low == "the" and j + 4 < n and toks[j + 4].name_word
                         or toks[j + 3].name_word)):
                j = j + 4 if toks[j + 3].low == "the" else j + 3
                continue
            if nxt.low in CONNECTORS and toks[j].kind != "punct":
                k = j + 2
                if k < n and toks[k].low == "the" and toks[k].text == "the":
                    k += 1
                if k < n and k not in skip and toks[k].name_word and not toks[j].text.isupper():
                    j = k
                    continue
            break
        a, b = i, j + 1  # the span: tokens [a, b)
        i = b
        initial = a == first_word or (a > 0 and toks[a - 1].text in "\"“‘'(" and a - 1 <= first_word)
        if initial:
            head = toks[a]
            stem = possessive_stem(head.text)
            ordinary = (
                head.low in SENTENCE_STARTERS
                or stem.lower() in STOPWORDS
                or head.low.endswith("ly")
                or (stem not in mid_caps and stem.lower() in lower_vocab)
            )
            if ordinary:
                a += 1
                while a < b and toks[a].low in _CONNECTORS_THE:
                    a += 1
            elif (
                b - a == 1
                and stem not in mid_caps
                and not (a + 1 < n and finite_verb(toks[a + 1]) and stem.lower() not in lower_vocab)
                and not (a + 2 < n and toks[a + 1].text == ","
                         and toks[a + 2].low in ("a", "an", "the") and stem.lower() not in lower_vocab)
            ):
                # a lone capitalised word we never see inside a sentence: most likely an ordinary word
                # (unless a verb follows it, as in "Stalin fought ...")
                continue
        while a < b and toks[b - 1].low in _CONNECTORS_THE:
            b -= 1
        if a >= b:
            continue
        # "NKVD Lyushkov", "USSR Marshals Budyonny": an acronym modifying the name after it
        if b - a > 1 and _is_acronym(toks[a].text) and not _is_acronym(toks[a + 1].text):
            out.append(_mention(toks, a, a + 1, initial, modifier=True))
            a += 1
            initial = False
        title = None
        head_stem = possessive_stem(toks[a].low)  # of the span's first word, as the span shrinks
        if (b - a > 2 and head_stem in TITLES and toks[a + 1].low == "of"
                and (a == 0 or toks[a - 1].low != "the" or _appositive(toks, a))):
            # "crowned King of England", "William, Duke of Normandy": a title said of someone; but
            # "the Duke of Wellington defeated Napoleon" names the man
            m = _mention(toks, a, b, initial)
            m.title_phrase = True
            out.append(m)
            continue
        while (
            b - a > 1
            and head_stem.rstrip("s") in TITLES
            and toks[a + 1].kind != "punct"
            and toks[a + 1].low not in CONNECTORS  # "the Duke of Wellington" keeps its title
        ):
            title = toks[a].text
            a += 1
            head_stem = possessive_stem(toks[a].low)
        if b - a >= 3 and _shouting(toks, a, b):
            continue
        if toks[a].low in _NOT_NAME_STARTS:
            continue  # "What Is the Third Estate": a title's words, not a name
        if b - a == 1 and head_stem in ROLE_NOUNS:
            continue  # "Prosecutor-General", "President": a role word, not a name
        m = _mention(toks, a, b, initial, title=title)
        if b - a == 1 and not m.possessive and b < n:
            m.modifier = _modifies_next(toks[b])
        out.append(m)
    return out


def _appositive(toks: list[Tok], a: int) -> bool:
    """'William, Duke of Normandy': the name at token a follows a capitalised word and a comma."""
    return a >= 3 and toks[a - 2].text == "," and toks[a - 3].is_cap


def _mention(
    toks: list[Tok], a: int, b: int, initial: bool, modifier: bool = False, title: str | None = None
) -> Mention:
    """The mention of tokens [a, b)."""
    first, last = toks[a], toks[b - 1]
    text = last.text
    possessive = text.endswith(_POSSESSIVE_ENDS)
    # the span ends before the possessive ending (tokens.possessive_stem)
    end = last.end - (2 if text.endswith(("'s", "’s")) else 1) if possessive else last.end
    return Mention("", first.start, end, a, b, possessive, modifier, title, initial)


def _modifies_next(nxt: Tok) -> bool:
    """'Spanish communist', 'Soviet state': a capitalised word directly before a lower-case noun."""
    if nxt.kind != "word" or not nxt.text[:1].islower():
        return False
    w = nxt.low
    if w in PREPOSITIONS or w in CONJUNCTIONS or w in STOPWORDS or finite_verb(nxt) or w.endswith("ly"):
        return False
    if w in REPORTING:  # "Sudoplatov says"
        return False
    return not w.endswith("ing")


def _shouting(toks: list[Tok], a: int, b: int) -> bool:
    """'ERROR CREATE MATERIALIZED VIEW': upper-case runs are not names (tokens [a, b))."""
    if b - a < 3:
        return False
    upper = [t for t in toks[a:b] if t.text.isupper() and len(t.text) > 1]
    return len(upper) >= 3


def fill_text(mentions: list[Mention], sentence: str) -> list[Mention]:
    for m in mentions:
        m.text = sentence[m.start : m.end]
    return mentions
