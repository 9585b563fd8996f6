"""Study progress for `quizgen stats`: due today, learned, retention. Reads the store, never creates it."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..bank import Bank
from .store import Store, default_path

LEARNED_STATE = 2  # fsrs State.Review: graduated from the learning steps


def _now() -> datetime:
    fixed = os.environ.get("QUIZGEN_NOW")  # the same testing aid as `quizgen quiz`
    if fixed:
        try:
            moment = datetime.fromisoformat(fixed.replace("Z", "+00:00"))
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        except ValueError:
            pass
    return datetime.now(UTC)


def progress_lines(bank: Bank, store: Path | None, now: datetime | None = None) -> list[str]:
    """Lines such as 'due today: 5', 'learned: 12 of 76', 'retention (last 30 days): 83% of 40 reviews'.

    [] when the store does not exist or holds no history for this bank; the file is never created.
    """
    opened = Store.open_existing(store or default_path())
    if opened is None:
        return []
    try:
        return _lines(bank, opened, now or _now())
    finally:
        opened.close()


def _lines(bank: Bank, store: Store, now: datetime) -> list[str]:
    cards = store.cards(bank.id)
    if not cards and not store.review_count(bank.id):
        return []
    facts = bank.approved()
    end_of_day = now.astimezone().replace(hour=23, minute=59, second=59)
    mine = [cards[f.id] for f in facts if f.id in cards]
    due_today = sum(c.due <= end_of_day for c in mine)
    overdue = sum(c.due <= now for c in mine)
    learned = sum(c.fsrs_state == LEARNED_STATE for c in mine)
    lines = [f"due today: {due_today}" + (f" ({overdue} due now)" if overdue else ""),
             f"learned: {learned} of {len(facts)} ({len(mine)} seen, {len(facts) - len(mine)} new)"]
    recent = store.reviews_since(bank.id, now - timedelta(days=30))
    if recent:
        right = sum(r[2] for r in recent)
        lines.append(f"answers (last 30 days): {len(recent)}, {round(100 * right / len(recent))}% right")
        # retention in the FSRS sense: recall of cards that had graduated to review
        reviews = [r for r in recent if r[3] == LEARNED_STATE]
        if reviews:
            kept = sum(r[2] for r in reviews)
            lines.append(f"retention (last 30 days): {round(100 * kept / len(reviews))}% of {len(reviews)} reviews")
    nxt = [c.due for c in mine if c.due > now]
    if nxt and not overdue:
        from .session import until

        lines.append(f"next review: {until(min(nxt), now)}")
    return lines
