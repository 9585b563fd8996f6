"""Sentence -> candidate facts. The shared machinery (which clause hosts an answer, how its phrase is
removed) and the date rules; places, people, roles, terms, objects, numbers and works have their own modules.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from operator import eq
from typing import Final, Literal, cast

from .clauses import Clause, Parse, Unit
from .dates import DateMatch, accepted_forms, with_year
from .entities import Entity
from .folding import fold
from .lexicon import PLACE_PREPS, PREPOSITIONS
from .names import Mention
from .questions import (
    Candidate,
    Context,
    entity_of,
    inverted,
    render,
    subject_text,
    tidy,
)
from .wordtrie import alternation

# "the death of X in 1924" -> "did X die": nouns of events and the question they become
_NOMINAL: Final = {
    "death": ("did", "die"),
    "birth": ("was", "born"),
    "assassination": ("was", "assassinated"),
    "murder": ("was", "murdered"),
    "execution": ("was", "executed"),
    "coronation": ("was", "crowned"),
    "abdication": ("did", "abdicate"),
    "arrest": ("was", "arrested"),
    "exile": ("was", "exiled"),
    "election": ("was", "elected"),
    "capture": ("was", "captured"),
    "founding": ("was", "founded"),
    "fall": ("did", "fall"),
    "accession": ("did", "accede to the throne"),
    "surrender": ("did", "surrender"),
    "resignation": ("did", "resign"),
    "trial": ("was", "tried"),
    "marriage": ("did", "marry"),
    "defeat": ("was", "defeated"),
    "victory": ("did", "win"),
    "return": ("did", "return"),
    "escape": ("did", "escape"),
    "retirement": ("did", "retire"),
    "expulsion": ("was", "expelled"),
    "independence": ("did", "gain independence"),
    "invasion": ("was", "invaded"), "conquest": ("was", "conquered"),
    "overthrow": ("was", "overthrown"),
    "destruction": ("was", "destroyed"),
    "burial": ("was", "buried"),
    "baptism": ("was", "baptised"),
    "imprisonment": ("was", "imprisoned"),
    "release": ("was", "released"),
    "creation": ("was", "created"),
    "establishment": ("was", "established"),
    "signing": ("was", "signed"),
    "opening": ("was", "opened"),
    "publication": ("was", "published"),
}
_VAGUE_WORDS: Final = ("this", "these", "those", "it", "its", "him", "them", "her", "their", "here", "the latter",
                "the former", "such")
_VAGUE: Final = re.compile(r"\b" + alternation(_VAGUE_WORDS) + r"\b(?![-'])", re.IGNORECASE)
_VAGUE_LOWER: Final = re.compile(_VAGUE.pattern)  # the same words, case-sensitive: for lower-case text
# ASCII bytes with the word characters (\w) lower-cased and every other byte a space: split() gives the runs of
# word characters, and a phrase _VAGUE finds ends with one of these runs (a cheap test that rules it out)
_WORD_BYTES: Final = bytes(c + 32 if 65 <= c <= 90 else c if 48 <= c <= 57 or 97 <= c <= 122 or c == 95 else 32
                    for c in range(256))
_VAGUE_RUNS: Final = frozenset(phrase.split()[-1].encode() for phrase in _VAGUE_WORDS)


def _vague(question: str) -> bool:
    """Does the question lean on its context ('this', 'him', 'the latter')?"""
    if question.isascii():  # ASCII: matching the lower case is matching regardless of case, and faster
        return bool(_VAGUE_LOWER.search(question.lower()))
    return bool(_VAGUE.search(question))


_REPORTED_WORDS: Final = ("could", "would", "considered", "believed", "claimed", "accused", "alleged", "said to",
                   "according to")
_REPORTED: Final = re.compile(r"\b" + alternation(_REPORTED_WORDS) + r"\b", re.IGNORECASE)
_REPORTED_LOWER: Final = re.compile(_REPORTED.pattern)  # the same words, case-sensitive: for lower-case ASCII text


def _reported(text: str, low: str) -> bool:
    """Does the sentence report a claim ('would', 'according to')? `low`: the text in lower case."""
    if text.isascii():  # ASCII text matches case-insensitively only where its lower case holds the word
        for w in _REPORTED_WORDS:
            if w in low:
                # (and matching the lower case is matching regardless of case, with a faster pattern)
                return bool(_REPORTED_LOWER.search(low))
        return False
    return bool(_REPORTED.search(text))


_TEMPORAL: Final = {"in", "on", "at", "during", "by", "of", "from", "since", "until", "till", "circa", "around",
                    "about"}


_DATE_FILLER: Final = frozenset(_TEMPORAL | PLACE_PREPS | {"the", "this", "day", "shortly"})
_TEMPORAL_THE: Final = frozenset(_TEMPORAL | {"the"})
_LEADING_THE_THIS: Final = re.compile(r"^(?:the|this)\s+", re.IGNORECASE)
_LEADING_A_AN: Final = re.compile(r"^an? ")
_YEAR_DIGITS: Final = re.compile(r"\d{3,4}")


_DECADE: Final = re.compile(r"\d{3}0s")


def _named_date(u: Unit) -> str:
    """A date as said on its own: "the 1990s" for the "1990s" of "the 1980s and 1990s"."""
    return "the " + u.text if _DECADE.fullmatch(u.text) else u.text


_AUX_WORDS: Final = frozenset({"did", "does", "do", "was", "were", "is", "are", "has", "had", "have"})
# what cannot start the subject after "did"/"was": a lost subject ("In which years did and host ...?"), a
# participle ("did having claim"), an adverb left in front ("Where was still in 1851 gold discovered?")
_NOT_SUBJECT_START: Final = frozenset({"and", "or", "but", "nor", "having", "still", "also", "then", "already", "of",
                                "by", "with"})
_SUBJECT_WH: Final = frozenset({"Who", "Which", "What"})
_PREP_ANSWER_START: Final = frozenset(PREPOSITIONS - {"about", "over", "under", "around", "nearly", "almost"})


def _ill_formed(words: list[str], answer: str) -> bool:
    """Is the question (its words, tidied) or its answer broken by the phrase taken out of the sentence?"""
    # the first auxiliary after the wh-phrase (in its first four words) and the word after it
    for i in range(1, min(5, len(words) - 1)):
        w = words[i]
        if w in _AUX_WORDS:
            # ("Who was still alive?", "Who had to flee?": there the wh-word is the subject)
            if words[i + 1].lower() in _NOT_SUBJECT_START and not (
                words[0] in _SUBJECT_WH and w not in ("did", "does", "do")
            ):
                return True
            break
    a = answer.split(maxsplit=1)
    if not a or len(answer) < 2 and not answer.isdigit():
        return True  # "A" of "A$46 million"
    return a[0] in _PREP_ANSWER_START and len(a) > 1  # "of 44 members elected"


_PRONOUNS: Final = frozenset({"it", "them", "him", "latter", "former"})
_POSSESSIVE_SUBJECT: Final = frozenset({"its"})


def _unresolved(words: list[str]) -> bool:
    """Does the question hang on a pronoun nothing in it names: 'When did Harold defeat them?', 'Who was
    strongly against it?', 'When did its deputies meet?' ('... get rid of Trotsky and kill him' is fine).
    (Each word it looks for is one of _VAGUE_RUNS: add() asks only when the question holds one.)"""
    named = False
    for i, w in enumerate(words):
        low = w.lower().rstrip("?,")
        if low in _PRONOUNS:
            if low in ("latter", "former"):
                if words[i - 1].lower() == "the":
                    return True
            elif not (named and low == "him"):
                return True
        elif low in _POSSESSIVE_SUBJECT and words[i - 1] in _AUX_WORDS:
            return True
        elif i and w[:1].isupper():
            named = True
    return False


# the rules of person candidates whose confidence pipeline._discount_main_characters may lower after the run
_DISCOUNTED_RULES: Final = frozenset({"person-subject", "person-object"})

# what _asked finds of a question: the tidied question, its words as tidied (before a doubled preposition is
# dropped), its fold (pipeline._dedupe's key), whether it is vague, whether it is long; False for a question
# not to ask
_Asked = tuple[str, list[str], str, bool, bool]


def _asked(question: str) -> _Asked | Literal[False]:
    """SentenceFacts.add's checks of a question alone (they read nothing else)."""
    q = tidy(question)
    words = q.split()
    n_words = len(words)
    if n_words < 4 or n_words > 40:
        return False
    tidied = words
    # (a word twice in a row is rare: a test in C first, before a look at each word)
    if any(map(eq, words, words[1:])):
        doubled = [i for i in range(1, n_words) if words[i] == words[i - 1] and words[i] in PREPOSITIONS]
        if doubled:  # "fought between [1861 and 1865] between the United States and ...": one is enough
            words = [w for i, w in enumerate(words) if i not in doubled]
            q, n_words = " ".join(words), n_words - len(doubled)
    vague = False
    # Most questions hold none of the words that make a question unresolved or vague: in ASCII, each such word
    # is a whole run of word characters and one of _VAGUE_RUNS, so one set test in C rules both out.
    if not q.isascii() or not _VAGUE_RUNS.isdisjoint(q.encode().translate(_WORD_BYTES).split()):
        if _unresolved(words):
            return False
        vague = _vague(q)
    return q, tidied, fold(q), vague, n_words > 25


def _answered(asked: _Asked, answer: str, accept: list[str] | None) -> list[str] | Literal[False]:
    """SentenceFacts.add's checks of a question (as _asked found it) with its answers: the other answers kept,
    or False for a question not to ask (it is broken by the answer taken out, or gives the answer away)."""
    if _ill_formed(asked[1], answer):
        return False
    # does q give its answer away (an answer of two characters or more among its folded words)?
    fq = f" {asked[2]} "
    fa = fold(answer)
    if fa[1:] and f" {fa} " in fq:  # two characters or more
        return False
    if not accept:
        return []
    low = answer.lower()
    accept = [a for a in dict.fromkeys(accept) if a and a.lower() != low]
    for a in accept:
        fa = fold(a)
        if fa[1:] and f" {fa} " in fq:
            return False
    return accept


# a candidate made: its place in the list of candidates (its sentence's order, its index in the sentence's
# candidates) and its confidence
_Made = tuple[tuple[int, int], float]


def _beaten(made: list[_Made], at: tuple[int, int], conf: float) -> bool:
    """Does one of the candidates made come before place `at` and with at least confidence `conf`?"""
    return any(c >= conf and place < at for place, c in made)


class SentenceFacts:
    """All candidate facts of one parsed sentence."""

    # (slots: the rules read these attributes many times per sentence)
    __slots__ = ("p", "ctx", "year_hint", "s", "out", "work_spans", "_seg_at", "_clause_of", "_base", "named",
                 "low_text", "has_person", "checked", "best",
                 "best_discounted", "order")

    def __init__(
        self,
        parse: Parse,
        ctx: Context,
        year_hint: int | None,
        checked: dict[str | tuple[str, str, tuple[str, ...]], _Asked | list[str] | Literal[False]] | None = None,
        best: dict[str, list[_Made]] | None = None,
        best_discounted: dict[tuple[str, str], list[_Made]] | None = None,
        order: int = 0,
    ):
        """`checked`, `best`, `best_discounted`: what add() found so far in the run (share them between a run's
        sentences); `order`: the sentence's place among them (their candidates are listed in that order)."""
        self.p = parse
        self.ctx = ctx
        self.year_hint = year_hint
        self.s = parse.parsed.sentence
        self.out: list[Candidate] = []
        self.work_spans: list[tuple[int, int]] = []  # titles found: their words are not places or terms
        # built when first asked for: many sentences need none of them
        self._seg_at: dict[Unit, int] | None = None
        self._clause_of: dict[Unit, Clause] | None = None
        self._base: float | None = None
        # (index, unit, entity or None) of the name units, worked out once for all the rules: entity_of(u),
        # with the common case (a mention of an entity) read directly
        self.named: list[tuple[int, Unit, Entity | None]] = [
            (k, u, u.ref.entity if u.ref.__class__ is Mention and u.ref.entity.__class__ is Entity else entity_of(u))
            for k, u in parse.names()
        ]
        # every unit's text is a slice of the sentence, so a rule that needs a unit whose lower case is some
        # word need not look when the word is not in here
        self.low_text = self.s.fixed.lower()
        self.has_person: bool | None = None  # does it name a person? (people.names_a_person, asked once)
        self.checked = {} if checked is None else checked  # add()'s checks of each question asked
        self.best = {} if best is None else best  # the folded question -> the candidates made for it
        # (the folded question, the answer) -> the person candidates made for it by the rules whose confidence
        # may be discounted later
        self.best_discounted = {} if best_discounted is None else best_discounted
        self.order = order

    @property
    def seg_at(self) -> dict[Unit, int]:
        """Unit -> index of its segment (units hash by identity)."""
        if self._seg_at is None:
            seg_at: dict[Unit, int] = {}
            for si, seg in enumerate(self.p.segments):
                for u in seg.units:
                    seg_at[u] = si
            self._seg_at = seg_at
        return self._seg_at

    @property
    def base(self) -> float:
        """The sentence's own confidence factor: long, reported or repaired sentences count for less."""
        if self._base is None:
            base = 1.0
            fixed = self.s.fixed
            if len(fixed.split()) > 40:
                base *= 0.9
            if _reported(fixed, self.low_text):
                base *= 0.8
            if fixed != self.s.text:
                base *= 0.97
            self._base = base
        return self._base

    # ------------------------------------------------------------------ shared machinery

    def add(
        self,
        kind: str,
        question: str | None,
        answer: str,
        gap: tuple[int, int],
        conf: float,
        rule: str,
        accept: list[str] | Callable[[], list[str]] | None = None,
        when: str | None = None,
    ) -> Candidate | None:
        """`accept`: the other answers, or a function that makes them (called only for a candidate made)."""
        if not question or not answer:
            return None
        # The checks read only the question, the answer and the other answers: a question asked again (the same
        # words said again in a document, or by two rules) is checked once per run, and its own checks (keyed
        # by the question alone) come first: a question some candidate made before beats needs no answers.
        checked = self.checked
        asked = cast("_Asked | Literal[False] | None", checked.get(question))
        if asked is None:
            asked = checked[question] = _asked(question)
        if asked is False:
            return None
        q, _words, folded, vague, long = asked
        if vague:  # "Who knew this was no idle threat?": needs the context to answer
            conf *= 0.6
        if long:
            conf *= 0.85
        conf *= self._base if self._base is not None else self.base
        conf = round(conf if conf < 0.98 else 0.98, 2)
        # pipeline._dedupe keeps one candidate per (folded) question, the first of the most confident in the list
        # of candidates: one that comes after another at least as confident is dropped there, so it need not be
        # made (the first and the winner of each question are always made, so _dedupe decides as it would with
        # all of them). After the run, _discount_main_characters lowers the confidence of some person candidates
        # (by their answer and rule): such a one beats a later one only if the same discount applies to both.
        at = (self.order, len(self.out))  # (its place in the list of candidates)
        made = self.best.get(folded)
        if made is not None and _beaten(made, at, conf):
            return None
        others = accept() if callable(accept) else accept
        key = (question, answer, tuple(others) if others else ())
        accepted = cast("list[str] | Literal[False] | None", checked.get(key))
        if accepted is None:
            accepted = checked[key] = _answered(asked, answer, others)
        if accepted is False:
            return None
        if kind != "person" or rule not in _DISCOUNTED_RULES:
            if made is None:
                self.best[folded] = [(at, conf)]
            else:
                made.append((at, conf))
        else:
            key2 = (folded, answer)
            made = self.best_discounted.get(key2)
            if made is None:
                self.best_discounted[key2] = [(at, conf)]
            elif _beaten(made, at, conf):
                return None
            else:
                made.append((at, conf))
        # (all the fields in order: a call with a keyword argument, or a default list to make, costs more)
        c = Candidate(kind, q, answer, self.s, gap, conf, accepted[:], when, [], None, rule)
        self.out.append(c)
        return c

    def in_work(self, u: Unit) -> bool:
        return bool(self.work_spans) and any(s <= u.start < e for s, e in self.work_spans)

    def clause_with(self, u: Unit) -> Clause | None:
        """The clause whose subject, intro or rest holds unit `u`."""
        if self._clause_of is None:
            clause_of: dict[Unit, Clause] = {}  # units hash by identity
            for c in reversed(self.p.clauses):  # the first clause that holds a unit wins
                for part in (c.subject, c.rest, c.intro):
                    for x in part:
                        clause_of[x] = c
            self._clause_of = clause_of
        return self._clause_of.get(u)

    def index(self, u: Unit) -> int:
        """The position of unit `u` in the sentence's units."""
        return self.p.units.index(u)  # units compare by identity

    def host(self, u: Unit, loose: bool = False) -> Clause | None:
        """The clause a phrase (a date, a place) belongs to."""
        si = self.seg_at.get(u)
        if si is None:
            return None
        segs = self.p.segments
        # "culminated on this day in 1928 when Stalin exiled Trotsky": the date is the when-clause's
        if (
            si + 1 < len(segs)
            and segs[si + 1].kind == "sub"
            and segs[si + 1].lead == "when"
            and segs[si].units
            and segs[si].units[-1] is u
        ):
            c = next((c for c in self.p.clauses if c.segment == si + 1), None)
            if c is not None and c.ok:
                return c
        own = self.clause_with(u)
        if own is not None:
            return own
        if segs[si].kind in ("pp", "np"):
            # only a bare phrase ("On August 20, 1940,", "in Paris,") belongs to the main clause;
            # "After his trial and life sentence to Siberia, he escaped" is not about where he escaped
            others = [
                x
                for x in segs[si].units
                if x is not u
                and not (x.is_word and x.low in _DATE_FILLER)
            ]
            if others and not loose:
                return None
            following = [
                c
                for c in self.p.clauses
                if c.segment > si and c.lead in ("", "and", "but") and segs[c.segment].kind == "clause"
            ]
            if following and not loose:
                return following[0]
            preceding = [c for c in self.p.clauses if c.segment < si and c.lead in ("", "and", "but")]
            if preceding and (segs[si].kind == "pp" or loose):
                return preceding[-1]
            if following:
                return following[0]
        return None

    def phrase_drop(self, u: Unit, clause: Clause, preps: set[str]) -> set[int]:
        """The answer unit and the preposition (and 'on this day') that introduce it."""
        units = self.p.units
        k = self.index(u)
        drop = {id(u)}
        j = k - 1
        if j >= 0 and units[j].is_word and units[j].low in ("the",):
            drop.add(id(units[j]))
            j -= 1
        if j >= 0 and units[j].is_word and units[j].low in preps:
            drop.add(id(units[j]))
            if j >= 3 and [x.low for x in units[j - 3 : j]] == ["on", "this", "day"]:
                drop.update(id(x) for x in units[j - 3 : j])
        # a coordinated second answer stays ("in Germany, Estonia, and Bulgaria" is asked as a whole)
        return drop

    def pronoun_factor(self, clause: Clause) -> float:
        subj = clause.subject
        if subj and subj[0].low in ("he", "she") and subj[0].is_word and len(subj) == 1:
            return 0.6 if self.ctx.he_certain else 0.45
        return 1.0

    # ------------------------------------------------------------------ dates

    def dates(self) -> None:
        if not self.p.parsed.dates:  # date units are made from the sentence's dates
            return
        date_units = [u for u in self.p.units if u.kind == "date" and isinstance(u.ref, DateMatch)]
        for u in date_units:
            dm: DateMatch = u.ref  # type: ignore[assignment]
            conf = 0.85
            if dm.when is None:
                if self.year_hint is None:
                    continue
                completed = with_year(dm, self.year_hint)
                if completed is None:
                    continue
                dm = completed
                conf *= 0.55
            if dm.vague:
                conf *= 0.8
            self._date(u, dm, conf, date_units)

    def _accept(self, dm: DateMatch) -> list[str]:
        """Other ways to write a date answer (only worked out when a question is asked)."""
        written = self.s.fixed[dm.start : dm.end]
        return accepted_forms(dm) + ([written] if written != dm.text else [])

    def _date(self, u: Unit, dm: DateMatch, conf: float, all_dates: list[Unit]) -> None:
        gap = (dm.start, dm.end)
        answer = _LEADING_THE_THIS.sub("", dm.text) if dm.text[:1] in ("t", "T") else dm.text  # ("the", "this")
        if self._nominal_date(u, dm, conf, gap, answer):
            return
        clause = self.host(u)
        if clause is None or not clause.ok:
            return
        if u in clause.subject:  # (units compare by identity: a scan in C)
            self._np_event_date(u, dm, clause, conf, gap, answer)
            return
        subj = subject_text(clause, self.p, self.ctx)
        if subj is None:
            return
        drop = self.phrase_drop(u, clause, _TEMPORAL)
        body = inverted(clause, self.p, subj[0], drop)
        if body is None:
            return
        wh = self._date_wh(dm, u)
        others = [x for x in all_dates if x is not u and x in clause.rest and self._coordinated(u, x)]
        if others:  # "the revolutions of 1905 and 1917": ask for one, give the other
            drop |= {id(x) for x in others} | {
                id(y) for y in self.p.units if y.low == "and" and self._between(y, u, others[0])
            }
            body = inverted(clause, self.p, subj[0], drop)
            if body is None:
                return
            wh = f"Besides {_named_date(others[0])}, {wh[0].lower()}{wh[1:]}"
        self.add(
            "date", f"{wh} {body}", answer, gap, conf * subj[1] * self.pronoun_factor(clause), "date",
            partial(self._accept, dm), dm.when
        )

    def _coordinated(self, a: Unit, b: Unit) -> bool:
        units = self.p.units
        ia = self.index(a)
        ib = self.index(b)
        lo, hi = min(ia, ib), max(ia, ib)
        return hi - lo == 2 and units[lo + 1].low == "and"

    def _between(self, y: Unit, a: Unit, b: Unit) -> bool:
        return min(a.start, b.start) < y.start < max(a.end, b.end)

    def _date_wh(self, dm: DateMatch, u: Unit) -> str:
        if dm.vague and dm.precision == "year":
            return "Around what year"
        if dm.precision == "year" and _YEAR_DIGITS.fullmatch(dm.text.strip()):
            return "In what year"
        if dm.precision == "decade":
            return "In which decade"
        if dm.precision == "century":
            return "In which century"
        if dm.precision == "range":
            return "In which years" if "/" in (dm.when or "") and "-" not in (dm.when or "-") else "When"
        return "When"

    def _nominal_date(self, u: Unit, dm: DateMatch, conf: float, gap: tuple[int, int], answer: str) -> bool:
        """'After the death of Vladimir Lenin in 1924' -> 'In what year did Vladimir Lenin die?'"""
        units = self.p.units
        k = self.index(u)
        if k < 4 or units[k - 1].low not in ("in", "on", "of"):
            return False
        name, of, noun = units[k - 2], units[k - 3], units[k - 4]
        if name.kind != "name" or of.low != "of" or noun.low not in _NOMINAL:
            return False
        aux, verb = _NOMINAL[noun.low]
        ent = entity_of(name)
        who = name.text if ent is None else ent.name if len(name.text.split()) > 1 else name.text
        wh = self._date_wh(dm, u)
        self.add(
            "date", f"{wh} {aux} {who} {verb}", answer, gap, conf * 0.9, "date-nominal", partial(self._accept, dm),
            dm.when,
        )
        return True

    def _np_event_date(
        self, u: Unit, dm: DateMatch, clause: Clause, conf: float, gap: tuple[int, int], answer: str
    ) -> None:
        """'The Soviet attack on Finland in November 1939, ...' -> 'When did the Soviet attack on Finland
        take place?'"""
        subj = clause.subject
        k = subj.index(u)  # units compare by identity
        after = subj[k + 1] if k + 1 < len(subj) else None
        other = None
        if after is not None and after.kind != "punct":
            if after.low in ("and", "or") and k + 2 < len(subj) and subj[k + 2].kind == "date":
                other = subj[k + 2]  # "the gold rush in the 1850s and 1860s"
            else:
                return  # the date modifies a noun after it: "the magnitude 6.7 1994 Northridge earthquake"
        np = subj[:k]
        if len(np) > 2 and np[-1].low in ("and", "or") and np[-2].kind == "date":
            other = np[-2]  # the second of two dates: ask for it, give the first
            np = np[:-2]
        while np and np[-1].is_word and np[-1].low in _TEMPORAL_THE:
            np = np[:-1]
        if len(np) < 2 or not np[0].is_word or np[0].low not in ("the", "a", "an"):
            return
        if np[-1].kind == "name" and subj[len(np)].low == "of" or any(x.kind in ("date", "num") for x in np):
            return  # a year in a name ("the Compromise of 1850"), or the phrase is not one event
        text = render(np, self.p)
        text = "the" + text[1:] if text.lower().startswith("a ") else text
        text = _LEADING_A_AN.sub("the ", text)
        wh = self._date_wh(dm, u)
        if other is not None:
            wh = f"Besides {_named_date(other)}, {wh[0].lower()}{wh[1:]}"
        self.add(
            "date",
            f"{wh} did {text} take place",
            answer,
            gap,
            conf * 0.75,
            "date-np",
            partial(self._accept, dm),
            dm.when,
        )


