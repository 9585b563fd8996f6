"""Terms: parties, organisations, theories, events, named in the text ('the Military Revolutionary
Committee', 'the Winter War'), quoted ('"permanent revolution," a Marxist theory') or abbreviated (NEP)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Final

from .clauses import Clause, Unit
from .entities import Entity
from .facts import SentenceFacts
from .lexicon import (
    EVENT_HEADS,
    ORG_HEADS,
    PLACE_HEADS,
    PREPOSITIONS,
    ROLE_NOUNS,
)
from .names import Mention
from .objects import lowercase_objects, np_question, np_start
from .people import _people_in
from .questions import as_subject_question, entity_of, render, subject_text
from .roles import _trailing_people

_TERM_KINDS: Final = ("term", "event")
_GROUP_ENDINGS: Final = ("ists", "iks", "ans", "ites")
_LEADING_THE: Final = re.compile(r"^The\s+")
# ("Immigrants", "Residents", "Settlers")
_PEOPLE_NAME: Final = re.compile(r"(?:ists|iks|ans|ites|ins|grants|dents|ers)$")


def category(ent: Entity, text: str) -> str | None:
    """'Military Revolutionary Committee' -> 'committee': the word a which-question can use."""
    words = text.lower().split()
    if not words:
        return None
    head = words[0] if "of" in words[1:] else words[-1]
    head = head.strip("'’")
    if head.endswith(_GROUP_ENDINGS) and text[:1].isupper():
        return None  # "Old Bolsheviks": a people, not a category of thing
    if head in ORG_HEADS or head in EVENT_HEADS or head in PLACE_HEADS:
        if text.split()[-1].isupper():
            return None
        return head
    return None


def _people_name(name: str) -> bool:
    """'Bolsheviks', 'Old Bolsheviks', 'Jacobins': a group of people, asked for with 'who'."""
    return bool(_PEOPLE_NAME.search(name)) and name[:1].isupper()


def _term(u: Unit) -> Entity | None:
    ent = entity_of(u)
    if ent is None or ent.kind not in _TERM_KINDS:
        return None
    if isinstance(u.ref, Mention) and (u.ref.modifier or u.ref.possessive):
        return None
    return ent


def _answer_of(u: Unit, ent: Entity) -> tuple[str, Callable[[], list[str]]]:
    """The answer a name gives, and a function that makes its other answers (SentenceFacts.add calls it only
    for a candidate it keeps: most questions of a term were asked before)."""
    text = u.ref.text if isinstance(u.ref, Mention) else u.text
    answer = _LEADING_THE.sub("", text) if ent.kind != "work" and text.startswith("The") else text
    return answer, partial(_other_answers, answer, ent)


def _other_answers(answer: str, ent: Entity) -> list[str]:
    the = [f"the {answer}"] if ent.kind in ("term", "event") and not answer.isupper() else []
    low = answer.lower()
    return [f for f in [*ent.forms, *the] if f.lower() != low]


def term_facts(sf: SentenceFacts) -> None:
    units = sf.p.units
    low_text = sf.low_text
    has_of = "of" in low_text  # a member-of role needs its 'of'
    for k, u, ent in sf.named:  # other units are neither terms nor bodies
        if ent is None:
            continue
        ref: Mention = u.ref  # type: ignore[assignment]  # a unit with an entity is a mention
        plain = not (ref.modifier or ref.possessive)
        if ent.kind not in _TERM_KINDS or not plain:
            # "a leading spokesman of the St. Petersburg Soviet": whatever else it is, a body one belongs to
            if has_of and plain and ent.kind in ("place", "other") and not (sf.work_spans and sf.in_work(u)):
                found = _member_role(units, k)
                if found is not None:
                    answer, accept = _answer_of(u, ent)
                    _member_of(sf, found, u, category(ent, answer), answer, accept, (u.start, ref.end))
            continue
        if sf.work_spans and sf.in_work(u):
            continue
        answer, accept = _answer_of(u, ent)
        gap = (u.start, ref.end)
        cat = category(ent, answer)
        found = _member_role(units, k) if has_of else None
        if found is not None and _member_of(sf, found, u, cat, answer, accept, gap):
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
            verb = clause.aux or clause.verb
            if cat and verb is not None and verb.low in ("are", "were") and not answer.endswith("s"):
                continue  # "..., University Town which are in ...": the verb agrees with a whole list
            what = f"which {cat}" if cat else "who" if _people_name(answer) else "what"
            q = as_subject_question(what.capitalize(), clause, sf.p, set())
            if q and not any(x.is_word and x.low in ("was", "were", "is", "are") for x in clause.rest) \
                    and not (clause.rest and clause.rest[0].low in ("not", "never")):
                sf.add(ent.kind, q, answer, gap, 0.55, "term-subject", accept)
            continue
        if k + 1 < len(units) and units[k + 1].kind == "date":
            continue  # "on Christmas Day 1066", "at Easter 1916": the name is half of a date
        first = np_start(units, k)
        adjectives = [x for x in units[first:k] if x.is_word and x.low not in ("the", "a", "an")]
        wh_noun = " ".join([*(a.text for a in adjectives), cat]) if cat else None
        np_question(sf, units[first : k + 1], wh_noun, answer, accept, gap, ent.kind, 0.6, "term")
    # the other rules, each only where its cue can be: cheap tests here save a call per sentence
    segs = sf.p.segments
    for si in range(1, len(segs)):  # the event apposition needs a later segment 'the NOUN of ...'
        us = segs[si].units
        if len(us) >= 4 and us[1].low in _BEGIN_NOUNS:  # (a look at each segment: cheaper than at the text)
            _apposition_events(sf)
            break
    copulas = [c for c in sf.p.clauses if c.aux is not None and c.aux.low in _COPULAS]
    if copulas:
        _complement_names(sf, copulas)
        _name_definitions(sf, copulas)
    if '"' in sf.s.fixed or "“" in sf.s.fixed:  # the pattern opens with a quotation mark
        _quoted_terms(sf)
    if sf.p.parens:
        _acronyms(sf)
    lowercase_objects(sf)


_COPULAS: Final = frozenset({"was", "were", "is", "are", "would", "will"})


def _member_role(units: list[Unit], k: int) -> tuple[list[Unit], int, list[Unit]] | None:
    """The role words before 'of (the) NAME' ('a leading spokesman of the X'): the adjectives of the
    name ('Bolshevik-led'), the index just before the role, the role's units; None if there is none."""
    j = k - 1
    adjectives: list[Unit] = []
    while j >= 0 and units[j].is_word and "-" in units[j].text and units[j].text.rsplit("-", 1)[1][:1].islower():
        adjectives.insert(0, units[j])  # "Bolshevik-led"
        j -= 1
    if j >= 0 and units[j].low == "the":
        j -= 1
    if j < 1 or units[j].low != "of":
        return None
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
        return None
    return adjectives, i, role


def _member_of(
    sf: SentenceFacts,
    found: tuple[list[Unit], int, list[Unit]],
    u: Unit,
    cat: str | None,
    answer: str,
    accept: Callable[[], list[str]],
    gap: tuple[int, int],
) -> bool:
    """'As a member of the Bolshevik-led X, Trotsky ...', 'became a leading spokesman of the X',
    'David Ryazanov, former director of The X' -> 'Of which committee was Trotsky a member?'"""
    units = sf.p.units
    adjectives, i, role = found
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
    in_rest = u in clause.rest  # (units compare by identity)
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
    si = sf.seg_at.get(u)
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


def _complement_names(sf: SentenceFacts, clauses: list[Clause]) -> None:
    """'The capital of Victoria is Melbourne' -> 'What is the capital of Victoria?';
    'One outcome ... would be a Socialist United States of Europe' -> 'What would one outcome ... be?'
    `clauses`: those with a copula or 'would'/'will' (the others cannot hold such a name)."""
    for clause in clauses:
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
        if ent is None or isinstance(u.ref, Mention) and u.ref.modifier:
            continue
        subject = render(subj, sf.p)
        if ent.kind == "person":
            # "The current Premier of Victoria is Daniel Andrews" -> "Who is the current Premier of Victoria?"
            if subj[0].low == "the" and not be and len(subj) >= 2 and not any(x.kind == "name" and
                                                                               entity_of(x) is ent for x in subj):
                sf.add("person", f"Who {clause.aux.low} {subject}", ent.name, (u.start, u.ref.end), 0.6,
                       "person-complement", [f for f in ent.forms if f != ent.name])
            continue
        q = f"What {clause.aux.low} {subject} {'be' if be else ''}"
        kind = ent.kind if ent.kind in ("place", "term", "event", "work") else "term"
        answer, accept = _answer_of(u, ent)
        sf.add(kind, q, answer, (u.start, u.ref.end), 0.6, "name-complement", accept)  # type: ignore[union-attr]


def _name_definitions(sf: SentenceFacts, clauses: list[Clause]) -> None:
    """'The Melbourne Cricket Ground is the largest stadium in Australia' -> 'What is the largest stadium in
    Australia?' (a definite description names one thing; people get 'Who was ...?' from their roles).
    `clauses`: those with a copula or 'would'/'will' (the others cannot hold such a definition)."""
    for clause in clauses:
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


_BEGIN_NOUNS: Final = {
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
        if len(us) < 4 or us[0].low != "the" or us[1].low not in _BEGIN_NOUNS or us[2].low != "of":
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


_RELATIVE_SPLIT: Final = re.compile(r"\s+(?:that|which|who)\s+")
_ACRONYM: Final = re.compile(r"[A-Z]{2,6}")
_QUOTED_TERM: Final = re.compile(r"[\"“]([a-z][a-z' -]{3,40}?)[,.]?[\"”],?\s+(an?|the)\s+([^,;.]{8,160})")


def _quoted_terms(sf: SentenceFacts) -> None:
    """'"permanent revolution," a Marxist theory of how ...' -> 'What is the name of the Marxist theory
    of how ...?'"""
    text = sf.s.fixed
    for m in _QUOTED_TERM.finditer(text):
        term, definition = m.group(1).strip(), m.group(3).strip()
        definition = _RELATIVE_SPLIT.split(definition)[0]
        if len(definition.split()) < 2:
            continue
        start = m.start(1)
        sf.add("term", f"What is the name for the {definition}", term, (start, start + len(term)), 0.6, "term-quoted")


def _acronyms(sf: SentenceFacts) -> None:
    units = sf.p.units
    for k, paren in sf.p.parens.items():  # a name with an acronym in parentheses after it
        if not paren or not _ACRONYM.fullmatch(paren):
            continue
        u = units[k]
        if entity_of(u) is None:
            continue
        initials = "".join(w[0] for w in u.text.split() if w[:1].isupper())
        if initials[:1] != paren[:1]:
            continue
        sf.add("term", f"What does {paren} stand for", u.text, (u.start, u.end), 0.7, "term-acronym")


# ---------------------------------------------------------------------- numbers


