"""`extract` on history texts it was not written for (tests/data/extract/): HTML, Markdown and text.

Each text was written for these tests from public-domain history; the assertions are the facts a
teacher would expect to be offered.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.bank import Bank, Fact, Person, Work
from quizgen.extract.pipeline import extract
from quizgen.textnorm import fold

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture(scope="module")
def revolution() -> Bank:
    return extract([DATA / "french-revolution.html"]).bank


@pytest.fixture(scope="module")
def conquest() -> Bank:
    return extract([DATA / "norman-conquest.md"]).bank


@pytest.fixture(scope="module")
def civil_war() -> Bank:
    return extract([DATA / "american-civil-war.txt"]).bank


def by_when(bank: Bank, when: str) -> list[Fact]:
    return [f for f in bank.facts if f.kind == "date" and f.when == when]


def person(bank: Bank, name: str) -> Person:
    return next(p for p in bank.people if p.name == name)


def work(bank: Bank, title: str) -> Work:
    return next(w for w in bank.works if w.title == title)


def no_candidate_quotes(bank: Bank, text: str) -> bool:
    return not any(text in (f.source.quote if f.source else "") for f in bank.facts)


# ------------------------------------------------------------------ HTML: the French Revolution


def test_html_title_and_page_furniture(revolution: Bank) -> None:
    assert revolution.title == "The French Revolution"
    assert revolution.sources["french-revolution"].file.endswith("french-revolution.html")
    for junk in ("cookies", "Sign up", "newsletter", "let them eat cake", "cite this page", "Copyright",
                 "dataLayer"):
        assert no_candidate_quotes(revolution, junk), junk


def test_html_dates(revolution: Bank) -> None:
    (bastille,) = by_when(revolution, "1789-07-14")
    assert "Bastille" in bastille.question and bastille.answer == "July 14, 1789"
    assert by_when(revolution, "1789-08-26") and by_when(revolution, "1793-01-21")
    assert any("Rights of Man" in f.question for f in by_when(revolution, "1789-08-26"))


def test_html_people_roles_and_aliases(revolution: Bank) -> None:
    assert "finance minister" in (person(revolution, "Jacques Necker").role or "")
    robespierre = person(revolution, "Maximilien Robespierre")
    assert "Robespierre" in robespierre.aliases and "leader of the Jacobins" in (robespierre.role or "")
    asked = {f.question: f.answer for f in revolution.facts}
    assert asked.get("Who was the leader of the Jacobins?") == "Maximilien Robespierre"


def test_html_works_with_authors_and_years(revolution: Bank) -> None:
    burke = work(revolution, "Reflections on the Revolution in France")
    assert (burke.author, burke.year) == ("Edmund Burke", "1790")
    assert work(revolution, "Rights of Man").author == "Thomas Paine"
    assert work(revolution, "What Is the Third Estate?").year == "1789"
    asked = {f.question: f.answer for f in revolution.facts}
    assert asked.get("Who wrote Reflections on the Revolution in France?") == "Edmund Burke"


def test_html_numbers(revolution: Bank) -> None:
    numbers = {f.answer: f for f in revolution.facts if f.kind == "number"}
    assert numbers["38"].question.startswith("At what age was Louis XVI guillotined")
    assert "17,000" in numbers["about 17,000"].accept


def test_html_hedged_sentence_gives_nothing(revolution: Bank) -> None:
    assert no_candidate_quotes(revolution, "perhaps it was only made possible")


# ------------------------------------------------------------------ Markdown: the Norman Conquest


def test_markdown_title_headings_and_links(conquest: Bank) -> None:
    assert conquest.title == "The Norman Conquest of England"  # from the front matter
    quotes = [f.source.quote for f in conquest.facts if f.source]
    assert not any("](" in q or "**" in q or q.startswith("#") for q in quotes)
    assert no_candidate_quotes(conquest, "Click here")


def test_markdown_dates_in_day_month_year_and_century_forms(conquest: Bank) -> None:
    (hastings,) = [f for f in by_when(conquest, "1066-10-14")]
    assert "Battle of Hastings" in hastings.question and hastings.answer == "14 October 1066"
    assert by_when(conquest, "11th century")
    assert by_when(conquest, "1070s")
    assert by_when(conquest, "1086")


def test_markdown_people(conquest: Bank) -> None:
    harold = person(conquest, "Harold Godwinson")
    assert "Harold" in harold.aliases and "earl" in (harold.role or "")
    assert "Hardrada" in person(conquest, "Harald Hardrada").aliases
    assert "monk" in (person(conquest, "Orderic Vitalis").role or "")
    assert work(conquest, "Ecclesiastical History").author == "Orderic Vitalis"


def test_markdown_hedges_opinions_and_off_topic_lines(conquest: Bank) -> None:
    for text in ("probably struck in the eye", "I think he was", "support team answers"):
        assert no_candidate_quotes(conquest, text), text


# ------------------------------------------------------------------ plain text: the American Civil War


def test_text_dates_including_a_day_range(civil_war: Bank) -> None:
    (gettysburg,) = by_when(civil_war, "1863-07-01/1863-07-03")
    assert gettysburg.answer == "July 1-3, 1863" and "Gettysburg" in gettysburg.question
    assert by_when(civil_war, "1861/1865")
    (shot,) = [f for f in by_when(civil_war, "1865-04-14")]
    assert "Booth" in shot.question and "Lincoln" in shot.question


def test_text_people_initials_and_aliases(civil_war: Bank) -> None:
    assert "Lee" in person(civil_war, "Robert E. Lee").aliases
    assert "Grant" in person(civil_war, "Ulysses S. Grant").aliases
    assert "Lincoln" in person(civil_war, "Abraham Lincoln").aliases
    assert "actor" in (person(civil_war, "John Wilkes Booth").role or "")
    asked = {f.question: f.answer for f in civil_war.facts}
    assert asked.get("Who shot Lincoln at Ford's Theatre in Washington?") == "John Wilkes Booth"


def test_text_work_and_counts(civil_war: Bank) -> None:
    cabin = work(civil_war, "Uncle Tom's Cabin")
    assert (cabin.author, cabin.year) == ("Harriet Beecher Stowe", "1852")
    numbers = {fold(f.answer): f for f in civil_war.facts if f.kind == "number"}
    assert numbers["56"].question.startswith("At what age did Lincoln die")
    assert "23,000" in numbers["about 23 000"].accept


def test_text_off_topic_and_questions_give_nothing(civil_war: Bank) -> None:
    for text in ("Preheat the oven", "Do you know which state", "Share this page"):
        assert no_candidate_quotes(civil_war, text), text


def test_several_documents_make_one_bank() -> None:
    result = extract([DATA / "norman-conquest.md", DATA / "american-civil-war.txt"], bank_id="mixed",
                     title="Two wars")
    bank = result.bank
    assert (bank.id, bank.title) == ("mixed", "Two wars")
    assert set(bank.sources) == {"norman-conquest", "american-civil-war"}
    assert {f.source.doc for f in bank.facts if f.source} == set(bank.sources)
