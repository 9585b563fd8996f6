"""Roles: who was what. From appositions ('John Dewey, the famous Pragmatist philosopher', "Stalin's
Prosecutor-General, Andrey Vyshinsky"), copulas ('X was a communist theorist') and role words written
before a name ('Spanish communist Ramon Mercader'). Each role goes to the person's entry; a specific one
also becomes a question ('Who was Stalin's Prosecutor-General?')."""

from __future__ import annotations

import re
from typing import Final

from .clauses import Unit
from .entities import Entity, Registry
from .facts import SentenceFacts
from .lexicon import DETERMINERS, PREPOSITIONS, ROLE_NOUNS
from .names import Mention
from .people import _answer, _people_in, _person, names_a_person
from .questions import render, subject_text
from .tokens import finite_verb


def roles(sf: SentenceFacts, registry: Registry) -> None:
    if not names_a_person(sf):  # every role is some person's
        return
    units = sf.p.units
    segs = sf.p.segments
    for si, seg in enumerate(segs):
        us = seg.units
        # "NAME, ROLE-NP,": the segment after a segment that ends with a person
        if seg.kind == "np" and si > 0 and segs[si - 1].units and us[0].kind != "name" and not (
            us[0].low == "and" and us[-1].kind == "name"
        ):
            prev_last = segs[si - 1].units[-1]
            role_units = us[1:] if us[0].low in ("and",) else us
            people = _trailing_people(segs[si - 1].units)
            if people and _role_head(role_units):
                _role(sf, registry, people, role_units, 0.7, "role-apposition")
                continue
            if prev_last.kind == "name" and _person(prev_last) is None and _role_head(role_units):
                continue
        # "ROLE-NP, NAME": a lone person after a segment ending in a role noun phrase
        if si > 0 and us[0].kind == "name" and len(us) == 1 and _person(us[0]) is not None:
            trailing = _trailing_role(segs[si - 1].units)
            if trailing:
                _role(sf, registry, [(us[0], _person(us[0]))], trailing, 0.7, "role-apposition")  # type: ignore[list-item]
        if seg.kind == "np" and us[0].low == "and" and us[-1].kind == "name" and _person(us[-1]) is not None:
            role_units = us[1:-1]
            if _role_head(role_units):
                _role(sf, registry, [(us[-1], _person(us[-1]))], role_units, 0.7, "role-apposition")  # type: ignore[list-item]
    for k, u in sf.p.names():
        # a role word must come right before the name ('Spanish communist Ramon Mercader')
        if k == 0 or units[k - 1].low not in ROLE_NOUNS:
            continue
        ent = _person(u)
        if ent is None:
            continue
        pre = _premodifier(units, k)
        if pre:
            registry.add_role(u.ref.text, render(pre, sf.p, lower_first=True), 0.5)  # type: ignore[union-attr]
    for clause in sf.p.clauses:
        if clause.aux is None or clause.aux.low not in ("was", "is") or not clause.rest:
            continue
        people = _people_in(clause.subject)
        if people is None or len(people) != 1 or clause.rest[0].low not in ("a", "an", "the"):
            continue
        role_units = [u for u in clause.rest if u.kind != "punct"]
        if _role_head(role_units):
            _role(sf, registry, people, role_units, 0.55, "role-copula")


def _role_head(units: list[Unit]) -> bool:
    words = [u.low for u in units if u.is_word or u.kind == "name"]
    if not words or len(words) > 16:
        return False
    head = None
    for w in words:
        if w in ("of", "in", "at", "for", "from", "during", "who", "which", "whose", "with"):
            break
        head = w
    return head is not None and (head in ROLE_NOUNS or head.rstrip("s") in ROLE_NOUNS)


def _trailing_people(units: list[Unit]) -> list[tuple[Unit, Entity]] | None:
    if not units or units[-1].kind != "name" and units[-1].low != "and":
        return None
    k = len(units)
    while k > 0 and (units[k - 1].kind == "name" or units[k - 1].low == "and"):
        k -= 1
    return _people_in(units[k:]) if k < len(units) else None


def _trailing_role(units: list[Unit]) -> list[Unit] | None:
    """'... by his chief rival in government' -> 'his chief rival in government';
    'and the great historian of the Left and former director of The X' -> all of it after 'and'."""
    k = len(units) - 1
    start = None
    while k >= 0:
        u = units[k]
        if u.kind == "date" or u.is_word and u.low in ("was", "were", "is", "by", "with", "to", "from", "in", "on"):
            if start is not None:
                break
            if u.low in ("was", "were", "is") or u.kind == "date":
                return None
        opens = (u.is_word and (u.low in DETERMINERS or u.low.endswith("'s")) and u.low not in ("that", "this")
                 or u.kind == "name" and isinstance(u.ref, Mention) and u.ref.possessive)
        if opens:
            start = k
            before = units[k - 1] if k > 0 else None
            if before is None or before.low not in ("of", "and"):
                break  # "the Left" after "of" is inside the phrase; keep walking back
        k -= 1
    if start is None:
        return None
    role = units[start:]
    return role if _role_head(role[1:] if role[0].is_word else role) or _role_head(role) else None


_DET_OR_PREP_NOT_OF: Final = frozenset(DETERMINERS | PREPOSITIONS - {"of"})


def _premodifier(units: list[Unit], k: int) -> list[Unit]:
    """'Spanish communist Ramon Mercader' -> 'Spanish communist'."""
    j = k - 1
    out: list[Unit] = []
    while j >= 0:
        u = units[j]
        modifier_name = u.kind == "name" and isinstance(u.ref, Mention) and u.ref.modifier
        if (
            (
                u.is_word
                and u.text[:1].islower()
                and u.low not in _DET_OR_PREP_NOT_OF
                and not u.low.endswith(("'s", "ly"))
                and not (finite_verb(u) and u.low not in ROLE_NOUNS)
            )
            or modifier_name
            or (u.low == "the" and out and out[0].low == "of")
        ):
            out.insert(0, u)
            j -= 1
            continue
        break
    while out and out[0].low in ("of", "the"):
        out.pop(0)
    if not out or out[-1].low not in ROLE_NOUNS:
        return []
    if any(u.kind == "word" and u.low in ("was", "were", "is", "and", "by", "had") for u in out):
        return []
    return out


_SPACES: Final = re.compile(r"\s+")
_OTHER_OWNER: Final = re.compile(r"^(?:their|its|our|my|your)\s", re.IGNORECASE)
_HIS_HER: Final = re.compile(r"^(his|her)\s")
_PLURAL_ROLE: Final = re.compile(r"^((?:the |a |an )?(?:\w+ )??)(\w+?)s\b")
_CAPITAL: Final = re.compile(r"[A-Z]")
_SPECIFIC: Final = re.compile(r"[A-Z]|\bof\b|'s\b")
_LEADING_A_AN: Final = re.compile(r"^(?:a|an)\s+")
_PRONOUN_START: Final = re.compile(r"^(?:he|she|it|they|this)\b", re.IGNORECASE)


def _role(
    sf: SentenceFacts,
    registry: Registry,
    people: list[tuple[Unit, Entity]],
    role_units: list[Unit],
    conf: float,
    rule: str,
) -> None:
    role = render(role_units, sf.p, lower_first=True)
    role = _SPACES.sub(" ", role).strip(" ,;")
    if _OTHER_OWNER.match(role):
        return
    m = _HIS_HER.match(role)
    if m:  # "his chief rival": whose? the clause's subject
        clause = next((c for c in sf.p.clauses if c.subject and c.ok), None)
        subj = subject_text(clause, sf.p, sf.ctx) if clause else None
        if not subj or not _looks_pronoun_free(subj[0]):
            return
        role = f"{subj[0]}'s {role[m.end() :]}"
    each = role
    if len(people) > 1:  # "chiefs of the GPU" -> each was "chief of the GPU"
        each = _PLURAL_ROLE.sub(lambda m: m.group(1) + m.group(2), role, count=1)
    for u, _ent in people:
        registry.add_role(u.ref.text, each, conf)  # type: ignore[union-attr]
    if len(role.split()) < 2 and not _CAPITAL.search(role):
        return
    specific = bool(_SPECIFIC.search(role)) or len(role.split()) >= 3
    if not specific:
        return
    answer, accept, gap = _answer(people)
    verb = "were" if len(people) > 1 else "was"
    if len(people) > 1:
        role = _LEADING_A_AN.sub("the ", role)
    sf.add("person", f"Who {verb} {role}", answer, gap, conf, rule, accept)


def _looks_pronoun_free(text: str) -> bool:
    return not _PRONOUN_START.match(text)
