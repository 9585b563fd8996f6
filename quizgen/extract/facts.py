"""Sentence -> candidate facts. The shared machinery (which clause hosts an answer, how its phrase is
removed) and the date and place rules; people, terms, numbers and works live in their own modules.
"""

from __future__ import annotations

import re

from .clauses import Clause, Parse, Unit
from .dates import DateMatch, accepted_forms, with_year
from .lexicon import PLACE_HEADS, PLACE_NOUNS, PLACE_PREPS, PREPOSITIONS
from .questions import (
    Candidate,
    Context,
    entity_of,
    inverted,
    mentions_answer,
    render,
    subject_text,
    tidy,
)

# "the death of X in 1924" -> "did X die": nouns of events and the question they become
_NOMINAL = {
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
_PLACE_NOMINAL = {
    "sentence": ("was", "sentenced"),
    "exile": ("was", "exiled"),
    "deportation": ("was", "deported"),
    "banishment": ("was", "banished"),
    "journey": ("did", "travel"),
    "trip": ("did", "travel"),
    "voyage": ("did", "sail"),
    "flight": ("did", "flee"),
    "return": ("did", "return"),
    "emigration": ("did", "emigrate"),
    "escape": ("did", "escape"),
    "move": ("did", "move"),
    "transfer": ("was", "transferred"),
    "imprisonment": ("was", "imprisoned"),
    "expedition": ("did", "go"),
    "mission": ("was", "sent"),
}
_VAGUE = re.compile(r"\b(?:this|these|those|it|its|him|them|her|the latter|the former|such)\b(?![-'])", re.IGNORECASE)
_TEMPORAL = {"in", "on", "at", "during", "by", "of", "from", "since", "until", "till", "circa", "around", "about"}


class SentenceFacts:
    """All candidate facts of one parsed sentence."""

    def __init__(self, parse: Parse, ctx: Context, year_hint: int | None):
        self.p = parse
        self.ctx = ctx
        self.year_hint = year_hint
        self.s = parse.parsed.sentence
        self.seg_of: dict[int, int] = {}
        for si, seg in enumerate(parse.segments):
            for u in seg.units:
                self.seg_of[id(u)] = si
        self.out: list[Candidate] = []
        self.work_spans: list[tuple[int, int]] = []  # titles found: their words are not places or terms
        self.base = 1.0
        words = len(self.s.fixed.split())
        if words > 40:
            self.base *= 0.9
        if re.search(
            r"\b(?:could|would|considered|believed|claimed|accused|alleged|said to|according to)\b",
            self.s.fixed,
            re.IGNORECASE,
        ):
            self.base *= 0.8
        if self.s.fixed != self.s.text:
            self.base *= 0.97

    # ------------------------------------------------------------------ shared machinery

    def add(
        self,
        kind: str,
        question: str | None,
        answer: str,
        gap: tuple[int, int],
        conf: float,
        rule: str,
        accept: list[str] | None = None,
        when: str | None = None,
    ) -> Candidate | None:
        if not question or not answer:
            return None
        q = tidy(question)
        accept = [a for a in dict.fromkeys(accept or []) if a and a.lower() != answer.lower()]
        if mentions_answer(q, [answer, *accept]) or len(q.split()) < 4 or len(q.split()) > 40:
            return None
        if _VAGUE.search(q):  # "Who knew this was no idle threat?": needs the context to answer
            conf *= 0.6
        if len(q.split()) > 25:
            conf *= 0.85
        c = Candidate(kind, q, answer, self.s, gap, round(min(0.98, conf * self.base), 2), accept, when, rule=rule)
        self.out.append(c)
        return c

    def in_work(self, u: Unit) -> bool:
        return any(s <= u.start < e for s, e in self.work_spans)

    def clause_with(self, u: Unit) -> Clause | None:
        """The clause whose subject, intro or rest holds unit `u`."""
        for c in self.p.clauses:
            if any(x is u for x in [*c.subject, *c.rest, *c.intro]):
                return c
        return None

    def host(self, u: Unit, loose: bool = False) -> Clause | None:
        """The clause a phrase (a date, a place) belongs to."""
        si = self.seg_of.get(id(u))
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
                and not (x.is_word and x.low in _TEMPORAL | PLACE_PREPS | {"the", "this", "day", "shortly"})
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
        k = next(i for i, x in enumerate(units) if x is u)
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
        if len(subj) == 1 and subj[0].is_word and subj[0].low in ("he", "she"):
            return 0.6 if self.ctx.he_certain else 0.45
        return 1.0

    # ------------------------------------------------------------------ dates

    def dates(self) -> None:
        date_units = [u for u in self.p.units if u.kind == "date" and isinstance(u.ref, DateMatch)]
        for u in date_units:
            dm: DateMatch = u.ref  # type: ignore[assignment]
            conf = 0.85
            if dm.when is None:
                if self.year_hint is None:
                    continue
                dm = with_year(dm, self.year_hint)
                conf *= 0.55
            if dm.vague:
                conf *= 0.8
            self._date(u, dm, conf, date_units)

    def _date(self, u: Unit, dm: DateMatch, conf: float, all_dates: list[Unit]) -> None:
        gap = (dm.start, dm.end)
        accept = accepted_forms(dm)
        answer = re.sub(r"^(?:the|this)\s+", "", dm.text, flags=re.IGNORECASE)
        if self._nominal_date(u, dm, conf, gap, accept, answer):
            return
        clause = self.host(u)
        if clause is None or not clause.ok:
            return
        if any(x is u for x in clause.subject):
            self._np_event_date(u, dm, clause, conf, gap, accept, answer)
            return
        subj = subject_text(clause, self.p, self.ctx)
        if subj is None:
            return
        drop = self.phrase_drop(u, clause, _TEMPORAL)
        body = inverted(clause, self.p, subj[0], drop)
        if body is None:
            return
        wh = self._date_wh(dm, u)
        others = [x for x in all_dates if x is not u and any(x is r for r in clause.rest) and self._coordinated(u, x)]
        if others:  # "the revolutions of 1905 and 1917": ask for one, give the other
            drop |= {id(x) for x in others} | {
                id(y) for y in self.p.units if y.low == "and" and self._between(y, u, others[0])
            }
            body = inverted(clause, self.p, subj[0], drop)
            if body is None:
                return
            wh = f"Besides {others[0].text}, {wh[0].lower()}{wh[1:]}"
        self.add(
            "date", f"{wh} {body}", answer, gap, conf * subj[1] * self.pronoun_factor(clause), "date", accept, dm.when
        )

    def _coordinated(self, a: Unit, b: Unit) -> bool:
        units = self.p.units
        ia = next(i for i, x in enumerate(units) if x is a)
        ib = next(i for i, x in enumerate(units) if x is b)
        lo, hi = min(ia, ib), max(ia, ib)
        return hi - lo == 2 and units[lo + 1].low == "and"

    def _between(self, y: Unit, a: Unit, b: Unit) -> bool:
        return min(a.start, b.start) < y.start < max(a.end, b.end)

    def _date_wh(self, dm: DateMatch, u: Unit) -> str:
        if dm.vague and dm.precision == "year":
            return "Around what year"
        if dm.precision == "year" and re.fullmatch(r"\d{3,4}", dm.text.strip()):
            return "In what year"
        if dm.precision == "decade":
            return "In which decade"
        if dm.precision == "century":
            return "In which century"
        if dm.precision == "range":
            return "In which years" if "/" in (dm.when or "") and "-" not in (dm.when or "-") else "When"
        return "When"

    def _nominal_date(
        self, u: Unit, dm: DateMatch, conf: float, gap: tuple[int, int], accept: list[str], answer: str
    ) -> bool:
        """'After the death of Vladimir Lenin in 1924' -> 'In what year did Vladimir Lenin die?'"""
        units = self.p.units
        k = next(i for i, x in enumerate(units) if x is u)
        if k < 4 or units[k - 1].low not in ("in", "on", "of"):
            return False
        name, of, noun = units[k - 2], units[k - 3], units[k - 4]
        if name.kind != "name" or of.low != "of" or noun.low not in _NOMINAL:
            return False
        aux, verb = _NOMINAL[noun.low]
        ent = entity_of(name)
        who = name.text if ent is None else ent.name if len(name.text.split()) > 1 else name.text
        wh = self._date_wh(dm, u)
        self.add("date", f"{wh} {aux} {who} {verb}", answer, gap, conf * 0.9, "date-nominal", accept, dm.when)
        return True

    def _np_event_date(
        self, u: Unit, dm: DateMatch, clause: Clause, conf: float, gap: tuple[int, int], accept: list[str], answer: str
    ) -> None:
        """'The Soviet attack on Finland in November 1939, ...' -> 'When did the Soviet attack on Finland
        take place?'"""
        subj = clause.subject
        k = next(i for i, x in enumerate(subj) if x is u)
        np = subj[:k]
        while np and np[-1].is_word and np[-1].low in _TEMPORAL | {"the"}:
            np = np[:-1]
        if len(np) < 2 or not np[0].is_word or np[0].low not in ("the", "a", "an"):
            return
        text = render(np, self.p)
        text = "the" + text[1:] if text.lower().startswith("a ") else text
        text = re.sub(r"^an? ", "the ", text)
        self.add(
            "date",
            f"{self._date_wh(dm, u)} did {text} take place",
            answer,
            gap,
            conf * 0.75,
            "date-np",
            accept,
            dm.when,
        )

    # ------------------------------------------------------------------ places

    def places(self) -> None:
        units = self.p.units
        for k, u in enumerate(units):
            ent = entity_of(u)
            if ent is None or ent.kind != "place" or u.ref.possessive:  # type: ignore[union-attr]
                continue
            if ent.strength < 1 or self.in_work(u):  # "connections to Mussolini": a preposition alone is not enough
                continue
            prev = units[k - 1] if k else None
            if prev is not None and prev.is_word and prev.low in PLACE_PREPS:
                self._place_pp(u, prev)
            nxt = units[k + 1] if k + 1 < len(units) else None
            if nxt is not None and nxt.text == ",":
                self._place_apposition(k, u)
            paren = self.p.parens.get(k)
            if paren:
                self._place_paren(u, paren)

    def _place_pp(self, u: Unit, prep: Unit) -> None:
        clause = self.host(u)
        if clause is None:
            self._nominal_place(u, prep)
            return
        if not clause.ok:
            return
        subj = subject_text(clause, self.p, self.ctx)
        if subj is None:
            return
        drop = self.phrase_drop(u, clause, PLACE_PREPS)
        items = self._list_after(u)
        drop |= {id(x) for x in items}
        body = inverted(clause, self.p, subj[0], drop)
        if body is None:
            return
        wh = "From where" if prep.low == "from" else "Where"
        ent = entity_of(u)
        if items:  # "in Germany, Estonia, and Bulgaria": the list is the answer
            last = items[-1]
            answer = self.s.fixed[u.start : last.end]
            self.add(
                "place",
                f"{wh} {body}",
                answer,
                (u.start, last.end),
                0.6 * subj[1] * self.pronoun_factor(clause),
                "place-list",
            )
            return
        self.add(
            "place",
            f"{wh} {body}",
            u.text,
            (u.start, u.ref.end),
            0.7 * subj[1] * self.pronoun_factor(clause),
            "place",
            [a for a in ent.forms if a != u.text] if ent else [],
        )

    def _list_after(self, u: Unit) -> list[Unit]:
        """The rest of a list of same-kind names after `u`, with its commas and 'and'."""
        units = self.p.units
        n = len(units)
        k = next(i for i, x in enumerate(units) if x is u)
        ent = entity_of(u)
        if ent is None or k > 1 and units[k - 1].low in ("and", ",") and entity_of(units[k - 2]) is not None:
            return []  # not the head of a list
        out: list[Unit] = []
        j = k + 1
        while j < n:
            sep_end = j
            if units[sep_end].text == ",":
                sep_end += 1
            if sep_end < n and units[sep_end].low in ("and", "or"):
                sep_end += 1
            if sep_end == j or sep_end >= n:
                break
            other = entity_of(units[sep_end])
            if other is None or other.kind != ent.kind:
                break
            out.extend(units[j : sep_end + 1])
            j = sep_end + 1
        return out

    def _nominal_place(self, u: Unit, prep: Unit) -> None:
        """'After his trial and life sentence to Siberia, he escaped' -> 'Where was Trotsky sentenced?'"""
        units = self.p.units
        k = next(i for i, x in enumerate(units) if x is u)
        noun = units[k - 2] if k >= 2 else None
        if noun is None or noun.low not in _PLACE_NOMINAL or prep.low not in ("to", "in", "from", "into"):
            return
        clause = self.host(u, loose=True)
        if clause is None or not clause.ok:
            return
        subj = subject_text(clause, self.p, self.ctx)
        if subj is None:
            return
        aux, verb = _PLACE_NOMINAL[noun.low]
        wh = "From where" if prep.low == "from" else "Where"
        self.add(
            "place",
            f"{wh} {aux} {subj[0]} {verb}",
            u.text,
            (u.start, u.ref.end),  # type: ignore[union-attr]
            0.5 * subj[1] * self.pronoun_factor(clause),
            "place-nominal",
        )

    def _place_apposition(self, k: int, u: Unit) -> None:
        """'Prinkipo, a suburb of Istanbul' -> 'Of which city was Prinkipo a suburb?'"""
        units = self.p.units
        tail = units[k + 2 : k + 8]
        words = [x.low for x in tail]
        if not words:
            return
        j = 1 if words[0] in ("a", "an", "the") else 0
        if j + 2 >= len(tail) or words[j] not in PLACE_NOUNS or words[j + 1] != "of":
            return
        m = j + 2
        if m < len(tail) and tail[m].low == "the":
            m += 1
        while m < len(tail) and tail[m].kind == "word" and tail[m].text[:1].islower() and m < len(tail) - 1:
            m += 1
        if m >= len(tail) or tail[m].kind != "name":
            return
        other = tail[m]
        noun = words[j]
        head = other.text.split()[-1].lower()
        cat = head if head in PLACE_HEADS | PLACE_NOUNS else "place"
        det = "the" if words[0] == "the" or noun == "capital" else "a"
        self.add(
            "place",
            f"Of which {cat} was {u.text} {det} {noun}",
            other.text,
            (other.start, other.ref.end),
            0.7,
            "place-apposition",
        )
        if det == "the":  # "Vienna, capital of the Habsburg Empire" -> "What was the capital of ...?"
            of_what = render(tail[j + 2 : m + 1], self.p)
            self.add("place", f"What was the {noun} of {of_what}", u.text, (u.start, u.ref.end), 0.65, "place-capital")

    def _place_paren(self, u: Unit, paren: str) -> None:
        m = re.match(r"(now|formerly|modern|today|present-day)\s+(.+)$", paren.strip(), re.IGNORECASE)
        if not m or not m.group(2)[:1].isupper():
            return
        new = m.group(2).strip()
        start = self.s.fixed.find(new, u.end)
        if start < 0:
            return
        gap = (start, start + len(new))
        if m.group(1).lower() == "formerly":
            self.add("place", f"What was {u.text} formerly called", new, gap, 0.75, "place-formerly")
        else:
            self.add("place", f"What is {u.text} called today", new, gap, 0.75, "place-now")


def is_preposition(u: Unit) -> bool:
    return u.is_word and u.low in PREPOSITIONS
