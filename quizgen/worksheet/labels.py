"""Short printable text for dated facts: "7 Nov 1917" for a When, and an event's description.

A timeline question lists events for the student to put in order, so its label must not give the date
away; the key's timeline, on the other hand, shows the date beside every label.
"""

from __future__ import annotations

import re

from ..bank import GAP, Fact
from ..when import When

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|November|December|"
                "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_YEAR = r"\d{3,4}(?:s|\s*(?:BC|BCE|AD|CE)\b)?(?:\s*[-\u2013/]\s*\d{2,4})?"
# A date as prose writes it: "November 7, 1917", "7 November 1917", "November 1939", "late 1927", "1923-25".
_DATE = (rf"(?:(?:early|mid|late|the end of|the start of|the beginning of)\s+)?"
         rf"(?:(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"
         rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_NAMES})\.?(?:,?\s+{_YEAR})?"
         rf"|(?:{_MONTH_NAMES})\.?\s+{_YEAR}"
         rf"|{_YEAR})")
# The date with the words that only serve it: "in 1902", "On November 13,", "(1906)", "on this day in 1928".
_DATE_PHRASE = re.compile(
    rf"\s*\(\s*{_DATE}\s*\)"
    rf"|\b(?:(?:on this day\s+)?(?:in|on|by|from|during|since|until|of|at)\s+)?{_DATE}\b",
    re.IGNORECASE)
_DATE_ONLY = re.compile(rf"\b{_DATE}\b", re.IGNORECASE)
_DATE_LEFT = re.compile(rf"\b(?:\d{{3,4}}s?|{_MONTH_NAMES})\b")
_NUMBER = re.compile(r"(?<![\d,.])\d{3,4}(?![\d,.]\d)")
_SPACES = re.compile(r"\s+")
_SPACE_PUNCT = re.compile(r"\s+([,.;:!?)])")


def format_when(w: When) -> str:
    """'7 Nov 1917', 'Nov 1917', '1917', '1923–1925', '1920s': the short form a timeline prints."""
    if w.precision == "range":
        a, b = w.start[0], w.end[0]
        return f"{_year(a)}\u2013{_year(b)}" if a != b else _year(a)
    if w.precision in ("decade", "century"):
        return w.text
    year, month, day = w.start
    if w.precision == "day":
        return f"{day} {_MONTHS[month - 1]} {_year(year)}"
    if w.precision == "month":
        return f"{_MONTHS[month - 1]} {_year(year)}"
    return _year(year)


def _year(y: int) -> str:
    return f"{-y} BC" if y < 0 else str(y)


def _tidy(text: str) -> str:
    text = _SPACE_PUNCT.sub(r"\1", _SPACES.sub(" ", text)).strip(" ,;:")
    text = re.sub(r"^[,;:]\s*", "", text)
    if text and not text.endswith((".", "!", "?")):
        text += "."
    return text[:1].upper() + text[1:]


def filled_cloze(fact: Fact) -> str | None:
    """The cloze sentence with its gap filled in: a plain statement of the fact."""
    return GAP.sub(lambda m: m.group(1), fact.cloze) if fact.cloze else None


def event_label(fact: Fact, hide_date: bool = True) -> str | None:
    """What happened, as one sentence; with hide_date, None when the date cannot be taken out cleanly."""
    sentence = filled_cloze(fact) or fact.question
    if not hide_date:
        return _tidy(sentence)
    if len(_DATE_ONLY.findall(sentence)) > 1:
        return None  # "in 1905 and 1917": which of them would the event stand for?
    w = fact.when_value
    if w and any(not w.start[0] <= int(y) <= w.end[0] for y in _NUMBER.findall(sentence)):
        return None  # a number that is not the event's year ("1200 soldiers"): taking it out would mislead
    stripped = _DATE_PHRASE.sub(" ", sentence)
    if fact.cloze and fact.cloze_answer and fact.kind == "date" and fact.cloze_answer in stripped:
        return None  # the gap held something other than a date, e.g. an age
    label = _tidy(stripped)
    if _DATE_LEFT.search(label) or len(label.split()) < 4:
        return None
    return label
