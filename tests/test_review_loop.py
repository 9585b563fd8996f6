"""The interactive review loop, driven by scripted input through an injected Environment."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from quizgen.bank import load_bank
from quizgen.review import Environment, ReviewStore, run_review

DATA = Path(__file__).parent / "data" / "review"


@pytest.fixture
def work(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path, dirs_exist_ok=True)
    return tmp_path


def run(work: Path, lines: list[str], into: str = "deck.yaml", ids: list[str] | None = None):
    out: list[str] = []
    store = ReviewStore(load_bank(work / "candidates.yaml"), work / into)
    summary = run_review(store, Environment.scripted(lines, out), ids)
    return summary, "".join(out)


def statuses(path: Path) -> dict[str, str]:
    return {f.id: f.status for f in load_bank(path).facts}


def test_approve_reject_edit_skip_quit_are_written_to_the_bank(work: Path) -> None:
    summary, out = run(work, ["a", "r", "e", "Which minister was dismissed in July 1789?", "", "s", "q"])
    assert summary.line() == "approved 2 (1 edited), rejected 1, skipped 1, left 2"
    bank = load_bank(work / "deck.yaml")
    assert [(f.id, f.status) for f in bank.facts] == [
        ("bastille-stormed", "approved"), ("estates-general-meets", "rejected"), ("necker-role", "approved")]
    necker = bank.fact("necker-role")
    assert necker is not None
    assert (necker.question, necker.answer) == ("Which minister was dismissed in July 1789?", "Jacques Necker")
    assert necker.source is not None and necker.source.quote.startswith("The king dismissed")
    assert "-- 1/6 bastille-stormed" in out and "-- 4/6 third-estate-pamphlet" in out
    assert "-- 5/6 tennis-court-oath-place" in out and "6/6" not in out  # quit at the fifth


def test_the_screen_shows_everything_needed_to_judge_a_candidate(work: Path) -> None:
    _, out = run(work, ["q"])
    screen = out.split("[a]pprove")[0]
    for expected in ("1/6", "date", "confidence 0.95", "Q: When was the Bastille stormed?", "A: July 14, 1789",
                     "Cloze: The Bastille was stormed on {{July 14, 1789}}.",
                     "Source (notes): \u201cThe Bastille was stormed on July 14, 1789"):
        assert expected in screen
    assert "[a]pprove [r]eject [e]dit [s]kip [u]ndo [q]uit [?]help > q" in out
    assert "\x1b[" not in out  # no colour codes when not on a terminal


def test_a_second_run_asks_nothing_about_decided_candidates(work: Path) -> None:
    run(work, ["a", "r", "s", "a"])
    summary, out = run(work, ["a", "a", "a"])
    asked = [line.split()[2] for line in out.splitlines() if line.startswith("-- ")]
    assert asked == ["necker-role", "tennis-court-oath-place", "great-fear-term"]
    assert "-- 1/3 necker-role" in out
    assert summary.line() == "approved 3, rejected 0, skipped 0, left 0"
    _, out = run(work, ["a"])
    assert out == "" and len(load_bank(work / "deck.yaml").facts) == 6


def test_teachers_comments_and_own_edits_survive_a_review(work: Path) -> None:
    before = (work / "teacher-bank.yaml").read_text()
    summary, out = run(work, ["a", "r", "a", "a"], into="teacher-bank.yaml")
    assert "bastille-stormed" not in out and "tennis-court-oath-place" not in out  # decided in the bank
    text = (work / "teacher-bank.yaml").read_text()
    assert text.startswith(before.split("facts:")[0].split("people:")[0])  # header untouched
    for kept in ("# My 1789 deck: I keep my own notes here. Do not lose this comment!",
                 "# I reworded this one myself; the extractor's version must never come back.",
                 "question: On what day did Parisians storm the Bastille?", "note: Now the French national day.",
                 "status: rejected  # too easy for my class", "role: Finance minister (my wording)"):
        assert kept in text
    bank = load_bank(work / "teacher-bank.yaml")
    assert [p.name for p in bank.people].count("Necker") == 1
    assert "Jacques Necker" not in [p.name for p in bank.people]  # the bank's "Necker" is that person
    assert statuses(work / "teacher-bank.yaml") == {
        "bastille-stormed": "approved", "tennis-court-oath-place": "rejected", "my-own-fact": "approved",
        "estates-general-meets": "approved", "necker-role": "rejected", "third-estate-pamphlet": "approved",
        "great-fear-term": "approved"}
    assert summary.left == 0


def test_ctrl_c_keeps_every_decision_already_made(work: Path) -> None:
    def keys() -> Iterator[str]:
        yield "a"
        yield "e"
        yield "Edited question?"
        yield ""
        yield "r"
        raise KeyboardInterrupt

    out: list[str] = []
    store = ReviewStore(load_bank(work / "candidates.yaml"), work / "deck.yaml")
    with pytest.raises(KeyboardInterrupt):
        run_review(store, Environment.scripted(keys(), out))
    assert statuses(work / "deck.yaml") == {"bastille-stormed": "approved", "estates-general-meets": "approved",
                                            "necker-role": "rejected"}
    assert load_bank(work / "deck.yaml").facts[1].question == "Edited question?"
    assert "Interrupted; saved so far: approved 2 (1 edited), rejected 1, skipped 0, left 3" in "".join(out)


def test_end_of_input_is_a_quit(work: Path) -> None:
    summary, _ = run(work, ["a"])
    assert summary.line() == "approved 1, rejected 0, skipped 0, left 5"
    assert statuses(work / "deck.yaml") == {"bastille-stormed": "approved"}


def test_undo_takes_back_decisions_and_skips_and_asks_again(work: Path) -> None:
    summary, out = run(work, ["a", "r", "s", "u", "u", "a", "u", "u", "u", "r", "q"])
    # a(1) r(2) s(3) | undo skip(3) -> 3 | undo reject(2) -> 2 | a(2) | undo a(2) | undo a(1) | nothing to undo | r(1)
    assert "Nothing to undo." in out
    assert "undid the skip of 'necker-role'" in out and "undid the rejection of 'estates-general-meets'" in out
    assert statuses(work / "deck.yaml") == {"bastille-stormed": "rejected"}
    assert summary.line() == "approved 0, rejected 1, skipped 0, left 5"


def test_help_and_unknown_keys_do_not_decide(work: Path) -> None:
    summary, out = run(work, ["?", "x", "", "approve", "q"])
    assert "e  edit: change the question, then the answer" in out
    assert "Unknown command 'x': press ? for help" in out
    assert summary.approved == 1 and statuses(work / "deck.yaml") == {"bastille-stormed": "approved"}


def test_ids_limit_the_review(work: Path) -> None:
    summary, out = run(work, ["r", "r"], ids=["great-fear-term", "necker-role"])
    assert "-- 1/2 necker-role" in out and "-- 2/2 great-fear-term" in out
    assert statuses(work / "deck.yaml") == {"necker-role": "rejected", "great-fear-term": "rejected"}


def saved(deck: Path, fact_id: str) -> bool:
    """Wait until a background save has put `fact_id` into the bank (atomic: once there, it is complete)."""
    for _ in range(1000):
        if deck.exists() and f"id: {fact_id}" in deck.read_text():
            return True
        time.sleep(0.01)
    return False


def writer_idle() -> bool:
    """The background writer has finished and reported (its thread ends after that)."""
    return not any(t.name == "quizgen-review-save" for t in threading.enumerate())


def until(condition: Callable[[], bool]) -> bool:
    for _ in range(3000):
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_a_bank_broken_mid_review_loses_no_decision_and_asks_again(work: Path) -> None:
    deck = work / "deck.yaml"
    store = ReviewStore(load_bank(work / "candidates.yaml"), deck)
    writes: list[str] = []
    gate = threading.Event()  # holds the second write until necker-role is on screen: no race
    record = store.record

    def gated(decisions):
        if writes:
            assert gate.wait(30)
        try:
            return record(decisions)
        finally:
            writes.append(",".join(d.fact_id for d in decisions))

    store.record = gated  # type: ignore[method-assign]

    def keys() -> Iterator[str]:
        yield "a"
        assert until(lambda: len(writes) == 1 and writer_idle())
        deck.write_text(deck.read_text() + "  - id: [broken\n")  # the teacher's editor saves a half-typed line
        yield "a"  # estates-general-meets: this save fails
        gate.set()
        assert until(lambda: len(writes) == 2 and writer_idle())
        yield "s"  # necker-role; before the next screen the failure is noticed: back to estates-general-meets
        deck.write_text(deck.read_text().replace("  - id: [broken\n", ""))  # the teacher fixes the file
        yield "a"  # estates-general-meets, asked again
        yield "a"  # necker-role, asked again (its skip came after the failure)
        yield "q"

    out: list[str] = []
    summary = run_review(store, Environment.scripted(keys(), out))
    text = "".join(out)
    assert f"Error: {deck}:" in text
    assert "Not saved: the decisions from 'estates-general-meets' on. Fix the problem, then decide again." in text
    assert text.count("-- 2/6 estates-general-meets") == 2 and text.count("-- 3/6 necker-role") == 2
    assert text.count("-- 4/6 third-estate-pamphlet") == 1 and text.index("Not saved") < text.index("-- 4/6")
    assert statuses(deck) == {"bastille-stormed": "approved", "estates-general-meets": "approved",
                              "necker-role": "approved"}
    assert summary.line() == "approved 3, rejected 0, skipped 0, left 3"


def test_a_candidate_the_teacher_adds_by_hand_meanwhile_keeps_the_teachers_version(work: Path) -> None:
    deck = work / "deck.yaml"

    def keys() -> Iterator[str]:
        yield "a"
        assert saved(deck, "bastille-stormed")
        deck.write_text(deck.read_text() + "  - id: estates-general-meets\n    kind: term\n"
                        "    question: My own question?\n    answer: Mine\n")
        yield "r"
        yield "q"

    out: list[str] = []
    summary = run_review(ReviewStore(load_bank(work / "candidates.yaml"), deck), Environment.scripted(keys(), out))
    assert "'estates-general-meets' was already in" in "".join(out)
    fact = load_bank(deck).fact("estates-general-meets")
    assert fact is not None and (fact.question, fact.status) == ("My own question?", "approved")
    assert summary.rejected == 0


def test_a_new_bank_is_not_created_until_something_is_decided(work: Path) -> None:
    summary, _ = run(work, ["s", "s", "q"])
    assert summary.skipped == 2 and not (work / "deck.yaml").exists()
