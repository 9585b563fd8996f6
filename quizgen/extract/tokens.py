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
# A token: the first of these alternatives that matches where the token starts (the group names are the
# kinds _token_kind tells apart without matching). A word and a number never start with the same character,
# so the commoner word is tried first; an abbreviation must come before it ("U.S." is not the word "U").
# A number is [$£€−-]?\d+ written to start with one character class (the engine skips an alternative whose
# first class fails): a sign or a digit, then more digits, at least one after a sign.
_TOKEN_FORMS = r"""
    (?P<abbr>[A-Z]\.(?:[A-Z]\.)+)                                # U.S.S.R.
  | (?P<word>[^\W\d_][^\W_]*(?:['’\-](?=[^\W\d_])[^\W_]*)*)      # Marx-Engels  Caesar's
  | (?P<num>[$£€−\-\d](?:(?<=\d)|(?=\d))\d*(?:,\d{3})*(?:\.\d+)?  # 20,000  61.1%  20-year  1920s  48.8 °C
      (?:%|(?:-[A-Za-z]+)+|s\b|\s?°\s?[CF]\b|\s(?:km|mm|cm|m|kg|ha|mi|ft|billion|million)\b)?)
  | (?P<punct>\S)
"""
# (a word is a letter, then runs of letters and digits joined by an apostrophe or a hyphen before a letter:
# the same matches as one alternation per character, several times faster)
# a "piece": a token and the spaces after it (no groups: findall gives the pieces as strings)
_PIECE_FORMS = r"(?:" + re.sub(r"\(\?P<\w+>", "(?:", _TOKEN_FORMS) + r")\s*"
_TOKEN = re.compile(_PIECE_FORMS, re.VERBOSE)


def _ascii_only(pattern: str) -> str:
    r"""The same pattern for ASCII text, with plain character ranges, which the engine tests faster than
    the Unicode classes (\s as Unicode has it in ASCII: \t-\r, \x1c-\x1f and the space)."""
    for unicode_class, ascii_class in (
        (r"[$£€−\-\d]", r"[$£€−\-0-9]"),
        (r"[^\W\d_]", "[A-Za-z]"),
        (r"[^\W_]", "[A-Za-z0-9]"),
        (r"\d", "[0-9]"),
        (r"\s", r"[\t-\r\x1c-\x1f ]"),
        (r"\S", r"[^\t-\r\x1c-\x1f ]"),
    ):
        pattern = pattern.replace(unicode_class, ascii_class)
    return pattern


_TOKEN_ASCII = re.compile(_ascii_only(_PIECE_FORMS), re.VERBOSE)


class Tok:
    """A token with its character span; `kind`: word | num | punct | abbr (later date | name)."""

    __slots__ = ("text", "start", "end", "kind", "low", "is_cap", "name_word")

    def __init__(
        self, text: str, start: int, end: int, kind: str, low: str, is_cap: bool, name_word: bool
    ) -> None:
        # all but the span come from the caller: tokenize knows them for each distinct piece of text
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.low = low
        self.is_cap = is_cap
        self.name_word = name_word  # could be a word of a name (names.py): capitalised, not a month, not "I"

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.kind})"


def _name_word(text: str, is_cap: bool) -> bool:
    """Could this token be a word of a name?"""
    if not is_cap or is_month(text):
        return False
    # "Bolshevik-led", "Soviet-backed": a compound adjective, not part of a name
    if "-" in text and text.rsplit("-", 1)[1][:1].islower():
        return False
    return text != "I"


_PieceInfo = tuple[str, str, str, bool, bool, int, int, bool]
_SIGNS = "$£€−-"  # what a number may start with before its first digit (_TOKEN_FORMS)


def _token_kind(tok: str) -> str:
    r"""The group of _TOKEN_FORMS that matched `tok`, told by its characters (no regex match needed).

    A token that ends in "." and is longer than one character can only be an abbreviation (no other form
    ends in a full stop); one that starts with a digit or with a sign and goes on is a number (a lone sign
    is punctuation); one that starts with a letter (`[^\W\d_]`: alphanumeric but not a decimal digit) is a
    word; any other is a single character of punctuation."""
    first = tok[0]
    if len(tok) > 1 and tok[-1] == ".":
        return "abbr"
    if first.isdecimal() or len(tok) > 1 and first in _SIGNS:
        return "num"
    if first.isalnum():
        return "word"
    return "punct"


def _piece_info(piece: str) -> _PieceInfo:
    r"""(token, kind, low, is_cap, name_word, token length, piece length, may take a full stop after) of a
    piece: its token and the spaces after it (which is all \s: str.rstrip strips the same characters)."""
    tok = piece.rstrip()
    kind = _token_kind(tok)
    low = tok.lower()
    n = len(tok)
    # "St.", "F.": the full stop after an abbreviation or an initial belongs to the word
    takes_dot = kind == "word" and n == len(piece) and (low in _ABBR_WORDS or n == 1 and tok.isupper())
    is_cap = (kind == "word" or kind == "abbr") and tok[0].isupper()
    return (tok, kind, low, is_cap, is_cap and _name_word(tok, is_cap), n, len(piece), takes_dot)


class _Pieces(dict[str, _PieceInfo]):
    """piece -> _piece_info(piece). The same few thousand pieces make up most text: each is analysed once
    (cleared like an lru cache)."""

    def cache_clear(self) -> None:
        self.clear()


_PIECES = _Pieces()


_new_tok = object.__new__


def tokenize(text: str) -> list[Tok]:
    out: list[Tok] = []
    append = out.append
    pieces = _PIECES
    known = pieces.get
    pos = len(text) - len(text.lstrip())  # the first piece starts at the first non-space
    found = iter((_TOKEN_ASCII if text.isascii() else _TOKEN).findall(text))
    for piece in found:
        info = known(piece)
        if info is None:  # (a plain call: cheaper than dict.__missing__, which the C code calls back)
            if len(pieces) >= 1 << 16:
                pieces.clear()
            info = pieces[piece] = _piece_info(piece)
        # Tok(text, start, end, kind, low, is_cap, name_word) without the Python-level call to __init__ (a
        # sixth of the time here): the piece's fields go straight into the new token's slots
        t = _new_tok(Tok)
        t.text, t.kind, t.low, t.is_cap, t.name_word, n, width, takes_dot = info
        t.start = pos
        if takes_dot and text[pos + n : pos + n + 1] == ".":
            # the full stop is the next piece (nothing else starts with "."): it joins this token
            width += len(next(found))
            t.text += "."
            t.low += "."
            n += 1
            t.name_word = _name_word(t.text, t.is_cap)
        t.end = pos + n
        append(t)
        pos += width
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
