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
from .entities import Registry, context_votes
from .lexicon import STOPWORDS
from .names import Mention, fill_text, find_mentions
from .repair import apply_repairs, letter_repairs, possessive_candidates
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
    skip = {k for k, t in enumerate(toks) for d in dates if t.start < d.end and d.start < t.end}
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
_HE = re.compile(r"\b(?:he|she|his|her|him)\b", re.IGNORECASE)


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


def analyse(docs: list[Document], progress: Progress | None = None) -> Analysis:
    sentences = sentences_of(docs)
    for s in sentences:
        if s.topic == "ok":
            s.topic = cue_topic(s)
    live = [s for s in sentences if s.topic == "ok"]
    if progress:
        progress.start(3 * len(live))  # first reading, second reading, facts
    mid_caps, lower_vocab = _vocabulary(live)

    first = Registry()
    pass_a = [_read(s, mid_caps, lower_vocab) for s in live]
    for p in pass_a:
        _register(first, p)
    # which words are person or place names: the forms' own votes suffice (no merging needed here)
    name_words: set[str] = set()
    for key, form in first.forms.items():
        if first.kind_of_form(key) in ("person", "place"):
            for surface in form.surfaces:
                name_words.update(surface.split())
    letters = letter_repairs([m.text.split() for p in pass_a for m in p.mentions])
    possessives = possessive_candidates([(p.toks, p.mentions) for p in pass_a], name_words)
    if progress:
        progress.advance(len(live))

    reg = Registry()
    analysis = Analysis(docs, sentences, reg)
    for k, (s, p) in enumerate(zip(live, pass_a, strict=True)):
        fixed = apply_repairs(s.fixed, letters, possessives)
        if fixed != s.fixed:  # only repaired sentences are read again
            s.fixed = fixed
            p = _read(s, mid_caps, lower_vocab)
        analysis.parsed[s.index] = p
        _register(reg, p)
        if progress and k % 100 == 99:
            progress.advance(100)
    if progress:
        progress.advance(len(live) % 100)
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
