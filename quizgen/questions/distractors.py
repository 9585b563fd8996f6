"""Distractors: wrong options of the same kind and form as the answer.

A fact's `Plan` lists every acceptable wrong option, best first: the teacher's own `distractors:` (they
win), then the bank's things of the same kind (people for a person, places of the same type for a place,
near dates of the same form for a date), then generated ones (near dates, nearby numbers). Dates and
numbers keep the options below and above the answer apart, so the answer can be put at a chosen rank
(letter) while the options stay in ascending order.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import dates, numbers
from .entities import (
    Index,
    answer_type,
    asked_noun_in,
    fold,
    fold_loose,
    idx_key,
    index,
    is_female,
    mentions,
    people_of,
    person_of,
    place_type,
    render_person,
    said,
    stems,
    words,
)

if TYPE_CHECKING:
    from ..bank import Bank, Fact

_STOP = {"the", "a", "an", "of", "and", "in", "on", "to", "for", "by", "with", "his", "her", "their", "who",
         "which", "what", "was", "were", "is", "did", "from", "at", "as", "that", "this", "one"}
_DISTINCT = 1.5  # role-overlap score of one word found in at most a fifth of the roles


@dataclass
class Plan:
    bank: Bank
    fact: Fact
    type: str                                  # answer type: person, place, date, number, ...
    answer: str
    fixed: list[str] = field(default_factory=list)   # teacher-written distractors, kept first
    pool: list[str] = field(default_factory=list)    # unordered candidates, best first
    below: list[str] = field(default_factory=list)   # ordered candidates below the answer, closest first
    above: list[str] = field(default_factory=list)
    key: Callable[[str], float | None] | None = None  # ordered kinds: an option's sort value
    preferred: int = 0                         # unordered: the first `preferred` of pool are clearly best
    reason: str = ""                           # why there are too few candidates, when there are

    @property
    def ordered(self) -> bool:
        return self.key is not None

    def ranks(self, n: int) -> list[int]:
        """The ranks (0 = first option) the answer can take with `n` distractors."""
        if not self.ordered:
            return list(range(n + 1)) if len(self.fixed) + len(self.pool) >= n else []
        (fb, below), (fa, above) = self._sides(n)
        # Every teacher-written distractor is used when there are fewer than n of them.
        return [b for b in range(n + 1) if fb <= b <= len(below) and fa <= n - b <= len(above)]

    def _sides(self, n: int) -> tuple[tuple[int, list[str]], tuple[int, list[str]]]:
        """Ordered candidates below and above the answer, the teacher's first, with how many of those
        must be used on each side (none when they are enough on their own: any n of them will do)."""
        key = self.key
        assert key is not None
        answer = key(self.answer) or 0
        fixed_below = [t for t in self.fixed if (key(t) or 0) < answer]
        fixed_above = [t for t in self.fixed if (key(t) or 0) >= answer]
        if len(self.fixed) >= n:
            return (0, fixed_below), (0, fixed_above)
        return ((len(fixed_below), fixed_below + self.below), (len(fixed_above), fixed_above + self.above))

    def pick(self, rng: random.Random, n: int, rank: int | None = None) -> list[str] | None:
        """`n` distractors (None when there are too few); an ordered plan puts the answer at `rank`."""
        ranks = self.ranks(n)
        if not ranks:
            return None
        if not self.ordered:
            if len(self.fixed) >= n:
                return rng.sample(self.fixed, n) if len(self.fixed) > n else list(self.fixed)
            # A long answer among short options gives itself away: redraw, then fall back to the
            # candidates closest in length.
            for _ in range(6):
                picked = list(self.fixed) + _take(self.pool, n - len(self.fixed), rng, 2, self.preferred)
                if not length_outlier(self.answer, picked):
                    return picked
            by_length = sorted(self.pool, key=lambda c: -len(c))[:n - len(self.fixed)]
            return list(self.fixed) + by_length
        if rank not in ranks:
            rank = rng.choice(ranks)
        (fb, below), (fa, above) = self._sides(n)
        if len(self.fixed) >= n:  # the teacher's own: any of them, as the rank needs
            return rng.sample(below, rank) + rng.sample(above, n - rank)
        # Numbers read best evenly spaced (1, 2, 3, 4); dates may skip one for variety.
        slack = 0 if self.type == "number" else 1
        return _take(below, rank, rng, slack, fb) + _take(above, n - rank, rng, slack, fa)


def length_outlier(answer: str, wrong: list[str]) -> bool:
    """The answer is over 20 characters and over 2.5 times the distractors' mean length."""
    if len(answer) <= 20 or not wrong:
        return False
    return len(answer) > 2.5 * sum(len(o) for o in wrong) / len(wrong)


def _take(cands: list[str], k: int, rng: random.Random, slack: int, preferred: int = 0) -> list[str]:
    """`k` of the best candidates, with some variety: the clearly best (`preferred`) first, the rest
    drawn from the next best k + slack."""
    if k <= 0:
        return []
    if preferred >= k:
        chosen = set(rng.sample(range(preferred), k))
    else:
        rest = range(preferred, min(len(cands), preferred + k - preferred + slack))
        chosen = set(range(preferred)) | set(rng.sample(rest, k - preferred))
    return [c for i, c in enumerate(cands) if i in chosen]


def distractors(bank: Bank, fact: Fact, rng: random.Random, n: int = 3) -> list[str]:
    """Up to `n` wrong options for `fact` (fewer, or none, when the bank cannot supply good ones)."""
    picked = plan(bank, fact).pick(rng, n)
    return picked or []


def plan(bank: Bank, fact: Fact) -> Plan:
    idx = index(bank)
    kind = answer_type(idx, fact)
    p = Plan(bank, fact, kind, fact.answer)
    banned = banned_texts(idx, fact)
    question = said(fact.question)

    def ok(text: str) -> bool:
        return fold_loose(text) not in banned and not mentions(question, text)

    if kind == "date":
        _plan_date(bank, fact, p, ok)
    elif kind == "number":
        _plan_number(fact, p, ok)
    else:
        p.fixed = _unique([d for d in fact.distractors if ok(d)], banned)
        _plan_unordered(idx, fact, p, ok)
    return p


def banned_texts(idx: Index, fact: Fact) -> set[str]:
    """Folded texts that are correct answers: the answers, and every alias of the people, work or place."""
    out = {fold_loose(a) for a in fact.answers}
    for text in fact.answers:
        for person, _ in people_of(idx, text) or []:
            out.update(fold_loose(t) for t in (person.name, *person.aliases))
        title = idx.works.get(fold_loose(text))
        if title:
            out.update(k for k, v in idx.works.items() if v == title)
        place = idx.places.get(fold(text))
        if place:
            out.update(fold_loose(t) for t, (canon, _) in idx.places.items() if canon == place[0])
    out.discard("")
    return out


def _unique(texts: list[str], banned: set[str]) -> list[str]:
    seen = set(banned)
    out = []
    for t in texts:
        k = fold_loose(t)
        if k not in seen:
            seen.add(k)
            out.append(t)
    return out


def _plan_unordered(idx: Index, fact: Fact, p: Plan, ok: Callable[[str], bool]) -> None:
    if p.type == "person":
        cands, p.preferred = _person_candidates(idx, fact, ok)
        named = people_of(idx, fact.answer) or []
        if any(is_female(person) for person, _ in named):
            p.reason = "too few other women among the bank's people"
        elif len(named) > 1:
            p.reason = f"too few other people to make groups of {len(named)}"
    elif p.type == "place":
        ptype = place_type(fact.question)
        related = idx.related.get(idx_key(idx, fold(fact.answer)), set())
        cands = []
        for text in idx.kinds.get("place", []):
            _, ctype = idx.places.get(fold(text), (text, ""))
            if ptype and ctype != ptype:
                continue
            if idx_key(idx, fold(text)) in related:
                continue
            cands.append(text)
        if len(cands) < 3 and ptype:
            p.reason = f"too few other places of the same type ({ptype}) in the bank"
    else:
        cands = list(idx.kinds.get(p.type, []))
        noun = asked_noun_in(fact.question, fact.answer)
        if noun:
            # "Which army ...?" answered "the Red Army": only armies will do.
            cands = [c for c in cands if noun in words(c)]
            p.reason = f"too few other {p.type}s that are a kind of '{noun}'"
    cands = [c for c in _unique(cands, {fold_loose(t) for t in p.fixed}) if ok(c)]
    cands = [c for c in cands if fold_loose(c) not in {fold_loose(a) for a in p.fact.answers}]
    if p.type != "person":  # people come ranked by how related their roles are
        cands = _spread(sorted(cands, key=lambda c: -_similarity(fact, p.answer, c, idx)), idx)
    p.pool = cands
    p.preferred = min(p.preferred, len(cands))
    if not p.reason:
        p.reason = f"too few other {p.type}s in the bank"


def _spread(ranked: list[str], idx: Index) -> list[str]:
    """The ranked candidates with at most one from each fact first: three options that were all written
    for one other question (three "Internationals") would single out the answer."""
    firsts: list[str] = []
    later: list[str] = []
    groups: set[str] = set()
    for c in ranked:
        group = idx.source.get(fold_loose(c), c)
        (later if group in groups else firsts).append(c)
        groups.add(group)
    return firsts + later


def _person_candidates(idx: Index, fact: Fact, ok: Callable[[str], bool]) -> tuple[list[str], int]:
    """Other people of the bank, written like the answer, most related to the question first; and how
    many lead by sharing words with the question or the answer's role."""
    named = people_of(idx, fact.answer)
    question = said(fact.question)
    if named is None:
        return [c for c in idx.kinds.get("person", []) if ok(c)], 0
    female = any(is_female(person) for person, _ in named)
    excluded = {id(person) for person, _ in named}
    forms = [form for _, form in named]
    people = []
    seen: set[int] = set()
    for person in idx.people.values():
        if id(person) in seen or id(person) in excluded:
            continue
        seen.add(id(person))
        if is_female(person) != female:
            continue  # "Who was his wife?" offered a man is obviously wrong
        if any(mentions(question, t) for t in (person.name, *person.aliases)):
            continue
        # Written as the answer is, the name must still say who it is ("Sedov" could be two people).
        if any(person_of(idx, render_person(person, form) or "") is not person for form in set(forms)):
            continue
        people.append(person)
    # Related roles first; then people about as prominent in the bank as the answer: the deck's main
    # figure offered for an obscure official is an obvious miss.
    fame = sum(idx.fame.get(id(person), 0) for person, _ in named) / len(named)
    overlap = {id(person): _role_overlap(idx, fact, named, person.role or "") for person in people}
    people.sort(key=lambda person: (-overlap[id(person)],
                                    abs(math.log1p(idx.fame.get(id(person), 0)) - math.log1p(fame))))
    # A shared distinctive word ("son", "chief", "Marshal") makes a clearly better distractor.
    preferred = sum(1 for person in people if overlap[id(person)] >= _DISTINCT)
    if len(named) == 1:
        out = [render_person(person, forms[0]) or person.name for person in people]
        if not female:  # the teacher's extra names (no role known) come last
            out += [c for c in idx.kinds.get("person", []) if people_of(idx, c) is None and ok(c)]
        return out, preferred
    # A pair ("A and B") gets pairs of other people written the same way; consecutive pairs of the
    # ranked list share nobody, so no two options overlap either.
    joiner = " & " if "&" in fact.answer else " and "
    size = len(named)
    pairs = [joiner.join(render_person(q, f) or q.name for q, f in zip(people[i:i + size], forms, strict=True))
             for i in range(0, len(people) - size + 1, size)]
    return pairs, preferred // size


def _role_overlap(idx: Index, fact: Fact, named: list, role: str) -> float:  # type: ignore[type-arg]
    """How much a candidate's role says what the question and the answer's own role say; words that
    many roles share (the deck's main figure) count little."""
    theirs = stems(role) - _STOP
    mine = stems(fact.question) | {w for person, _ in named for w in stems(person.role or "")}
    n = idx.roles
    return sum(math.log((n + 1) / (1 + idx.role_df.get(w, 0))) for w in theirs & (mine - _STOP))


def _similarity(fact: Fact, answer: str, cand: str, idx: Index) -> float:
    """Higher for a candidate of the same form (article, capitals, length) and topic as the answer."""
    score = 0.0
    a_art, c_art = _article(answer), _article(cand)
    score += 1.0 if a_art == c_art else 0.5 if a_art and c_art else 0.0
    score += 1.0 if _capitalised(answer) == _capitalised(cand) else 0.0
    score += 0.5 if answer.endswith("s") == cand.endswith("s") else 0.0
    score -= 1.5 * abs(math.log(max(len(cand), 1) / max(len(answer), 1)))
    score += 1.0 if set(fact.tags) & idx.tags.get(fold_loose(cand), set()) else 0.0
    return score


def _article(text: str) -> str:
    first = text.split()[0].lower() if text.split() else ""
    return "a" if first == "an" else first if first in ("the", "a") else ""


def _capitalised(text: str) -> bool:
    content = [w for w in text.split() if w.lower() not in _STOP]
    return bool(content) and all(w[0].isupper() for w in content if w[0].isalpha())


def _plan_date(bank: Bank, fact: Fact, p: Plan, ok: Callable[[str], bool]) -> None:
    when = fact.when_value
    form = dates.form_of(fact.answer, when)
    if form is None:
        p.fixed = _unique([d for d in fact.distractors if ok(d)], {fold_loose(a) for a in fact.answers})
        p.reason = "the answer's date form cannot be read; add distractors:"
        return
    p.key = form.parse
    answers = {fold_loose(a) for a in fact.answers}
    p.fixed = _unique([d for d in fact.distractors if ok(d) and form.parse(d) not in (None, form.key)], answers)
    taken = {form.parse(d) for d in p.fixed} | {form.key}
    origin = form.year_of(form.key)

    def usable(key: int) -> str | None:
        if key in taken:
            return None
        text = form.render(key)
        if text is None or fold_loose(text) in answers or not ok(text):
            return None
        core = text[len(form.prefix):len(text) - len(form.suffix) if form.suffix else None]
        if mentions(said(fact.question), core) or abs(form.year_of(key) - origin) > dates.window(form):
            return None
        return text

    # The bank's own dates first (real dates of the topic are the confusions students make), closest first.
    pool_keys = sorted({k for f in bank.approved() if f.id != fact.id and f.when_value
                        for k in [form.key_of(f.when_value)] if k is not None},
                       key=lambda k: abs(k - form.key))
    for key in [*pool_keys, *dates.near_keys(form)]:
        text = usable(key)
        if text is None:
            continue
        taken.add(key)
        (p.below if key < form.key else p.above).append(text)
    p.reason = "too few near dates of the same form"


def _plan_number(fact: Fact, p: Plan, ok: Callable[[str], bool]) -> None:
    form = numbers.detect(fact.answer)
    if form is None:
        p.fixed = _unique([d for d in fact.distractors if ok(d)], {fold_loose(a) for a in fact.answers})
        p.reason = "the answer holds no number; add distractors:"
        return
    p.key = form.parse
    right = {fold_loose(a) for a in fact.answers}
    right_values = {v for a in fact.answers for v in [_value(a)] if v is not None}
    p.fixed = _unique([d for d in fact.distractors if ok(d) and form.parse(d) is not None
                       and form.parse(d) not in right_values], right)
    taken = {form.parse(d) for d in p.fixed} | right_values
    for value in numbers.near_values(form):
        text = form.render(value)
        if value in taken or text is None or fold_loose(text) in right or not ok(text):
            continue
        taken.add(value)
        (p.below if value < form.value else p.above).append(text)
    p.reason = "too few nearby numbers of the same form"


def _value(text: str) -> float | None:
    form = numbers.detect(text)
    return form.value if form else None
