"""Forgiving answer checks: what is right, what is right but lenient (and says why), what stays wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.bank import load_bank
from quizgen.quiz.matching import check_answer, normal, parse_date

MINI = load_bank(Path(__file__).parent / "data" / "quiz" / "mini.yaml")


def check(fact_id: str, given: str) -> tuple[bool, str | None]:
    fact = MINI.fact(fact_id)
    assert fact is not None
    return check_answer(given, fact, MINI)


@pytest.mark.parametrize(("fact_id", "given"), [
    ("first-man", "Neil Armstrong"),
    ("first-man", "neil armstrong"),            # case
    ("first-man", "  NEIL   ARMSTRONG. "),      # spacing, punctuation
    ("landing-site", "Sea of Tranquility!"),
    ("landing-site", "the Sea of Tranquility"),  # leading article
    ("landing-site", "mare tranquillitatis"),  # the fact's own accepted answer
    ("lunar-module-name", "eagle"),
    ("lunar-module-name", "The Eagle"),
    ("landing-date", "20 July 1969"),           # the same date in other forms
    ("landing-date", "July 20th, 1969"),
    ("landing-date", "the 20th of July 1969"),
    ("landing-date", "1969-07-20"),
    ("landing-date", "20.07.1969"),
    ("landing-date", "Jul. 20 1969"),
    ("launch-year", "1969"),
    ("crew-size", "three"),                    # a number as a word
    ("crew-size", "3"),
    ("command-module-pilot", "Michael Collins"),
    ("moonwalkers", "Armstrong and Aldrin"),
    ("moonwalkers", "Buzz Aldrin and Neil Armstrong"),  # the same people in any order
    ("moonwalkers", "Aldrin, Armstrong"),
    ("moonwalkers", "Neil Armstrong & Buzz Aldrin"),
])
def test_right_without_leniency(fact_id: str, given: str) -> None:
    assert check(fact_id, given) == (True, None)


@pytest.mark.parametrize(("fact_id", "given", "reason"), [
    ("first-man", "Armstrong", "surname only"),      # a bank alias shorter than the name
    ("command-module-pilot", "Collins", "surname only"),  # no alias listed: the surname rule
    ("first-man", "Niel Armstrong", "small typo"),
    ("first-man", "Neil Armstrnog", "small typo"),   # a swap of two letters is one typo
    ("landing-site", "Sea of Tranquillity", "small typo"),
    ("lunar-module-name", "Eagel", "small typo"),
    ("collins-memoir", "Carying the Fire", "small typo"),
    ("command-module-pilot", "Colins", "surname only, small typo"),
])
def test_right_but_lenient(fact_id: str, given: str, reason: str) -> None:
    assert check(fact_id, given) == (True, reason)


@pytest.mark.parametrize(("fact_id", "given"), [
    ("launch-year", "1968"),             # never a different year, however close
    ("launch-year", "1996"),
    ("landing-date", "July 21, 1969"),   # a different day
    ("landing-date", "July 1969"),       # less than was asked
    ("landing-date", "07/08/1969"),      # day and month cannot be told apart
    ("crew-size", "4"),
    ("crew-size", "two"),
    ("first-man", "Buzz Aldrin"),         # another person of the bank
    ("first-man", "Louis Armstrong"),     # same surname, different person
    ("first-man", "Aldrin"),
    ("lunar-module-name", "Columbia"),
    ("lunar-module-name", "Eag"),         # too short to forgive a typo
    ("landing-site", "Sea of Serenity"),
    ("moonwalkers", "Armstrong"),         # half a list
    ("moonwalkers", "Armstrong and Collins"),
    ("collins-memoir", "the Fire"),
    ("first-man", ""),
    ("first-man", "   "),
])
def test_wrong(fact_id: str, given: str) -> None:
    assert check(fact_id, given) == (False, None)


def test_a_shared_surname_names_no_one() -> None:
    # two Armstrongs in the bank: the surname rule does not apply, only the listed alias does
    fact = MINI.fact("first-man")
    assert fact is not None
    assert check_answer("Armstrong", fact, MINI) == (True, "surname only")
    louis = fact.__class__(id="x", kind="person", question="Who played the trumpet?", answer="Louis Armstrong")
    assert check_answer("Armstrong", louis, MINI) == (False, None)


def test_expected_override_checks_the_cloze_gap_first() -> None:
    fact = MINI.fact("landing-date")
    assert fact is not None
    assert check_answer("20 July 1969", fact, MINI, expected=[fact.cloze_answer or ""]) == (True, None)


def test_titles_with_and_are_not_lists() -> None:
    work = MINI.fact("collins-memoir").__class__(id="w", kind="work", question="?", answer="War and Peace")
    assert check_answer("Peace and War", work, MINI) == (False, None)
    assert check_answer("war & peace", work, MINI) == (True, None)


@pytest.mark.parametrize(("text", "value"), [
    ("August 20, 1940", (1940, 8, 20)),
    ("20 August 1940", (1940, 8, 20)),
    ("20th Aug 1940", (1940, 8, 20)),
    ("1940-08-20", (1940, 8, 20)),
    ("20/08/1940", (1940, 8, 20)),
    ("08/20/1940", (1940, 8, 20)),
    ("August 1940", (1940, 8, None)),
    ("05/06/1940", None),
    ("1940", None),
    ("August", None),
    ("Paris", None),
    ("30 February 1940", None),
    ("31 Smarch 1940", None),
])
def test_parse_date(text: str, value: tuple[int, int, int | None] | None) -> None:
    assert parse_date(text) == value


def test_normal_form() -> None:
    assert normal("The  Ice-Axe!") == "ice axe"
    assert normal("twenty one years") == "21 years"
    assert normal("20,000") == "20000"
