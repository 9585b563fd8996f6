"""Decisions are written by a worker thread, so the next candidate shows while the bank is saved.

Rewriting a bank while keeping its comments costs ruamel.yaml a full round trip (0.2-0.5 s for
80-110 facts, growing with the bank). The worker takes every decision queued meanwhile in one write,
so even a fast reviewer never waits. After a failed write it attempts nothing more until the loop has
seen the failure (those decisions come back as not saved). The thread is not a daemon: when the main
thread dies of Ctrl-C the interpreter still waits for the write in progress.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import QuizgenError


@dataclass
class Outcome:
    items: list[Any]
    result: Any = None
    error: QuizgenError | None = None


class NotAttempted(QuizgenError):
    """A decision queued behind a failed write."""


class BackgroundSave:
    def __init__(self, job: Callable[[list[Any]], Any]):
        self._job = job
        self._lock = threading.Lock()
        self._queue: list[Any] = []
        self._done: list[Outcome] = []
        self._thread: threading.Thread | None = None
        self._failed = False
        self._bug: BaseException | None = None

    def submit(self, item: Any) -> None:
        with self._lock:
            self._queue.append(item)
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="quizgen-review-save")
                self._thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                batch, self._queue = self._queue, []
                if not batch:
                    self._thread = None
                    return
                if self._failed:
                    self._done.append(Outcome(batch, error=NotAttempted("not saved: an earlier save failed")))
                    continue
            outcome = Outcome(batch)
            try:
                outcome.result = self._job(batch)
            except QuizgenError as exc:
                outcome.error = exc
            except BaseException as exc:  # a bug: re-raised in the main thread by poll()
                outcome.error = QuizgenError(f"internal error: {exc!r}")
                self._bug = exc
            with self._lock:
                self._failed = self._failed or outcome.error is not None
                self._done.append(outcome)

    def poll(self) -> list[Outcome]:
        """The writes finished since the last call, without waiting."""
        with self._lock:
            done, self._done = self._done, []
        if self._bug is not None:
            bug, self._bug = self._bug, None
            raise bug
        return done

    def wait(self) -> list[Outcome]:
        """Wait until everything queued is written (or failed), then return what happened. After a
        failure this is how the loop says it has seen it: later decisions are attempted again."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join()
        with self._lock:
            self._failed = False
        return self.poll()
