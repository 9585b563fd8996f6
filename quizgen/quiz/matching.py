"""Forgiving answer checking for typed and cloze answers.

`check_answer(given, fact, bank)` returns `(correct, lenient_reason)`. The reason is None when the
answer is simply right: the same text once case, accents, punctuation, spacing and a leading article
are folded away; one of the fact's own `accept` answers (the teacher listed it); a full alias of a
bank person or work; the same date written another way; the same number as a word or with a
thousands separator. It is set when we forgave something the teacher did not list: "surname only",
"short name" (a bank alias shorter than the full name) or "small typo". A lenient match counts as
right but grades the card Hard.

A typo is never forgiven when a number differs ("1928" is not "1929"), nor when the answer is,
exactly, another name or answer the bank knows ("Sedov" is not a typo of "Sedova").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from itertools import permutations

from ..bank import Bank, Fact
from ..textnorm import fold, fold_loose

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
    "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS)} | _TENS
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f](?=\d{3}(?!\d))")
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
_DIGITS = re.compile(r"\d+")
_FILLER = {"the", "of", "on", "in"}
_LIST_SPLIT = re.compile(r"\s*(?:,|&|;|\band\b)\s*")


def _numbers_as_digits(folded: str) -> str:
    """'twenty one years' -> '21 years'; digits stay as they are."""
    out: list[str] = []
    for word in folded.split():
        value = _NUMBER_WORDS.get(word)
        if value is None:
            out.append(word)
        elif out and out[-1].isdigit() and int(out[-1]) in _TENS.values() and value < 10:
            out[-1] = str(int(out[-1]) + value)
        else:
            out.append(str(value))
    return " ".join(out)


def normal(text: str) -> str:
    """The form answers are compared in: folded, article dropped, numbers as digits."""
    return _numbers_as_digits(fold_loose(_THOUSANDS.sub("", text.replace("&", " and "))))


def parse_date(text: str) -> tuple[int, int, int | None] | None:
    """(year, month, day|None) for a written date: '20 August 1940', 'Aug. 20th, 1940', '1940-08-20',
    '20.08.1940', 'August 1940'. Numeric day/month orders are read only when unambiguous."""
    tokens = [t for t in fold(text.replace("-", " ").replace("/", " ")).split() if t not in _FILLER]
    tokens = [m.group(1) if (m := _ORDINAL.match(t)) else t for t in tokens]
    if not 2 <= len(tokens) <= 3 or not tokens[-1].isdigit() and not tokens[0].isdigit():
        return None
    months = [i for i, t in enumerate(tokens) if t in _MONTHS]
    if len(months) > 1 or any(not t.isdigit() for i, t in enumerate(tokens) if i not in months):
        return None
    if months:
        month = _MONTHS[tokens[months[0]]]
        rest = [int(t) for i, t in enumerate(tokens) if i != months[0]]
        if len(rest) == 1:
            return _valid(rest[0], month, None) if len(tokens[-1]) >= 3 else None
        day, year = (rest[0], rest[1]) if rest[0] <= 31 < rest[1] or len(tokens[-1]) >= 3 else (0, 0)
        return _valid(year, month, day)
    if len(tokens) != 3:
        return None
    a, b, c = (int(t) for t in tokens)
    if len(tokens[0]) >= 3:  # year first: ISO order
        return _valid(a, b, c)
    if len(tokens[2]) < 3:
        return None
    if a > 12 >= b:
        return _valid(c, b, a)
    if b > 12 >= a:
        return _valid(c, a, b)
    return _valid(c, a, b) if a == b else None


def _valid(year: int, month: int, day: int | None) -> tuple[int, int, int | None] | None:
    if not 1 <= month <= 12 or year <= 0:
        return None
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return (year, month, day)


def _typo_allowance(target: str) -> int:
    n = len(target.replace(" ", ""))
    return 0 if n < 4 else 1 if n <= 8 else 2


@dataclass
class _Names:
    """The people and works of a bank, indexed by folded name, and every answer the bank knows."""

    groups: dict[str, list[str]] = field(default_factory=dict)  # normal(name or alias) -> [name, *aliases]
    surnames: dict[str, set[str]] = field(default_factory=dict)  # surname -> normal(full names)
    people: set[str] = field(default_factory=set)  # normal(person name or alias)
    known: set[str] = field(default_factory=set)  # every name, alias, surname and answer


_CACHE: dict[int, tuple[Bank, _Names]] = {}


def _names(bank: Bank) -> _Names:
    """The bank's name index, built once per Bank object (a quiz checks many answers against one bank)."""
    cached = _CACHE.get(id(bank))
    if cached and cached[0] is bank:
        return cached[1]
    names = _Names()
    entries = [(p.name, p.aliases, True) for p in bank.people] + [(w.title, w.aliases, False) for w in bank.works]
    for name, aliases, is_person in entries:
        group = [name, *aliases]
        for n in group:
            names.groups[normal(n)] = group
            names.known.add(normal(n))
            if is_person:
                names.people.add(normal(n))
        if is_person and len(normal(name).split()) > 1:
            surname = normal(name).split()[-1]
            names.surnames.setdefault(surname, set()).add(normal(name))
            names.known.add(surname)
    for fact in bank.facts:
        names.known.update(normal(a) for a in fact.answers if a)
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[id(bank)] = (bank, names)
    return names


def _match_one(given: str, expected: list[str], names: _Names, person: bool) -> tuple[bool, str | None]:
    """Check one answer (not a list of several) against the expected forms."""
    g = normal(given)
    if not g:
        return False, None
    exact = {normal(e) for e in expected if e}
    if g in exact:
        return True, None
    given_date = parse_date(given)
    if given_date and any(parse_date(e) == given_date for e in expected if e):
        return True, None
    # names the bank knows for the expected answer: full aliases are right, shorter ones lenient
    lenient: dict[str, str] = {}
    for e in list(exact):
        for alias in names.groups.get(e, []):
            a = normal(alias)
            if len(a.split()) >= len(e.split()):
                exact.add(a)
            else:
                lenient.setdefault(a, "surname only" if e.split()[-1] == a else "short name")
        words = e.split()
        is_name = e in names.people or person and len(words) <= 4 and "and" not in words
        # a surname that two people of the bank share names neither of them
        if is_name and len(words) > 1 and names.surnames.get(words[-1], {e}) == {e}:
            lenient.setdefault(words[-1], "surname only")
    if g in exact:
        return True, None
    if g in lenient:
        return True, lenient[g]
    if g in names.known:
        return False, None  # another name or answer of the bank, spelled exactly: not a typo
    return _typo(g, exact, lenient)


def _typo(g: str, exact: set[str], lenient: dict[str, str]) -> tuple[bool, str | None]:
    from rapidfuzz.distance import OSA  # 15 ms to import: only once someone mistypes

    digits = _DIGITS.findall(g)
    for target in [*sorted(exact), *sorted(lenient)]:
        if _DIGITS.findall(target) != digits:
            continue  # a different number or year is a different answer, however close
        if OSA.distance(g, target, score_cutoff=_typo_allowance(target)) <= _typo_allowance(target):
            reason = "small typo" if target in exact else f"{lenient[target]}, small typo"
            return True, reason
    return False, None


def check_answer(given: str, fact: Fact, bank: Bank, expected: list[str] | None = None) -> tuple[bool, str | None]:
    """Is `given` a right answer to `fact`? Returns (correct, lenient_reason).

    `expected` overrides the fact's answers (the cloze gap is checked first in cloze mode).
    """
    expected = list(expected) if expected is not None else fact.answers
    names = _names(bank)
    person = fact.kind == "person"
    verdict = _match_one(given, expected, names, person)
    if verdict[0]:
        return verdict
    # "Kamenev, Zinoviev" for "Zinoviev and Kamenev": the same people in any order (titles such as
    # "Results and Prospects" are not lists)
    given_parts = [p for p in _LIST_SPLIT.split(given.strip()) if p]
    if len(given_parts) < 2:
        return verdict
    best = verdict
    for answer in expected:
        parts = [p for p in _LIST_SPLIT.split(answer) if p]
        if len(parts) != len(given_parts) or len(parts) > 5:
            continue
        if not person and not all(normal(p) in names.people for p in parts):
            continue
        for order in permutations(parts):
            results = [_match_one(g, [e], names, person) for g, e in zip(given_parts, order, strict=True)]
            if all(ok for ok, _ in results):
                reasons = ", ".join(sorted({r for _, r in results if r})) or None
                if reasons is None:
                    return True, None
                best = best if best[0] else (True, reasons)
    return best
