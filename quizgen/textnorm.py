"""Text folding shared by distractor checks, answer matching and entity merging."""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACE = re.compile(r"\s+")
_ARTICLES = re.compile(r"^(the|a|an)\s+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Case, accents, punctuation and spacing folded: 'Ramón  Mercader!' -> 'ramon mercader'."""
    text = strip_accents(text).casefold().replace("_", " ")
    text = _PUNCT.sub(" ", text.replace("'", "").replace("\u2019", ""))
    return _SPACE.sub(" ", text).strip()


def fold_loose(text: str) -> str:
    """`fold` plus a leading article dropped: 'The Revolution Betrayed' == 'Revolution Betrayed'."""
    return _ARTICLES.sub("", fold(text))
