"""Mentions -> canonical entities: typed (by kinds.py's votes) and merged with their aliases.

"Ramon Mercader", "Ramn Mercader" and "Mercader" become one person; "Leon Trotsky" and "Trotsky" too.
Types come from votes: a name's head word ("Party", "Battle"), a role noun before or after it
("Spanish communist X", "X, the famous philosopher"), the preposition before it ("in X"), ...
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Final

from .folding import fold, strip_accents
from .lexicon import (
    TITLES,
)
from .names import Mention


@dataclass
class Entity:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    count: int = 0
    roles: list[tuple[str, float]] = field(default_factory=list)
    sentences: set[int] = field(default_factory=set)
    strength: float = 0.0  # the winning kind's votes: how sure the typing is
    short: str = ""  # the form the documents use most ("Trotsky")

    # (written out: compiled by mypyc, this __init__ is native code; the one @dataclass writes is not)
    def __init__(self, name: str, kind: str, aliases: list[str] | None = None, count: int = 0,
                 roles: list[tuple[str, float]] | None = None, sentences: set[int] | None = None,
                 strength: float = 0.0, short: str = "") -> None:
        self.name = name
        self.kind = kind
        self.aliases = [] if aliases is None else aliases
        self.count = count
        self.roles = [] if roles is None else roles
        self.sentences = set() if sentences is None else sentences
        self.strength = strength
        self.short = short

    @property
    def role(self) -> str | None:
        if not self.roles:
            return None
        return max(self.roles, key=lambda r: (r[1], len(r[0])))[0]

    @property
    def forms(self) -> list[str]:
        return [self.name, *self.aliases]

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class _Form:
    # plain dicts used as Counters (a Counter's update and += cost a Python-level call per key)
    surfaces: dict[str, int] = field(default_factory=dict)
    votes: dict[str, float] = field(default_factory=dict)
    sentences: set[int] = field(default_factory=set)
    roles: list[tuple[str, float]] = field(default_factory=list)
    count: int = 0  # mentions: the sum of `surfaces`

    # (written out: compiled by mypyc, this __init__ is native code; the one @dataclass writes is not)
    def __init__(self) -> None:
        self.surfaces = {}
        self.votes = {}
        self.sentences = set()
        self.roles = []
        self.count = 0

    @property
    def surface(self) -> str:
        # the spelling that kept accents wins over a more frequent plain one
        if len(self.surfaces) == 1:
            return next(iter(self.surfaces))
        return max(self.surfaces.items(), key=lambda kv: (_accents(kv[0]), kv[1]))[0]


def _add_votes(total: dict[str, float], votes: Mapping[str, float]) -> None:
    """Counter.update(votes) on a plain dict: the same sums, keys in the same order."""
    if not total:
        total.update(votes)
    else:
        for k, v in votes.items():
            total[k] = v + total.get(k, 0)


def _accents(text: str) -> int:
    return 0 if text.isascii() else sum(ord(c) > 127 for c in text)


@lru_cache(maxsize=1 << 15)
def name_key(text: str) -> str:
    key = fold(text)
    return key[4:] if key.startswith("the ") else key


_THE: Final = re.compile(r"^The\s+")


def _find(parent: dict[str, str], k: str) -> str:
    """The representative of k's group (union-find, halving the path on the way)."""
    while parent[k] != k:
        parent[k] = parent[parent[k]]
        k = parent[k]
    return k


def _union(parent: dict[str, str], a: str, b: str) -> None:
    """b's group joins a's. (Module functions, not closures over `parent`: two closures that call each
    other make a reference cycle once compiled, which only the cyclic collector frees.)"""
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[rb] = ra


class Registry:
    """Collects mentions over all sentences; `resolve()` types and merges them into entities."""

    def __init__(self) -> None:
        self.forms: dict[str, _Form] = defaultdict(_Form)
        self.acronyms: dict[str, str] = {}
        self.coordinated: list[tuple[str, str]] = []
        self.entities: list[Entity] = []
        self._by_key: dict[str, Entity] = {}

    def add(self, m: Mention, votes: Mapping[str, float], sentence: int) -> None:
        self.add_all([m], [votes], sentence)

    def add_all(self, mentions: list[Mention], votes: Sequence[Mapping[str, float]], sentence: int) -> None:
        """add() for each mention of a sentence and its votes (one call per sentence: this is a hot loop)."""
        forms = self.forms
        for m, mention_votes in zip(mentions, votes, strict=True):
            if m.modifier or m.title_phrase:
                continue
            text = m.text
            f = forms[name_key(text)]
            surfaces = f.surfaces
            surfaces[text] = surfaces[text] + 1 if text in surfaces else 1
            f.count += 1
            total = f.votes
            if not total:  # (_add_votes, inlined)
                total.update(mention_votes)
            else:
                for k, v in mention_votes.items():
                    total[k] = v + total[k] if k in total else v + 0  # (v + 0: as Counter.update adds)
            f.sentences.add(sentence)

    def add_coordination(self, a: str, b: str) -> None:
        """'Stalin and Beria', 'Germany, Estonia, and Bulgaria': listed together, likely the same kind."""
        self.coordinated.append((name_key(a), name_key(b)))

    def add_role(self, name: str, role: str, weight: float) -> None:
        key = name_key(name)
        if key in self.forms:
            self.forms[key].roles.append((role, weight))
        ent = self._by_key.get(key)
        if ent is not None and (role, weight) not in ent.roles:
            ent.roles.append((role, weight))

    def add_acronym(self, full: str, acronym: str) -> None:
        self.acronyms[name_key(acronym)] = name_key(full)

    def kind_of_form(self, key: str) -> str:
        return _decide(self.forms[key].votes)[0]

    def resolve(self) -> list[Entity]:
        # each form's (kind, strength), decided once: a lone form's entity reuses it
        decided = {key: _decide(f.votes) for key, f in self.forms.items()}
        kinds = {key: d[0] for key, d in decided.items()}  # (kind_of_form of each)
        for _ in range(3):  # "Germany, Estonia, and Bulgaria": the kind spreads along the list
            changed: set[str] = set()
            for a, b in self.coordinated:
                if a in self.forms and b in self.forms:
                    for x, y in ((a, b), (b, a)):
                        kind = kinds[y]
                        if (
                            kind in ("person", "place")
                            and _kind_votes(self.forms[y].votes, kind) >= 1
                            and _kind_votes(self.forms[x].votes, kind) < 1
                        ):
                            votes = self.forms[x].votes
                            votes[kind] = votes.get(kind, 0) + 1
                            changed.add(x)
            if not changed:
                break  # (nothing changed: another round would read the same votes and kinds)
            for key in changed:  # (the other forms' votes, so their kinds, are as they were)
                decided[key] = _decide(self.forms[key].votes)
                kinds[key] = decided[key][0]
        parent: dict[str, str] = {key: key for key in self.forms}

        words_of = {k: k.split() for k in self.forms}  # (split once)
        multi = [k for k, words in words_of.items() if len(words) > 1 and kinds[k] in ("person", "other")]
        by_last: dict[str, list[str]] = defaultdict(list)
        for k in multi:
            by_last[words_of[k][-1]].append(k)
        # "Ramn Mercader" ~ "Ramon Mercader": same surname, first names one letter apart
        for group in by_last.values():
            for i, a in enumerate(group):
                wa = words_of[a]
                for b in group[i + 1 :]:
                    wb = words_of[b]
                    if wa[:-1] and _near(wa[0], wb[0]) and len(wa) == len(wb):
                        _union(parent, a, b)
        persons_by_last: dict[str, set[str]] = defaultdict(set)
        persons_by_first: dict[str, set[str]] = defaultdict(set)
        for k in multi:
            if kinds[k] == "person" or _person_votes(self.forms[k].votes) > 0:
                words = words_of[k]
                persons_by_last[words[-1]].add(_find(parent, k))
                persons_by_first[words[0]].add(_find(parent, k))
                if "of" in words[1:]:  # "William of Normandy" is called "William"
                    persons_by_last[words[0]].add(_find(parent, k))
        # one-edit neighbours by shared deletion variants: linear, not every single name against every first name
        first_index: dict[str, set[str]] = defaultdict(set)
        for first in persons_by_first:
            for cand in _variants(first):
                first_index[cand].add(first)
        for k in list(self.forms):
            if len(words_of[k]) != 1 or kinds[k] in ("term", "event", "work"):
                continue
            owners = persons_by_last.get(k)
            if owners and len(owners) == 1:
                _union(parent, next(iter(owners)), k)
                continue
            if owners and len(owners) > 1:  # "Sedov": two Sedovs; the far more frequent one takes it
                ranked = sorted(owners, key=lambda o: -self.forms[o].count)
                if self.forms[ranked[0]].count >= 2 * self.forms[ranked[1]].count:
                    _union(parent, ranked[0], k)
                continue
            if kinds[k] not in ("person", "other") or k in persons_by_last:
                continue  # (not a first name standing alone)
            # an exact first name wins over near ones ("Harold" is not "Harald"), which need 5+ letters
            firsts = set(persons_by_first.get(k, ()))
            if not firsts and len(k) >= 5:
                firsts = {o for cand in _variants(k) for first in first_index.get(cand, ())
                          if _near(first, k, 1) for o in persons_by_first[first]}
            if len(firsts) == 1:
                full = next(iter(firsts))
                # "Harold Godwinson ... Harold": the full name introduces the short one. A frequent first
                # name seen before the full name ("William ... his son William Rufus") is someone else.
                if self.forms[k].count <= 2 or min(self.forms[full].sentences) <= min(self.forms[k].sentences):
                    _union(parent, full, k)
        # "Labor is strongest in ...": a lone word that only acts, the first word of one name of another kind
        # ("Labor Party") is that name's short form, not a person
        first_of_other: dict[str, set[str]] = defaultdict(set)
        for k, words in words_of.items():
            if len(words) > 1 and kinds[k] in ("term", "event", "place"):
                first_of_other[words[0]].add(_find(parent, k))
        if first_of_other:
            for k in self.forms:
                if (
                    k in first_of_other
                    and len(first_of_other[k]) == 1
                    and _find(parent, k) == k
                    and kinds[k] == "person"
                    and not self.forms[k].votes.get("person")
                ):
                    _union(parent, next(iter(first_of_other[k])), k)
        for acr, full in self.acronyms.items():
            if acr in self.forms and full in self.forms:
                _union(parent, full, acr)
        groups: dict[str, list[str]] = defaultdict(list)
        for k in self.forms:
            # (most forms are their own group's root: no call to find it)
            groups[k if parent[k] == k else _find(parent, k)].append(k)
        self.entities = []
        self._by_key = {}
        for keys in groups.values():
            ent = self._entity(keys, kinds, decided)
            self.entities.append(ent)
            for k in keys:
                self._by_key[k] = ent
        self.entities.sort(key=attrgetter("count"), reverse=True)  # (a stable sort, as by -count)
        return self.entities

    def _entity(self, keys: list[str], kinds: dict[str, str], decided: dict[str, tuple[str, float]]) -> Entity:
        if len(keys) == 1:  # most entities have one form: no merging, ranking or sorting to do
            form = self.forms[keys[0]]
            votes = form.votes
            kind, strength = decided[keys[0]]  # (_decide(votes), as resolve found it)
            count = form.count
            if len(form.surfaces) == 1:  # (one spelling: it is the name, and no alias)
                name = next(iter(form.surfaces))
                aliases = []
            else:
                name = form.surface
                folded = fold(name)
                aliases = [s for s in form.surfaces if s != name and fold(s) != folded]
        else:
            votes, kind, strength, name, aliases = self._merged(keys, kinds)
            count = sum(self.forms[k].count for k in keys)
        plain = strip_accents(name)
        if plain != name and plain not in aliases:
            aliases.append(plain)
        # "The Marx-Engels Institute" is listed as "Marx-Engels Institute" (_THE.sub needs "The" first)
        if kind not in ("person", "work") and name[:3] == "The":
            bare = _THE.sub("", name)
            if bare != name:
                aliases.append(name)
                name = bare
        if kind == "person":
            strength = _person_votes(votes) + min(votes.get("acts", 0.0), 1.2)
        if len(keys) == 1:  # (the one form's roles and sentences, copied)
            form = self.forms[keys[0]]
            return Entity(name, kind, aliases, count, form.roles[:], form.sentences.copy(), strength)
        ent = Entity(name, kind, aliases, count, [], set(), strength)
        for k in keys:
            ent.roles.extend(self.forms[k].roles)
            ent.sentences |= self.forms[k].sentences
        return ent

    def _merged(self, keys: list[str], kinds: dict[str, str]) -> tuple[dict[str, float], str, float, str, list[str]]:
        """An entity of several forms: their votes, its kind, the name it goes by and its other spellings."""
        votes: dict[str, float] = {}
        for k in keys:
            _add_votes(votes, self.forms[k].votes)
        kind, strength = _decide(votes)
        # a full name with a person's cues makes the whole entity a person ("Alta California", typed a
        # person for its looks alone, does not make "California" one)
        if any(len(k.split()) > 1 and kinds[k] == "person" and self.forms[k].votes.get("person") for k in keys):
            kind = "person"

        def rank(k: str) -> tuple:
            f = self.forms[k]
            titled = k.split()[0] in TITLES
            if kind == "person":
                return (not titled, len(k.split()), f.count, _accents(f.surface))
            return (f.count, len(k), _accents(f.surface))

        ordered = sorted(keys, key=rank, reverse=True)
        name = self.forms[ordered[0]].surface
        folded = fold(name)
        aliases: list[str] = []
        for k in sorted(keys, key=lambda k: -self.forms[k].count):
            for s in self.forms[k].surfaces:
                if s != name and fold(s) != folded and s not in aliases:
                    aliases.append(s)
        return votes, kind, strength, name, aliases

    def entity(self, text: str) -> Entity | None:
        return self._by_key.get(name_key(text))


_NAME_CAP: Final = 2.0  # what looking like a full name ("Los Angeles", "Leon Trotsky") is worth at most


def _person_votes(votes: Mapping[str, float]) -> float:
    """A person's own votes: its cues, and looking like a full name (capped: a person is soon called by the
    surname, a place keeps its full name however often it recurs)."""
    name = votes.get("name", 0.0)
    return votes.get("person", 0.0) + (name if name < _NAME_CAP else _NAME_CAP)


def _decide(votes: Mapping[str, float]) -> tuple[str, float]:
    """The kind the votes elect. Being the subject of verbs ('acts') counts for a person only up to a
    point: 'Victoria has ...', 'Victoria is ...' a hundred times does not make a state a person; and not
    at all for a name with a place's cues ('in France') and no person's cue but its looks ('France
    declared war', 'Santa Rosa grew')."""
    own = _person_votes(votes)
    acts = min(votes.get("acts", 0.0), 1.2)
    if not votes.get("person") and (votes.get("place", 0.0) >= 1 or votes.get("term", 0.0) >= 1):
        acts = 0.0  # (and a term's cue, "Companies such as ... Body Glove", beats looking like a full name)
    # the first of the highest in the votes' order, "person" (with its "acts") last if it had no votes:
    # what Counter.most_common(1) of such a tally gives, without building one
    kind, score = "", 0.0
    first = True
    seen_person = False
    for k, v in votes.items():
        if k == "acts" or k == "name":
            if k == "name" and not seen_person and "person" not in votes:
                k, v, seen_person = "person", own + acts, True
            else:
                continue
        elif k == "person":
            v, seen_person = own + acts, True
        if first or v > score:
            kind, score, first = k, v, False
    if not seen_person:
        v = 0 + acts
        if first or v > score:
            kind, score = "person", v
    return (kind, score) if score >= 0.4 else ("other", score)


def _kind_votes(votes: Mapping[str, float], kind: str) -> float:
    return _person_votes(votes) if kind == "person" else votes.get(kind, 0.0)


def _variants(word: str) -> set[str]:
    """The word and every one-letter deletion of it (two words one edit apart share one)."""
    w = strip_accents(word).lower()
    return {w} | {w[:i] + w[i + 1:] for i in range(len(w))}


def _near(a: str, b: str, max_dist: int = 1) -> bool:
    """Equal after folding, or one edit apart (insert, delete or substitute one letter)."""
    a, b = strip_accents(a).lower(), strip_accents(b).lower()
    if a == b:
        return True
    if abs(len(a) - len(b)) > max_dist or min(len(a), len(b)) < 3:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= max_dist
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
