"""Fast, cached text folding for the extractor's hot loops (same results as quizgen.textnorm)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..textnorm import fold as _fold
from ..textnorm import strip_accents as _strip_accents

_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """textnorm.fold, with a shortcut for plain ASCII text (most of it)."""
    if text.isascii():
        text = text.lower().replace("_", " ").replace("'", "")
        return _SPACE.sub(" ", _PUNCT.sub(" ", text)).strip()
    return _fold(text)


@lru_cache(maxsize=1 << 16)
def strip_accents(text: str) -> str:
    return text if text.isascii() else _strip_accents(text)
