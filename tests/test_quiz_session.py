"""The quiz loop driven in-process: injected input, output, clock and MC maker; a real store on disk."""

from __future__ import annotations

import copy
import io
import os
import random
import signal
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizgen.bank import Bank, Fact, load_bank
from quizgen.quiz.report import progress_lines
from quizgen.quiz.scheduler import AGAIN, EASY, GOOD, HARD
from quizgen.quiz.session import QuizOptions, Session, until
from quizgen.quiz.store import Store
from quizgen.quiz.terminal import Terminal, hold_interrupts

MINI_PATH = Path(__file__).parent / "data" / "quiz" / "mini.yaml"
T0 = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class FakeMC:
    question: str
    options: list[str]
    answer_index: int


def fake_mc(bank: Bank, fact: Fact, rng: random.Random) -> FakeMC | None:
    """Options in a fixed order, the answer always B, so tests know which letter is right."""
    if not fact.distractors:
        return None
    return FakeMC(fact.question, [fact.distractors[0], fact.answer, *fact.distractors[1:3]], 1)


class Clock:
    """A monotonic clock that moves only when told to: each answer takes `step` seconds."""

    def __init__(self, step: float):
        self.t, self.step = 0.0, step

    def __call__(self) -> float:
        self.t += self.step
        return self.t


@dataclass
class Result:
    code: int
    out: str
    session: Session


def quiz(store: Path, answers: list[str], *, bank: Bank | None = None, now: datetime = T0, mode: str = "type",
         count: int = 10, interactive: bool = False, step: float = 8.0, mc_maker: object = None,
         **options: object) -> Result:
    bank = bank or load_bank(MINI_PATH)
    options.setdefault("again", False)  # the once-more round has its own tests
    out = io.StringIO()
    term = Terminal(io.StringIO("".join(a + "\n" for a in answers)), out, interactive=interactive, color=False,
                    width=None, clock=Clock(step))
    opened = Store.open(store)
    try:
        session = Session([bank], opened, term, QuizOptions(mode=mode, count=count, **options),  # type: ignore[arg-type]
                          lambda: now, mc_maker=mc_maker or fake_mc)  # type: ignore[arg-type]
        code = session.run()
    finally:
        opened.close()
    return Result(code, out.getvalue(), session)


def asked_ids(result: Result) -> list[str]:
    return asked_ids_of(result.session)


def asked_ids_of(session: Session) -> list[str]:
    return [a.fact.id for a in session.asked]


class Oracle(io.StringIO):
    """Answers whichever question was last shown, from a question -> answer table."""

    def __init__(self, out: io.StringIO, answers: dict[str, str]):
        super().__init__()
        self.out, self.answers = out, answers

    def readline(self, *args: object) -> str:  # type: ignore[override]
        shown = self.out.getvalue()
        question = max(self.answers, key=lambda q: shown.rfind(q))
        return self.answers[question] + "\n"


def stored(store: Path) -> dict[str, int]:
    """fact id -> number of stored reviews."""
    s = Store.open(store)
    try:
        return {fid: row.reps for fid, row in s.cards("quiz-mini").items()}
    finally:
        s.close()


def test_typed_answers_scored_with_answer_quote_and_summary(tmp_path: Path) -> None:
    r = quiz(tmp_path / "p.db", ["20 July 1969", "1968", ""], count=3)
    assert r.code == 0
    assert asked_ids(r) == ["landing-date", "launch-year", "first-man"]  # new facts in bank order
    assert "Correct" in r.out
    assert "Wrong — the answer is 1969" in r.out
    assert "Not answered — the answer is Neil Armstrong" in r.out
    assert "“Apollo 11 was launched in 1969.” — Class notes on Apollo 11" in r.out
    assert "Note: He stepped off the ladder" in r.out
    assert "Score: 1/3 (33%)" in r.out
    revisit = r.out.split("To revisit:")[1]
    assert "In what year was Apollo 11 launched? — 1969" in revisit
    assert "Who was the first person to walk on the Moon? — Neil Armstrong" in revisit
    assert "On what date" not in revisit
    assert "Next: 0 due now, 3 more due today, 7 new" in r.out
    assert stored(tmp_path / "p.db") == {"landing-date": 1, "launch-year": 1, "first-man": 1}


def test_pipe_transcript_echoes_each_answer_without_escape_codes(tmp_path: Path) -> None:
    r = quiz(tmp_path / "p.db", ["July 20, 1969"], count=1)
    assert "> July 20, 1969\n" in r.out
    assert "\x1b[" not in r.out


def test_lenient_match_is_announced_and_graded_hard(tmp_path: Path) -> None:
    r = quiz(tmp_path / "p.db", ["x", "x", "Armstrong"], count=3)
    assert "Correct (accepted: surname only) — Neil Armstrong" in r.out
    third = r.session.asked[2]
    assert (third.correct, third.lenient, third.rating) == (True, "surname only", HARD)
    assert "Who was the first person to walk on the Moon? — Neil Armstrong (accepted: surname only)" in r.out


def test_multiple_choice_by_letter_or_option_text(tmp_path: Path) -> None:
    bank = load_bank(MINI_PATH)
    r = quiz(tmp_path / "p.db", ["b", "Ocean of Storms", "Eagle"], bank=bank, mode="mc", count=3)
    # facts without distractors fall back to typing; the two with distractors are asked as A-D
    modes = [(a.fact.id, a.mode, a.correct) for a in r.session.asked]
    assert modes == [("landing-date", "type", False), ("launch-year", "type", False), ("first-man", "type", False)]
    r = quiz(tmp_path / "q.db", ["b", "c"], bank=_only(bank, "landing-site", "lunar-module-name"), mode="mc")
    assert "  A) Ocean of Storms\n  B) Sea of Tranquility\n  C) Sea of Serenity\n  D) Sea of Crises" in r.out
    assert [a.correct for a in r.session.asked] == [True, False]
    assert "Wrong — the answer is B) Eagle" in r.out
    r = quiz(tmp_path / "r.db", ["sea of tranquility", "zzz"], bank=_only(bank, "landing-site", "lunar-module-name"),
             mode="mc")
    assert [a.correct for a in r.session.asked] == [True, False]  # in a pipe a bad letter is a wrong answer


def test_cloze_blanks_the_gap_and_falls_back_to_typing(tmp_path: Path) -> None:
    r = quiz(tmp_path / "p.db", ["20 July 1969", "1969"], mode="cloze", count=2)
    assert "Apollo 11 landed on the Moon on _____." in r.out
    assert [a.mode for a in r.session.asked] == ["cloze", "type"]  # launch-year has no cloze
    assert r.out.count("Correct") == 2


def any_mc(bank: Bank, fact: Fact, rng: random.Random) -> FakeMC:
    others = [f.answer for f in bank.approved() if f.id != fact.id][:3]
    return FakeMC(fact.question, [others[0], fact.answer, *others[1:]], 1)


def test_mixed_mode_is_reproducible_with_a_seed(tmp_path: Path) -> None:
    first = quiz(tmp_path / "a.db", [""] * 10, mode="mixed", seed=7, mc_maker=any_mc)
    second = quiz(tmp_path / "b.db", [""] * 10, mode="mixed", seed=7, mc_maker=any_mc)
    assert [(a.fact.id, a.mode) for a in first.session.asked] == [(a.fact.id, a.mode) for a in second.session.asked]
    assert {a.mode for a in first.session.asked} == {"type", "mc", "cloze"}
    assert sorted(asked_ids(first)) == sorted(f.id for f in load_bank(MINI_PATH).approved())  # shuffled, complete
    assert "rejected-fact" not in asked_ids(first)


def test_quit_command_keeps_answers_and_prints_summary(tmp_path: Path) -> None:
    r = quiz(tmp_path / "p.db", ["1969", "1969", ":q", "never read"], count=5)
    assert r.code == 0
    assert "Stopped after 2 of 5 questions." in r.out and "Score: 1/2" in r.out
    assert stored(tmp_path / "p.db") == {"landing-date": 1, "launch-year": 1}


def test_end_of_input_ends_the_quiz_with_the_summary(tmp_path: Path) -> None:
    r = quiz(tmp_path / "p.db", ["1969"], count=4)
    assert r.code == 0 and "Stopped after 1 of 4 questions." in r.out and "Score: 0/1" in r.out


class InterruptingIn(io.StringIO):
    """Answers two questions, then Ctrl-C."""

    def __init__(self) -> None:
        super().__init__("July 20, 1969\n1969\n")
        self.calls = 0

    def readline(self, *args: object) -> str:  # type: ignore[override]
        self.calls += 1
        if self.calls == 3:
            raise KeyboardInterrupt
        return super().readline()


def test_ctrl_c_prints_summary_exits_130_and_keeps_answers(tmp_path: Path) -> None:
    out = io.StringIO()
    store = Store.open(tmp_path / "p.db")
    session = Session([load_bank(MINI_PATH)], store, Terminal(InterruptingIn(), out, interactive=False, color=False),
                      QuizOptions(mode="type", count=5, again=False), lambda: T0)
    assert session.run() == 130
    store.close()
    assert "Interrupted." in out.getvalue() and "Score: 2/2" in out.getvalue()
    assert stored(tmp_path / "p.db") == {"landing-date": 1, "launch-year": 1}


def test_grades_follow_correctness_leniency_and_time(tmp_path: Path) -> None:
    fast = quiz(tmp_path / "a.db", ["1969-07-20", "1968"], count=2, interactive=True, step=2.0)
    assert [a.rating for a in fast.session.asked] == [EASY, AGAIN]
    slow = quiz(tmp_path / "b.db", ["1969-07-20"], count=1, interactive=True, step=30.0)
    assert [a.rating for a in slow.session.asked] == [HARD]
    piped = quiz(tmp_path / "c.db", ["1969-07-20"], count=1, step=2.0)  # no timing in a pipe
    assert [a.rating for a in piped.session.asked] == [GOOD]


def test_next_run_asks_the_failed_card_first_and_not_the_known_one(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    # fast and right on a terminal: Easy, due in days; wrong: Again, due in a minute
    first = quiz(db, ["July 20, 1969", "1970", "Neil Armstrong"], count=3, interactive=True, step=2.0)
    assert [a.rating for a in first.session.asked] == [EASY, AGAIN, EASY]
    assert first.session.asked[0].due > T0 + timedelta(days=1)
    later = quiz(db, [""] * 10, now=T0 + timedelta(hours=1), count=10)
    ids = asked_ids(later)
    assert ids[0] == "launch-year"  # the failed card, now due, comes first
    assert "landing-date" not in ids and "first-man" not in ids  # known cards are not due yet
    assert ids[1:] == ["command-module-pilot", "moonwalkers", "landing-site", "crew-size", "lunar-module-name",
                       "collins-memoir", "return-event"]  # then the new ones, in bank order
    assert "(1 due, 7 new)" in later.out


def test_due_cards_come_oldest_due_first(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    quiz(db, ["wrong"], count=1, now=T0)                                   # landing-date due T0 + 1 min
    quiz(db, ["wrong"], count=1, now=T0 + timedelta(seconds=30), tags=["launch"])  # launch-year, due later
    r = quiz(db, [""] * 2, now=T0 + timedelta(days=1), count=2)
    assert asked_ids(r) == ["landing-date", "launch-year"]
    r = quiz(tmp_path / "p.db", [""] * 2, now=T0 + timedelta(days=3), count=2)
    assert asked_ids(r) == ["landing-date", "launch-year"]


def test_nothing_due_says_when_next_and_ahead_reviews_early(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    answers = [f.answer for f in load_bank(MINI_PATH).approved()]
    quiz(db, answers, count=10, interactive=True, step=2.0)  # all right and fast: all due in days
    r = quiz(db, [], now=T0 + timedelta(hours=2))
    assert r.code == 0 and r.session.asked == []
    assert "Nothing to study now" in r.out and "10 more due today" not in r.out and "next review in" in r.out
    r = quiz(db, [""] * 3, now=T0 + timedelta(hours=2), count=3, ahead=True)
    assert len(r.session.asked) == 3 and "(3 early)" in r.out


def test_tags_limit_the_facts(tmp_path: Path) -> None:
    r = quiz(tmp_path / "p.db", [""] * 10, tags=["launch"])
    assert asked_ids(r) == ["launch-year", "crew-size"]


def test_editing_a_question_keeps_its_history(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    quiz(db, ["wrong"], count=1)
    edited = load_bank(MINI_PATH)
    fact = edited.fact("landing-date")
    assert fact is not None
    fact.question = "When did the Eagle touch down?"
    r = quiz(db, [""], bank=edited, now=T0 + timedelta(hours=1), count=1)
    assert asked_ids(r) == ["landing-date"] and r.session.asked[0].prompt == "When did the Eagle touch down?"
    assert stored(db)["landing-date"] == 2


def test_two_banks_share_a_store_without_mixing_progress(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    other = copy.deepcopy(load_bank(MINI_PATH))
    other.id = "quiz-mini-copy"
    quiz(db, ["wrong"], count=1)
    r = quiz(db, [""], bank=other, count=1)
    assert asked_ids(r) == ["landing-date"] and r.session.asked[0].bank.id == "quiz-mini-copy"
    assert "(1 new)" in r.out


def test_progress_lines_for_stats(tmp_path: Path) -> None:
    bank = load_bank(MINI_PATH)
    missing = tmp_path / "none" / "p.db"
    assert progress_lines(bank, missing) == [] and not missing.exists() and not missing.parent.exists()
    db = tmp_path / "p.db"
    answers = [f.answer for f in bank.approved()]
    quiz(db, answers[:4] + ["wrong"], count=5, interactive=True, step=2.0)
    lines = progress_lines(bank, db, now=T0 + timedelta(minutes=5))
    assert lines[0] == "due today: 1 (1 due now)"
    assert lines[1] == "learned: 4 of 10 (5 seen, 5 new)"
    assert lines[2] == "answers (last 30 days): 5, 80% right"
    assert not any(line.startswith("retention") for line in lines)  # nothing has come back for review yet
    # two months on, the learned cards come back: recall of cards in review is the retention
    out = io.StringIO()
    right = {"first-man": "Neil Armstrong", "landing-date": "1969-07-20"}  # and wrong for the others
    oracle = Oracle(out, {f.question: right.get(f.id, "no idea") for f in bank.approved()})
    opened = Store.open(db)
    later = T0 + timedelta(days=60)
    session = Session([bank], opened, Terminal(oracle, out, interactive=False, color=False),
                      QuizOptions(mode="type", count=5, again=False), lambda: later)
    session.run()
    opened.close()
    assert asked_ids_of(session)[0] == "moonwalkers"  # the oldest due: failed two months ago
    lines = progress_lines(bank, db, now=later + timedelta(minutes=1))
    assert "answers (last 30 days): 5, 40% right" in lines
    assert "retention (last 30 days): 50% of 4 reviews" in lines  # the failed card was still learning
    other = copy.deepcopy(bank)
    other.id = "never-studied"
    assert progress_lines(other, db) == []


@pytest.mark.parametrize(("seconds", "text"), [(0, "now"), (30, "in under a minute"), (60, "in 1 minute"),
                                               (600, "in 10 minutes"), (7200, "in 2 hours"),
                                               (86400 * 3, "in 3 days"), (86400 * 90, "in 3 months")])
def test_until(seconds: int, text: str) -> None:
    assert until(T0 + timedelta(seconds=seconds), T0) == text


def _only(bank: Bank, *ids: str) -> Bank:
    b = copy.deepcopy(bank)
    b.facts = [f for f in b.facts if f.id in ids]
    return b


def test_ctrl_c_during_a_save_waits_for_the_save() -> None:
    done = []
    with pytest.raises(KeyboardInterrupt), hold_interrupts():
        os.kill(os.getpid(), signal.SIGINT)
        done.append("saved")
    assert done == ["saved"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_missed_questions_come_back_once_at_the_end_and_the_score_counts_first_answers(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    r = quiz(db, ["20 July 1969", "1968", "", "1969", "Neil Armstrong"], count=3, again=True)
    assert r.code == 0
    assert asked_ids(r) == ["landing-date", "launch-year", "first-man", "launch-year", "first-man"]
    assert [a.again for a in r.session.asked] == [False, False, False, True, True]
    assert "Once more, the 2 questions you missed" in r.out
    assert "[1/2] date · type · once more" in r.out
    assert "Score: 1/3 (33%)" in r.out and "Second try: 2/2 right." in r.out
    revisit = r.out.split("To revisit:")[1]  # missed at first: still worth revisiting
    assert "launched? — 1969" in revisit and "Neil Armstrong" in revisit
    # the second answers are real reviews: each of the two cards now has two
    assert stored(db) == {"landing-date": 1, "launch-year": 2, "first-man": 2}


def test_a_question_missed_twice_is_not_asked_a_third_time(tmp_path: Path) -> None:
    r = quiz(tmp_path / "p.db", ["1968", "1967", "more answers", "than questions"], count=1, again=True)
    assert asked_ids(r) == ["landing-date", "landing-date"]
    assert "Score: 0/1" in r.out and "Second try: 0/1 right." in r.out
    assert "Once more, the question you missed" in r.out


def test_no_again_and_a_perfect_run_ask_nothing_more(tmp_path: Path) -> None:
    r = quiz(tmp_path / "a.db", ["1968", "x", "y"], count=2, again=False)
    assert len(r.session.asked) == 2 and "Once more" not in r.out and "Second try" not in r.out
    r = quiz(tmp_path / "b.db", ["20 July 1969", "1969", "extra"], count=2, again=True)
    assert len(r.session.asked) == 2 and "Once more" not in r.out


def test_end_of_input_in_the_once_more_round_keeps_everything(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    r = quiz(db, ["1968", "1969"], count=2, again=True)  # the second try of the first gets no answer
    assert r.code == 0 and "Once more" in r.out and "Score: 1/2" in r.out
    assert "Stopped after" not in r.out  # every planned question was asked
    assert sum(stored(db).values()) == 2
