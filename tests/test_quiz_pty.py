"""`quizgen quiz` in a real pseudo-terminal (pexpect): typing answers, colours, Ctrl-C."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).parent / "data" / "quiz" / "mini.yaml"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def spawn(store: Path, *args: str, no_color: bool = False) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "QUIZGEN_STORE")}
    env |= {"PYTHONPATH": str(ROOT), "TERM": "xterm-256color", "QUIZGEN_NOW": "2030-03-01T09:00:00Z"}
    if no_color:
        env["NO_COLOR"] = "1"
    child = pexpect.spawn(sys.executable, ["-m", "quizgen", "quiz", str(MINI), "--store", str(store), *args],
                          cwd=str(ROOT), env=env, encoding="utf-8", timeout=30, dimensions=(40, 100))
    return child


def finish(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    return child.before


def answered(store: Path) -> list[tuple[str, int]]:
    conn = sqlite3.connect(store)
    try:
        return conn.execute("SELECT fact_id, correct FROM reviews ORDER BY id").fetchall()
    finally:
        conn.close()


def test_typing_answers_in_a_terminal_with_colours(tmp_path: Path) -> None:
    store = tmp_path / "p.db"
    child = spawn(store, "--mode", "type", "--count", "3")
    child.expect("On what date did Apollo 11 land on the Moon")
    child.expect("> ")
    child.sendline("20 july 1969")
    child.expect("Correct")
    child.expect("In what year was Apollo 11 launched")
    child.expect("> ")
    child.sendline("1968")
    child.expect("Wrong")
    child.expect("the answer is")
    child.expect("1969")
    child.expect("first person to walk on the Moon")
    child.expect("> ")
    child.sendline("Neil Armstrnog")
    child.expect(r"Correct.{0,12} \(accepted: small typo\)")
    child.expect("Once more, the question you missed")  # the missed one comes back at the end
    child.expect("In what year was Apollo 11 launched")
    child.expect("> ")
    child.sendline("1969")
    child.expect("Correct")
    rest = finish(child)
    assert child.exitstatus == 0
    plain = ANSI.sub("", rest)
    assert "Score: 2/3 (67%)" in plain and "Second try: 1/1 right." in plain  # the score counts first answers
    assert "\x1b[" in child.before + rest  # a terminal gets colour
    assert answered(store) == [("landing-date", 1), ("launch-year", 0), ("first-man", 1), ("launch-year", 1)]


def test_no_color_is_respected(tmp_path: Path) -> None:
    child = spawn(tmp_path / "p.db", "--mode", "type", "--count", "1", no_color=True)
    child.expect("> ")
    seen = child.before
    child.sendline("1969-07-20")
    rest = finish(child)
    assert "\x1b[" not in seen + rest
    assert "Correct" in rest and "Score: 1/1" in rest


def test_multiple_choice_letters_and_a_retry_on_a_bad_key(tmp_path: Path) -> None:
    child = spawn(tmp_path / "p.db", "--mode", "mc", "--count", "1", "--tags", "landing", "--seed", "3",
                  no_color=True)
    child.expect(r"A\) ")
    child.expect(r"Answer \(A-D\): ")
    child.sendline("x")  # not a letter: asked again, not counted
    child.expect("Type a letter from A to D")
    child.expect(r"Answer \(A-D\): ")
    child.sendline("")
    child.expect(r"Not answered — the answer is [A-D]\) ([^\r\n]+?)  · next")
    right = child.match.group(1)
    child.expect("Once more, the question you missed")
    child.expect(r"Answer \(A-D\): ")
    options = dict(re.findall(r"^  ([A-D])\) (.+?)\r?$", child.before, re.MULTILINE))
    letter = next(k for k, v in options.items() if v == right)
    child.sendline(letter.lower())
    child.expect("Correct")
    rest = finish(child)
    assert child.exitstatus == 0 and "Score: 0/1" in rest and "Second try: 1/1 right." in rest


def test_ctrl_c_mid_quiz_keeps_the_answers_and_exits_130(tmp_path: Path) -> None:
    store = tmp_path / "p.db"
    child = spawn(store, "--mode", "type", "--count", "5", no_color=True)
    child.expect("> ")
    child.sendline("July 20, 1969")
    child.expect("Correct")
    child.expect("> ")
    child.sendline("1969")
    child.expect("Correct")
    child.expect("> ")
    child.sendintr()  # Ctrl-C while the third question waits
    rest = finish(child)
    assert child.exitstatus == 130
    assert "Interrupted." in rest and "Stopped after 2 of 5 questions." in rest and "Score: 2/2" in rest
    assert "Traceback" not in rest and "KeyboardInterrupt" not in rest
    assert answered(store) == [("landing-date", 1), ("launch-year", 1)]


def test_ctrl_d_ends_with_the_summary(tmp_path: Path) -> None:
    child = spawn(tmp_path / "p.db", "--mode", "type", "--count", "5", no_color=True)
    child.expect("> ")
    child.sendline("1969-07-20")
    child.expect("> ")
    child.sendeof()
    rest = finish(child)
    assert child.exitstatus == 0 and "Stopped after 1 of 5 questions." in rest and "Score: 1/1" in rest
