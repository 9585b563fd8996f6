"""Fast, cached text folding for the extractor's hot loops (same results as quizgen.textnorm)."""

from __future__ import annotations

from functools import lru_cache

from ..textnorm import fold as _fold
from ..textnorm import strip_accents as _strip_accents

# ASCII: the apostrophe goes, "_" and every other character that is neither a word character nor a space
# becomes a space
_ASCII_PUNCT = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c).isspace())} | {ord("'"): None}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """textnorm.fold, with a shortcut for plain ASCII text (most of it)."""
    if text.isascii():
        # a translation table and split/join do what the two substitutions did, in one pass each
        return " ".join(text.lower().translate(_ASCII_PUNCT).split())
    return _fold(text)


@lru_cache(maxsize=1 << 16)
def strip_accents(text: str) -> str:
    return text if text.isascii() else _strip_accents(text)
