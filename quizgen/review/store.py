"""The bank a review writes into: every save re-reads it, merges, validates, and replaces it atomically.

Re-reading before each save means a teacher who edits the bank in another window while reviewing
loses nothing: their version of the file is the one we patch (comments included).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..atomic import write_text
from ..bank import Bank, Fact, dumps_bank, loads_bank, read_text
from ..errors import InputError, QuizgenError
from .merge import Decision, MergeResult, merge, new_bank, reviewable

_RETRIES = 5


class ReviewStore:
    """Candidates plus the target bank file; `record` and `undo` write the file, nothing else does."""

    def __init__(self, candidates: Bank, into: Path, *, bank_id: str | None = None, title: str | None = None):
        self.candidates = candidates
        self.into = Path(into)
        if candidates.path is not None and self.into.exists() and self.into.resolve() == candidates.path.resolve():
            raise InputError(f"{into}: the candidates file and --into are the same file; "
                             "review candidates into a separate bank")
        self.bank_id, self.title = bank_id, title
        self.writes = 0

    def load(self) -> tuple[Bank | None, str | None]:
        """The target bank as it is on disk now, and its text (None, None when it does not exist yet)."""
        if not self.into.exists():
            return None, None
        text = read_text(self.into)
        bank = loads_bank(text, str(self.into))
        bank.path = self.into
        return bank, text

    def bank(self) -> Bank:
        """The target bank, or the empty one the first save will create."""
        bank, _ = self.load()
        return bank if bank is not None else new_bank(self.candidates, self.bank_id, self.title)

    def pending(self, ids: Iterable[str] | None = None) -> list[Fact]:
        target, _ = self.load()
        return reviewable(self.candidates, target, ids)

    def record(self, decisions: list[Decision]) -> MergeResult:
        """Merge the decisions into the bank file now (one atomic write). The bank's own facts win."""
        for _ in range(_RETRIES):
            target, text = self.load()
            result = self._merge(target, decisions)
            if not result.added or self._write(result.bank, text):
                return result
        raise QuizgenError(f"{self.into} keeps changing while quizgen writes it; close other programs "
                           "writing it and decide again")

    def undo(self, fact_id: str) -> bool:
        """Take a fact this session added back out of the bank, so its candidate is asked again."""
        for _ in range(_RETRIES):
            target, text = self.load()
            if target is None or target.fact(fact_id) is None:
                return False
            target.facts = [f for f in target.facts if f.id != fact_id]
            if self._write(target, text):
                return True
        raise QuizgenError(f"{self.into} keeps changing while quizgen writes it; close other programs "
                           "writing it and try again")

    def _merge(self, target: Bank | None, decisions: list[Decision]) -> MergeResult:
        return merge(self.candidates, target, decisions,
                     candidates_dir=self.candidates.path.parent if self.candidates.path else None,
                     target_dir=self.into.parent, bank_id=self.bank_id, title=self.title)

    def _write(self, bank: Bank, previous: str | None) -> bool:
        """Write `bank`, patched into `previous` (the file's text it was read from). False, and nothing
        written, when the file changed meanwhile: the caller starts again from the new text."""
        text = dumps_bank(bank, previous, str(self.into))  # refuses a bank that would not load back
        if self._current() != previous:
            return False
        write_text(self.into, text)
        self.writes += 1
        return True

    def _current(self) -> str | None:
        try:
            return read_text(self.into)
        except InputError:
            return None
