"""Questions about a noun phrase wherever it stands: object, object of a gerund, after a preposition,
and lower-case objects ('Stalin enacted the collectivization of agriculture' -> 'What did Stalin enact?')."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from .clauses import Unit, finite_verb_word
from .facts import SentenceFacts
from .lexicon import PREPOSITIONS, STOPWORDS
from .morph import base_of_ing, past_of_participle
from .questions import inverted, render, subject_text


def np_start(units: list[Unit], k: int) -> int:
    """Where the noun phrase ending at unit k starts: 'the underground South Russian Workers Union'."""
    j = k
    while j > 0:
        x = units[j - 1]
        if x.is_word and x.low in ("the", "a", "an"):
            return j - 1
        if (
            x.is_word
            and x.text[:1].islower()
            and x.low not in STOPWORDS
            and x.low not in PREPOSITIONS
            and not x.low.endswith("ing")
            and not _verbish(x)
            or x.is_word
            and "-" in x.text
            and x.low not in STOPWORDS
        ):
            j -= 1
            continue
        break
    return j


def _verbish(u: Unit) -> bool:
    return finite_verb_word(u) or u.low in ("be", "become", "organize", "organise", "help")


def np_question(
    sf: SentenceFacts,
    np: list[Unit],
    wh_noun: str | None,
    answer: str,
    accept: list[str] | Callable[[], list[str]],  # (or a function that makes them: see SentenceFacts.add)
    gap: tuple[int, int],
    kind: str,
    conf: float,
    rule: str,
) -> None:
    """Ask for a noun phrase (np) wherever it stands in its clause:
    object ('Which union did Trotsky return to Nikolayev to help organize?'), object of a gerund
    ('Which army did Trotsky organise during the Russian Civil War?'), or after a preposition
    ('With which trial did the Show Trials start?')."""
    units = sf.p.units
    first = units.index(np[0])  # units compare by identity
    last = first + len(np) - 1
    what = f"which {wh_noun}" if wh_noun else "what"
    before = units[first - 1] if first > 0 else None
    before2 = units[first - 2] if first > 1 else None
    # a gerund's object: "for organising the Red Army during ...", "After briefly attending the X,"
    if (
        before is not None
        and before.kind == "word"
        and before.low.endswith("ing")
        and len(before.low) > 5
        and before.low not in STOPWORDS
        and not (before2 is not None and before2.low in ("the", "a", "an", "this", "that"))  # "the ensuing X"
    ):
        clause = sf.clause_with(np[0]) or sf.host(np[0], loose=True)
        if clause is None or not clause.ok:
            return
        subj = subject_text(clause, sf.p, sf.ctx)
        base = base_of_ing(before.low)
        if subj is None or not base:
            return
        adverb = before2.text if before2 is not None and before2.low.endswith("ly") else ""
        after = _until_break(units, last + 1)
        text = " ".join(x for x in (what.capitalize(), "did", subj[0], adverb, base, render(after, sf.p)) if x)
        sf.add(kind, text, answer, gap, conf * subj[1] * sf.pronoun_factor(clause), f"{rule}-gerund", accept)
        return
    clause = sf.clause_with(np[-1])
    if clause is None or not clause.ok or np[-1] not in clause.rest:
        return
    subj = subject_text(clause, sf.p, sf.ctx)
    if subj is None:
        return
    if np[0] not in clause.rest:  # the phrase starts before the clause's rest (a clause cut inside it): no question
        return
    idx = clause.rest.index(np[0])
    factor = subj[1] * sf.pronoun_factor(clause)
    # the name's own complement goes with it: "the Russian Revolution of 1917"
    tail = 0
    j = clause.rest.index(np[-1]) + 1
    if j + 1 < len(clause.rest) and clause.rest[j].low == "of" and clause.rest[j + 1].kind == "date":
        tail = 2
    drop_np = {id(x) for x in np} | {id(x) for x in clause.rest[j : j + tail]}
    if before is not None and before.low == "by" and clause.passive and clause.verb is not None and clause.passive_of:
        # "programs once championed by the Left Opposition" -> "Which opposition once championed programs?"
        adverbs = render(clause.adverbs, sf.p)
        obj = re.sub(r"^(?:a|an)\s+", "the ", render(clause.passive_of, sf.p, lower_first=True))
        q = " ".join(x for x in (what.capitalize(), adverbs, past_of_participle(clause.verb.text), obj) if x)
        sf.add(kind, q, answer, gap, conf * 0.9, f"{rule}-agent", accept)
        return
    if before is not None and before.is_word and before.low in PREPOSITIONS and idx > 0:
        if before.low in ("of", "by"):  # "the inner circle of X", "done by X": not what the clause is about
            return
        body = inverted(clause, sf.p, subj[0], drop_np | {id(before)})
        if body:
            sf.add(kind, f"{before.low.capitalize()} {what} {body}", answer, gap, conf * factor, f"{rule}-pp", accept)
        return
    if clause.aux is not None and clause.aux.low in ("was", "were", "is", "are") and idx == 0:
        return  # a predicate ("X was the leader"): asked for as a role or a subject instead
    if idx == 0 and clause.verb is None and clause.aux is None:
        return
    if idx > 0 and not (before is not None and before.kind == "word" and _verbish_infinitive(units, first)):
        return
    if idx > 0 and clause.aux is not None and clause.aux.low in ("was", "were", "is", "are"):
        return  # "Petrograd was in Bolshevik hands by the time Lenin ... present[ed] the X": another clause
    body = inverted(clause, sf.p, subj[0], drop_np)
    if body:
        sf.add(kind, f"{what.capitalize()} {body}", answer, gap, conf * factor, f"{rule}-object", accept)


def _verbish_infinitive(units: list[Unit], first: int) -> bool:
    """Is the unit before `first` a verb taking it as object ('to help organize [the X]')?"""
    k = first - 1
    if k < 1:
        return False
    return units[k - 1].low in ("to", "help", "and") and units[k].text[:1].islower() and units[k].low not in STOPWORDS


def _until_break(units: list[Unit], k: int) -> list[Unit]:
    out: list[Unit] = []
    while (
        k < len(units)
        and not (units[k].kind == "punct" and units[k].text in ",;:")
        and not (units[k].is_word and units[k].low in ("and", "which", "who", "that", "when"))
    ):
        out.append(units[k])
        k += 1
    return out


# "played a decisive role", "took part": light nouns make a question nobody would ask
_LIGHT_NOUNS: Final = {
    "role",
    "roles",
    "part",
    "way",
    "time",
    "place",
    "end",
    "lot",
    "number",
    "kind",
    "sort",
    "type",
    "step",
    "steps",
    "chance",
    "hand",
    "fact",
    "matter",
    "thing",
    "things",
    "means",
    "use",
    "interest",
    "idea",
    "view",
    "sense",
    "point",
    "attempt",
    "effort",
    "efforts",
    "reasons",
    "reason",
    "impression",
    "day",
    "while",
    "care",
    "note",
    "look",
    "turn",
    "share",
    "toll",
    "form",
    "deal",
    "morning",
    "evening",
    "night",
    "week",
    "month",
    "year",
    "years",
    "days",
    "afternoon",
}


_OBJECT_STOP: Final = {"that", "which", "who", "whom", "whose", "when", "while", "where", "because", "as", "than",
                       "and"}


def lowercase_objects(sf: SentenceFacts) -> None:
    """'Stalin enacted the collectivization of agriculture ...' -> 'What did Stalin enact?';
    'Trotsky called for a continuing world revolution' -> 'What did Trotsky call for?';
    'through state-sponsored terrorism' -> 'By what means did Stalin fight ...?'"""
    for clause in sf.p.clauses:
        if not clause.ok or clause.passive or clause.object_np or clause.aux is not None or clause.verb is None:
            continue
        if not clause.subject or clause.subject[-1].kind != "name" or len(clause.subject) > 3:
            continue  # a named subject keeps the question self-contained
        rest = clause.rest
        if not rest:
            continue
        subj = subject_text(clause, sf.p, sf.ctx)
        if subj is None:
            continue
        start = 0
        prep = None
        if rest[0].low in ("for", "against", "with"):
            prep, start = rest[0].low, 1
        _object_np(sf, clause, subj[0], rest, start, prep)
        low_text = sf.low_text
        if "through" not in low_text and "what" not in low_text:  # (every unit's text is a slice of the sentence)
            continue
        lows = [x.low for x in rest]
        if "through" in lows:
            k = lows.index("through")
            if k > 0:
                _object_np(sf, clause, subj[0], rest, k + 1, "through")
        if "what" in lows:
            _called(sf, clause, subj[0], rest)


def _called(sf: SentenceFacts, clause, subj: str, rest: list[Unit]) -> None:
    """'Trotsky traversed what he called a planet without a visa' -> 'What, in his own words, did Trotsky
    traverse?'"""
    k = next(
        (
            i
            for i in range(len(rest) - 3)
            if rest[i].low == "what" and rest[i + 2].low in ("called", "termed", "dubbed", "named")
        ),
        None,
    )
    if k is None:
        return
    who = rest[k + 1]
    np: list[Unit] = []
    for x in rest[k + 3 :]:
        if x.kind == "punct" or x.is_word and x.low in _OBJECT_STOP:
            break
        np.append(x)
    if not np or len(np) > 8:
        return
    words = (
        "his own words"
        if who.low == "he"
        else "her own words"
        if who.low == "she"
        else "their own words"
        if who.low == "they"
        else f"{who.text}'s words"
    )
    body = inverted(clause, sf.p, subj, {id(x) for x in rest[k:]})
    if body:
        answer = render(np, sf.p)
        accept = [re.sub(r"^(?:a|an|the)\s+", "", answer)]
        sf.add("term", f"What, in {words}, {body}", answer, (np[0].start, np[-1].end), 0.5, "term-called", accept)


def _object_np(sf: SentenceFacts, clause, subj: str, rest: list[Unit], start: int, prep: str | None) -> None:
    np: list[Unit] = []
    tail = rest[start:]
    for k, x in enumerate(tail):
        # "the collectivization of agriculture and state-directed industrialization": one answer
        coordinated = x.low == "and" and np and k + 1 < len(tail) and tail[k + 1].is_word \
            and tail[k + 1].low not in STOPWORDS and not finite_verb_word(tail[k + 1])
        if not coordinated and (
            x.kind == "punct"
            or x.kind == "date"
            or x.is_word
            and (x.low in _OBJECT_STOP or x.low in PREPOSITIONS and x.low != "of")
        ):
            break
        np.append(x)
    if len(np) < 2 or len(np) > 10 or np[-1].low in ("of", "and"):
        return
    if np[0].is_word and (finite_verb_word(np[0]) or np[0].low.endswith("ing")):
        return  # "stood accused of conspiring": a verb phrase, not a thing
    if np[0].is_word and np[0].low in (
        "his",
        "her",
        "their",
        "its",
        "this",
        "these",
        "those",
        "it",
        "him",
        "them",
        "what",
        "no",
        "any",
        "some",
    ):
        return
    if any(x.kind == "name" for x in np) or not any(x.is_word and len(x.text) >= 6 for x in np):
        return
    head = (
        next((x.low for x in np if x.low == "of"), None) and np[[x.low for x in np].index("of") - 1].low or np[-1].low
    )
    if head in _LIGHT_NOUNS:
        return
    words = [x for x in np if not (x.is_word and x.low in ("the", "a", "an"))]
    answer = render(np, sf.p).strip("'\" ")
    gap = (np[0].start, np[-1].end)
    accept = [render(words, sf.p).strip("'\" ")] if words is not np and len(words) != len(np) else []
    drop = {id(x) for x in np}
    if prep == "through":
        k = rest.index(np[0]) - 1
        drop.add(id(rest[k]))
        body = inverted(clause, sf.p, subj, drop)
        q = f"By what means {body}" if body else None
    else:
        after = rest[rest.index(np[-1]) + 1 :] if np[-1] in rest else []
        if prep and after and after[0].is_word and after[0].low in ("that", "which", "who"):
            drop |= {id(x) for x in after}  # "called for X that would ...": the relative goes with X
        body = inverted(clause, sf.p, subj, drop | ({id(rest[0])} if prep else set()))
        q = f"What {body} {prep}" if body and prep else f"What {body}" if body else None
    sf.add("term", q, answer, gap, 0.4, "term-lowercase", accept)
