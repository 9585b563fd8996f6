"""`quizgen quiz` and `quizgen stats --store` as a script uses them: answers on stdin, one per line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen.bank import load_bank

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "data" / "quiz" / "mini.yaml"
DECK = ROOT / "decks" / "trotsky-stalin.yaml"
T0 = "2030-03-01T09:00:00Z"


def run(*args: str, input: str = "", now: str | None = T0, store: Path | None = None,
        **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("QUIZGEN_NOW", "QUIZGEN_STORE", "NO_COLOR")}
    full_env["PYTHONPATH"] = str(ROOT)
    if now:
        full_env["QUIZGEN_NOW"] = now
    if store:
        full_env["QUIZGEN_STORE"] = str(store)
    full_env |= env
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=ROOT, capture_output=True, text=True,
                          input=input, env=full_env, timeout=120)


def reviews(db: Path) -> list[tuple[str, int]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT fact_id, correct FROM reviews ORDER BY id").fetchall()
    finally:
        conn.close()


def test_scripted_quiz_scores_and_saves(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    out = run("quiz", str(MINI), "--mode", "type", "--count", "3", "--store", str(db),
              input="20 August 1969\n1969\nArmstrong\n")
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert "> 20 August 1969\nWrong — the answer is July 20, 1969" in out.stdout
    assert "Correct (accepted: surname only) — Neil Armstrong" in out.stdout
    assert "Score: 2/3 (67%)" in out.stdout
    assert "\x1b[" not in out.stdout
    assert reviews(db) == [("landing-date", 0), ("launch-year", 1), ("first-man", 1)]


def test_next_run_starts_with_the_failed_card(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    run("quiz", str(MINI), "--mode", "type", "--count", "2", input="1969\nwrong\n", store=db)
    nxt = run("quiz", str(MINI), "--mode", "type", "--count", "2", input="", store=db, now="2030-03-02T09:00:00Z")
    assert nxt.returncode == 0
    lines = nxt.stdout.splitlines()
    questions = [lines[i + 1] for i, line in enumerate(lines) if line.startswith("[")]
    # both are due a day later; the one answered wrong (due in a minute) is older than the one right
    assert questions[0] == "On what date did Apollo 11 land on the Moon?"
    assert "(2 due)" in lines[0]


def test_end_of_input_prints_the_summary(tmp_path: Path) -> None:
    out = run("quiz", str(MINI), "--mode", "type", input="1969-07-20\n", store=tmp_path / "p.db")
    assert out.returncode == 0
    assert "Stopped after 1 of 10 questions." in out.stdout and "Score: 1/1 (100%)" in out.stdout


def test_quit_command(tmp_path: Path) -> None:
    out = run("quiz", str(MINI), "--mode", "type", input=":q\nnever\n", store=tmp_path / "p.db")
    assert out.returncode == 0 and "Stopped after 0 of 10 questions." in out.stdout and "Score: 0/0" in out.stdout


def test_shipped_deck_in_mixed_mode(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    out = run("quiz", str(DECK), "--count", "5", "--seed", "11", input="a\nb\nc\nd\n\n", store=db)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count(" · new\n") == 5 and "Score: " in out.stdout and "seed 11" in out.stdout
    assert len(reviews(db)) == 5
    again = run("quiz", str(DECK), "--count", "5", "--seed", "11", input="a\nb\nc\nd\n\n", store=tmp_path / "q.db")
    assert again.stdout.split("Score:")[0] == out.stdout.split("Score:")[0]  # the seed repeats the quiz


def test_stats_shows_progress_from_the_store(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    answers = "\n".join(f.answer for f in load_bank(MINI).approved()[:3])
    run("quiz", str(MINI), "--mode", "type", "--count", "4", input=answers + "\nwrong\n", store=db)
    out = run("stats", str(MINI), "--store", str(db), now="2030-03-01T09:05:00Z")
    assert out.returncode == 0, out.stderr
    assert "  due today: 4 (1 due now)\n" in out.stdout
    assert "  learned: 0 of 10 (4 seen, 6 new)\n" in out.stdout
    assert "  answers (last 30 days): 4, 75% right\n" in out.stdout


def test_stats_without_a_store_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "never" / "p.db"
    out = run("stats", str(MINI), "--store", str(db))
    assert out.returncode == 0 and "due today" not in out.stdout
    assert not db.parent.exists()


@pytest.mark.parametrize(("args", "env", "message"), [
    (["--tags", "nope"], {}, "Error: no approved facts with tags nope (tags: aftermath, landing, launch)"),
    (["--count", "0"], {}, "Invalid value for '-n' / '--count'"),
    (["--mode", "essay"], {}, "Invalid value for '-m' / '--mode'"),
    ([], {"QUIZGEN_NOW": "tomorrow"}, "Error: QUIZGEN_NOW: 'tomorrow' is not an ISO date-time"),
])
def test_bad_options_are_one_line_errors(tmp_path: Path, args: list[str], env: dict[str, str], message: str) -> None:
    out = run("quiz", str(MINI), "--store", str(tmp_path / "p.db"), *args, **env)
    assert out.returncode != 0
    assert message in out.stderr and "Traceback" not in out.stderr


def test_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n" * 100)
    out = run("quiz", str(MINI), "--store", str(notes))
    assert out.returncode == 1 and "not a quizgen progress store" in out.stderr
    assert notes.read_text() == "my notes\n" * 100


def test_the_same_bank_twice(tmp_path: Path) -> None:
    out = run("quiz", str(MINI), str(MINI), "--store", str(tmp_path / "p.db"))
    assert out.returncode == 1 and "the same bank was given twice (quiz-mini)" in out.stderr
