"""Terms (parties, organisations, theories, events) and numbers (ages, counts, terms of years)."""

from __future__ import annotations

import re

from .clauses import Unit
from .entities import Entity
from .facts import SentenceFacts
from .lexicon import (
    EVENT_HEADS,
    NUMBER_WORDS,
    ORG_HEADS,
    PLACE_HEADS,
    PREPOSITIONS,
    ROLE_NOUNS,
    STOPWORDS,
)
from .morph import base_of_ing, past_of_participle
from .names import Mention
from .questions import as_subject_question, entity_of, inverted, render, subject_text

_TERM_KINDS = ("term", "event")
_IRREGULAR_SINGULAR = {
    "trials": "trial",
    "purges": "purge",
    "wars": "war",
    "soviets": "soviet",
    "guards": "guard",
    "forces": "force",
    "games": "games",
    "riots": "riot",
    "elections": "election",
    "landings": "landing",
    "archives": "archive",
}


def category(ent: Entity, text: str) -> str | None:
    """'Military Revolutionary Committee' -> 'committee': the word a which-question can use."""
    words = [w for w in re.split(r"[\s]+", text.lower()) if w]
    if not words:
        return None
    head = words[0] if "of" in words[1:] else words[-1]
    head = head.strip("'’")
    if head in ORG_HEADS or head in EVENT_HEADS or head in PLACE_HEADS:
        if text.split()[-1].isupper():
            return None
        return head
    return None


def _term(u: Unit) -> Entity | None:
    ent = entity_of(u)
    if ent is None or ent.kind not in _TERM_KINDS:
        return None
    if isinstance(u.ref, Mention) and (u.ref.modifier or u.ref.possessive):
        return None
    return ent


def _answer_of(u: Unit, ent: Entity) -> tuple[str, list[str]]:
    text = u.ref.text if isinstance(u.ref, Mention) else u.text
    answer = re.sub(r"^The\s+", "", text) if ent.kind != "work" else text
    the = [f"the {answer}"] if ent.kind in ("term", "event") and not answer.isupper() else []
    accept = [f for f in [*ent.forms, *the] if f.lower() != answer.lower()]
    return answer, accept


def term_facts(sf: SentenceFacts) -> None:
    units = sf.p.units
    for k, u in enumerate(units):
        ent = _term(u)
        if ent is None or sf.in_work(u):
            continue
        answer, accept = _answer_of(u, ent)
        gap = (u.start, u.ref.end)  # type: ignore[union-attr]
        cat = category(ent, answer)
        if _member_of(sf, k, u, cat, answer, accept, gap):
            continue
        clause = sf.clause_with(u)
        if (
            clause is not None
            and clause.ok
            and clause.subject
            and clause.subject[-1] is u
            and all(
                x is u or x.is_word and x.low in ("the", "a", "an") or isinstance(x.ref, Mention) and x.ref.possessive
                for x in clause.subject
            )
        ):
            what = f"which {cat}" if cat else "what"
            q = as_subject_question(what.capitalize(), clause, sf.p, set())
            if q and not any(x.is_word and x.low in ("was", "were", "is", "are") for x in clause.rest):
                sf.add(ent.kind, q, answer, gap, 0.55, "term-subject", accept)
            continue
        np_start = _np_start(units, k)
        adjectives = [x for x in units[np_start:k] if x.is_word and x.low not in ("the", "a", "an")]
        wh_noun = " ".join([*(a.text for a in adjectives), cat]) if cat else None
        np_question(sf, units[np_start : k + 1], wh_noun, answer, accept, gap, ent.kind, 0.6, "term")
    _apposition_events(sf)
    _complement_names(sf)
    _name_definitions(sf)
    _quoted_terms(sf)
    _acronyms(sf)
    lowercase_objects(sf)


def _np_start(units: list[Unit], k: int) -> int:
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
    from .clauses import finite_verb_word

    return finite_verb_word(u) or u.low in ("be", "become", "organize", "organise", "help")


def np_question(
    sf: SentenceFacts,
    np: list[Unit],
    wh_noun: str | None,
    answer: str,
    accept: list[str],
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
    first = next(i for i, x in enumerate(units) if x is np[0])
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
    if clause is None or not clause.ok or not any(x is np[-1] for x in clause.rest):
        return
    subj = subject_text(clause, sf.p, sf.ctx)
    if subj is None:
        return
    idx = next(i for i, x in enumerate(clause.rest) if x is np[0])
    factor = subj[1] * sf.pronoun_factor(clause)
    # the name's own complement goes with it: "the Russian Revolution of 1917"
    tail = 0
    j = next(i for i, x in enumerate(clause.rest) if x is np[-1]) + 1
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


def _member_of(
    sf: SentenceFacts, k: int, u: Unit, cat: str | None, answer: str, accept: list[str], gap: tuple[int, int]
) -> bool:
    """'As a member of the Bolshevik-led X, Trotsky ...', 'became a leading spokesman of the X',
    'David Ryazanov, former director of The X' -> 'Of which committee was Trotsky a member?'"""
    units = sf.p.units
    j = k - 1
    adjectives: list[Unit] = []
    while j >= 0 and units[j].is_word and "-" in units[j].text and units[j].text.rsplit("-", 1)[1][:1].islower():
        adjectives.insert(0, units[j])  # "Bolshevik-led"
        j -= 1
    if j >= 0 and units[j].low == "the":
        j -= 1
    if j < 1 or units[j].low != "of":
        return False
    role_end = j - 1
    i = role_end
    while (
        i >= 0
        and units[i].is_word
        and units[i].text[:1].islower()
        and units[i].low not in PREPOSITIONS
        and units[i].low not in ("was", "were", "became", "is", "and")
    ):
        i -= 1
    role = units[i + 1 : role_end + 1]
    if not role or role[-1].low.rstrip("s") not in ROLE_NOUNS:
        return False
    what = "which " + " ".join([*(a.text for a in adjectives), cat]) if cat else "what"
    role_text = render(role, sf.p)
    owner = _apposition_owner(sf, u)
    if owner is not None:
        verb = "were" if " and " in owner else "was"
        sf.add("term", f"Of {what} {verb} {owner} {role_text}", answer, gap, 0.6, "term-member", accept)
        return True
    clause = sf.clause_with(u) or sf.host(u, loose=True)
    if clause is None or not clause.ok:
        return False
    subj = subject_text(clause, sf.p, sf.ctx)
    if subj is None:
        return False
    before = units[i] if i >= 0 else None
    in_rest = any(x is u for x in clause.rest)
    if in_rest and clause.verb is not None and before is not None and before.low == "became":
        q = f"Of {what} did {subj[0]} become {role_text}"
    elif in_rest and clause.aux is not None and clause.aux.low in ("was", "were"):
        q = f"Of {what} {clause.aux.low} {subj[0]} {role_text}"
    elif not in_rest:
        q = f"Of {what} was {subj[0]} {role_text}"
    else:
        return False
    sf.add("term", q, answer, gap, 0.65 * subj[1] * sf.pronoun_factor(clause), "term-member", accept)
    return True


def _apposition_owner(sf: SentenceFacts, u: Unit) -> str | None:
    """The person(s) a verbless apposition segment describes: 'X and Y, chiefs of the GPU, ...'."""
    from .people import _people_in, _trailing_people

    si = sf.seg_of.get(id(u))
    if si is None or sf.p.segments[si].kind != "np":
        return None
    segs = sf.p.segments
    if si + 1 < len(segs) and len(segs[si + 1].units) == 1:
        people = _people_in(segs[si + 1].units)
        if people:
            return people[0][0].text
    if si > 0:
        people = _trailing_people(segs[si - 1].units)
        if people:
            return " and ".join(x.text for x, _ in people)
    tail = segs[si].units[-1]
    people = _people_in([tail]) if tail.kind == "name" else None
    if people and tail is not u:
        return tail.text
    return None


def _complement_names(sf: SentenceFacts) -> None:
    """'The capital of Victoria is Melbourne' -> 'What is the capital of Victoria?';
    'One outcome ... would be a Socialist United States of Europe' -> 'What would one outcome ... be?'"""
    for clause in sf.p.clauses:
        if clause.aux is None or clause.aux.low not in ("was", "were", "is", "are", "would", "will"):
            continue
        subj = clause.subject
        if not subj or subj[-1].kind == "name" and len(subj) == 1 or not clause.ok:
            continue
        rest = [u for u in clause.rest if u.kind != "punct"]
        be = rest[:1] if rest and rest[0].low == "be" else []
        body = rest[len(be) :]
        if body and body[0].low in ("a", "an", "the"):
            body = body[1:]
        if len(body) != 1 or body[0].kind != "name":
            continue
        u = body[0]
        ent = entity_of(u)
        if ent is None or ent.kind == "person" or isinstance(u.ref, Mention) and u.ref.modifier:
            continue
        subject = render(subj, sf.p)
        q = f"What {clause.aux.low} {subject} {'be' if be else ''}"
        kind = ent.kind if ent.kind in ("place", "term", "event", "work") else "term"
        answer, accept = _answer_of(u, ent)
        sf.add(kind, q, answer, (u.start, u.ref.end), 0.6, "name-complement", accept)  # type: ignore[union-attr]


def _name_definitions(sf: SentenceFacts) -> None:
    """'The Melbourne Cricket Ground is the largest stadium in Australia' -> 'What is the largest stadium in
    Australia?' (a definite description names one thing; people get 'Who was ...?' from their roles)."""
    for clause in sf.p.clauses:
        if clause.aux is None or clause.aux.low not in ("was", "were", "is", "are") or not clause.ok:
            continue
        subj = [u for u in clause.subject if not (u.is_word and u.low == "the")]
        if len(subj) != 1 or subj[0].kind != "name":
            continue
        u = subj[0]
        ent = entity_of(u)
        if ent is None or ent.kind == "person" or isinstance(u.ref, Mention) and (u.ref.modifier or u.ref.possessive):
            continue
        rest = clause.rest
        if not rest or rest[0].low != "the":
            continue
        np: list[Unit] = []
        for x in rest:
            if x.kind == "punct" or x.is_word and x.low in ("which", "who", "that", "and", "but", "where", "while"):
                break
            np.append(x)
        if len(np) < 3 or len(np) > 14:
            continue
        kind = ent.kind if ent.kind in ("place", "term", "event", "work") else "term"
        answer, accept = _answer_of(u, ent)
        q = f"What {clause.aux.low} {render(np, sf.p)}"
        sf.add(kind, q, answer, (u.start, u.ref.end), 0.6, "name-definition", accept)  # type: ignore[union-attr]


_BEGIN_NOUNS = {
    "beginning": "began",
    "start": "began",
    "outbreak": "began",
    "opening": "opened",
    "end": "ended",
    "climax": "reached its climax",
    "culmination": "culminated",
    "turning": None,
}


def _apposition_events(sf: SentenceFacts) -> None:
    """'The Soviet attack on Finland in November 1939, the beginning of the Winter War, ...' ->
    'Which war began with the Soviet attack on Finland?'"""
    segs = sf.p.segments
    for si in range(1, len(segs)):
        us = segs[si].units
        if len(us) < 4 or [x.low for x in us[:1]] != ["the"] or us[1].low not in _BEGIN_NOUNS or us[2].low != "of":
            continue
        verb = _BEGIN_NOUNS[us[1].low]
        target = us[-1]
        ent = _term(target)
        if ent is None or not verb or segs[si - 1].kind != "np":
            continue
        event = [x for x in segs[si - 1].units if x.kind != "date"]
        while event and event[-1].is_word and event[-1].low in ("in", "on", "during", "of"):
            event.pop()
        if len(event) < 2:
            continue
        answer, accept = _answer_of(target, ent)
        cat = category(ent, answer)
        what = f"Which {cat}" if cat else "What"
        text = render(event, sf.p)
        text = text[:1].lower() + text[1:] if event[0].first else text
        sf.add(
            ent.kind,
            f"{what} {verb} with {text}",
            answer,
            (target.start, target.ref.end),
            0.65,
            "event-apposition",
            accept,
        )


# "played a decisive role", "took part": light nouns make a question nobody would ask
_LIGHT_NOUNS = {
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
_OBJECT_STOP = {"that", "which", "who", "whom", "whose", "when", "while", "where", "because", "as", "than", "and"}


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
        k = next((i for i, x in enumerate(rest) if x.low == "through"), None)
        if k is not None and k > 0:
            _object_np(sf, clause, subj[0], rest, k + 1, "through")
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
    for x in rest[start:]:
        if (
            x.kind == "punct"
            or x.kind == "date"
            or x.is_word
            and (x.low in _OBJECT_STOP or x.low in PREPOSITIONS and x.low != "of")
        ):
            break
        np.append(x)
    if len(np) < 2 or len(np) > 8 or np[-1].low == "of":
        return
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
        k = next(i for i, x in enumerate(rest) if x is np[0]) - 1
        drop.add(id(rest[k]))
        body = inverted(clause, sf.p, subj, drop)
        q = f"By what means {body}" if body else None
    else:
        body = inverted(clause, sf.p, subj, drop | ({id(rest[0])} if prep else set()))
        q = f"What {body} {prep}" if body and prep else f"What {body}" if body else None
    sf.add("term", q, answer, gap, 0.4, "term-lowercase", accept)


_QUOTED_TERM = re.compile(r"[\"“]([a-z][a-z' -]{3,40}?)[,.]?[\"”],?\s+(an?|the)\s+([^,;.]{8,160})")


def _quoted_terms(sf: SentenceFacts) -> None:
    """'"permanent revolution," a Marxist theory of how ...' -> 'What is the name of the Marxist theory
    of how ...?'"""
    text = sf.s.fixed
    for m in _QUOTED_TERM.finditer(text):
        term, definition = m.group(1).strip(), m.group(3).strip()
        definition = re.split(r"\s+(?:that|which|who)\s+", definition)[0]
        if len(definition.split()) < 2:
            continue
        start = m.start(1)
        sf.add("term", f"What is the name for the {definition}", term, (start, start + len(term)), 0.6, "term-quoted")


def _acronyms(sf: SentenceFacts) -> None:
    units = sf.p.units
    for k, u in enumerate(units):
        paren = sf.p.parens.get(k)
        ent = entity_of(u)
        if not paren or ent is None or not re.fullmatch(r"[A-Z]{2,6}", paren):
            continue
        initials = "".join(w[0] for w in u.text.split() if w[:1].isupper())
        if initials[:1] != paren[:1]:
            continue
        sf.add("term", f"What does {paren} stand for", u.text, (u.start, u.end), 0.7, "term-acronym")


# ---------------------------------------------------------------------- numbers

_APPROX = {"about", "some", "over", "nearly", "almost", "roughly", "around", "approximately", "circa", "fewer",
           "more", "under", "at"}
_IRREGULAR_PLURALS = {"men", "women", "people", "children", "cattle", "sheep", "troops", "police", "clergy"}
_UNIT_NOUNS = {
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
    if u.kind == "num" and not re.fullmatch(r"\d+s", u.text):
        digits = u.text.replace(",", "")
        m = re.match(r"([\d.]+)-([a-z]+)$", digits)
        if m:  # "20-year"
            return f"{m.group(1)} {m.group(2)}s", [m.group(1), u.text]
        return u.text, [digits] if digits != u.text else []
    if u.is_word and u.low in NUMBER_WORDS and u.low not in ("one", "hundred", "dozen"):
        return u.low, [str(NUMBER_WORDS[u.low])]
    return None


def number_facts(sf: SentenceFacts) -> None:
    units = sf.p.units
    for k, u in enumerate(units):
        got = _number(u)
        if got is None:
            continue
        answer, accept = got
        gap = (u.start, u.end)
        prev = [x.low for x in units[max(0, k - 4) : k]]
        nxt = units[k + 1] if k + 1 < len(units) else None
        if prev[-4:] == ["at", "the", "age", "of"]:
            _pp_number(sf, u, units[k - 4 : k + 1], "At what age", answer, accept, gap)
            continue
        if prev[-1:] == ["for"] and nxt is not None and nxt.low in _UNIT_NOUNS:
            _pp_number(sf, u, [units[k - 1], u, nxt], f"For how many {nxt.low}", answer, accept, gap)
            continue
        if re.search(r"-(?:year|month|day)$", u.text) and nxt is not None and nxt.is_word:
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
            _count(sf, k, u, "What percentage of", answer, accept, gap, skip_of=True)
            continue
        if (
            nxt is not None
            and nxt.kind in ("word", "name")
            and nxt.low not in STOPWORDS | _UNIT_NOUNS
            and not nxt.low.endswith(("ly",))
            and (nxt.low.endswith("s") or nxt.kind == "name" or nxt.low in _IRREGULAR_PLURALS)
        ):
            approx = units[k - 1] if k > 0 and units[k - 1].low in _APPROX else None
            if approx is not None:  # "about 17,000 people": the answer keeps its hedge
                accept = [answer, *accept]
                answer = f"{approx.text.lower()} {answer}"
                gap = (approx.start, u.end)
            _count(sf, k, u, "How many", answer, accept, gap, approx=approx)


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
    if not any(x is u for x in clause.rest):
        return
    idx = next(i for i, x in enumerate(clause.rest) if x is u)
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
