"""The reading stage: documents -> clean, repaired, topic-filtered sentences with dates and entities.

Names are read twice: the first pass learns which names exist (so "Ramn" can be repaired to the
"Ramon" the documents also use, and "Trotskys" to "Trotsky's"); the second reads the repaired text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from .dates import DateMatch, find_dates
from .documents import Document
from .entities import Registry
from .kinds import context_votes
from .lexicon import STOPWORDS
from .names import Mention, fill_text, find_mentions
from .repair import apply_repairs, letter_repairs, possessive_words
from .sentences import Sentence, sentences_of
from .tokens import Tok, tokenize
from .topic import classify, cue_topic, stance


class Progress(Protocol):
    """Where long runs report how far they are (the CLI draws a bar from it)."""

    def start(self, total: int) -> None: ...

    def advance(self, n: int) -> None: ...


@dataclass
class Parsed:
    """One sentence, read: tokens, date matches and name mentions (offsets into `sentence.fixed`)."""

    sentence: Sentence
    toks: list[Tok]
    dates: list[DateMatch]
    mentions: list[Mention]
    votes: list[Counter] = field(default_factory=list)  # each mention's kind votes, computed once


@dataclass
class Analysis:
    docs: list[Document]
    sentences: list[Sentence]
    registry: Registry
    parsed: dict[int, Parsed] = field(default_factory=dict)

    def kept(self) -> list[Parsed]:
        """On-topic, non-duplicate sentences in document order."""
        return [self.parsed[s.index] for s in self.sentences if s.topic == "ok" and s.index in self.parsed]


def _read(s: Sentence, mid_caps: set[str], lower_vocab: set[str]) -> Parsed:
    toks = tokenize(s.fixed)
    dates = find_dates(s.fixed)
    skip = {k for k, t in enumerate(toks) for d in dates if t.start < d.end and d.start < t.end} if dates else set()
    mentions = fill_text(find_mentions(toks, mid_caps, lower_vocab, skip), s.fixed)
    return Parsed(s, toks, dates, mentions)


def _vocabulary(sentences: list[Sentence]) -> tuple[set[str], set[str]]:
    mid_caps: set[str] = set()
    lower_vocab: set[str] = set()
    for s in sentences:
        words = _WORDS.findall(s.fixed)
        for k, w in enumerate(words):
            if w[:1].isupper():
                if k > 0:
                    mid_caps.add(w[:-2] if w.endswith(("'s", "’s")) else w)
            else:
                lower_vocab.add(w.lower())
    return mid_caps, lower_vocab


_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_HE = re.compile(r"\b(?:h(?:e|er|i[ms])|she)\b", re.IGNORECASE)  # he|she|his|her|him, as a trie


def _register(reg: Registry, p: Parsed) -> None:
    if not p.votes:
        has_he = bool(_HE.search(p.sentence.fixed))
        p.votes = [context_votes(p.toks, m, p.sentence.fixed, has_he) for m in p.mentions]
    for m, votes in zip(p.mentions, p.votes, strict=True):
        reg.add(m, votes, p.sentence.index)
    toks = p.toks
    for a, b in zip(p.mentions, p.mentions[1:], strict=False):
        between = [t.text for t in toks[a.t1 : b.t0]]
        if between in ([","], ["and"], [",", "and"], ["or"], [",", "or"]) and not a.possessive:
            reg.add_coordination(a.text, b.text)
        # "New Economic Policy (NEP)"
        if between == ["("] and b.t1 < len(toks) and toks[b.t1].text == ")" and b.text.isupper():
            initials = "".join(w[0] for w in a.text.split() if w[:1].isupper())
            if b.text[0] == initials[:1]:
                reg.add_acronym(a.text, b.text)


# (each lookbehind after the first character: a pattern that starts with a character class scans fast)
_CAP_RUN = re.compile(r"[A-Z](?<![\w'’][A-Z])[\w’'.-]*(?:\s+(?:of\s+|de\s+|von\s+|van\s+)?[A-Z][\w’'.-]*)+")
_CAP_S = re.compile(r"([A-Z](?<![\w'’][A-Z])[a-z]+s)\b(?!['’])")
_POSS = re.compile(r"([A-Z](?<![\w'’][A-Z])[a-z]+)['’]s\b")
_INITIAL_SUBJECT = re.compile(r"([A-Z][a-z]+) (?:was|is|had|became|[a-z]{3,}ed)\b")
_PLACE_PREP = re.compile(r"\b(?:in|at|to|from|near)\s+([A-Z][a-z]+)\b")


def _repairs(live: list[Sentence], mid_caps: set[str]) -> tuple[dict[str, str], set[str]]:
    """Damaged spellings to repair ('Ramn' -> 'Ramon') and names that lost their apostrophe ('Trotskys')."""
    runs: list[list[str]] = []
    name_words: set[str] = set()
    mid_caps = set(mid_caps)  # a local copy grown in place (a new set per sentence was quadratic)
    for s in live:
        for m in _CAP_RUN.finditer(s.fixed):
            words = [w for w in m.group(0).split() if w[:1].isupper()]
            runs.append(words)
            if 2 <= len(words) <= 3:
                name_words.add(words[-1])  # "Leon Trotsky": a surname
        name_words.update(_POSS.findall(s.fixed))  # "Stalin's": said of someone
        m = _INITIAL_SUBJECT.match(s.fixed)
        if m:
            name_words.add(m.group(1))
            mid_caps.add(m.group(1))  # "Bismarck was ...": a name even at the start of a sentence
        name_words.update(_PLACE_PREP.findall(s.fixed))
    letters = letter_repairs(runs)
    possessives = possessive_words(live, name_words & mid_caps)
    return letters, possessives


def analyse(docs: list[Document], progress: Progress | None = None) -> Analysis:
    sentences = sentences_of(docs)
    for s in sentences:
        if s.topic == "ok":
            s.topic = cue_topic(s)
    live = [s for s in sentences if s.topic == "ok"]
    if progress:
        progress.start(3 * len(live))  # first reading, second reading, facts
    mid_caps, lower_vocab = _vocabulary(live)

    # Repairs first, from a cheap scan of the capitalised words; then each sentence is read once.
    letters, possessives = _repairs(live, mid_caps)
    reg = Registry()
    analysis = Analysis(docs, sentences, reg)
    for k, s in enumerate(live):
        s.fixed = apply_repairs(s.fixed, letters, possessives)
        p = _read(s, mid_caps, lower_vocab)
        analysis.parsed[s.index] = p
        _register(reg, p)
        if progress and k % 100 == 99:
            progress.advance(200)
    if progress:
        progress.advance(2 * (len(live) % 100))
    reg.resolve()
    names: dict[int, set[str]] = {}
    for p in analysis.parsed.values():
        found: set[str] = set()
        for m in p.mentions:
            ent = reg.entity(m.text)
            m.entity = ent
            if ent is not None:
                # the topic model counts name words: "Japan" is shared by "Imperial Japan" and "Japan"
                found.add(ent.name)
                found.update(w for w in ent.name.split() if len(w) > 3 and w.lower() not in STOPWORDS)
        names[p.sentence.index] = found
    classify(live, names)
    for s in live:
        if s.topic == "ok":
            s.stance = stance(s)
    return analysis
