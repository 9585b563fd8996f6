"""Sentence tokens with character offsets, and the word-class tests the rules share."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .lexicon import AUXILIARIES, MONTHS, NOT_VERBS_ED, WEEKDAYS
from .morph import IRREGULAR_PAST, is_past_form

_ABBR_WORDS = {
    "st",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "capt",
    "sgt",
    "jr",
    "sr",
    "mt",
    "ft",
    "prof",
    "rev",
    "gov",
    "sen",
    "gens",
    "adm",
    "maj",
    "ste",
}
_TOKEN = re.compile(
    r"""
    (?P<abbr>(?:[A-Z]\.){2,})                                   # U.S.S.R.
  | (?P<num>[$£€−-]?\d+(?:,\d{3})*(?:\.\d+)?                 # 20,000  61.1%  20-year  1920s  48.8 °C
      (?:%|(?:-[A-Za-z]+)+|s\b|\s?°\s?[CF]\b|\s(?:km|mm|cm|m|kg|ha|mi|ft|billion|million)\b)?)
  | (?P<word>[^\W\d_](?:[^\W_]|['’\-](?=[^\W\d_]))*)            # Marx-Engels  Trotsky's
  | (?P<punct>\S)
""",
    re.VERBOSE,
)


class Tok:
    """A token with its character span; `kind`: word | num | punct | abbr (later date | name)."""

    __slots__ = ("text", "start", "end", "kind", "low", "is_cap")

    def __init__(self, text: str, start: int, end: int, kind: str) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.low = text.lower()
        self.is_cap = kind in ("word", "abbr") and text[:1].isupper()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.kind})"


def tokenize(text: str) -> list[Tok]:
    out: list[Tok] = []
    append = out.append
    last_end = -1
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        start, end = m.span()
        if kind == "punct":
            if start < last_end:
                continue  # the abbreviation before swallowed this full stop
        elif kind == "word" and text[end : end + 1] == ".":
            w = m.group()
            if w.lower() in _ABBR_WORDS or len(w) == 1 and w.isupper():
                end += 1
        append(Tok(text[start:end], start, end, kind))
        last_end = end
    return out


def possessive_stem(word: str) -> str:
    """'Trotsky's' -> 'Trotsky', 'Soviets'' -> 'Soviets'."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("s'", "s’")):
        return word[:-1]
    return word


def is_possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def is_month(word: str) -> bool:
    w = word.rstrip(".").lower()
    return w in MONTHS and len(w) >= 3 and word[:1].isupper() or w in WEEKDAYS


def past_verb(tok: Tok | Any) -> bool:
    """Could this token be a finite past-tense verb?"""
    return tok.kind == "word" and _past_word(tok.text)


def finite_verb(tok: Tok | Any) -> bool:
    return tok.kind == "word" and _finite_word(tok.text)


# the verb tests depend on the word alone: cached, as the same words come back in every sentence
@lru_cache(maxsize=1 << 16)
def _past_word(text: str) -> bool:
    if not text[:1].islower():
        return False
    w = text.lower()
    if w in NOT_VERBS_ED:
        return False
    return w in IRREGULAR_PAST or (is_past_form(w) and "-" not in w)


@lru_cache(maxsize=1 << 16)
def _finite_word(text: str) -> bool:
    return text[:1].islower() and (text.lower() in AUXILIARIES or _past_word(text))
