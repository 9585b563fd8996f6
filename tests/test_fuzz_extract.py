"""Fuzzing the extractor: any text gives a valid candidates bank or a clean QuizgenError, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.bank import dumps_bank, loads_bank
from quizgen.errors import QuizgenError
from quizgen.extract.pipeline import extract

_NAMES = ["Anna Kovacs", "Pierre Duval", "Kovacs", "the Senate", "Lyon", "Old Guard Party", "Ibn Rashid",
          "Zoë Ångström", "O'Neill", "Jean-Luc", "The Book of Hours", "\u05d0\u05d1", "\u0627\u0644\u0642\u062f\u0633"]
_DATES = ["On March 3, 1821", "in January 1848", "1848-1852", "in late 1799", "the 10th century", "the 880s",
          "this day in 1901", "1204", "44 BC", "in 3000", "on February 30, 1900", "0"]
_VERBS = ["was born in", "founded", "wrote", "was exiled to", "defeated", "was a", "chaired by", "signed"]
# letters whose case mapping changes length or meets an ASCII key under IGNORECASE, and lost apostrophes
_ODD = ["thatſ", "İsnt", "doesnt", "ﬁrst", "Straße", "ǅ", "K\u212a", "wasnt"]
_PUNCT = [".", ",", "?", "!", ":", ";", " -", "\"", "'", "(", ")", "{{", "}}", "<b>", "&amp;", "\n\n", "\u0301", " "]

_sentence = st.lists(st.sampled_from(_NAMES + _DATES + _VERBS + _ODD + _PUNCT), min_size=1, max_size=14).map(" ".join)
_document = st.lists(_sentence | st.text(max_size=60), max_size=12).map(lambda parts: ". ".join(parts))


def _check(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"doc{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            result = extract([path])
        except QuizgenError as exc:
            assert str(exc) and "\n" not in str(exc)
            return
    bank = result.bank
    assert loads_bank(dumps_bank(bank)) == bank  # what extract writes always loads back as a valid bank
    questions = [f.question for f in bank.facts]
    assert len(questions) == len(set(questions))
    assert all(f.status == "candidate" and 0 <= (f.confidence or 0) <= 1 for f in bank.facts)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document, st.sampled_from([".txt", ".md", ".html"]))
def test_history_shaped_noise(text: str, suffix: str) -> None:
    _check(text, suffix)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400).filter(lambda t: t < "\ud800" or all(not 0xD800 <= ord(c) <= 0xDFFF for c in t)),
       st.sampled_from([".txt", ".html"]))
def test_any_text(text: str, suffix: str) -> None:
    _check(text, suffix)


def test_contractions_with_letters_that_fold_to_ascii() -> None:
    """'thatſ' and 'İsnt' match a contraction case-blindly but are no key of the table: left as written
    (this crashed with a KeyError before)."""
    _check("Anna Kovacs was exiled in 1829. İsnt it odd that she wrote thatſ book in 1830? "
           "Anna Kovacs wasnt in Lyon in 1831.", ".txt")


def test_a_name_phrase_that_starts_before_its_clause_asks_nothing_and_does_not_crash() -> None:
    """Found by a random mutation of the seed's sentences (StopIteration in objects.np_question): a
    scrambled run-on sentence whose clause begins inside a name phrase."""
    _check('After the meeting Orlov told his wife, that Varga had suggested to "arrange" her arrest and charge with '
           "espionage, and to make it look as if Orlov himself was not aware of anything. of organized royal it Lyon "
           "Council other Deputies of measures revolutionary movement A long and bitter conflict between Anna Kovacs "
           "and Pierre Duval over who would succeed Marie Laval as the Council leader culminated on this day in 1828 "
           "when Duval exiled Kovacs to. From the Show Trials, ever more outlandish tales about Kovacs were spun. "
           "Do you know which state seceded first?", ".txt")
