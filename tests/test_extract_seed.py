"""`extract` on the seed: messy scraped web text in, clean candidate facts out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quizgen.bank import GAP, SLUG, Bank, dumps_bank, loads_bank
from quizgen.extract.pipeline import extract
from quizgen.textnorm import fold
from quizgen.when import parse_when

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "trotsky-stalin.txt"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return extract([SEED]).bank


def quotes_with(bank: Bank, text: str) -> list[str]:
    return [f.source.quote for f in bank.facts if f.source and text in f.source.quote]


@pytest.mark.parametrize("junk", [
    "thermal expansion tank",  # a question from another page
    "MATERIALIZED VIEW",  # an SQL error message
    "Accept all cookies",  # cookie banner
    "History Stack Exchange is a question and answer site",  # site boilerplate
    "Euler: A baby on his lap",  # unrelated
    "rotate a window 90 degrees",
    "Britannica Premium subscription",
    "113 votes, 37 comments",
    "The best answers are voted up",
])
def test_off_topic_and_boilerplate_sentences_give_no_candidates(bank: Bank, junk: str) -> None:
    assert quotes_with(bank, junk) == []


@pytest.mark.parametrize("hedged", [
    "I know of no reason to believe",
    "Likely, Stalin himself was responsible",
    "Perhaps Stalin, Trotsky surmised",
    "Had Trotsky won the struggle",
    "I expelled him from the Party",
])
def test_opinions_and_hedged_claims_are_not_facts(bank: Bank, hedged: str) -> None:
    assert quotes_with(bank, hedged) == []


def test_every_candidate_is_well_formed(bank: Bank) -> None:
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    assert len(bank.facts) > 60
    for f in bank.facts:
        assert f.status == "candidate"
        assert SLUG.match(f.id), f.id
        assert f.question.endswith("?") and f.question[0].isupper(), f.question
        assert 0.0 <= (f.confidence or 0) <= 1.0
        assert f.source is not None and f.source.doc == "trotsky-stalin"
        assert " ".join(f.source.quote.split()) in seed, f.source.quote  # verbatim
        assert f.cloze is not None and len(GAP.findall(f.cloze)) == 1, f.cloze
        for answer in f.answers:  # the question never gives its answer away
            assert f" {fold(answer)} " not in f" {fold(f.question)} ", (f.question, answer)
        if f.kind == "date":
            assert f.when and parse_when(f.when), f.when


def test_no_two_candidates_ask_the_same_question(bank: Bank) -> None:
    questions = [fold(f.question) for f in bank.facts]
    assert len(questions) == len(set(questions))


def test_the_bank_round_trips_through_the_normal_loader(bank: Bank) -> None:
    again = loads_bank(dumps_bank(bank))
    assert [f.id for f in again.facts] == [f.id for f in bank.facts]


def test_ids_are_stable_across_runs(bank: Bank) -> None:
    again = extract([SEED]).bank
    assert [(f.id, f.question, f.answer) for f in again.facts] == [(f.id, f.question, f.answer)
                                                                  for f in bank.facts]


def test_dates_from_the_seed(bank: Bank) -> None:
    by_when = {f.when: f for f in bank.facts if f.kind == "date"}
    strike = by_when["1940-08-20"]
    assert strike.answer == "August 20, 1940"
    assert "Mercader" in strike.question and strike.question.startswith("When did")
    assert "{{August 20, 1940}}" in (strike.cloze or "")
    assert "1924/1928" in by_when and "1927" in by_when and "1924-01" in by_when
    assert by_when["1927"].answer == "late 1927"


def test_repairs_lost_characters_but_quotes_stay_verbatim(bank: Bank) -> None:
    strike = next(f for f in bank.facts if f.when == "1940-08-20")
    assert "Ramn" in strike.source.quote  # the source as it is
    assert "Ramn" not in strike.question and "Ramon Mercader" in strike.question  # the repaired spelling
    possessive = [f for f in bank.facts if f.source and "Stalins Prosecutor-General" in f.source.quote]
    assert possessive and all("Stalin's Prosecutor-General" in (f.cloze or "") for f in possessive)


def test_names_merge_into_people_with_aliases_and_roles(bank: Bank) -> None:
    people = {p.name: p for p in bank.people}
    assert "Ramon Mercader" in people and "Mercader" in people["Ramon Mercader"].aliases
    assert not any(p.name.startswith("Ramn") for p in bank.people)
    assert "Trotsky" in people["Leon Trotsky"].aliases
    assert "Pragmatist philosopher" in (people["John Dewey"].role or "")
    assert people["Andrey Vyshinsky"].role == "Stalin's Prosecutor-General"
    assert "Spanish communist" in (people["Ramon Mercader"].role or "")


def test_questions_from_appositions_copulas_and_passives(bank: Bank) -> None:
    asked = {f.question: f.answer for f in bank.facts}
    assert asked.get("Who chaired the Commission of Inquiry?") == "John Dewey"
    assert asked.get("Who was Stalin's Prosecutor-General?") == "Andrey Vyshinsky"
    assert asked.get("Who was a syndicalist and early supporter of the October Revolution?") == "Alfred Rosmer"


def test_works_with_authors_and_years(bank: Bank) -> None:
    works = {w.title: w for w in bank.works}
    assert works["Results and Prospects"].author == "Leon Trotsky"
    assert works["Results and Prospects"].year == "1906"
    assert works["My Life"].author == "Leon Trotsky"
    assert works["Special Tasks"].author == "Sudoplatov"
    asked = {f.question: f.answer for f in bank.facts}
    assert asked.get("What is the title of Trotsky's autobiography?") == "My Life"


def test_numbers(bank: Bank) -> None:
    numbers = {f.answer: f for f in bank.facts if f.kind == "number"}
    assert "60" in numbers and numbers["60"].question.startswith("At what age")
    assert "20,000" in numbers and numbers["20,000"].question.startswith("How many Mexican Communists")
    assert re.search(r"\btwo\b", " ".join(numbers)) and "2" in numbers["two"].accept
