"""Which facts to ask, and when each comes back: grades, FSRS reviews and the pick order.

Grade from the answer: wrong -> Again; right but lenient (a typo, a surname only) or slow -> Hard;
right -> Good; right and fast -> Easy. Times count only when someone is typing at a terminal: a
scripted run answers instantly, which says nothing about how well the fact is known.

Pick order (`pick`): cards due now, oldest due first; then new facts, in bank order (or shuffled
with --seed), a fact sharing its source sentence with one already picked moved behind the others
(the sentence is shown after each answer and would give the next answer away); cards that are not
due yet only with `ahead=True`, soonest first, once nothing due or new is left. A card is never asked
early while a new fact is waiting.

FSRS (`fsrs`, the scheduler modern Anki uses) is imported only when the first answer is graded.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ..bank import Fact
from .store import CardRow

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATING_NAMES = {AGAIN: "again", HARD: "hard", GOOD: "good", EASY: "easy"}
SLOW_SECONDS = {"mc": 12.0, "type": 20.0, "cloze": 20.0}
FAST_SECONDS = 4.0


def grade(correct: bool, lenient: bool, elapsed_s: float | None, mode: str) -> int:
    """The FSRS rating for one answer; `elapsed_s` None means the time is not known (a pipe)."""
    if not correct:
        return AGAIN
    if lenient or (elapsed_s is not None and elapsed_s > SLOW_SECONDS.get(mode, 20.0)):
        return HARD
    if elapsed_s is not None and elapsed_s < FAST_SECONDS:
        return EASY
    return GOOD


def review(state: str | None, rating: int, now: datetime, elapsed_ms: int | None = None) -> tuple[str, datetime, int]:
    """Apply one rating to a card (None: a new card) at `now`; returns (card JSON, due, fsrs state)."""
    from datetime import UTC

    from fsrs import Card, Rating

    card = Card.from_json(state) if state else Card(due=now.astimezone(UTC))
    card, _ = _scheduler().review_card(card, Rating(rating), now.astimezone(UTC), elapsed_ms)
    return card.to_json(), card.due, int(card.state)


_SCHEDULER = None


def _scheduler():  # noqa: ANN202 - fsrs is imported lazily, so no annotation at module level
    global _SCHEDULER
    if _SCHEDULER is None:
        from fsrs import Scheduler

        _SCHEDULER = Scheduler()
    return _SCHEDULER


@dataclass(frozen=True)
class Pick:
    fact: Fact
    bank_index: int  # which bank (of the command's BANK... list) the fact belongs to
    status: str  # "due", "new" or "ahead"
    due: datetime | None


def _quote(fact: Fact) -> str | None:
    return fact.source.quote.strip() or None if fact.source else None


def _spread(new: list[Pick], chosen: list[Pick]) -> list[Pick]:
    """New facts in order, but one whose source sentence an earlier pick already showed waits until
    the others: that sentence, shown after each answer, would give its answer away."""
    shown = {_quote(p.fact) for p in chosen} - {None}
    first: list[Pick] = []
    later: list[Pick] = []
    for p in new:
        quote = _quote(p.fact)
        if quote is not None and quote in shown:
            later.append(p)
        else:
            first.append(p)
            shown.add(quote)
    return first + later


def pick(pools: Sequence[tuple[int, list[Fact], dict[str, CardRow]]], now: datetime, count: int,
         rng: random.Random | None = None, ahead: bool = False) -> list[Pick]:
    """Choose up to `count` facts from the banks' facts and their stored cards.

    `pools` holds (bank index, approved facts, cards by fact id) per bank; `rng` (given with --seed)
    shuffles the new facts instead of keeping bank order.
    """
    due: list[Pick] = []
    new: list[Pick] = []
    later: list[Pick] = []
    for index, facts, cards in pools:
        for fact in facts:
            row = cards.get(fact.id)
            if row is None:
                new.append(Pick(fact, index, "new", None))
            elif row.due <= now:
                due.append(Pick(fact, index, "due", row.due))
            else:
                later.append(Pick(fact, index, "ahead", row.due))
    due.sort(key=lambda p: p.due)  # type: ignore[arg-type, return-value]
    if rng is not None:
        rng.shuffle(new)
    chosen = due[:count]
    chosen += _spread(new, chosen)[: max(0, count - len(chosen))]
    if ahead and len(chosen) < count:
        later.sort(key=lambda p: p.due)  # type: ignore[arg-type, return-value]
        chosen += later[: count - len(chosen)]
    return chosen
