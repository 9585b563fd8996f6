"""Multiple-choice items: the answer and its distractors arranged as options."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .defects import item_defects
from .distractors import Plan, plan

if TYPE_CHECKING:
    from ..bank import Bank, Fact


@dataclass(frozen=True)
class MCQuestion:
    id: str
    kind: str
    question: str
    options: list[str]
    answer_index: int
    fact: Fact

    @property
    def answer(self) -> str:
        return self.options[self.answer_index]

    @property
    def letter(self) -> str:
        return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[self.answer_index]


def make_mc(bank: Bank, fact: Fact, rng: random.Random, n_options: int = 4, *,
            position: int | None = None) -> MCQuestion | None:
    """A multiple-choice item for `fact`, or None when it cannot get `n_options - 1` good distractors.

    `position` (0-based) asks for the answer at that option; dates and numbers stay in ascending order,
    so for them it is honoured when near dates/numbers on both sides allow it.
    """
    p = plan(bank, fact)
    picked = p.pick(rng, n_options - 1, position)
    if picked is None:
        return None
    mcq = build(p, picked, rng, position)
    # The checks a teacher would make: an item that fails one is never handed out.
    return None if mcq is None or item_defects(mcq, bank) else mcq


def build(p: Plan, distractors: list[str], rng: random.Random, position: int | None = None) -> MCQuestion | None:
    """Arrange the answer and `distractors`: ascending for dates and numbers, else the answer at
    `position` (random when None) and the distractors shuffled around it."""
    fact = p.fact
    if p.ordered:
        key = p.key
        assert key is not None
        options = sorted([p.answer, *distractors], key=lambda t: key(t) or 0.0)
        index = options.index(p.answer)
    else:
        others = list(distractors)
        rng.shuffle(others)
        n = len(others) + 1
        index = position if position is not None and 0 <= position < n else rng.randrange(n)
        options = [*others[:index], p.answer, *others[index:]]
    return MCQuestion(fact.id, fact.kind, fact.question, options, index, fact)


def plan_for(bank: Bank, fact: Fact) -> Plan:
    """The distractor plan of a fact (what mcsets uses to pick per-version options)."""
    return plan(bank, fact)
