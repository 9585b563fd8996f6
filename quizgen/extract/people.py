"""People: who did what (subject, object, agent of a passive) and who was what (roles).

Roles come from appositions ("John Dewey, the famous Pragmatist philosopher", "Stalin's
Prosecutor-General, Andrey Vyshinsky"), copulas ("X was a communist theorist") and role words
written before a name ("Spanish communist Ramon Mercader").
"""

from __future__ import annotations

import re
from typing import Final

from .clauses import Clause, Unit
from .entities import Entity
from .facts import SentenceFacts
from .lexicon import DETERMINERS, PREPOSITIONS, REPORTING, ROLE_NOUNS
from .morph import past_of_participle
from .names import Mention
from .questions import as_subject_question, inverted, render, subject_text
from .units import _is_participle


def _person(u: Unit) -> Entity | None:
    """The person a name unit names (not a proper adjective: 'Soviet state')."""
    if u.kind == "name":  # entity_of(u), inlined: this is asked of every name in several rules
        ref = u.ref
        if (ref.__class__ is Mention or isinstance(ref, Mention)) and not ref.modifier:
            ent = ref.entity
            if ent is not None and (ent.__class__ is Entity or isinstance(ent, Entity)) and ent.kind == "person":
                return ent
    return None


def _people_in(units: list[Unit]) -> list[tuple[Unit, Entity]] | None:
    """'A', 'A and B', 'A, B and C' when every item is a person; None otherwise."""
    out: list[tuple[Unit, Entity]] = []
    for k, u in enumerate(units):
        if k % 2 == 0:
            ent = _person(u)
            if ent is None:
                return None
            out.append((u, ent))
        elif u.low not in ("and", ","):
            return None
    return out or None


def _answer(people: list[tuple[Unit, Entity]]) -> tuple[str, list[str], tuple[int, int]]:
    if len(people) == 1:
        u, ent = people[0]
        return ent.name, [f for f in ent.forms if f != ent.name], (u.start, u.ref.end)  # type: ignore[union-attr]
    names = [e.name for _, e in people]
    shorts = [u.text for u, _ in people]
    answer = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 2 else " and ".join(names)
    accept = [" and ".join(shorts), " and ".join(reversed(shorts))]
    first, last = people[0][0], people[-1][0]
    return answer, accept, (first.start, last.ref.end)  # type: ignore[union-attr]


def _date_tail(sf: SentenceFacts, clause: Clause) -> str:
    """A fronted date ('On August 20, 1940, ...') moved to the end of a who-question."""
    parts = [u for u in clause.intro if u.kind == "date"]
    if not parts and clause.segment > 0:
        seg = sf.p.segments[clause.segment - 1]
        if seg.kind == "pp" and len(seg.units) == 2 and seg.units[1].kind == "date":
            parts = seg.units[1:]
            return f"{seg.units[0].low} {parts[0].text}"
    if parts and clause.intro and clause.intro[0].is_word:
        return f"{clause.intro[0].low} {parts[0].text}"
    return ""


_MAIN_LEADS: Final = frozenset({"", "and", "but", "when", "after", "before", "while", "as", "ptc"})


def names_a_person(sf: SentenceFacts) -> bool:
    """Does the sentence name a person (what `_person` accepts)? Every people and role rule needs one."""
    got = sf.has_person
    if got is None:
        got = sf.has_person = any(ent is not None and ent.kind == "person" and not u.ref.modifier  # type: ignore[union-attr]
                                  for _k, u, ent in sf.named)
    return got


def people_facts(sf: SentenceFacts) -> None:
    if not names_a_person(sf):
        return
    has_by = "by" in sf.low_text  # an agent follows 'by'
    for clause in sf.p.clauses:
        rest = clause.rest
        # a complement person ends the clause: 'X, who would later become ... Budyonny and Voroshilov'
        ends_with_name = bool(rest) and (rest[-1].kind == "name" or rest[-1].low in ("and", ","))
        if clause.lead in ("who", "which") and ends_with_name:
            _complement_person(sf, clause)
        if clause.lead not in _MAIN_LEADS:
            continue
        if clause.passive_of is None:  # not passive
            _subject_person(sf, clause)
            if not clause.object_np:
                for u in rest:
                    if u.kind == "name":  # an object person is a name in the rest
                        _object_person(sf, clause)
                        break
            if ends_with_name:
                _complement_person(sf, clause)
        if has_by:
            for by, u in enumerate(rest):
                if u.low == "by":
                    _agent_person(sf, clause, by)
                    break


_DET_OR_PREP: Final = frozenset(DETERMINERS | PREPOSITIONS)
_LEADING_A_AN: Final = re.compile(r"^(?:a|an)\s+")


def _subject_person(sf: SentenceFacts, clause: Clause) -> None:
    subj = clause.subject
    if not subj or not clause.ok:
        return
    descriptors: list[Unit] = []
    people = _people_in(subj) if subj[0].kind == "name" else None  # a list of people starts with a name
    if people is None and subj[-1].kind == "name" and len(subj) > 1 and _person(subj[-1]) is not None:
        descriptors = subj[:-1]
        # "Spanish communist X", "lieutenant-general of the NKVD X"
        if descriptors[0].is_word and descriptors[0].low in _DET_OR_PREP:
            return
        if not all(
            u.is_word
            and u.text[:1].islower()
            and (u.low not in _DET_OR_PREP or u.low in ("of", "the"))
            or u.kind == "name"
            for u in descriptors
        ):
            return
        if not any(u.low in ROLE_NOUNS for u in descriptors):
            return
        people = [(subj[-1], _person(subj[-1]))]  # type: ignore[list-item]
    if people is None:
        _such_as(sf, clause)
        return
    rest = [u for u in clause.rest if u.kind != "punct"]
    if clause.aux is None and len(rest) < 2:
        return
    if clause.verb is not None and clause.verb.low in REPORTING:
        return  # "Who says that ...?": the claim is the fact, not who made it
    for u in rest:
        if u.is_word and u.low in ("was", "were", "is", "are"):
            return  # a run-on ("Operation Mother commenced Spanish communist X was supposed to ...")
    if rest and rest[0].low in ("not", "never"):
        return  # negative statements make poor questions
    answer, accept, gap = _answer(people)
    wh = f"Which {render(descriptors, sf.p)}" if descriptors else "Who"
    q = as_subject_question(wh, clause, sf.p, set(), _date_tail(sf, clause))
    conf = 0.75 if clause.aux is None or clause.aux.low not in ("was", "were", "is", "are") else 0.6
    sf.add("person", q, answer, gap, conf, "person-subject", accept)


def _complement_person(sf: SentenceFacts, clause: Clause) -> None:
    """'commanders, who would later become USSR Marshals Budyonny and Voroshilov' -> 'Which ideologically
    loyal commanders would later become USSR Marshals?'; 'the Napoleon figure was Stalin' -> 'Who was
    the Napoleon figure?'"""
    rest = clause.rest
    if not clause.subject or not rest or clause.subject[-1].kind == "name" and clause.lead != "who" \
            or not clause.ok:
        return
    k = len(rest)
    while k > 0 and (rest[k - 1].kind == "name" or rest[k - 1].low in ("and", ",")):
        k -= 1
    people = _people_in(rest[k:]) if k < len(rest) else None
    if people is None:
        return
    head = rest[:k]
    verb_at = next((i for i, u in enumerate(head) if u.low in ("become", "became", "becomes")), None)
    subject = render(clause.subject, sf.p)
    wh = (
        "Which"
        if clause.subject[0].is_word
        and clause.subject[0].text[:1].islower()
        and clause.subject[0].low not in ("the", "a", "an", "this", "that")
        else None
    )
    answer, accept, gap = _answer(people)
    if verb_at is not None:
        aux = clause.aux.text.lower() if clause.aux else ""
        before = render(head[: verb_at + 1], sf.p)
        title = render(head[verb_at + 1 :], sf.p)
        lead = f"Which {subject}" if wh else "Who"
        q = " ".join(x for x in (lead, aux, before, title) if x)
        sf.add("person", q, answer, gap, 0.6, "person-complement", accept)
    elif clause.aux is not None and clause.aux.low in ("was", "were", "is") and not head:
        sf.add("person", f"Who {clause.aux.low} {subject}", answer, gap, 0.6, "person-complement", accept)


def _such_as(sf: SentenceFacts, clause: Clause) -> None:
    """'Old Bolsheviks, such as Zinoviev and Kamenev, stood accused ...' -> 'Which Old Bolsheviks stood
    accused ...?'"""
    segs = sf.p.segments
    k = clause.segment
    if k < 2 or segs[k - 1].kind != "np" or segs[k - 2].units is not clause.subject:
        return
    us = segs[k - 1].units
    if len(us) < 3 or [u.low for u in us[:2]] != ["such", "as"]:
        return
    people = _people_in(us[2:])
    if people is None or len(people) < 1:
        return
    answer, accept, gap = _answer(people)
    q = as_subject_question(f"Which {render(clause.subject, sf.p)}", clause, sf.p, set())
    sf.add("person", q, answer, gap, 0.65, "person-such-as", accept)


def _object_person(sf: SentenceFacts, clause: Clause) -> None:
    if not clause.ok or clause.object_np:
        return
    rest = clause.rest
    k = 0
    if clause.aux is not None:
        if clause.aux.low not in ("had", "has", "have"):
            return
        while k < len(rest) and (_is_participle(rest[k]) or rest[k].low == "and"):
            k += 1
        if k == 0:
            return
    elif clause.verb is None or clause.verb.low in ("was", "were"):
        return
    end = k
    while end < len(rest) and (rest[end].kind == "name" or rest[end].low in ("and", ",")):
        end += 1
    if end > k and rest[end - 1].low in ("and", ","):
        return  # "Trotsky and his followers": the object is more than the person
    people = _people_in(rest[k:end]) if end > k else None
    if people is None:
        return
    if end < len(rest) and rest[end].low == "of":
        return  # "the inner circle of Trotsky": not the object itself
    subj = subject_text(clause, sf.p, sf.ctx)
    if subj is None:
        return
    drop = {id(u) for u in rest[k:end]}
    body = inverted(clause, sf.p, subj[0], drop)
    if body is None:
        return
    answer, accept, gap = _answer(people)
    sf.add("person", f"Whom {body}", answer, gap, 0.65 * subj[1] * sf.pronoun_factor(clause), "person-object", accept)


def _agent_person(sf: SentenceFacts, clause: Clause, by: int) -> None:
    """'a Commission of Inquiry, chaired by John Dewey' -> 'Who chaired the Commission of Inquiry?';
    'he was exiled by his chief rival in government, Joseph Stalin' -> 'By whom was Trotsky exiled?'
    `by` is the index of the first 'by' in the clause's rest."""
    rest = clause.rest
    after = rest[by + 1 :]
    target: Unit | None = None
    k = 0
    while (
        k < len(after)
        and (
            after[k].is_word
            and after[k].text[:1].islower()
            or after[k].kind == "name"
            and isinstance(after[k].ref, Mention)
            and after[k].ref.modifier
        )
        and after[k].low not in ("in", "on", "at", "during", "with")
    ):
        k += 1
    if (
        k < len(after)
        and _person(after[k]) is not None
        and k + 1 >= len(after) - 0
        or k < len(after)
        and _person(after[k]) is not None
        and after[k + 1].kind in ("date", "punct")
    ):
        target = after[k]
    elif clause.segment + 1 < len(sf.p.segments):
        nxt = sf.p.segments[clause.segment + 1]
        if nxt.kind == "np" and len(nxt.units) == 1 and _person(nxt.units[0]) is not None:
            target = nxt.units[0]
    if target is None:
        return
    ent = _person(target)
    assert ent is not None
    gap = (target.start, target.ref.end)  # type: ignore[union-attr]
    accept = [f for f in ent.forms if f != ent.name]
    if clause.passive and clause.verb is not None and clause.passive_of:
        noun = render(clause.passive_of, sf.p)
        noun = _LEADING_A_AN.sub("the ", noun)
        before_by = render(rest[:by], sf.p)
        q = f"Who {past_of_participle(clause.verb.text)} {before_by} {noun}"
        sf.add("person", q, ent.name, gap, 0.75, "person-agent", accept)
        return
    if clause.aux is None or clause.aux.low not in ("was", "were") or not clause.ok:
        return
    subj = subject_text(clause, sf.p, sf.ctx)
    if subj is None:
        return
    drop = {id(u) for u in rest[by:]}
    body = inverted(clause, sf.p, subj[0], drop)
    if body is None:
        return
    tail = _date_tail(sf, clause)
    sf.add(
        "person",
        f"By whom {body} {tail}",
        ent.name,
        gap,
        0.7 * subj[1] * sf.pronoun_factor(clause),
        "person-agent",
        accept,
    )


# ---------------------------------------------------------------------- roles
