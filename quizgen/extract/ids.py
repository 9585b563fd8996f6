"""Stable fact ids: the same documents give the same ids, so a teacher's review decisions stick.

An id is the kind, then a slug of the answer and of the question's key words
('date-1940-08-20-mercader-fatally-strike'); a short hash of the fact's content is added only when
two facts would otherwise share an id. Nothing depends on the order facts are found in beyond that.
"""

from __future__ import annotations

import hashlib
import re
from typing import Final

from .folding import fold
from .lexicon import STOPWORDS

_WH: Final = {
    "when",
    "what",
    "which",
    "who",
    "whom",
    "where",
    "how",
    "many",
    "year",
    "years",
    "did",
    "does",
    "was",
    "were",
    "is",
    "are",
    "had",
    "besides",
    "around",
    "decade",
    "century",
    "date",
    "title",
    "work",
    "name",
    "wrote",
    "called",
    "formerly",
    "today",
    "age",
    "stand",
}


# (compiled once: re.sub/re.findall with a pattern string look the pattern up on every call)
_NOT_SLUG: Final = re.compile(r"[^a-z0-9]+")
_SLUG_WORD: Final = re.compile(r"[a-z0-9]+")
_KEY_WORD: Final = re.compile(r"[a-z0-9]{3,}")  # the _SLUG_WORD words longer than 2 (a shorter run never matches)


def _slug(text: str, limit: int) -> str:
    folded = fold(text)
    # an ASCII fold is runs of [a-z0-9] between single spaces: its slug is the runs joined by "-"
    slug = folded.replace(" ", "-") if folded.isascii() else _NOT_SLUG.sub("-", folded).strip("-")
    return slug[:limit].rstrip("-")


_NOT_KEY: Final = frozenset(STOPWORDS | _WH)


def base_id(kind: str, answer: str, question: str, when: str | None = None) -> str:
    folded = fold(answer)
    answer_words = folded.split() if folded.isascii() else _SLUG_WORD.findall(folded)
    folded = fold(question)
    # the question's first three key words, each once, in order: words of 3+ letters or digits
    key: list[str] = []
    for w in folded.split() if folded.isascii() else _KEY_WORD.findall(folded):
        if len(w) > 2 and w not in _NOT_KEY and w not in answer_words and w not in key:
            key.append(w)
            if len(key) == 3:
                break
    head = _slug(when or answer, 24)
    # (_slug(" ".join(key), 30): the key words are runs of [a-z0-9] already, which folding leaves as they are)
    tail = "-".join(key)[:30].rstrip("-")
    out = "-".join(filter(None, (kind, head, tail)))
    return out or kind


def assign_ids(items: list[tuple[str, str, str, str | None, str]]) -> list[str]:
    """ids for (kind, answer, question, when, quote) items: unique, stable, slug-safe."""
    bases = [base_id(k, a, q, w) for k, a, q, w, _ in items]
    counts: dict[str, int] = {}
    for b in bases:
        counts[b] = counts.get(b, 0) + 1
    out: list[str] = []
    seen: set[str] = set()
    for (kind, answer, question, _when, quote), b in zip(items, bases, strict=True):
        fid = b
        if counts[b] > 1 or fid in seen:
            digest = hashlib.sha1(f"{kind}|{answer}|{question}|{quote}".encode()).hexdigest()
            fid = f"{b}-{digest[:4]}"
            n = 4
            while fid in seen:  # a true duplicate would have been merged; this is belt and braces
                n += 1
                fid = f"{b}-{digest[:n]}"
        seen.add(fid)
        out.append(fid)
    return out
