"""Applying a reviewer's edit to a candidate, keeping the fact's other fields consistent with it.

A new answer usually means the cloze gap and, for a date fact, the sortable `when` are stale too:
both are updated when that can be done safely, and a note says so (or says what to check by hand).
"""

from __future__ import annotations

import re

from ..bank import GAP, Fact
from ..textnorm import fold
from ..when import parse_when

_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{3,4}})\b", re.IGNORECASE)
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s*,?\s+(\d{{3,4}})\b", re.IGNORECASE)
_MY = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(\d{{3,4}})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(\d{3,4})s?\b")


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(n for full, n in _MONTHS.items() if full.startswith(name[:3]))


def when_from_answer(answer: str) -> str | None:
    """A `when` value read from an answer such as 'August 20, 1940', '20 August 1940', 'March 1917',
    '1920s' or '1924 to 1928'; None when the text does not name exactly one date or one range."""
    text = answer.strip()
    if parse_when(text):
        return text
    for rx, order in ((_MDY, "mdy"), (_DMY, "dmy")):
        found = rx.findall(text)
        if len(found) == 1:
            a, b, year = found[0]
            month, day = (_month(a), int(b)) if order == "mdy" else (_month(b), int(a))
            value = f"{int(year):04d}-{month:02d}-{day:02d}"
            return value if parse_when(value) else None
    found_my = _MY.findall(text)
    if len(found_my) == 1:
        month, year = _month(found_my[0][0]), int(found_my[0][1])
        return f"{year:04d}-{month:02d}"
    years = _YEAR.findall(text)
    if len(years) == 1:
        return years[0] if parse_when(years[0]) else None
    if len(years) == 2 and int(years[0]) < int(years[1]):
        return f"{years[0]}/{years[1]}"
    return None


def apply_edit(fact: Fact, question: str | None, answer: str | None) -> list[str]:
    """Set the new question/answer on `fact` (None or blank keeps the current); return notes for the reviewer."""
    notes: list[str] = []
    if question and question.strip():
        fact.question = question.strip()
    if not answer or not answer.strip() or answer.strip() == fact.answer:
        return notes
    old, new = fact.answer, answer.strip()
    fact.answer = new
    fact.accept = [a for a in fact.accept if fold(a) != fold(new)]
    gap = fact.cloze_answer
    if fact.cloze and gap is not None and fold(gap) != fold(new):
        if fold(gap) == fold(old):
            fact.cloze = GAP.sub(lambda _: "{{" + new + "}}", fact.cloze, count=1)
            notes.append(f"{fact.id}: cloze gap now {{{{{new}}}}}")
        else:
            notes.append(f"{fact.id}: cloze gap {{{{{gap}}}}} was left as it is: check it in the bank")
    if fact.kind == "date":
        when = when_from_answer(new)
        if when and when != fact.when:
            notes.append(f"{fact.id}: when {fact.when} -> {when}")
            fact.when = when
        elif not when and fact.when and (fact.when_value is None or str(fact.when_value.year) not in new):
            notes.append(f"{fact.id}: when is still {fact.when}: check it in the bank")
    return notes
