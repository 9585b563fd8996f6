"""Grades from answers, FSRS reviews, and the order facts are picked in."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

import pytest

from quizgen.bank import Fact, Source
from quizgen.quiz.scheduler import AGAIN, EASY, GOOD, HARD, grade, pick, review
from quizgen.quiz.store import CardRow

T0 = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(("correct", "lenient", "seconds", "mode", "rating"), [
    (False, False, 2.0, "type", AGAIN),
    (False, False, None, "mc", AGAIN),
    (True, True, 2.0, "type", HARD),     # a typo forgiven is not a clean recall
    (True, False, 25.0, "type", HARD),   # slow to type
    (True, False, 15.0, "type", GOOD),
    (True, False, 15.0, "mc", HARD),     # slow to choose among four
    (True, False, 10.0, "mc", GOOD),
    (True, False, 3.0, "mc", EASY),
    (True, False, 3.0, "cloze", EASY),
    (True, False, None, "type", GOOD),   # a pipe: time unknown
])
def test_grade(correct: bool, lenient: bool, seconds: float | None, mode: str, rating: int) -> None:
    assert grade(correct, lenient, seconds, mode) == rating


def test_review_intervals_grow_with_the_rating() -> None:
    dues = {}
    for rating in (AGAIN, HARD, GOOD, EASY):
        state, due, fsrs_state = review(None, rating, T0)
        assert json.loads(state)["due"].startswith(due.strftime("%Y-%m-%dT%H:%M"))
        dues[rating] = due
    assert T0 < dues[AGAIN] < dues[HARD] < dues[GOOD] < dues[EASY]
    assert dues[AGAIN] - T0 == timedelta(minutes=1)
    assert dues[EASY] - T0 >= timedelta(days=1)


def fact(i: int, quote: str | None = None) -> Fact:
    return Fact(id=f"f{i}", kind="term", question=f"q{i}?", answer=f"a{i}",
                source=Source("doc", quote or f"sentence {i}"))


def row(i: int, due: datetime) -> CardRow:
    return CardRow(f"f{i}", "{}", due, 2, 1)


def test_due_first_oldest_first_then_new_in_bank_order() -> None:
    facts = [fact(i) for i in range(8)]
    cards = {"f5": row(5, T0 - timedelta(hours=1)), "f2": row(2, T0 - timedelta(days=2)),
             "f7": row(7, T0 + timedelta(days=1))}
    picked = pick([(0, facts, cards)], T0, 10)
    assert [(p.fact.id, p.status) for p in picked] == [
        ("f2", "due"), ("f5", "due"), ("f0", "new"), ("f1", "new"), ("f3", "new"), ("f4", "new"), ("f6", "new")]


def test_count_limits_and_due_cards_win() -> None:
    facts = [fact(i) for i in range(5)]
    cards = {f"f{i}": row(i, T0 - timedelta(minutes=i)) for i in (3, 4)}
    assert [p.fact.id for p in pick([(0, facts, cards)], T0, 3)] == ["f4", "f3", "f0"]
    assert [p.fact.id for p in pick([(0, facts, cards)], T0, 1)] == ["f4"]


def test_cards_not_due_only_when_asked_for_and_only_after_new_ones() -> None:
    facts = [fact(i) for i in range(3)]
    cards = {"f0": row(0, T0 + timedelta(days=3)), "f1": row(1, T0 + timedelta(days=1))}
    assert [p.fact.id for p in pick([(0, facts, cards)], T0, 3)] == ["f2"]
    ahead = pick([(0, facts, cards)], T0, 3, ahead=True)
    assert [(p.fact.id, p.status) for p in ahead] == [("f2", "new"), ("f1", "ahead"), ("f0", "ahead")]


def test_seed_shuffles_new_facts_reproducibly() -> None:
    facts = [fact(i) for i in range(30)]
    one = [p.fact.id for p in pick([(0, facts, {})], T0, 30, random.Random(5))]
    two = [p.fact.id for p in pick([(0, facts, {})], T0, 30, random.Random(5))]
    assert one == two and one != [f.id for f in facts] and sorted(one) == sorted(f.id for f in facts)


def test_facts_sharing_a_source_sentence_are_spread_out() -> None:
    facts = [fact(0, "shared"), fact(1, "shared"), fact(2), fact(3, "shared"), fact(4)]
    assert [p.fact.id for p in pick([(0, facts, {})], T0, 5)] == ["f0", "f2", "f4", "f1", "f3"]
    assert [p.fact.id for p in pick([(0, facts, {})], T0, 3)] == ["f0", "f2", "f4"]
    # a due card's sentence counts too
    due = {"f4": row(4, T0 - timedelta(hours=1))}
    facts[4] = fact(4, "shared")
    assert [p.fact.id for p in pick([(0, facts, due)], T0, 3)] == ["f4", "f2", "f0"]


def test_several_banks_keep_their_index() -> None:
    a, b = [fact(0), fact(1)], [fact(0, "a sentence of the other bank")]
    picked = pick([(0, a, {}), (1, b, {"f0": row(0, T0 - timedelta(days=1))})], T0, 5)
    assert [(p.bank_index, p.fact.id, p.status) for p in picked] == [(1, "f0", "due"), (0, "f0", "new"),
                                                                      (0, "f1", "new")]
