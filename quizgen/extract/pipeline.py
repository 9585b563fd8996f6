"""Documents -> a candidates bank: read, clean, find facts, merge, give stable ids."""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Final

from ..bank import Bank, DocSource, Fact, Person, Source, Work
from ..errors import InputError
from . import chunked
from .analysis import Analysis, Parsed, Progress, analyse
from .clauses import parse_all
from .documents import Document, read_document, slugify
from .entities import Entity
from .facts import SentenceFacts
from .folding import fold
from .ids import assign_ids
from .numbers import number_facts
from .people import people_facts
from .places import place_facts
from .questions import Candidate, Context, entity_of
from .roles import roles
from .terms import term_facts
from .topic import years_in
from .works import FoundWork, work_facts


@dataclass
class ExtractResult:
    bank: Bank
    sentences: int = 0
    dropped: Counter = field(default_factory=Counter)
    words: int = 0
    left_out: int = 0  # candidates beyond the cap of a large input (the least confident)

    @property
    def counts(self) -> Counter:
        return Counter(f.kind for f in self.bank.facts)

    def summary(self) -> str:
        counts = self.counts
        by_kind = ", ".join(f"{n} {k}" for k, n in counts.most_common())
        dropped = sum(self.dropped.values())
        docs = len(self.bank.sources)
        return (
            f"{len(self.bank.facts)} candidates ({by_kind or 'none'}) from {docs} document"
            f"{'s' if docs != 1 else ''}, {self.sentences} sentences ({dropped} dropped: "
            + ", ".join(f"{n} {k}" for k, n in self.dropped.most_common())
            + ")"
            + (f"; kept {len(self.bank.facts)}, the most confident of each kind ({self.left_out} more left out)"
               if self.left_out else "")
        )


def read_documents(paths: list[str | Path]) -> list[Document]:
    from . import documents

    total = sum(Path(p).stat().st_size for p in paths if Path(p).is_file())
    if total > documents.MAX_BYTES and len(paths) > 1:
        raise InputError(f"these {len(paths)} documents hold {total / 2**20:.0f} MB, more than one run reads "
                         f"(limit {documents.MAX_BYTES // 2**20} MB); extract them in smaller groups")
    docs: list[Document] = []
    keys: set[str] = set()
    for path in paths:
        key = slugify(Path(path).stem)
        base, n = key, 2
        while key in keys:
            key, n = f"{base}-{n}", n + 1
        keys.add(key)
        docs.append(read_document(path, key))
    return docs


def extract(
    paths: list[str | Path], bank_id: str | None = None, title: str | None = None, progress: Progress | None = None
) -> ExtractResult:
    """Read documents and return their candidate facts as a bank (nothing is written)."""
    docs = read_documents(paths)
    return extract_docs(docs, bank_id, title, progress)


def extract_docs(
    docs: list[Document], bank_id: str | None = None, title: str | None = None, progress: Progress | None = None
) -> ExtractResult:
    with _cycle_collector_paused():
        return _extract_docs(docs, bank_id, title, progress)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the run, as it was after.

    Extraction makes no reference cycles (its objects go when their last reference does), yet it allocates
    millions of objects: every 700 of them the collector would look through the young ones, and now and
    then through all of them, for nothing (7% of a large run's time, and it grew with the input)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _extract_docs(
    docs: list[Document], bank_id: str | None = None, title: str | None = None, progress: Progress | None = None
) -> ExtractResult:
    total = chunked.doc_chars(docs)
    if total <= chunked.CHUNK_CHARS:
        return _extract_whole(docs, bank_id, title, progress)

    def one(group: list[Document]) -> tuple[Bank, int, Counter, int]:
        r = _extract_whole(group)
        return r.bank, r.sentences, r.dropped, r.words

    if progress:
        progress.start(total)
    bank, sentences, dropped, words, left_out = chunked.extract_in_parts(
        docs, one, progress.advance if progress else None)
    first = docs[0]
    bank.id = bank_id or slugify(Path(first.path).stem)
    bank.title = title or first.title
    for d in docs:
        bank.sources[d.key] = DocSource(file=d.path, title=d.title)
    return ExtractResult(bank, sentences, dropped, words, left_out)


_NO_CONTEXT: Final = Context()  # (a sentence's until its own is worked out, below: no one is 'he')


def _extract_whole(
    docs: list[Document], bank_id: str | None = None, title: str | None = None, progress: Progress | None = None
) -> ExtractResult:
    analysis = analyse(docs, progress)
    _set_short_names(analysis)
    candidates: list[Candidate] = []
    catalogue: dict[str, FoundWork] = {}
    kept = analysis.kept()
    central = _central_people(analysis, kept)
    last_person: dict[str, tuple[Entity, int]] = {}
    last_other: dict[str, tuple[Entity | None, int]] = {}
    years: dict[str, list[tuple[int, int]]] = {}
    checked: dict = {}  # SentenceFacts.add's checks of the questions asked, shared by the run's sentences
    best: dict[str, list] = {}  # and the candidates made for each question
    best_discounted: dict[tuple[str, str], list] = {}  # (of those whose confidence may be discounted)
    live = len(analysis.parsed)  # (each read sentence once)
    facts = [p for p in kept if p.sentence.stance == "fact"]
    parses = dict(zip(map(id, facts), parse_all(facts), strict=True))
    # Each fact sentence with its context ('he', the year nearby): the context comes from the parses alone
    sentence_facts: list[SentenceFacts] = []
    for n, p in enumerate(kept):
        s = p.sentence
        found = analysis.years.get(s.index)
        if found is None:
            found = years_in(s.fixed)
        if found:
            years.setdefault(s.doc, []).extend(zip(repeat(n), found))  # (n, year) each
        if s.stance != "fact":
            continue
        pa = parses[id(p)]
        # (its context is set below: the names' entities it works out are read here too)
        sf = SentenceFacts(pa, _NO_CONTEXT, None, checked, best, best_discounted, len(sentence_facts))
        prev = last_person.get(s.doc)
        other = last_other.get(s.doc)
        if (
            other is not None
            and n - other[1] <= 1
            and (prev is None or other[1] > prev[1])
            # ("he was exiled by his chief rival, Joseph Stalin": not someone this sentence names)
            and not (other[0] is not None and any(e is other[0] for _k, _u, e in sf.named))
        ):
            # "... tales about Trotsky were spun. He played a key role ...": the previous sentence named one
            # person (not as its subject) after the last subject; 'he' is most likely that one, not sure
            ctx = Context(other[0] or (prev[0] if prev is not None and n - prev[1] <= 4 else central.get(s.doc)),
                          False)
        elif prev is not None and n - prev[1] <= 4:
            ctx = Context(prev[0], n - prev[1] <= 1)
        else:
            ctx = Context(central.get(s.doc), False)
        sf.ctx = ctx
        sf.year_hint = _year_hint(years[s.doc], n) if s.doc in years else None
        sentence_facts.append(sf)
        for c in pa.clauses:
            ent = entity_of(c.subject[-1]) if c.subject and len(c.subject) <= 4 else None
            if ent is not None and ent.kind == "person":
                last_person[s.doc] = (ent, n)
                break
        else:
            named = {id(e): e for _k, u, e in sf.named
                     if e is not None and e.kind == "person" and not u.ref.possessive}
            if named:  # persons, none of them a subject: one is the next 'he', several leave it unsure
                last_other[s.doc] = (next(iter(named.values())) if len(named) == 1 else None, n)
    # Then each rule over all of them, in the rules' order (what one rule finds in a sentence, the next ones
    # read there: a title's words are not places or terms): one rule's code stays hot in the processor's
    # caches, and each sentence's candidates are listed as if its rules had run one after another.
    reg = analysis.registry
    rules = (partial(work_facts, registry=reg, catalogue=catalogue), SentenceFacts.dates, place_facts,
             people_facts, partial(roles, registry=reg), term_facts, number_facts)
    for rule in rules:
        for sf in sentence_facts:
            rule(sf)
        if progress:
            progress.advance(live // len(rules))
    for sf in sentence_facts:
        candidates.extend(sf.out)
    _discount_main_characters(candidates, analysis)
    if progress:
        progress.advance(live - live // len(rules) * len(rules))
    bank = _bank(docs, analysis, kept, _dedupe(candidates), catalogue, bank_id, title)
    dropped = Counter(s.topic for s in analysis.sentences if s.topic not in ("ok", "heading"))
    dropped.update(f"{s.stance}" for s in analysis.sentences if s.topic == "ok" and s.stance != "fact")
    return ExtractResult(
        bank, sum(1 for s in analysis.sentences if s.topic != "heading"), dropped, sum(d.words for d in docs)
    )


def _discount_main_characters(candidates: list[Candidate], analysis: Analysis) -> None:
    """'Who decried the impact of Stalin's policies?' -> 'Trotsky': in a document about Trotsky that is a
    guess anyone wins. Questions whose answer is one of the two most-mentioned people count for less."""
    people = sorted((e for e in analysis.registry.entities if e.kind == "person"), key=lambda e: -e.count)
    main = {e.name for e in people[:2] if e.count >= 5}
    for c in candidates:
        if c.kind == "person" and c.answer in main and c.rule in ("person-subject", "person-object"):
            c.confidence = round(c.confidence * 0.6, 2)


def _year_hint(years: list[tuple[int, int]], n: int) -> int | None:
    """A year for 'November 7' from this sentence or the two before it."""
    # the list grows with the document: look back from its end only (no scan of the whole list)
    for k, y in reversed(years):
        if k < n - 2:
            break
        if k <= n:
            return y
    return None


def _set_short_names(analysis: Analysis) -> None:
    """Each entity's most used spelling (the first used, on a tie), from the mentions' spellings."""
    best: dict[int, tuple[str, int]] = {}
    for text, (ent, _, uses) in analysis.spellings.items():  # (in the order of first use)
        if isinstance(ent, Entity):
            b = best.get(id(ent))
            if b is None or uses > b[1]:
                best[id(ent)] = (text, uses)
    for ent in analysis.registry.entities:
        b = best.get(id(ent))
        ent.short = b[0] if b else ent.name


def _central_people(analysis: Analysis, kept: list[Parsed]) -> dict[str, Entity]:
    per_doc: dict[str, list[Entity]] = {}  # each document's person mentions, in order
    for p in kept:
        for m in p.mentions:
            ent = m.entity  # (an Entity or None)
            if ent is not None and ent.kind == "person":
                doc = p.sentence.doc
                if doc in per_doc:
                    per_doc[doc].append(ent)
                else:
                    per_doc[doc] = [ent]
    by_id = {id(e): e for e in analysis.registry.entities}
    # the first most frequent, as Counter.most_common(1) (which is max()) gives
    counts = {doc: Counter(map(id, ents)) for doc, ents in per_doc.items()}
    return {doc: by_id[max(c.items(), key=itemgetter(1))[0]] for doc, c in counts.items() if c}


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per question, and per (kind, answer, sentence): the most confident wins."""
    best: dict[str, Candidate] = {}
    order: list[str] = []
    for c in candidates:
        key = fold(c.question)
        if key not in best:
            best[key] = c
            order.append(key)
        elif c.confidence > best[key].confidence:
            best[key] = c
    out: list[Candidate] = []
    # each kept candidate's position in out, by identity (list.index compares candidates field by field)
    at: dict[int, int] = {}

    def replace(old: Candidate, new: Candidate) -> bool:
        """Put `new` in the place `old` was given, if it is more confident than what holds the place now.
        (A candidate that lost its place to a twin keeps pointing at it: a later, better version of its fact
        competes with the twin there.)"""
        i = at[id(old)]
        if new.confidence <= out[i].confidence:
            return False
        out[i] = new
        at[id(new)] = i
        return True

    seen: dict[tuple[str, str, int, str], Candidate] = {}
    same_answer: dict[tuple[str, str, int], list[Candidate]] = {}
    for key in order:
        c = best[key]
        k2 = (c.kind, fold(c.answer), c.sentence.index, c.rule.split("-")[0])
        if k2 in seen and seen[k2].rule == c.rule:
            if c.confidence > seen[k2].confidence and replace(seen[k2], c):
                seen[k2] = c
            continue
        # the same fact in other words from another rule: "Which conquest was the invasion of England ...?" and
        # "What was the invasion of England ...?", "In what year did Stowe's novel appear?" and "... publish ...?"
        group = same_answer.setdefault(k2[:3], [])
        if group:
            t = next((t for t, x in enumerate(group) if _same_words(x.question, c.question)), None)
            if t is not None:
                twin = group[t]
                if c.confidence > twin.confidence and replace(twin, c):
                    group[t] = c
                continue
        group.append(c)
        seen[k2] = c
        at[id(c)] = len(out)
        out.append(c)
    return out


_FUNCTION_WORDS: Final = frozenset({"who", "whom", "what", "which", "when", "where", "in", "on", "at", "of", "by", "to",
                             "the",
                             "a", "an", "did", "does", "do", "was", "were", "is", "are", "has", "had", "have", "year",
                             "and", "with", "for", "from"})
_QUESTION_WORD: Final = re.compile(r"[\w-]+")


def _content_words(question: str) -> set[str]:
    words = _QUESTION_WORD.findall(fold(question.replace("'s", "").replace("\u2019s", "")))
    return {w for w in words if w not in _FUNCTION_WORDS}


def _same_words(a: str, b: str) -> bool:
    """Do two questions (with the same answer, from the same sentence) ask with mostly the same words?"""
    wa, wb = _content_words(a), _content_words(b)
    small = min(len(wa), len(wb))
    return small >= 3 and len(wa & wb) >= 0.8 * small


def _bank(
    docs: list[Document],
    analysis: Analysis,
    kept_parsed: list[Parsed],
    candidates: list[Candidate],
    catalogue: dict[str, FoundWork],
    bank_id: str | None,
    title: str | None,
) -> Bank:
    first = docs[0]
    bank = Bank(id=bank_id or slugify(Path(first.path).stem), title=title or first.title)
    for d in docs:
        bank.sources[d.key] = DocSource(file=d.path, title=d.title)
    ids = assign_ids([(c.kind, c.answer, c.question, c.when, c.sentence.text) for c in candidates])
    for fid, c in zip(ids, candidates, strict=True):
        # (the fields in order, the defaults given: a call with keywords costs more)
        bank.facts.append(
            Fact(fid, c.kind, c.question, c.answer, c.accept, c.when, c.cloze, Source(c.sentence.doc, c.sentence.text),
                 None, [], [], c.confidence, "candidate")
        )
    kept = {p.sentence.index for p in kept_parsed}
    for ent in analysis.registry.entities:
        if ent.kind != "person" or ent.sentences.isdisjoint(kept):
            continue
        # a person worth listing: named in full, given a role, or clearly a person by the votes
        if not (ent.role or len(ent.name.split()) > 1 or ent.strength >= 1.5):
            continue
        aliases = [a for a in ent.aliases if fold(a) != fold(ent.name)]
        bank.people.append(Person(ent.name, aliases, ent.role))
    for w in catalogue.values():
        bank.works.append(Work(w.title, w.author, w.year))
    return bank
