"""The reading stage: documents -> clean, repaired, topic-filtered sentences with dates and entities.

Names are read twice: the first pass learns which names exist (so "Ramn" can be repaired to the
"Ramon" the documents also use, and "Trotskys" to "Trotsky's"); the second reads the repaired text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .dates import DateMatch, find_dates
from .documents import Document
from .entities import Registry, context_votes
from .lexicon import STOPWORDS
from .names import Mention, fill_text, find_mentions
from .repair import apply_repairs, letter_repairs, possessive_candidates
from .sentences import Sentence, sentences_of
from .tokens import Tok, tokenize
from .topic import classify, cue_topic, stance

Progress = Callable[[int], None]


@dataclass
class Parsed:
    """One sentence, read: tokens, date matches and name mentions (offsets into `sentence.fixed`)."""

    sentence: Sentence
    toks: list[Tok]
    dates: list[DateMatch]
    mentions: list[Mention]


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
        words = re.findall(r"[^\W\d_][\w'’-]*", s.fixed)
        for k, w in enumerate(words):
            if w[:1].isupper():
                if k > 0:
                    mid_caps.add(re.sub(r"['’]s$", "", w))
            else:
                lower_vocab.add(w.lower())
    return mid_caps, lower_vocab


def _register(reg: Registry, p: Parsed) -> None:
    has_he = bool(re.search(r"\b(?:he|she|his|her|him)\b", p.sentence.fixed, re.IGNORECASE))
    for m in p.mentions:
        reg.add(m, context_votes(p.toks, m, p.sentence.fixed, has_he), p.sentence.index)
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
    mid_caps, lower_vocab = _vocabulary(live)

    first = Registry()
    pass_a = [_read(s, mid_caps, lower_vocab) for s in live]
    for p in pass_a:
        _register(first, p)
    first.resolve()
    name_words: set[str] = set()
    for ent in first.entities:
        if ent.kind in ("person", "place"):
            for form in ent.forms:
                name_words.update(form.split())
    letters = letter_repairs([m.text.split() for p in pass_a for m in p.mentions])
    possessives = possessive_candidates([(p.toks, p.mentions) for p in pass_a], name_words)
    if progress:
        progress(len(live) // 3)

    reg = Registry()
    analysis = Analysis(docs, sentences, reg)
    for k, s in enumerate(live):
        s.fixed = apply_repairs(s.fixed, letters, possessives)
        p = _read(s, mid_caps, lower_vocab)
        analysis.parsed[s.index] = p
        _register(reg, p)
        if progress and k % 200 == 199:
            progress(200 // 3)
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
