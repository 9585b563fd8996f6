"""The progress store: schema, one transaction per answer, concurrent writers, read-only opening."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizgen.errors import InputError
from quizgen.quiz.scheduler import AGAIN, GOOD, review
from quizgen.quiz.store import SCHEMA_VERSION, Review, Store, default_path

ROOT = Path(__file__).resolve().parent.parent
T0 = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)


def answer(store: Store, fact_id: str, rating: int = GOOD, at: datetime = T0, bank_id: str = "b") -> datetime:
    rec = Review(bank_id, fact_id, at, rating, rating > AGAIN, 1500, "type", "x")
    due, _ = store.record(rec, lambda state: review(state, rating, at))
    return due


def test_new_store_has_schema_wal_and_version(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "p.sqlite3"
    store = Store.open(path)
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"cards", "reviews"} <= tables
    store.close()
    Store.open(path).close()  # reopening an existing store is fine


def test_each_answer_is_committed_at_once(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    store = Store.open(path)
    due = answer(store, "f1", AGAIN)
    # another connection sees it before this one is closed: nothing waits for the end of the session
    other = sqlite3.connect(path)
    assert other.execute("SELECT fact_id, rating, correct, mode, answer, prev_state FROM reviews").fetchall() == [
        ("f1", AGAIN, 0, "type", "x", 0)]
    assert other.execute("SELECT due FROM cards").fetchone()[0] == due.strftime("%Y-%m-%dT%H:%M:%SZ")
    other.close()
    store.close()


def test_reviews_build_on_the_stored_state(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.sqlite3")
    first = answer(store, "f1", GOOD, T0)
    assert first - T0 == timedelta(minutes=10)  # the second learning step
    second = answer(store, "f1", GOOD, first)
    assert second - first >= timedelta(days=1)  # graduated: the stored card was continued, not restarted
    row = store.cards("b")["f1"]
    assert (row.reps, row.fsrs_state, row.due) == (2, 2, second.replace(microsecond=0))
    assert [r[3] for r in store.reviews_since("b", T0)] == [0, 1]  # new, then learning
    store.close()


def test_a_failed_answer_rolls_back_whole(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "p.sqlite3")

    def broken(state: str | None) -> tuple[str, datetime, int]:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        store.record(Review("b", "f1", T0, GOOD, True, None, "type", "x"), broken)
    assert store.cards("b") == {} and store.review_count("b") == 0
    answer(store, "f1")  # the connection is usable afterwards
    assert store.review_count("b") == 1
    store.close()


WRITER = """
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from quizgen.quiz.scheduler import review
from quizgen.quiz.store import Review, Store

path, name, n = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
Path(sys.argv[4]).touch()
while not Path(sys.argv[5]).exists():
    time.sleep(0.001)
store = Store.open(path)
t0 = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)
for i in range(n):
    at = t0 + timedelta(seconds=i)
    for fact in ("shared", name):
        store.record(Review("b", fact, at, 3, True, 100, "type", name), lambda s: review(s, 3, at))
store.close()
"""


def test_two_processes_on_one_store_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    go = tmp_path / "go"
    n = 60
    procs = [subprocess.Popen([sys.executable, str(script), str(path), name, str(n), str(tmp_path / f"ready-{name}"),
                               str(go)], cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
             for name in ("one", "two")]
    while not all((tmp_path / f"ready-{name}").exists() for name in ("one", "two")):
        time.sleep(0.001)
    go.touch()  # both start writing at once, to a store neither has created yet
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    store = Store.open(path)
    cards = store.cards("b")
    assert {k: v.reps for k, v in cards.items()} == {"shared": 2 * n, "one": n, "two": n}
    assert store.review_count("b") == 4 * n
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()


def test_threads_with_their_own_connections(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    Store.open(path).close()
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            store = Store.open(path)
            for i in range(40):
                answer(store, "shared", GOOD, T0 + timedelta(seconds=i))
                answer(store, name, GOOD, T0 + timedelta(seconds=i))
            store.close()
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(f"t{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    store = Store.open(path)
    assert store.cards("b")["shared"].reps == 160 and store.review_count("b") == 320
    store.close()


def test_open_existing_never_creates(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "p.sqlite3"
    assert Store.open_existing(path) is None
    assert not path.parent.exists()


def test_open_existing_reads_a_store(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    with_store = Store.open(path)
    answer(with_store, "f1")
    with_store.close()
    store = Store.open_existing(path)
    assert store is not None and set(store.cards("b")) == {"f1"}
    with pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM cards")  # read-only
    store.close()


def test_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(InputError, match="not a quizgen progress store"):
        Store.open(path)
    with pytest.raises(InputError, match="not a quizgen progress store"):
        Store.open_existing(path)
    assert path.read_text().startswith("these are my notes")


def test_newer_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(InputError, match="newer quizgen"):
        Store.open(path)
    with pytest.raises(InputError, match="newer quizgen"):
        Store.open_existing(path)


@pytest.mark.skipif(sys.platform != "linux", reason="XDG data folder is the Linux convention")
def test_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGEN_STORE", str(tmp_path / "env.db"))
    assert default_path() == tmp_path / "env.db"
    monkeypatch.delenv("QUIZGEN_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_path() == tmp_path / "xdg" / "quizgen" / "progress.sqlite3"
