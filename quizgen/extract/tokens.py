"""Sentence tokens with character offsets, and the word-class tests the rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
  | (?P<num>[$£€]?\d+(?:,\d{3})*(?:\.\d+)?(?:%|(?:-[A-Za-z]+)+|s\b)?) # 20,000  61.1%  20-year  1920s
  | (?P<word>[^\W\d_](?:[^\W_]|['’\-](?=[^\W\d_]))*)            # Marx-Engels  Trotsky's
  | (?P<punct>\S)
""",
    re.VERBOSE,
)


@dataclass
class Tok:
    text: str
    start: int
    end: int
    kind: str  # word | num | punct | abbr | date | name
    ref: object = field(default=None, compare=False, repr=False)  # a DateMatch or a Mention

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.kind in ("word", "abbr") and self.text[:1].isupper()


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        start, end = m.start(), m.end()
        if kind == "word" and text[end : end + 1] == "." and m.group().lower() in _ABBR_WORDS:
            end += 1
        toks.append(Tok(text[start:end], start, end, kind))
    # the abbreviation swallowed the following full stop: drop the duplicate punctuation token
    out: list[Tok] = []
    for t in toks:
        if out and t.kind == "punct" and t.start < out[-1].end:
            continue
        out.append(t)
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


def past_verb(tok: Tok) -> bool:
    """Could this token be a finite past-tense verb?"""
    if tok.kind != "word" or not tok.text[:1].islower():
        return False
    w = tok.low
    if w in NOT_VERBS_ED:
        return False
    return w in IRREGULAR_PAST or (is_past_form(w) and "-" not in w)


def finite_verb(tok: Tok) -> bool:
    if tok.kind != "word" or not tok.text[:1].islower():
        return False
    return tok.low in AUXILIARIES or past_verb(tok)
