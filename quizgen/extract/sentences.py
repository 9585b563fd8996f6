"""Paragraphs -> sentences: split (abbreviation-aware), repair lost boundaries, drop repeats.

Scraped text loses characters: a dash between two words ("VyshinskyI demand"), the space after a
full stop ("them!Trotsky"), a space after a number ("20years"). These repairs only ever insert a
boundary; the sentence's original text is kept verbatim for the fact's source quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass, field
from itertools import accumulate, compress
from typing import Any, Final

from .documents import Document
from .folding import fold
from .lexicon import MONTHS
from .wordtrie import alternation

_ABBREVIATIONS: Final = {
    "st",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "capt",
    "cpt",
    "sgt",
    "maj",
    "adm",
    "cmdr",
    "gov",
    "sen",
    "rep",
    "rev",
    "hon",
    "jr",
    "sr",
    "no",
    "nos",
    "vs",
    "approx",
    "mt",
    "ft",
    "fr",
    "c",
    "ca",
    "cf",
    "vol",
    "vols",
    "ch",
    "pp",
    "p",
    "ed",
    "eds",
    "fig",
    "dept",
    "univ",
    "inc",
    "ltd",
    "co",
    "corp",
    "est",
    "b",
    "d",
    "r",
    "ad",
    "bc",
    "bce",
    "ce",
    "op",
    "viz",
    "al",
    "e.g",
    "i.e",
    "ibid",
    "esq",
    "messrs",
    "mme",
    "mlle",
    "sept",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "oct",
    "nov",
    "dec",
    "ave",
    "blvd",
    "rd",
    "hwy",
    "km",
    "mi",
    "lb",
    "oz",
}
# End-of-sentence punctuation, then closing quotes/brackets, then space, then what opens a sentence.
# ("[.!?]+" is written as three branches that each start with their character: the engine then jumps from one
# candidate character to the next instead of trying the pattern at every position)
_BOUNDARY: Final = re.compile(
    r"(\.[.!?]*|![.!?]*|\?[.!?]*|\.\.\.|…)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9À-Þ]|\((?!\d{3,4}\)))"
)
# "them!Trotsky": a lost space after ! or ? (a full stop is too often an initial or an abbreviation).
# (the lookbehinds come after the first character: a pattern that starts with a literal is scanned fast)
_TIGHT: Final = re.compile(r"([!?])(?<=[a-z]{3}[!?])(?=[A-Z][a-z])")
# A heading run into its paragraph: "... turns on the Right On August 20, 1940, ..."
_LOST_BREAK_AFTER: Final = (
    r"(?:On|In|At|By|During) (?:" + "|".join(m.capitalize() for m in MONTHS if len(m) > 3) + r"|\d{3,4}\b)"
)
_LOST_BREAK: Final = re.compile(r" (?<=[A-Za-z] )(?=" + _LOST_BREAK_AFTER + ")")
# what follows every such break, as a pattern that starts with its capital letter: a fast test first
_LOST_BREAK_GATE: Final = re.compile(_LOST_BREAK_AFTER)
# A sentence glued on after a comma: "... has been, Though I'm ...": a capitalised pronoun or
# connective never follows a comma inside one sentence.
_COMMA_BREAK: Final = re.compile(
    r",\s+(?=(?:Though|Although|However|Not|We|We've|We're|He|She|It|It's|They|This|"
    r"These|Those|But|Thanks)\b)"
)
# A forum reply's "@user - Pt 1/2)" prefix glued between two sentences.
_HANDLE: Final = re.compile(r"(@\w+[^()@]{0,30}\))\s*")  # after an optional comma and spaces
# "VyshinskyI demand", "togetherLenin": a word of 5+ lowercase letters glued to a capitalised one.
_GLUED: Final = re.compile(r"\b([A-Z]?[a-z]{4,})([A-Z](?:[a-z]+)?)\b")
_NUM_GLUED: Final = re.compile(r"\b(\d+)([a-z]{3,})\b")
_LETTERS_DOT: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
_INITIALS: Final = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_CONTRACTIONS: Final = {
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "arent": "aren't",
    "hasnt": "hasn't",
    "havent": "haven't",
    "hadnt": "hadn't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "cant": "can't",
    "wont": "won't",
    "thats": "that's",
    "theres": "there's",
}
# Cheap gates (case-sensitive: under IGNORECASE "[a-z]{4}[A-Z]" matches any five-letter word).
# Both start with a character class (the rest is checked behind or after it), so the engine jumps from one
# candidate character to the next: "[a-z]{4}[A-Z]|\d[a-z]{3}", and any contraction as a whole word, in any case
# (each ends in t or s; under IGNORECASE "s" also matches "ſ").
_ANY_GLUE: Final = re.compile(r"[A-Z\d](?:(?<=[a-z]{4}[A-Z])|(?<=\d)[a-z]{3})")


def _ends_with_any(words: Iterable[str], ignore_case: bool = True) -> str:
    """A lookbehind per word length: fixed-width lookbehinds for words ending just before the position."""
    by_length: dict[int, list[str]] = {}
    for w in words:
        by_length.setdefault(len(w), []).append(w)
    group = "(?i:" if ignore_case else "(?:"
    return "(?:" + "|".join(rf"(?<=\b{group}{alternation(ws)}))" for _, ws in sorted(by_length.items())) + ")"


_ANY_CONTRACTION: Final = re.compile(r"[tsTSſ]\b" + _ends_with_any(_CONTRACTIONS))
# In ASCII text: a contraction in any case is one in the lower-cased text; there, a search that starts at each
# word's last two letters ("nt", "ts", "es") is faster still. (Glue in ASCII text: see _has_glue.)


def _ends_with_any_lower(words: Iterable[str]) -> str:
    by_ending: dict[str, list[str]] = {}
    for w in words:
        by_ending.setdefault(w[-2:], []).append(w)
    return "|".join(re.escape(end) + r"\b" + _ends_with_any(ws, False) for end, ws in sorted(by_ending.items()))


_ANY_CONTRACTION_LOWER: Final = re.compile(_ends_with_any_lower(_CONTRACTIONS))


# ASCII bytes -> their shape: "a" a lower-case letter, "A" a capital, "0" a digit, " " any other byte
_SHAPES: Final = bytes(97 if 97 <= c <= 122 else 65 if 65 <= c <= 90 else 48 if 48 <= c <= 57 else 32
                       for c in range(256))


def _has_glue(text: str) -> bool:
    if text.isascii():  # "[a-z]{4}[A-Z]" or "[0-9][a-z]{3}": as shapes, two substring tests in C
        shape = text.encode().translate(_SHAPES)
        return b"aaaaA" in shape or b"0aaa" in shape
    return bool(_ANY_GLUE.search(text))


def _has_contraction(text: str) -> bool:
    if text.isascii():
        return bool(_ANY_CONTRACTION_LOWER.search(text.lower()))
    return bool(_ANY_CONTRACTION.search(text))
_CONTRACTION_RE: Final = re.compile(r"\b(" + "|".join(_CONTRACTIONS) + r")\b", re.IGNORECASE)


@dataclass
class Sentence:
    doc: str  # document key
    index: int  # position in the whole run (documents in order)
    para: int  # paragraph number within the document
    text: str  # verbatim (whitespace collapsed): the source quote
    fixed: str  # repaired text, used for questions and clozes
    heading: bool = False
    topic: str = "ok"  # ok | boilerplate | question | offtopic | fragment | heading | duplicate
    stance: str = "fact"  # fact | hedged | opinion
    # (`fixed` as read by topic.words_of, and its words: the cue, topic and stance filters share one reading)
    words: tuple[str, list[str] | None] | None = field(default=None, repr=False, compare=False)

    # (written out: compiled by mypyc, this __init__ is native code; the one @dataclass writes is not)
    def __init__(self, doc: str, index: int, para: int, text: str, fixed: str, heading: bool = False,
                 topic: str = "ok", stance: str = "fact", words: tuple[str, list[str] | None] | None = None) -> None:
        self.doc = doc
        self.index = index
        self.para = para
        self.text = text
        self.fixed = fixed
        self.heading = heading
        self.topic = topic
        self.stance = stance
        self.words = words


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences."""
    if _LOST_BREAK_GATE.search(text):
        text = _LOST_BREAK.sub("\n", text)
    if "!" in text or "?" in text:  # each substitution only where its character occurs
        text = _TIGHT.sub(r"\1\n", text)
    if "," in text:
        text = _COMMA_BREAK.sub("\n", text)
    if "@" in text:
        text = _cut_handles(text)
    out: list[str] = []
    for chunk in text.split("\n"):
        start = 0
        for m in _BOUNDARY.finditer(chunk):
            end = m.end(2)
            if m.group(1) == "." and _is_abbreviation(chunk, m.start(1)):
                continue
            if m.group(1) in ("?", "!") and not m.group(2) and chunk[m.end():m.end() + 1] == "(":
                continue  # "What Is the Third Estate? (1789)": a title, then its year
            piece = chunk[start:end].strip()
            if piece:
                out.append(piece)
            start = m.end()
        piece = chunk[start:].strip()
        if piece:
            out.append(piece)
    return out


def _cut_handles(text: str) -> str:
    """Put each handle on a line of its own, without the comma and spaces around it.

    What re.sub(r",?\\s*(@...)\\s*") did, but the pattern is only tried at each "@" (scanning a long paragraph
    for an optional comma at every position was slow): a match's start is the "@", less the spaces and the
    one comma right before it, never before the end of the previous match."""
    out: list[str] = []
    last = 0
    at = text.find("@")
    while at >= 0:
        m = _HANDLE.match(text, at)
        if m is None:
            at = text.find("@", at + 1)
            continue
        start = at
        while start > last and text[start - 1].isspace():
            start -= 1
        if start > last and text[start - 1] == ",":
            start -= 1
        out.append(text[last:start])
        out.append(f"\n{m.group(1)}\n")
        last = m.end()
        at = text.find("@", last)
    out.append(text[last:])
    return "".join(out)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at `dot` part of an abbreviation or an initial rather than a sentence end?"""
    # the last word: the run of letters and full stops before the dot, from its first letter; only the last
    # 24 characters are looked at (the paragraph may be long)
    before = text[max(0, dot - 24) : dot]
    word = before[len(before.rstrip(_LETTERS_DOT)) :].lstrip(".")
    if not word:
        return False
    if len(word) == 1 and word.isupper():  # an initial ("John F. Kennedy"), not "World War I."
        return word != "I"
    if "." in word and len(word.replace(".", "")) <= 4:  # "U.S.S.R", "e.g"
        return bool(_INITIALS.fullmatch(word))
    w = word.lower()
    return w in _ABBREVIATIONS and w not in {"bc", "bce", "ce", "ad"}


def repair_boundaries(text: str, known_caps: Container[str]) -> str:
    """Insert what scraping lost: a dash between glued words, a space after a number, apostrophes."""

    def glued(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if right == "I" or right in known_caps or (left[0].isupper() and left in known_caps):
            return f"{left} — {right}"
        return m.group(0)

    if _has_glue(text):  # most sentences: nothing to repair, no substitution to run
        text = _GLUED.sub(glued, text)
        text = _NUM_GLUED.sub(
            lambda m: m.group(0) if m.group(2) in ("st", "nd", "rd", "th", "s") else f"{m.group(1)} {m.group(2)}",
            text,
        )
    if _has_contraction(text):
        text = _CONTRACTION_RE.sub(_expand_contraction, text)
    return text


def _expand_contraction(m: re.Match[str]) -> str:
    # the case-blind match also takes letters whose lower case is no key ("thatſ", "İsnt"): leave those
    repl = _CONTRACTIONS.get(m.group(0).lower())
    return m.group(0) if repl is None else _match_case(m.group(0), repl)


def _may_repair(text: str) -> bool:
    """Could repair_boundaries change anything in `text` (or in a piece of it)?"""
    return _has_glue(text) or _has_contraction(text)


def _match_case(original: str, replacement: str) -> str:
    return replacement[0].upper() + replacement[1:] if original[0].isupper() else replacement


_RICH: Final = re.compile("[-'\"\x80-\U0010ffff]")  # an apostrophe, a dash, a quote, or any non-ASCII character


def _richness(text: str) -> int:
    """Prefer the copy of a repeated sentence that kept its apostrophes, accents and dashes."""
    return len(_RICH.findall(text))


def sentences_of(docs: Iterable[Document]) -> list[Sentence]:
    """All sentences of all documents, in order, repeats marked `duplicate` (the richest copy is kept)."""
    raw: list[tuple[str, int, str, bool]] = []
    for doc in docs:
        for p_i, para in enumerate(doc.paragraphs):
            if para.heading:
                raw.append((doc.key, p_i, para.text, True))
                continue
            for piece in split_sentences(para.text):
                raw.append((doc.key, p_i, piece, False))
    texts = [text for _, _, text, _ in raw]
    repairable = _may_repair_each(texts)
    known_caps = _CapitalisedWords(texts)
    sentences: list[Sentence] = []
    first: dict[str, Sentence] = {}  # the first sentence of each folded text (or the last heading)
    for i, (doc_key, p_i, text, heading) in enumerate(raw):
        fixed = repair_boundaries(text, known_caps) if i in repairable else text
        s = Sentence(doc_key, i, p_i, text, fixed, heading)
        if heading:
            s.topic = "heading"
        key = fold(text)
        kept = first.get(key)
        if kept is not None and not heading:
            s.topic = "duplicate"
            # keep the better spelling at the first position (a copy spelt the same is no better: most are)
            if text != kept.text and _richness(text) > _richness(kept.text):
                kept.text, s.text = s.text, kept.text
                kept.fixed, s.fixed = s.fixed, kept.fixed
        elif key:
            first[key] = s
        sentences.append(s)
    return sentences


_GLUE_SHAPE: Final = re.compile(b"aaaaA|0aaa")  # _has_glue's two shapes


def _may_repair_each(texts: list[str]) -> set[int]:
    """The indices of the texts that _may_repair says yes to (repair_boundaries of any other text is the text).

    One scan of all the texts at once for each gate, instead of two calls per sentence: the ASCII texts
    together, with the tests _has_glue and _has_contraction make for those, and the others with the Unicode
    patterns. ("\x00" between two texts is no letter, digit or word character, and a space to _SHAPES: no hit
    runs from one text into the next, and each starts inside its own text.)"""
    ascii_text = list(map(str.isascii, texts))
    out = _hits(list(compress(range(len(texts)), ascii_text)), texts, True)
    if not all(ascii_text):
        out |= _hits([k for k, plain in enumerate(ascii_text) if not plain], texts, False)
    return out


def _hits(which: list[int], texts: list[str], ascii_text: bool) -> set[int]:
    """The indices among `which` of the texts where the glue or contraction gates find something."""
    if not which:
        return set()
    some = [texts[k] for k in which]
    joined = "\x00".join(some)
    starts = list(accumulate((len(t) + 1 for t in some), initial=0))  # where each text starts in `joined`
    found: set[int] = set()  # (positions in `some`)
    if ascii_text:
        # each shape of glue, and each contraction as a piece of the lower-cased text, found with str.find
        # (much faster than a regex here); a contraction's text is then tested whole (the word must stand alone)
        _find_each(joined.encode().translate(_SHAPES), (b"aaaaA", b"0aaa"), starts, found, None)
        _find_each(joined.lower(), _CONTRACTIONS, starts, found, lambda k: _has_contraction(some[k]))
    else:
        for pattern in (_ANY_GLUE, _ANY_CONTRACTION):
            found.update(bisect_right(starts, m.start()) - 1 for m in pattern.finditer(joined))
    return {which[k] for k in found}


def _find_each(haystack: Any, needles: Iterable[Any], starts: list[int], found: set[int],
               check: Callable[[int], bool] | None) -> None:
    """Add to `found` the index of each text (starting at `starts`) in which a needle occurs and `check` (if
    any) says yes; a text already found is not looked at again."""
    for needle in needles:
        at = haystack.find(needle)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            if k not in found and (check is None or check(k)):
                found.add(k)
            at = haystack.find(needle, starts[k + 1])  # (on from the next text)


_CAPITALISED_WORD: Final = re.compile(r"[A-Z][a-z]+")
_LOWER: Final = frozenset("abcdefghijklmnopqrstuvwxyz")


class _CapitalisedWords:
    """`word in` it: is the word written capitalised in one of the texts, other than as a text's first word
    (after a space, "(" or a quote, and not followed by another lower-case letter)? Looked up one word at a
    time, when asked.

    Only glued words are ever asked about (most documents have none): finding a few words in the texts is
    cheaper than making the set of every capitalised word of every sentence."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.joined: str | None = None
        self.known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = self._find(word)
        return found

    def _find(self, word: str) -> bool:
        if not _CAPITALISED_WORD.fullmatch(word):
            return False  # (such a word is a capital and lower-case letters only)
        if self.joined is None:
            self.joined = "\x00".join(self.texts)  # ("\x00" is none of those: no text's first word)
        text = self.joined
        # an occurrence after a space, "(" or a quote, not followed by another lower-case letter
        at = text.find(word, 1)
        while at >= 0:
            before = text[at - 1]
            end = at + len(word)
            if (before.isspace() or before in "(\"“") and text[end:end + 1] not in _LOWER:
                return True
            at = text.find(word, at + 1)
        return False
