"""Numbers: ages ('at the age of 60'), counts ('20,000 Mexican Communists'), spans ('For eight years'),
terms of years ('the maximum 20-year term') and percentages."""

from __future__ import annotations

import re
from typing import Final

from .clauses import Unit
from .facts import SentenceFacts
from .lexicon import NUMBER_WORDS, PREPOSITIONS, STOPWORDS
from .objects import _verbish
from .questions import as_subject_question, entity_of, inverted, render, subject_text

_APPROX: Final = {"about", "some", "over", "nearly", "almost", "roughly", "around", "approximately", "circa", "fewer",
           "more", "under", "at"}


_IRREGULAR_PLURALS: Final = {"men", "women", "people", "children", "cattle", "sheep", "troops", "police", "clergy"}


_UNIT_NOUNS: Final = {
    "years",
    "months",
    "days",
    "weeks",
    "hours",
    "times",
    "miles",
    "kilometres",
    "kilometers",
    "km",
    "metres",
    "meters",
    "feet",
    "percent",
    "per",
}


def _number(u: Unit) -> tuple[str, list[str]] | None:
    """The number a unit states, as written plus its other spelling ('two' / '2')."""
    if u.kind == "num" and not _DECADE.fullmatch(u.text):
        digits = u.text.replace(",", "")
        m = _NUMBER_UNIT.match(digits)
        if m:  # "20-year"
            return f"{m.group(1)} {m.group(2)}s", [m.group(1), u.text]
        return u.text, [digits] if digits != u.text else []
    if u.is_word and u.low in NUMBER_WORDS and u.low not in ("one", "hundred", "dozen"):
        return u.low, [str(NUMBER_WORDS[u.low])]
    return None


_NOT_COUNTED: Final = frozenset(STOPWORDS | _UNIT_NOUNS)
_DECADE: Final = re.compile(r"\d+s")
_NUMBER_UNIT: Final = re.compile(r"([\d.]+)-([a-z]+)$")
_SPAN_UNIT: Final = re.compile(r"-(?:year|month|day)$")
_MEASURE: Final = re.compile(r"[%°]|\s\w+$")


def number_facts(sf: SentenceFacts) -> None:
    units = sf.p.units
    # only numerals and number words can state a number: the rest of the sentence is not visited
    at = [k for k, u in enumerate(units) if u.kind == "num" or u.is_word and u.low in NUMBER_WORDS]
    for k in at:
        u = units[k]
        got = _number(u)
        if got is None:
            continue
        answer, accept = got
        gap = (u.start, u.end)
        prev = [x.low for x in units[max(0, k - 4) : k]]
        nxt = units[k + 1] if k + 1 < len(units) else None
        if prev[-2:] == ["population", "of"] and u.kind == "num":
            _population(sf, u, answer, accept, gap)
            continue
        if prev[-4:] == ["at", "the", "age", "of"]:
            _pp_number(sf, u, units[k - 4 : k + 1], "At what age", answer, accept, gap)
            continue
        if prev[-1:] == ["for"] and nxt is not None and nxt.low in _UNIT_NOUNS:
            _pp_number(sf, u, [units[k - 1], u, nxt], f"For how many {nxt.low}", answer, accept, gap)
            continue
        if _SPAN_UNIT.search(u.text) and nxt is not None and nxt.is_word:
            unit_noun = nxt.low
            j = k - 1
            while j >= 0 and units[j].is_word and units[j].low not in PREPOSITIONS:
                j -= 1
            if j >= 0 and units[j].low in ("to", "for", "of"):
                _pp_number(
                    sf,
                    u,
                    units[j : k + 2],
                    f"{units[j].low.capitalize()} what {unit_noun}",
                    f"{u.text} {unit_noun}",
                    [answer, *accept],
                    (u.start, nxt.end),
                )
            continue
        if u.kind == "num" and u.text.endswith("%") and nxt is not None and nxt.low == "of":
            approx = units[k - 1] if k > 0 and units[k - 1].low in _APPROX else None
            if approx is not None:
                accept = [answer, *accept]
                answer = f"{approx.text.lower()} {answer}"
                gap = (approx.start, u.end)
            _count(sf, k, u, "What percentage of", answer, accept, gap, skip_of=True, approx=approx)
            continue
        if u.kind == "num" and _complement_number(sf, u, answer, accept, gap):
            continue
        if (
            nxt is not None
            and nxt.kind in ("word", "name")
            and nxt.low not in _NOT_COUNTED
            and not nxt.low.endswith(("ly",))
            and (nxt.low.endswith("s") or nxt.kind == "name" or nxt.low in _IRREGULAR_PLURALS)
        ):
            approx = units[k - 1] if k > 0 and units[k - 1].low in _APPROX else None
            if approx is not None:  # "about 17,000 people": the answer keeps its hedge
                accept = [answer, *accept]
                answer = f"{approx.text.lower()} {answer}"
                gap = (approx.start, u.end)
            _count(sf, k, u, "How many", answer, accept, gap, approx=approx)


def _population(sf: SentenceFacts, u: Unit, answer: str, accept: list[str], gap: tuple[int, int]) -> None:
    """'With a population of 3,792,621, Los Angeles is ...', 'southern California has a population of
    22,680,010' -> 'What is the population of Los Angeles?' (the subject must be a place's name)."""
    clause = sf.clause_with(u)
    if clause is None and sf.p.clauses and u.end <= (sf.p.clauses[0].subject or [u])[0].start:
        clause = sf.p.clauses[0]  # "With a population of N, X is ...": the phrase before the first clause
    if clause is None or not clause.subject:
        return
    subj = clause.subject
    ent = entity_of(subj[-1])
    if ent is None or ent.kind != "place" or len(subj) > 3 or any(x.kind != "word" for x in subj[:-1]):
        return
    verb = clause.aux or clause.verb
    tense = "was" if verb is not None and verb.low in ("was", "were", "had") else "is"
    sf.add("number", f"What {tense} the population of {render(subj, sf.p)}", answer, gap, 0.6, "number-population",
           accept)


def _complement_number(sf: SentenceFacts, u: Unit, answer: str, accept: list[str], gap: tuple[int, int]) -> bool:
    """'The highest temperature recorded was 48.8 °C' -> 'What was the highest temperature recorded?'"""
    clause = sf.clause_with(u)
    if clause is None or not clause.ok or clause.aux is None or clause.aux.low not in ("was", "were", "is", "are"):
        return False
    rest = [x for x in clause.rest if x.kind != "punct"]
    if rest and rest[0].low in _APPROX and len(rest) > 1:
        rest = rest[1:]
    if len(rest) != 1 or rest[0] is not u or clause.subject[0].low not in ("the", "its", "their"):
        return False
    if not _MEASURE.search(u.text):  # a measure with its unit, not a bare figure
        return False
    subject = render(clause.subject, sf.p)
    sf.add("number", f"What {clause.aux.low} {subject}", answer, gap, 0.6, "number-complement", accept)
    return True


def _pp_number(
    sf: SentenceFacts, u: Unit, phrase: list[Unit], wh: str, answer: str, accept: list[str], gap: tuple[int, int]
) -> None:
    clause = sf.host(u, loose=True)
    if clause is None or not clause.ok:
        return
    subj = subject_text(clause, sf.p, sf.ctx)
    if subj is None:
        return
    drop = {id(x) for x in phrase}
    body = inverted(clause, sf.p, subj[0], drop)
    if body:
        sf.add("number", f"{wh} {body}", answer, gap, 0.65 * subj[1] * sf.pronoun_factor(clause), "number-pp", accept)


def _count(
    sf: SentenceFacts,
    k: int,
    u: Unit,
    wh: str,
    answer: str,
    accept: list[str],
    gap: tuple[int, int],
    skip_of: bool = False,
    approx: Unit | None = None,
) -> None:
    """'20,000 Mexican Communists marched' -> 'How many Mexican Communists marched ...?';
    'had two sons' -> 'How many sons did he have?'"""
    units = sf.p.units
    clause = sf.clause_with(u)
    if clause is None or not clause.ok:
        return
    j = k + 1 + (1 if skip_of else 0)
    noun: list[Unit] = []
    while j < len(units) and (
        units[j].kind == "name"
        or units[j].is_word
        and units[j].low not in STOPWORDS
        and units[j].low not in PREPOSITIONS
        and not _verbish(units[j])
    ):
        noun.append(units[j])
        j += 1
        if (
            noun[-1].kind == "name"
            or noun[-1].low.endswith("s")
            and (j >= len(units) or not units[j].is_word or units[j].low in STOPWORDS or _verbish(units[j]))
        ):
            break
    if not noun:
        return
    noun_text = render(noun, sf.p, lower_first=False)
    if skip_of:
        noun_text = f"{noun_text}"
    subj = clause.subject
    if approx is not None and subj and subj[0] is approx:
        subj = subj[1:]
    if subj and subj[0] is u:
        if len(subj) != 1 + len(noun) + (1 if skip_of else 0):
            return
        q = as_subject_question(f"{wh} {noun_text}", clause, sf.p, set())
        sf.add("number", q, answer, gap, 0.65, "number-subject", accept)
        return
    if u not in clause.rest:  # (units compare by identity)
        return
    idx = clause.rest.index(u)
    if approx is not None and idx > 0 and clause.rest[idx - 1] is approx:
        idx -= 1
    if idx != 0 or clause.aux is not None and clause.aux.low not in ("had", "has"):
        return
    s = subject_text(clause, sf.p, sf.ctx)
    if s is None:
        return
    drop = {id(x) for x in clause.rest[: 1 + len(noun) + (1 if approx is not None else 0)]}
    body = inverted(clause, sf.p, s[0], drop)
    if body:
        sf.add(
            "number",
            f"{wh} {noun_text} {body}",
            answer,
            gap,
            0.6 * s[1] * sf.pronoun_factor(clause),
            "number-object",
            accept,
        )
