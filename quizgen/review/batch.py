"""Non-interactive review: decisions from rules (--approve-all-above, --reject-below, ...) for scripts."""

from __future__ import annotations

from dataclasses import dataclass

from ..bank import Fact
from ..errors import InputError
from .merge import Decision


@dataclass(frozen=True)
class Rules:
    approve_all: bool = False
    reject_all: bool = False
    approve_above: float | None = None   # approve confidence >= this
    reject_below: float | None = None    # reject confidence < this

    @property
    def active(self) -> bool:
        return self.approve_all or self.reject_all or self.approve_above is not None or self.reject_below is not None

    def check(self) -> None:
        """One clear message for combinations that cannot mean anything sensible."""
        given = [name for name, on in (("--approve-all", self.approve_all), ("--reject-all", self.reject_all),
                                       ("--approve-all-above", self.approve_above is not None)) if on]
        if len(given) > 1:
            raise InputError(f"{given[0]} and {given[1]} cannot be used together")
        if self.reject_below is not None and (self.approve_all or self.reject_all):
            raise InputError(f"--reject-below cannot be used with {given[0]}")
        for name, value in (("--approve-all-above", self.approve_above), ("--reject-below", self.reject_below)):
            if value is not None and not 0.0 <= value <= 1.0:
                raise InputError(f"{name}: {value} is not a confidence from 0 to 1")
        if (self.approve_above is not None and self.reject_below is not None
                and self.reject_below > self.approve_above):
            raise InputError(f"--reject-below {self.reject_below} is above --approve-all-above "
                             f"{self.approve_above}: a candidate cannot be both")

    def decide(self, fact: Fact) -> Decision | None:
        """The decision for one candidate; None leaves it undecided (asked about in a later run)."""
        if self.approve_all:
            return Decision(fact.id, "approve")
        if self.reject_all:
            return Decision(fact.id, "reject")
        conf = fact.confidence
        if conf is None:  # no score: no rule can judge it, a person will
            return None
        if self.approve_above is not None and conf >= self.approve_above:
            return Decision(fact.id, "approve")
        if self.reject_below is not None and conf < self.reject_below:
            return Decision(fact.id, "reject")
        return None


def plan(rules: Rules, pending: list[Fact]) -> list[tuple[Fact, Decision | None]]:
    return [(fact, rules.decide(fact)) for fact in pending]
