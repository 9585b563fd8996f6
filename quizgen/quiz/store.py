"""The progress store: one SQLite file holding each card's FSRS state and every answer ever given.

Why SQLite: every answer is its own transaction, committed before the next question shows, so Ctrl-C,
a closed terminal or a crash loses at most the question on screen. WAL journal mode and a busy timeout
let two quiz sessions share one store; each review runs in `BEGIN IMMEDIATE`, which reads the card's
latest state *inside* the write lock, so concurrent sessions never overwrite each other's reviews.

Cards are keyed by (bank id, fact id), so editing a question's wording keeps its history.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..errors import InputError, OutputError

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 10_000
_SCHEMA = """
CREATE TABLE IF NOT EXISTS cards (
    bank_id TEXT NOT NULL,
    fact_id TEXT NOT NULL,
    state TEXT NOT NULL,          -- fsrs Card.to_json()
    due TEXT NOT NULL,            -- UTC, ISO 8601 'YYYY-MM-DDTHH:MM:SSZ' (sorts as text)
    fsrs_state INTEGER NOT NULL,  -- 1 learning, 2 review, 3 relearning
    reps INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (bank_id, fact_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cards_due ON cards (bank_id, due);
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY,
    bank_id TEXT NOT NULL,
    fact_id TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    rating INTEGER NOT NULL,      -- 1 again, 2 hard, 3 good, 4 easy
    correct INTEGER NOT NULL,
    elapsed_ms INTEGER,
    mode TEXT NOT NULL,           -- mc, type or cloze
    answer TEXT NOT NULL,
    lenient TEXT,                 -- why a typed answer was accepted leniently, if it was
    prev_state INTEGER NOT NULL   -- 0 new, else the card's fsrs state before this review
);
CREATE INDEX IF NOT EXISTS reviews_by_bank ON reviews (bank_id, reviewed_at);
"""


def iso(moment: datetime) -> str:
    """The store's time format: UTC to the second, so text order is time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_iso(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def default_path() -> Path:
    """QUIZGEN_STORE if set, else progress.sqlite3 in the user's data folder."""
    env = os.environ.get("QUIZGEN_STORE")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when no --store is given

    return platformdirs.user_data_path("quizgen") / "progress.sqlite3"


@dataclass(frozen=True)
class CardRow:
    fact_id: str
    state: str
    due: datetime
    fsrs_state: int
    reps: int


@dataclass(frozen=True)
class Review:
    """One answer, as recorded."""

    bank_id: str
    fact_id: str
    reviewed_at: datetime
    rating: int
    correct: bool
    elapsed_ms: int | None
    mode: str
    answer: str
    lenient: str | None = None


# apply(previous card JSON or None) -> (new card JSON, due, fsrs state)
Reviewer = Callable[[str | None], tuple[str, datetime, int]]


class Store:
    """An open progress store. Use `Store.open(path)` (creates it) or `Store.open_existing(path)`."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open the store at `path`, creating the file and its folder if needed."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except OSError as exc:
            raise OutputError(f"cannot open progress store {path}: {exc.strerror or exc}") from None
        except sqlite3.Error as exc:
            raise OutputError(f"cannot open progress store {path}: {exc}") from None
        store = cls(conn, path)
        store._setup()
        return store

    @classmethod
    def open_existing(cls, path: Path) -> Store | None:
        """Open an existing store read-only; None when there is no file (nothing is created)."""
        if not path.is_file():
            return None
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True,
                                   timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{path}: not a quizgen progress store ({exc})") from None
        if version == 0:
            conn.close()
            return None  # created but never written: no history
        if version > SCHEMA_VERSION:
            conn.close()
            raise InputError(f"{path}: written by a newer quizgen (store version {version}); upgrade quizgen")
        return cls(conn, path)

    def _setup(self) -> None:
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._retry(lambda: self.conn.execute("PRAGMA journal_mode = WAL"))
            self.conn.execute("PRAGMA synchronous = NORMAL")  # durable with WAL across app crashes
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise InputError(f"{self.path}: written by a newer quizgen (store version {version}); "
                                 "upgrade quizgen")
            if version < SCHEMA_VERSION:
                with self.transaction():
                    # re-read inside the lock: another session may have just created the schema
                    if self.conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                        for statement in filter(str.strip, _SCHEMA.split(";")):
                            self.conn.execute(statement)
                        self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise InputError(f"{self.path}: not a quizgen progress store ({exc})") from None

    @staticmethod
    def _retry(fn: Callable[[], object]) -> None:
        # switching to WAL takes an exclusive lock that the busy handler does not wait for
        for attempt in range(50):
            try:
                fn()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 49:
                    raise
                time.sleep(0.05)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT: take the write lock first so reads inside see the latest rows."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def cards(self, bank_id: str) -> dict[str, CardRow]:
        rows = self.conn.execute(
            "SELECT fact_id, state, due, fsrs_state, reps FROM cards WHERE bank_id = ?", (bank_id,))
        return {r[0]: CardRow(r[0], r[1], from_iso(r[2]), r[3], r[4]) for r in rows}

    def record(self, review: Review, apply: Reviewer) -> tuple[datetime, int]:
        """Schedule the card from its latest stored state and write card + review in one transaction.

        Returns the card's new due time and fsrs state.
        """
        try:
            with self.transaction() as conn:
                row = conn.execute("SELECT state, fsrs_state, reps FROM cards WHERE bank_id = ? AND fact_id = ?",
                                   (review.bank_id, review.fact_id)).fetchone()
                state, due, fsrs_state = apply(row[0] if row else None)
                now = iso(review.reviewed_at)
                conn.execute(
                    "INSERT INTO cards (bank_id, fact_id, state, due, fsrs_state, reps, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (bank_id, fact_id) DO UPDATE SET "
                    "state = excluded.state, due = excluded.due, fsrs_state = excluded.fsrs_state, "
                    "reps = excluded.reps, updated_at = excluded.updated_at",
                    # reps is read-modify-write like the card state: a lost update would show in it
                    (review.bank_id, review.fact_id, state, iso(due), fsrs_state, (row[2] if row else 0) + 1, now))
                conn.execute(
                    "INSERT INTO reviews (bank_id, fact_id, reviewed_at, rating, correct, elapsed_ms, mode, "
                    "answer, lenient, prev_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (review.bank_id, review.fact_id, now, review.rating, int(review.correct), review.elapsed_ms,
                     review.mode, review.answer, review.lenient, row[1] if row else 0))
        except sqlite3.OperationalError as exc:
            raise OutputError(f"cannot save your answer to {self.path}: {exc}") from None
        return due, fsrs_state

    def reviews_since(self, bank_id: str, since: datetime) -> list[tuple[str, int, int, int]]:
        """(fact_id, rating, correct, prev_state) of every answer at or after `since`, oldest first."""
        return self.conn.execute(
            "SELECT fact_id, rating, correct, prev_state FROM reviews WHERE bank_id = ? AND reviewed_at >= ? "
            "ORDER BY reviewed_at, id", (bank_id, iso(since))).fetchall()

    def review_count(self, bank_id: str) -> int:
        return self.conn.execute("SELECT count(*) FROM reviews WHERE bank_id = ?", (bank_id,)).fetchone()[0]
