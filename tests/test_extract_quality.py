"""Classes of wrong candidates, one test each: a sentence in, the wrong candidate absent, the right one present."""

from __future__ import annotations

from quizgen.extract.documents import Document, Paragraph
from quizgen.extract.pipeline import extract_docs


def kinds_of(text: str) -> dict[str, tuple[str, str]]:
    """question -> (kind, answer)"""
    bank = extract_docs([Document("doc", "doc.txt", "doc", [Paragraph(p) for p in text.split("\n\n")])]).bank
    return {f.question: (f.kind, f.answer) for f in bank.facts}


def test_a_country_that_acts_is_not_a_person() -> None:
    got = kinds_of("The revolution in France began in 1789. France declared war on Austria in April 1792. "
                   "The king of France was executed in January 1793.")
    assert not [q for q, (kind, answer) in got.items() if kind == "person" and answer == "France"], got
    assert got.get("When did France declare war on Austria?") == ("date", "April 1792")


def test_a_place_named_in_full_every_time_is_not_a_person() -> None:
    got = kinds_of("Santa Rosa grew quickly after 1960. Santa Rosa is the largest town in the region. "
                   "Santa Rosa exported wine from 1966. Many settlers moved to Santa Rosa from Italy. "
                   "Santa Rosa became a city in 1896.")
    assert not [q for q, (kind, answer) in got.items() if kind == "person"], got
