"""Sentence tokens with character offsets, and the word-class tests the rules share."""

from __future__ import annotations

import re
from typing import Any, Final

from .lexicon import AUXILIARIES, ED_VERBS_AFTER_SUBJECT, MONTHS, NOT_VERBS_ED, REPORTING, WEEKDAYS
from .morph import IRREGULAR_PARTICIPLE, IRREGULAR_PAST

_ABBR_WORDS: Final = {
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
_TOKEN_FORMS: Final = r"""
    (?P<abbr>[A-Z]\.(?:[A-Z]\.)+)                                # U.S.S.R.
  | (?P<word>[^\W\d_][^\W_]*(?:['’\-](?=[^\W\d_])[^\W_]*)*)      # Marx-Engels  Caesar's
  | (?P<num>[$£€−\-\d](?:(?<=\d)|(?=\d))\d*(?:,\d{3})*(?:\.\d+)?  # 20,000  61.1%  20-year  1920s  48.8 °C
      (?:%|(?:-[A-Za-z]+)+|s\b|\s?°\s?[CF]\b|\s(?:km|mm|cm|m|kg|ha|mi|ft|billion|million)\b)?)
  | (?P<punct>\S)
"""
# (a word is a letter, then runs of letters and digits joined by an apostrophe or a hyphen before a letter:
# the same matches as one alternation per character, several times faster)
# a "piece": a token and the spaces after it (no groups: findall gives the pieces as strings)
_PIECE_FORMS: Final = r"(?:" + re.sub(r"\(\?P<\w+>", "(?:", _TOKEN_FORMS) + r")\s*"
_TOKEN: Final = re.compile(_PIECE_FORMS, re.VERBOSE)


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


_TOKEN_ASCII: Final = re.compile(_ascii_only(_PIECE_FORMS), re.VERBOSE)


# Bits of a token's spelling (Tok.flags), so that the parse (units.py) tests them without calls; tokenize
# sets them with the rest of what it knows of each distinct piece of text.
_FINITE: Final = 1  # finite_verb
_VERB: Final = 2  # units.finite_verb_word: finite or past
_PARTICIPLE: Final = 4  # units._is_participle
_FINITE_CUE: Final = 8  # units._finite_at can say yes: finite, or a reporting verb or "-ed" verb after a subject
_OPENER: Final = 16  # a relative pronoun or subordinator that may open a segment (see units._opens_segment)
_SEPARATOR: Final = 32  # punctuation that splits segments (SEGMENT_PUNCT)
_DROPPED_MARK: Final = 64  # punctuation left out of segments (_DROPPED)
_SEGMENT_MARKS: Final = _OPENER | _SEPARATOR | _DROPPED_MARK
_REPORTING_VERB: Final = 128  # in REPORTING (any case): finite after its subject
_ED_AFTER_SUBJECT: Final = 256  # in ED_VERBS_AFTER_SUBJECT (any case): finite after its subject, or before an object
_AFTER_SUBJECT_CUES: Final = _REPORTING_VERB | _ED_AFTER_SUBJECT

SEGMENT_PUNCT: Final = {",", ";", ":", "—", "–"}
_DROPPED: Final = ".!?\"“”'‘’"  # punctuation left out of the segments
# every relative pronoun or subordinator that can open a segment (see units._opens_segment)
_OPENERS: Final = frozenset({"who", "whom", "which", "whose", "when", "where", "by"})


# The bits of a word that starts with a capital (or no letter): the case-blind ones (see _flags_of).
_CASE_BLIND: Final[dict[str, int]] = {}
for _w in REPORTING:
    _CASE_BLIND[_w] = _FINITE_CUE | _REPORTING_VERB
for _w in ED_VERBS_AFTER_SUBJECT:
    _CASE_BLIND[_w] = _CASE_BLIND.get(_w, 0) | _FINITE_CUE | _ED_AFTER_SUBJECT
for _w in _OPENERS:
    _CASE_BLIND[_w] = _CASE_BLIND.get(_w, 0) | _OPENER


def _lower_word_flags(low: str) -> int:
    """The bits of a word that starts with a lower-case letter, `low` its lower case."""
    flags = _CASE_BLIND.get(low, 0)
    # a finite verb: an auxiliary, or a past form (irregular, or a regular "-ed" as morph.is_past_form has
    # it) that is not in NOT_VERBS_ED. (A past form is finite here: _VERB and _FINITE go together.)
    if low in AUXILIARIES or low not in NOT_VERBS_ED and (
        low in IRREGULAR_PAST or low.endswith("ed") and len(low) >= 4 and "-" not in low  # morph.is_past_form
    ):
        flags |= _FINITE | _FINITE_CUE | _VERB
    if low in IRREGULAR_PARTICIPLE or (low.endswith("ed") and len(low) > 4):
        flags |= _PARTICIPLE
    return flags


# _lower_word_flags of every word in the lexicon's tables it reads (at import: a few hundred words); any
# other lower-case word has only the bits of a regular "-ed" form (_REGULAR_ED), or none.
_LEXICON_FLAGS: Final = {
    w: _lower_word_flags(w)
    for w in (
        _CASE_BLIND.keys() | AUXILIARIES | NOT_VERBS_ED | IRREGULAR_PAST | IRREGULAR_PARTICIPLE
    )
}
_REGULAR_ED: Final = _FINITE | _FINITE_CUE | _VERB | _PARTICIPLE


def _flags_of(text: str) -> int:
    """The bits of a token spelt `text`, whatever its kind: they depend on the spelling alone.
    (A number, an abbreviation or a punctuation mark gets no word bit: those need a lower-case word.)"""
    if text in SEGMENT_PUNCT:
        return _SEPARATOR
    if len(text) == 1 and text in _DROPPED:
        return _DROPPED_MARK
    low = text.lower()
    if not text[:1].islower():  # (the verb and participle tests all want a lower-case first letter)
        return _CASE_BLIND.get(low, 0)
    return _lower_flags(low)


def _lower_flags(low: str) -> int:
    """_flags_of a spelling that starts with a lower-case letter and is no punctuation, `low` its lower case:
    _lower_word_flags, from the table or by the regular "-ed" rule."""
    flags = _LEXICON_FLAGS.get(low)
    if flags is not None:
        return flags
    if low.endswith("ed") and len(low) >= 4:  # _lower_word_flags, for a word in none of its tables
        if len(low) == 4:
            return 0 if "-" in low else _FINITE | _FINITE_CUE | _VERB
        return _PARTICIPLE if "-" in low else _REGULAR_ED
    return 0


class _FlagCache(dict[str, int]):
    """spelling -> _flags_of(spelling), each worked out once (read by subscript: no call). Cleared when it
    grows too big."""

    def __missing__(self, text: str) -> int:
        if len(self) >= 1 << 16:
            self.clear()
        flags = self[text] = _flags_of(text)
        return flags

    def cache_clear(self) -> None:  # (as the lru caches have: the benchmarks time cold runs)
        self.clear()


_FLAGS: Final = _FlagCache()



class Tok:
    """A token with its character span, which the parse (units.py) also reads as a unit: `kind` is word |
    num | punct | abbr, or for a unit that stands for a whole date or name (made by units.py), date | name.
    One object serves as both, so that each token is built once, with all it needs as a unit."""

    __slots__ = ("text", "start", "end", "kind", "low", "is_cap", "name_word", "is_word", "flags", "ref", "first")

    def __init__(self, text: str, kind: str, low: str, is_cap: bool, name_word: bool, is_word: bool, flags: int,
                 start: int, end: int, ref: Any = None, first: bool = False) -> None:
        # (every field given: tokenize knows the spelling's fields from its per-piece cache; make_tok works them
        # out for a unit made later)
        self.text = text
        self.kind = kind
        self.low = low
        self.is_cap = is_cap
        self.name_word = name_word  # could be a word of a name (names.py)
        self.is_word = is_word
        self.flags = flags  # bits of the spelling
        self.start = start
        self.end = end
        self.ref = ref  # the DateMatch or Mention of a date or name unit
        self.first = first  # the sentence's first word, number, date or name (set by units.scan_units)

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.kind})"


def make_tok(kind: str, text: str, start: int, end: int, ref: Any = None, first: bool = False) -> Tok:
    """A token (or unit) of a kind and spelling, its fields worked out from them."""
    is_word = kind == "word" or kind == "abbr"
    is_cap = is_word and text[:1].isupper()
    return Tok(text, kind, text.lower(), is_cap, is_cap and _name_word(text, True), is_word,
               0 if kind == "date" or kind == "name" else _FLAGS[text], start, end, ref, first)


def _name_word(text: str, is_cap: bool) -> bool:
    """Could this token be a word of a name?"""
    if not is_cap or is_month(text):
        return False
    # "Bolshevik-led", "Soviet-backed": a compound adjective, not part of a name
    if "-" in text and text.rsplit("-", 1)[1][:1].islower():
        return False
    return text != "I"


_PieceInfo = tuple[str, str, str, bool, bool, bool, int, int, int, bool]
_SIGNS: Final = "$£€−-"  # what a number may start with before its first digit (_TOKEN_FORMS)


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
    r"""(token, kind, low, is_cap, name_word, is_word, flags, token length, piece length, may take a full stop
    after) of a piece: its token and the spaces after it (which is all \s: str.rstrip strips the same
    characters). The first seven are the slots of Tok that depend on the spelling alone. Run once for each
    distinct piece of text, so the word, the commonest kind, takes the shortest way."""
    tok = piece.rstrip()
    low = tok.lower()
    n = len(tok)
    first = tok[0]
    # (for a word: never punctuation, so its bits are the lower-case ones or the case-blind ones of _flags_of;
    # "St.", "F.": the full stop after an abbreviation or an initial belongs to the word)
    if first.islower() and first.isalnum():
        # a word (_token_kind: a lower-case letter is no decimal digit, and no abbreviation starts with one),
        # not upper case: no capital, no name word
        return (tok, "word", low, False, False, True, _lower_flags(low), n, len(piece),
                n == len(piece) and low in _ABBR_WORDS)
    kind = _token_kind(tok)
    if kind == "word":
        is_cap = first.isupper()
        return (tok, kind, low, is_cap, is_cap and _name_word(tok, True), True, _CASE_BLIND.get(low, 0), n,
                len(piece), n == len(piece) and (low in _ABBR_WORDS or n == 1 and is_cap))
    is_word = kind == "abbr"
    is_cap = is_word and first.isupper()
    return (tok, kind, low, is_cap, is_cap and _name_word(tok, True), is_word, _flags_of(tok), n, len(piece), False)


class _Pieces(dict[str, _PieceInfo]):
    """piece -> _piece_info(piece). The same few thousand pieces make up most text: each is analysed once
    (cleared like an lru cache)."""

    def cache_clear(self) -> None:
        self.clear()


_PIECES: Final = _Pieces()


# mypyc compiles this package where it can (setup.py): its classes are then built by C constructors, and no
# longer by object.__new__
COMPILED: Final = not __file__.endswith(".py")
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
        tok, kind, low, is_cap, name_word, is_word, flags, n, width, takes_dot = info
        if takes_dot and text[pos + n : pos + n + 1] == ".":
            # the full stop is the next piece (nothing else starts with "."): it joins this token
            width += len(next(found))
            tok += "."
            low += "."
            n += 1
            name_word = _name_word(tok, is_cap)
            flags = _FLAGS[tok]
        if COMPILED:
            append(Tok(tok, kind, low, is_cap, name_word, is_word, flags, pos, pos + n))
        else:  # (the interpreter calls __init__ in Python: filling the slots here is a sixth faster)
            t = _new_tok(Tok)
            t.text, t.kind, t.low, t.is_cap, t.name_word, t.is_word = tok, kind, low, is_cap, name_word, is_word
            t.flags, t.start, t.end, t.ref, t.first = flags, pos, pos + n, None, False
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


def finite_verb(tok: Tok) -> bool:
    """Could this token (or unit) be a finite verb: a lower-case auxiliary or past form? (Read from the bits
    of its spelling that tokenize gave it, _flags_of: tests check them against the word lists.)"""
    return tok.kind == "word" and tok.flags & _FINITE != 0

