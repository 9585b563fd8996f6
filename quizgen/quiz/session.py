"""The quiz loop: ask, check, grade, save, show the answer and its source; a summary at the end.

Everything the loop touches comes in from outside (banks, store, terminal, clock, MC maker), so
tests drive a whole session in-process with strings.

After the planned questions, each one answered wrong comes back once ("once more"), as Anki's
learning steps bring a missed card back within the session: seeing the answer and then recalling it a
few minutes later is what makes it stick. That second answer is a real review (FSRS schedules
relearning cards minutes apart); the score counts first answers only. Each answer is saved before the feedback is
shown: quitting at any moment (`:q`, Ctrl-C, end of input) loses at most the question on screen.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..bank import GAP, Bank, Fact
from ..textnorm import fold
from .matching import check_answer, normal
from .scheduler import Pick, grade, pick, review
from .store import Review, Store
from .terminal import Terminal, hold_interrupts

MODES = ("mixed", "mc", "type", "cloze")
LETTERS = "ABCDEFGH"
QUIT = {":q", ":quit"}
_STATUS = {"new": " · new", "due": " · review", "ahead": " · early review"}
MCMaker = Callable[[Bank, Fact, random.Random], Any]


@dataclass
class QuizOptions:
    mode: str = "mixed"
    count: int = 10
    tags: list[str] = field(default_factory=list)
    seed: int | None = None
    ahead: bool = False
    again: bool = True  # ask the missed questions once more at the end


@dataclass
class Asked:
    """One asked question and how it went."""

    fact: Fact
    bank: Bank
    mode: str
    prompt: str
    answer: str  # the answer as we show it
    given: str
    correct: bool
    lenient: str | None
    rating: int
    due: datetime
    again: bool = False  # the second try at a question missed earlier in this session


@dataclass
class Question:
    mode: str  # mc, type or cloze
    text: str
    answer: str  # shown after answering
    expected: list[str]  # accepted typed answers (type/cloze)
    options: list[str] = field(default_factory=list)
    answer_index: int = -1


class Quit(Exception):
    """`:q` typed: stop and show the summary."""


def select_facts(bank: Bank, tags: list[str]) -> list[Fact]:
    """The approved facts, only those with one of `tags` if any are given."""
    wanted = set(tags)
    return [f for f in bank.approved() if not wanted or wanted & set(f.tags)]


def default_mc_maker(bank: Bank, fact: Fact, rng: random.Random) -> Any:
    """The MC engineer's `make_mc`, imported on first use (None when it cannot make good options)."""
    try:
        from ..questions import make_mc
    except ImportError as exc:  # a checkout without the MC module: ask such facts typed
        if exc.name and exc.name.startswith("quizgen.questions"):
            return None
        raise
    return make_mc(bank, fact, rng, n_options=4)


class Session:
    def __init__(self, banks: list[Bank], store: Store, term: Terminal, options: QuizOptions,
                 now: Callable[[], datetime], mc_maker: MCMaker | None = None):
        self.banks = banks
        self.store = store
        self.term = term
        self.options = options
        self.now = now
        self.mc_maker = mc_maker or default_mc_maker
        self.seed = options.seed if options.seed is not None else random.SystemRandom().randrange(1, 10**6)
        self.asked: list[Asked] = []
        self.missed: list[Pick] = []  # first answers that were wrong, asked once more at the end
        self.planned = 0
        self.started = time.monotonic()

    # -- selection ---------------------------------------------------------------------------

    def facts(self, bank: Bank) -> list[Fact]:
        return select_facts(bank, self.options.tags)

    def choose(self) -> list[Pick]:
        pools = [(i, self.facts(b), self.store.cards(b.id)) for i, b in enumerate(self.banks)]
        rng = random.Random(self.seed) if self.options.seed is not None else None
        return pick(pools, self.now(), self.options.count, rng, self.options.ahead)

    def question(self, bank: Bank, fact: Fact, again: bool = False) -> Question:
        # same options whatever the order; a second try moves them, so the letter is not what is remembered
        rng = random.Random(f"{self.seed}:{bank.id}:{fact.id}" + ":again" * again)
        mode = self.options.mode
        if mode == "mixed":
            mode = rng.choice(["mc", "type", "cloze"] if fact.cloze else ["mc", "type"])
        if mode == "mc":
            mc = self.mc_maker(bank, fact, rng)
            if mc is not None:
                return Question("mc", mc.question, f"{LETTERS[mc.answer_index]}) {mc.options[mc.answer_index]}",
                                [], list(mc.options), mc.answer_index)
            mode = "type"  # no good wrong options for this fact: ask it typed
        if mode == "cloze" and fact.cloze and fact.cloze_answer:
            blanked = GAP.sub("_____", fact.cloze, count=1)
            blanked = GAP.sub(lambda m: m.group(1), blanked)
            return Question("cloze", blanked, fact.cloze_answer, [fact.cloze_answer, *fact.answers])
        return Question("type", fact.question, fact.answer, fact.answers)

    # -- the loop ----------------------------------------------------------------------------

    def run(self) -> int:
        """Run the quiz; returns the exit code (0, or 130 after Ctrl-C)."""
        picks = self.choose()
        if not picks:
            self.nothing_to_do()
            return 0
        self.planned = len(picks)
        self.header(picks)
        try:
            for n, p in enumerate(picks, 1):
                self.ask(n, len(picks), p)
            self.once_more()
        except KeyboardInterrupt:
            self.term.write()
            self.term.write("Interrupted.", "warn")
            self.summary()
            return 130
        except (EOFError, Quit):
            pass
        self.summary()
        return 0

    def header(self, picks: list[Pick]) -> None:
        title = self.banks[0].title if len(self.banks) == 1 else f"{len(self.banks)} banks"
        due = sum(p.status == "due" for p in picks)
        new = sum(p.status == "new" for p in picks)
        ahead = len(picks) - due - new
        parts = [f"{due} due"] * bool(due) + [f"{new} new"] * bool(new) + [f"{ahead} early"] * bool(ahead)
        self.term.write(self.term.style(title, "title") + f": {len(picks)} question{'s' * (len(picks) != 1)} "
                        f"({', '.join(parts)})")
        if self.term.interactive:
            self.term.write("Answer and press Enter. Empty answer: I don't know.  :q quits (progress is saved).",
                            "dim")

    def once_more(self) -> None:
        """The questions missed in this session, asked a second time (each once), in the order asked."""
        missed = self.missed
        if not self.options.again or not missed:
            return
        self.term.write()
        which = f"the {len(missed)} questions" if len(missed) > 1 else "the question"
        self.term.write(f"Once more, {which} you missed", "title")
        for n, p in enumerate(missed, 1):
            self.ask(n, len(missed), p, again=True)

    def ask(self, n: int, of: int, p: Pick, again: bool = False) -> None:
        """Ask question `n` of `of`; `again` marks the second try at a missed one."""
        bank = self.banks[p.bank_index]
        q = self.question(bank, p.fact, again=again)
        t = self.term
        t.write()
        label = {"mc": "choose", "type": "type", "cloze": "fill the gap"}[q.mode]
        status = " · once more" if again else _STATUS[p.status]
        t.write(t.style(f"[{n}/{of}]", "label") + " " + t.style(f"{p.fact.kind} · {label}"
                + status, "dim"))
        t.para(q.text, "title")
        for i, option in enumerate(q.options):
            t.para(f"{LETTERS[i]}) {option}", indent="  ")
        started = t.clock()
        given = self.read_answer(q)
        elapsed = t.clock() - started
        correct, lenient = self.check(q, given, p.fact, bank)
        rating = grade(correct, lenient is not None, elapsed if t.interactive else None, q.mode)
        now = self.now()
        elapsed_ms = round(elapsed * 1000) if t.interactive else None
        record = Review(bank.id, p.fact.id, now, rating, correct, elapsed_ms, q.mode, given, lenient)
        with hold_interrupts():
            due, _ = self.store.record(record, lambda state: review(state, rating, now, elapsed_ms))
        self.asked.append(Asked(p.fact, bank, q.mode, q.text, q.answer, given, correct, lenient, rating, due,
                                again))
        if not correct and not again:
            self.missed.append(p)
        self.feedback(q, given, correct, lenient, due, now, bank, p.fact)

    def read_answer(self, q: Question) -> str:
        prompt = f"Answer (A-{LETTERS[len(q.options) - 1]}): " if q.mode == "mc" else "> "
        while True:
            given = self.term.ask(prompt)
            if given.lower() in QUIT or (q.mode == "mc" and given.lower() in {"q", "quit"}):
                raise Quit
            # a script's line is its answer, even a bad one: re-asking would shift every later answer
            if q.mode != "mc" or not given or not self.term.interactive or self.mc_choice(q, given) is not None:
                return given
            self.term.write(f"Type a letter from A to {LETTERS[len(q.options) - 1]} "
                            "(empty: I don't know, :q quits).", "warn")

    @staticmethod
    def mc_choice(q: Question, given: str) -> int | None:
        """A letter ('b', 'B)'), or the text of an option."""
        letter = given.strip().rstrip(").").upper()
        if len(letter) == 1 and letter in LETTERS[: len(q.options)]:
            return LETTERS.index(letter)
        folded = normal(given)
        return next((i for i, o in enumerate(q.options) if normal(o) == folded), None)

    def check(self, q: Question, given: str, fact: Fact, bank: Bank) -> tuple[bool, str | None]:
        if not given:
            return False, None
        if q.mode == "mc":
            return self.mc_choice(q, given) == q.answer_index, None
        return check_answer(given, fact, bank, q.expected)

    def feedback(self, q: Question, given: str, correct: bool, lenient: str | None, due: datetime,
                 now: datetime, bank: Bank, fact: Fact) -> None:
        t = self.term
        when = t.style(f"  · next {until(due, now)}", "dim")
        if correct:
            verdict = t.style("Correct", "ok") + (f" (accepted: {lenient})" if lenient else "")
            if q.mode != "mc" and fold(given) != fold(q.answer):
                verdict += f" — {q.answer}"
        elif not given:
            verdict = t.style("Not answered", "bad") + f" — the answer is {t.style(q.answer, 'title')}"
        else:
            verdict = t.style("Wrong", "bad") + f" — the answer is {t.style(q.answer, 'title')}"
        t.write(verdict + when)
        if fact.source and fact.source.quote:
            origin = bank.source_title(fact)
            t.para(f"“{fact.source.quote}”" + (f" — {origin}" if origin else ""), "dim", indent="  ")
        if fact.note:
            t.para(f"Note: {fact.note}", indent="  ")

    # -- endings -----------------------------------------------------------------------------

    def summary(self) -> None:
        t = self.term
        first = [a for a in self.asked if not a.again]
        done = len(first)
        right = sum(a.correct for a in first)
        t.write()
        if done < self.planned:
            t.write(f"Stopped after {done} of {self.planned} questions.", "dim")
        pct = f" ({round(100 * right / done)}%)" if done else ""
        t.write(t.style(f"Score: {right}/{done}", "title") + pct + f" in {duration(time.monotonic() - self.started)}"
                + t.style(f"  · seed {self.seed}", "dim"))
        second = [a for a in self.asked if a.again]
        if second:
            t.write(f"Second try: {sum(a.correct for a in second)}/{len(second)} right.")
        missed = [a for a in first if not a.correct or a.lenient]
        if missed:
            t.write("To revisit:", "title")
            for a in missed:
                why = f" (accepted: {a.lenient})" if a.correct else ""
                t.para(f"- {a.fact.question} — {a.answer}{why}", indent="  ", hang="    ")
        t.write(self.outlook())
        t.write(f"Progress is saved in {self.store.path}", "dim")

    def outlook(self) -> str:
        """What is waiting: due now, later today, new; and when the next card comes due."""
        now = self.now()
        end_of_day = now.astimezone().replace(hour=23, minute=59, second=59)
        due_now = today = new = 0
        upcoming: list[datetime] = []
        for bank in self.banks:
            cards = self.store.cards(bank.id)
            for fact in self.facts(bank):
                row = cards.get(fact.id)
                if row is None:
                    new += 1
                elif row.due <= now:
                    due_now += 1
                else:
                    upcoming.append(row.due)
                    today += row.due <= end_of_day
        parts = [f"{due_now} due now", f"{today} more due today", f"{new} new"]
        if upcoming and not due_now:
            parts.append(f"next review {until(min(upcoming), now)}")
        return "Next: " + ", ".join(parts) + "."

    def nothing_to_do(self) -> None:
        outlook = self.outlook()
        self.term.write("Nothing to study now: no card is due and every fact has been seen.")
        self.term.write(outlook)
        self.term.write("Use --ahead to review cards before they are due.", "dim")


def until(due: datetime, now: datetime) -> str:
    """'now', 'in 10 minutes', 'in 3 hours', 'in 4 days', 'in 2 months'."""
    seconds = (due - now).total_seconds()
    if seconds <= 0:
        return "now"
    if seconds < 60:
        return "in under a minute"
    for unit, size in (("month", 30 * 86400), ("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size or unit == "minute":
            n = round(seconds / size)
            return f"in {n} {unit}{'s' * (n != 1)}"
    return "now"  # pragma: no cover - the loop always returns


def duration(seconds: float) -> str:
    s = round(seconds)
    return f"{s // 60}m {s % 60:02d}s" if s >= 60 else f"{s}s"
