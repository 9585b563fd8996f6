"""Question forms other than multiple choice: cloze, matching, timeline."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from .entities import fold

if TYPE_CHECKING:
    from ..bank import Bank, Fact

BLANK = "_____"


def qa(fact: Fact) -> tuple[str, str]:
    """The plain question/answer form."""
    return fact.question, fact.answer


def cloze_text(fact: Fact) -> tuple[str, str] | None:
    """The fact's cloze sentence with its gap blanked, and the gap's answer; None without a cloze.

    No cloze is derived from the question: a sentence a teacher did not write reads badly.
    """
    if not fact.cloze:
        return None
    from ..bank import GAP

    m = GAP.search(fact.cloze)
    if not m:
        return None
    answer = m.group(1).strip()
    # Any further {{...}} stays readable text: only the first gap is asked.
    text = fact.cloze[:m.start()] + BLANK + GAP.sub(lambda g: g.group(1), fact.cloze[m.end():])
    return text, answer


def matching_pairs(bank: Bank, rng: random.Random, n: int) -> list[tuple[str, str]]:
    """Up to `n` (left, right) pairs to match: people with their roles, or works with their authors.

    Uses whichever list has more usable pairs (a matching exercise mixes one relation only); every
    left and every right side is distinct, so the match is unambiguous. Shuffled by `rng`.
    """
    people = _distinct([(p.name, p.role) for p in bank.people if p.role])
    works = _distinct([(w.title, w.author) for w in bank.works if w.author])
    # Works by one author make a poor matching exercise (every line has the same answer).
    if len({fold(a) for _, a in works}) < len(works):
        works = _one_per_right(works, rng)
    pairs = people if len(people) >= len(works) else works
    pairs = list(pairs)
    rng.shuffle(pairs)
    return pairs[:max(n, 0)]


def _distinct(pairs: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    seen_l: set[str] = set()
    seen_r: set[str] = set()
    out = []
    for left, right in pairs:
        if not right:
            continue
        kl, kr = fold(left), fold(right)
        if kl in seen_l or kr in seen_r:
            continue
        seen_l.add(kl)
        seen_r.add(kr)
        out.append((left, right))
    return out


def _one_per_right(pairs: list[tuple[str, str]], rng: random.Random) -> list[tuple[str, str]]:
    by_right: dict[str, list[tuple[str, str]]] = {}
    for pair in pairs:
        by_right.setdefault(fold(pair[1]), []).append(pair)
    return [rng.choice(group) for group in by_right.values()]


def timeline_events(bank: Bank, rng: random.Random, n: int) -> list[Fact]:
    """Up to `n` approved dated facts to put in order, in shuffled order (sort by `when_value.start`
    for the key). No two share a date, and no two fall on the same day, so the order is unambiguous."""
    chosen: list[Fact] = []
    seen_start: set[tuple[int, int, int]] = set()
    facts = [f for f in bank.approved() if f.when_value is not None]
    rng.shuffle(facts)
    for f in facts:
        w = f.when_value
        assert w is not None
        if any(_overlap(w, c.when_value) for c in chosen) or w.start in seen_start:
            continue
        seen_start.add(w.start)
        chosen.append(f)
        if len(chosen) >= n:
            break
    return chosen


def _overlap(a, b) -> bool:  # type: ignore[no-untyped-def]
    """Two dates whose spans overlap cannot be ordered (1917 and November 1917)."""
    return a.start <= b.end and b.start <= a.end
