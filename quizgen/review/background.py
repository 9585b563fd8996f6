"""One save at a time in a worker thread, so the next candidate shows while the bank is written.

Rewriting a bank while keeping its comments costs ruamel.yaml a round trip (about 0.25 s for 80
facts, growing with the bank); the reviewer reads the next question meanwhile. The thread is not a
daemon: even when the main thread dies of Ctrl-C the interpreter waits for the write to finish.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import QuizgenError


@dataclass
class Outcome:
    key: Any
    result: Any = None
    error: QuizgenError | None = None


class BackgroundSave:
    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._outcome: Outcome | None = None
        self._bug: BaseException | None = None

    def start(self, key: Any, job: Callable[[], Any]) -> None:
        """Run `job` in the background; the caller must `wait()` for the previous one first."""
        if self._thread is not None:
            raise RuntimeError("a save is still in flight: wait() for it first")
        self._outcome = Outcome(key)

        def run() -> None:
            assert self._outcome is not None
            try:
                self._outcome.result = job()
            except QuizgenError as exc:
                self._outcome.error = exc
            except BaseException as exc:  # a bug: re-raised in the main thread by wait()
                self._bug = exc

        self._thread = threading.Thread(target=run, name="quizgen-review-save")
        self._thread.start()

    def wait(self) -> Outcome | None:
        """Block until the save in flight (if any) is done and return how it went."""
        if self._thread is None:
            return None
        self._thread.join()
        self._thread = None
        outcome, self._outcome = self._outcome, None
        if self._bug is not None:
            bug, self._bug = self._bug, None
            raise bug
        return outcome
