"""Dates in the forms history text uses, each to the right sortable `when`."""

from __future__ import annotations

import pytest

from quizgen.extract.dates import accepted_forms, find_dates, with_year
from quizgen.when import parse_when


@pytest.mark.parametrize(
    ("text", "answer", "when", "precision"),
    [
        ("On August 20, 1940, Mercader struck.", "August 20, 1940", "1940-08-20", "day"),
        ("On 20 August 1940 he struck.", "20 August 1940", "1940-08-20", "day"),
        ("It fell on Tuesday, August 20, 1940.", "Tuesday, August 20, 1940", "1940-08-20", "day"),
        ("Lenin died in January 1924.", "January 1924", "1924-01", "month"),
        ("the power struggle of 1924-1928", "1924-1928", "1924/1928", "range"),
        ("defeats in 1923-25.", "1923-25", "1923/1925", "range"),
        ("between 1924 and 1928 the party split", "1924-1928", "1924/1928", "range"),
        ("from 1789 to 1799", "1789 to 1799", "1789/1799", "range"),
        ("fought on July 1-3, 1863, in Pennsylvania", "July 1-3, 1863", "1863-07-01/1863-07-03", "range"),
        ("expelled in late 1927.", "late 1927", "1927", "year"),
        ("raids of the 10th century", "10th century", "10th century", "century"),
        ("raids of the tenth century", "tenth century", "10th century", "century"),
        ("Viking raids in the 880s", "880s", "880s", "decade"),
        ("in the early 1920s Stalin passed unnoticed", "early 1920s", "1920s", "decade"),
        ("culminated on this day in 1928 when", "1928", "1928", "year"),
        ("Caesar crossed the Rubicon in 49 BC.", "49 BC", "49 BC", "year"),
        ("an ISO date 1940-08-20 in a table", "1940-08-20", "1940-08-20", "day"),
    ],
)
def test_every_form_gives_a_sortable_when(text: str, answer: str, when: str, precision: str) -> None:
    dates = find_dates(text)
    assert len(dates) == 1, dates
    d = dates[0]
    assert d.text == answer
    assert d.when == when
    assert d.precision == precision
    assert parse_when(d.when) is not None  # the bank accepts it


def test_two_years_side_by_side_are_two_dates() -> None:
    assert [d.when for d in find_dates("the revolutions of 1905 and 1917, and")] == ["1905", "1917"]


@pytest.mark.parametrize("text", ["over 1,000 miners died", "2000 soldiers marched", "page 79 of the magazine",
                                  "a 20-year term", "about 95,000 people"])
def test_counts_are_not_years(text: str) -> None:
    assert find_dates(text) == []


def test_a_day_without_a_year_needs_one_from_its_context() -> None:
    (d,) = find_dates("Lenin reappeared from the underground on November 7 to take charge.")
    assert d.when is None and d.text == "November 7"
    assert with_year(d, 1917).when == "1917-11-07"


def test_accepted_forms_spell_the_date_other_ways() -> None:
    (day,) = find_dates("On August 20, 1940, it happened.")
    assert "20 August 1940" in accepted_forms(day)
    (rng,) = find_dates("in 1923-25.")
    assert "1923-1925" in accepted_forms(rng)
    (late,) = find_dates("in late 1927.")
    assert accepted_forms(late) == ["1927"]
