"""Paragraphs -> sentences: split (abbreviation-aware), repair lost boundaries, drop repeats.

Scraped text loses characters: a dash between two words ("VyshinskyI demand"), the space after a
full stop ("them!Trotsky"), a space after a number ("20years"). These repairs only ever insert a
boundary; the sentence's original text is kept verbatim for the fact's source quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .documents import Document
from .folding import fold
from .lexicon import MONTHS
from .wordtrie import alternation

_ABBREVIATIONS = {
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
_BOUNDARY = re.compile(r"([.!?]+|\.\.\.|…)([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9À-Þ]|\((?!\d{3,4}\)))")
# "them!Trotsky": a lost space after ! or ? (a full stop is too often an initial or an abbreviation).
# (the lookbehinds come after the first character: a pattern that starts with a literal is scanned fast)
_TIGHT = re.compile(r"([!?])(?<=[a-z]{3}[!?])(?=[A-Z][a-z])")
# A heading run into its paragraph: "... turns on the Right On August 20, 1940, ..."
_LOST_BREAK = re.compile(
    r" (?<=[A-Za-z] )(?=(?:On|In|At|By|During) (?:"
    + "|".join(m.capitalize() for m in MONTHS if len(m) > 3)
    + r"|\d{3,4}\b))"
)
# A sentence glued on after a comma: "... has been, Though I'm ...": a capitalised pronoun or
# connective never follows a comma inside one sentence.
_COMMA_BREAK = re.compile(
    r",\s+(?=(?:Though|Although|However|Not|We|We've|We're|He|She|It|It's|They|This|"
    r"These|Those|But|Thanks)\b)"
)
# A forum reply's "@user - Pt 1/2)" prefix glued between two sentences.
_HANDLE = re.compile(r",?\s*(@\w+[^()@]{0,30}\))\s*")
# "VyshinskyI demand", "togetherLenin": a word of 5+ lowercase letters glued to a capitalised one.
_GLUED = re.compile(r"\b([A-Z]?[a-z]{4,})([A-Z](?:[a-z]+)?)\b")
_NUM_GLUED = re.compile(r"\b(\d+)([a-z]{3,})\b")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_CONTRACTIONS = {
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
_ANY_GLUE = re.compile(r"[a-z]{4}[A-Z]|\d[a-z]{3}")
_ANY_CONTRACTION = re.compile(r"\b" + alternation(_CONTRACTIONS) + r"\b", re.IGNORECASE)
_CONTRACTION_RE = re.compile(r"\b(" + "|".join(_CONTRACTIONS) + r")\b", re.IGNORECASE)


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


def split_sentences(text: str) -> list[str]:
    """Split one paragraph into sentences."""
    text = _LOST_BREAK.sub("\n", text)
    if "!" in text or "?" in text:  # each substitution only where its character occurs
        text = _TIGHT.sub(r"\1\n", text)
    if "," in text:
        text = _COMMA_BREAK.sub("\n", text)
    if "@" in text:
        text = _HANDLE.sub(lambda m: f"\n{m.group(1)}\n", text)
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


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at `dot` part of an abbreviation or an initial rather than a sentence end?"""
    m = _LAST_WORD.search(text, max(0, dot - 24), dot)  # only the end: the paragraph may be long
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():  # an initial ("John F. Kennedy"), not "World War I."
        return word != "I"
    if "." in word and len(word.replace(".", "")) <= 4:  # "U.S.S.R", "e.g"
        return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))
    w = word.lower()
    return w in _ABBREVIATIONS and w not in {"bc", "bce", "ce", "ad"}


def repair_boundaries(text: str, known_caps: set[str]) -> str:
    """Insert what scraping lost: a dash between glued words, a space after a number, apostrophes."""

    def glued(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        if right == "I" or right in known_caps or (left[0].isupper() and left in known_caps):
            return f"{left} — {right}"
        return m.group(0)

    if _ANY_GLUE.search(text):  # most sentences: nothing to repair, no substitution to run
        text = _GLUED.sub(glued, text)
        text = _NUM_GLUED.sub(
            lambda m: m.group(0) if m.group(2) in ("st", "nd", "rd", "th", "s") else f"{m.group(1)} {m.group(2)}",
            text,
        )
    if _ANY_CONTRACTION.search(text):
        text = _CONTRACTION_RE.sub(lambda m: _match_case(m.group(0), _CONTRACTIONS[m.group(0).lower()]), text)
    return text


def _match_case(original: str, replacement: str) -> str:
    return replacement[0].upper() + replacement[1:] if original[0].isupper() else replacement


_RICH = re.compile(r"['’\-—–\"“”]|[^\x00-\x7f]")


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
            for s in split_sentences(para.text):
                raw.append((doc.key, p_i, s, False))
    known_caps = _capitalised_words(text for _, _, text, _ in raw)
    sentences: list[Sentence] = []
    first: dict[str, int] = {}
    for i, (doc_key, p_i, text, heading) in enumerate(raw):
        fixed = repair_boundaries(text, known_caps)
        s = Sentence(doc=doc_key, index=i, para=p_i, text=text, fixed=fixed, heading=heading)
        if heading:
            s.topic = "heading"
        key = fold(text)
        if key in first and not heading:
            kept = sentences[first[key]]
            s.topic = "duplicate"
            if _richness(text) > _richness(kept.text):  # keep the better spelling at the first position
                kept.text, s.text = s.text, kept.text
                kept.fixed, s.fixed = s.fixed, kept.fixed
        elif key:
            first[key] = i
        sentences.append(s)
    return sentences


_CAPITALISED = re.compile(r"([A-Z](?<=[\s(\"“][A-Z])[a-z]+)")


def _capitalised_words(texts: Iterable[str]) -> set[str]:
    """Words written capitalised somewhere other than a sentence's first word."""
    words: set[str] = set()
    for text in texts:
        words.update(_CAPITALISED.findall(text))
    return words
