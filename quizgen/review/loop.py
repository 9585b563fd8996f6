"""The interactive review: one candidate at a time, each decision saved to the bank as it is made.

A decision is written in the background while the next candidate is shown (see background.py);
every way out (quit, end of input, Ctrl-C) waits for that write, so nothing decided is lost.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..bank import Fact
from ..errors import QuizgenError
from ..textnorm import fold
from .background import BackgroundSave, NotAttempted
from .edit import apply_edit
from .merge import Decision
from .screen import HELP, keys_prompt, render
from .store import ReviewStore
from .terminal import Environment

_WORDS = {"approve": "a", "reject": "r", "edit": "e", "skip": "s", "undo": "u", "quit": "q", "help": "?",
          "h": "?", "y": "a", "n": "r"}
_DONE = {"a": "approved", "r": "rejected", "e": "edited and approved", "s": "skipped"}
_UNDONE = {"a": "approval", "e": "edit", "r": "rejection", "s": "skip", "k": "visit"}


@dataclass
class Summary:
    """The session's decisions in order: (fact id, action), action a|e|r|s, or k when the bank
    already had the fact (its version was kept). The counts are read off this history."""

    pending: int = 0
    history: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False

    def _n(self, *actions: str) -> int:
        return sum(a in actions for _, a in self.history)

    approved = property(lambda self: self._n("a", "e"))
    edited = property(lambda self: self._n("e"))
    rejected = property(lambda self: self._n("r"))
    skipped = property(lambda self: self._n("s"))
    left = property(lambda self: self.pending - len(self.history))

    def line(self) -> str:
        edited = f" ({self.edited} edited)" if self.edited else ""
        return (f"approved {self.approved}{edited}, rejected {self.rejected}, skipped {self.skipped}, "
                f"left {self.left}")


def _command(raw: str) -> str:
    word = raw.strip().lower()
    return _WORDS.get(word, word)


class _Session:
    def __init__(self, store: ReviewStore, env: Environment, pending: list[Fact]):
        self.store, self.env, self.pending = store, env, pending
        self.summary = Summary(pending=len(pending))
        self.saver = BackgroundSave(lambda decisions: store.record(decisions))
        self.questions = {fold(f.question): f.id for f in store.bank().facts}

    def run(self) -> Summary:
        with self.env.hold():
            return self._run()

    def _run(self) -> Summary:
        i, quit_ = 0, False
        try:
            while True:
                while i < len(self.pending) and not quit_:
                    back = self.settle(block=False)  # a failed save shows up at once, not a decision later
                    i = back if back is not None else i
                    fact = self.pending[i]
                    same = self.questions.get(fold(fact.question))
                    self.env.write(render(self.env, fact, i + 1, len(self.pending), same))
                    action = self.ask()
                    quit_ = action == "q"
                    if not quit_:
                        i = self.undo(i) if action == "u" else self.decide(i, fact, action)
                back = self.settle()
                if back is None or quit_:
                    break
                i = back  # the last save failed: ask about that candidate again
        except EOFError:  # end of a script, or Ctrl-D: same as quit
            self.env.write("\n")
            self.settle()
        except KeyboardInterrupt:
            self.summary.interrupted = True
            self.settle()
            self.env.write(f"\nInterrupted; saved so far: {self.summary.line()}\n")
            raise
        return self.summary

    def ask(self) -> str:
        """Read keys until one is a command; help and unknown keys are answered on the spot."""
        while True:
            self.env.write(keys_prompt(self.env))
            raw = self.env.read_key()
            cmd = _command(raw)
            # echo the command: a key press is not echoed in raw mode, a piped line not at all
            self.env.write((raw.strip() if raw.isprintable() else "") + "\n")
            if cmd in ("a", "r", "e", "s", "u", "q"):
                return cmd
            if cmd == "?":
                self.env.write(HELP)
            elif cmd:
                self.env.write(f"Unknown command {raw.strip()!r}: press ? for help\n")

    def decide(self, i: int, fact: Fact, action: str) -> int:
        """Record one decision (saved in the background); return the index of the next candidate."""
        if action == "s":
            self.summary.history.append((fact.id, "s"))
            return i + 1
        if action == "e":
            question = self.env.read_line("Question (Enter keeps it): ", fact.question).strip() or None
            answer = self.env.read_line("Answer (Enter keeps it): ", fact.answer).strip() or None
            decision = Decision(fact.id, "approve", question, answer)
            for note in apply_edit(copy.deepcopy(fact), question, answer):  # shown now; the merge redoes it
                self.env.write(f"  {note}\n")
        else:
            decision = Decision(fact.id, "approve" if action == "a" else "reject")
        back = self.settle(block=False)
        if back is not None:  # an earlier save failed: that candidate comes back first
            return back
        self.saver.submit(decision)
        self.summary.history.append((fact.id, action))
        if action != "r":
            self.questions.setdefault(fold(decision.question or fact.question), fact.id)
        self.env.write(self.env.style(f"  {_DONE[action]}", fg="red" if action == "r" else "green") + "\n")
        return i + 1

    def settle(self, block: bool = True) -> int | None:
        """Take in the finished saves (all of them when `block`). After a failure, forget every decision
        from the first unsaved one on (skips included) and return its candidate's index: it is asked again."""
        outcomes = self.saver.wait() if block else self.saver.poll()
        if any(o.error for o in outcomes) and not block:
            outcomes += self.saver.wait()  # let the writer drain before going back
        failed: list[str] = []
        for outcome in outcomes:
            ids = [d.fact_id for d in outcome.items]
            if outcome.error is not None:
                if not isinstance(outcome.error, NotAttempted):
                    self.env.write(self.env.style(f"Error: {outcome.error}", fg="red") + "\n")
                failed += ids
                continue
            for fact_id in outcome.result.kept:
                self.env.write(f"  note: '{fact_id}' was already in {self.store.into}; the bank's version was kept\n")
                self.summary.history = [(fid, "k" if fid == fact_id else a) for fid, a in self.summary.history]
        if not failed:
            return None
        at = min(k for k, (fid, _) in enumerate(self.summary.history) if fid in failed)
        first = self.summary.history[at][0]
        self.env.write(f"Not saved: the decisions from '{first}' on. Fix the problem, then decide again.\n")
        lost = {fid for fid, _ in self.summary.history[at:]}
        del self.summary.history[at:]
        self.questions = {q: fid for q, fid in self.questions.items() if fid not in lost}
        return self.index(first)

    def undo(self, i: int) -> int:
        back = self.settle()
        if back is not None:
            return back
        if not self.summary.history:
            self.env.write("Nothing to undo.\n")
            return i
        fact_id, action = self.summary.history[-1]
        if action in ("a", "e", "r"):
            try:
                self.store.undo(fact_id)
            except QuizgenError as exc:  # e.g. the bank was broken by an edit in another window
                self.env.write(self.env.style(f"Error: {exc}", fg="red") + "\nNot undone.\n")
                return i
            self.questions = {q: fid for q, fid in self.questions.items() if fid != fact_id}
        self.summary.history.pop()
        self.env.write(f"  undid the {_UNDONE[action]} of '{fact_id}'\n")
        return self.index(fact_id)

    def index(self, fact_id: str) -> int:
        return next(k for k, f in enumerate(self.pending) if f.id == fact_id)


def run_review(store: ReviewStore, env: Environment, ids: Iterable[str] | None = None) -> Summary:
    """Ask about every undecided candidate and return the counts. Ctrl-C (KeyboardInterrupt) is re-raised
    after the summary is written; everything decided before it is already in the bank."""
    return _Session(store, env, store.pending(ids)).run()
