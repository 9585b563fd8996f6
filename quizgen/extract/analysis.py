"""The reading stage: documents -> clean, repaired, topic-filtered sentences with dates and entities.

Names are read twice: the first pass learns which names exist (so "Ramn" can be repaired to the
"Ramon" the documents also use, and "Trotskys" to "Trotsky's"); the second reads the repaired text.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import attrgetter, itemgetter
from typing import Final, Protocol

from .dates import DateMatch, find_dates_each
from .documents import Document
from .entities import Registry
from .kinds import context_votes
from .lexicon import STOPWORDS
from .names import Mention, fill_text, find_mentions
from .repair import letter_repairs, possessive_words, repairer
from .sentences import Sentence, sentences_of
from .tokens import Tok, tokenize
from .topic import YEAR, classify, cue_topic, stance


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
    votes: list[dict[str, float]] = field(default_factory=list)  # each mention's kind votes, computed once

    # (written out: compiled by mypyc, this __init__ is native code; the one @dataclass writes is not)
    def __init__(self, sentence: Sentence, toks: list[Tok], dates: list[DateMatch], mentions: list[Mention],
                 votes: list[dict[str, float]] | None = None) -> None:
        self.sentence = sentence
        self.toks = toks
        self.dates = dates
        self.mentions = mentions
        self.votes = [] if votes is None else votes


@dataclass
class Analysis:
    docs: list[Document]
    sentences: list[Sentence]
    registry: Registry
    parsed: dict[int, Parsed] = field(default_factory=dict)
    years: dict[int, list[int]] = field(default_factory=dict)  # the years each read sentence names (years_in)
    # each spelling of a name (Mention.text), in the order of first use: [its entity, its name words for the
    # topic model, how many mentions use it]
    spellings: dict[str, list] = field(default_factory=dict)

    def kept(self) -> list[Parsed]:
        """On-topic, non-duplicate sentences in document order."""
        return [self.parsed[s.index] for s in self.sentences if s.topic == "ok" and s.index in self.parsed]


def _date_tokens(toks: list[Tok], dates: list[DateMatch]) -> set[int]:
    """Indices of the tokens that overlap a date."""
    skip: set[int] = set()
    n = len(toks)
    for d in dates:
        # tokens are in text order, without overlaps: from the first that ends after the date starts, on
        # while they start before it ends
        k = bisect_right(toks, d.start, key=_tok_end)
        while k < n and toks[k].start < d.end:
            skip.add(k)
            k += 1
    return skip


def _read_all(sentences: list[Sentence], mid_caps: set[str], lower_vocab: set[str]) -> list[Parsed]:
    """Each sentence read: its tokens, dates and name mentions. One step at a time over all the sentences:
    every sentence's tokens, then every sentence's dates, then the names. The same calls on the same texts
    as reading the sentences one by one (no step depends on another sentence), but each step's code and
    tables stay hot in the processor's caches while it runs: about a sixth faster than alternating the
    regex engine and the Python code sentence by sentence."""
    texts = [s.fixed for s in sentences]
    toks = list(map(tokenize, texts))
    dates = find_dates_each(texts)
    out: list[Parsed] = []
    for s, text, tk, found in zip(sentences, texts, toks, dates, strict=True):
        skip = _date_tokens(tk, found) if found else set()
        out.append(Parsed(s, tk, found, fill_text(find_mentions(tk, mid_caps, lower_vocab, skip), text)))
    return out


def _vocabulary(sentences: list[Sentence]) -> tuple[set[str], set[str]]:
    """Capitalised words seen inside a sentence (not first), and every lower-case word, lower-cased."""
    firsts: list[str] = []
    tails: list[str] = []  # each sentence after its first word (in ASCII)
    other_tails: list[str] = []  # (not in ASCII)
    search = _WORDS.search
    for s in sentences:
        text = s.fixed
        m = search(text)
        if m is not None:
            firsts.append(m[0])
            (tails if text.isascii() else other_tails).append(text[m.end() :])
    # the words after the first, in a scan or two: no word holds a line break, so none runs from one tail into
    # the next (and _WORDS looks neither behind nor ahead: findall after the first word finds the same words);
    # the words' order does not matter (they make sets), so ASCII text is scanned apart, with plain ranges
    found = _ascii_words("\n".join(tails))
    if other_tails:
        found.update(_WORDS.findall("\n".join(other_tails)))
    # each distinct word once (a document repeats its words); a word is never empty, so w[0] is w[:1]
    inside = list(found)
    upper = list(map(str.isupper, map(itemgetter(0), inside)))
    mid_caps = {w[:-2] if w[-2:] in ("'s", "’s") else w for w in compress(inside, upper)}
    lower_vocab = set(map(str.lower, compress(inside, map(operator.not_, upper))))
    starts = [w for w in set(firsts) if not w[0].isupper()]
    lower_vocab.update(map(str.lower, starts))
    return mid_caps, lower_vocab


_tok_end = attrgetter("end")
# ASCII bytes -> themselves for the characters of _WORDS_ASCII's words ([A-Za-z0-9_'-]), a space for any other
_WORD_BYTES: Final = bytes(c if chr(c).isascii() and (chr(c).isalnum() or chr(c) in "_'-") else 32 for c in range(256))
_NOT_LETTERS: Final = "0123456789_'-"


def _ascii_words(text: str) -> set[str]:
    """set(_WORDS_ASCII.findall(text)) of an ASCII text, faster: the runs of the words' characters (a byte
    translation and a split, in C), each distinct run once, less what comes before its first letter (where
    _WORDS_ASCII starts the word: "20-year" gives "year")."""
    runs = b" ".join(set(text.encode().translate(_WORD_BYTES).split())).decode().split()
    words = set(runs)
    for run in runs:
        if run[0] in _NOT_LETTERS:
            words.discard(run)
            word = run.lstrip(_NOT_LETTERS)
            if word:
                words.add(word)
    return words
_WORDS: Final = re.compile(r"[^\W\d_][\w'’-]*")
_WORDS_ASCII: Final = re.compile(r"[A-Za-z][A-Za-z0-9_'-]*")  # the same words in ASCII text, several times faster
# he|she|his|her|him as whole words, in any case: \b(?:h(?:e|er|i[ms])|she)\b with re.IGNORECASE, spelled out
# (with the characters IGNORECASE also takes for "i" and "s") to put the word-start test after the first letter
_HE: Final = re.compile(r"(?:[hH](?<!\w[hH])(?:[eE][rR]?|[iIıİ][mMsSſ])|[sSſ](?<!\w[sSſ])[hH][eE])\b")


class _HasHe:
    """Whether a sentence says he, she, his, her or him (true or false as a bool): searched for once, when a
    mention's votes first ask (most mentions never do)."""

    __slots__ = ("text", "found")

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: bool | None = None

    def __bool__(self) -> bool:
        if self.found is None:
            self.found = _HE.search(self.text) is not None
        return self.found


def _vote(p: Parsed) -> None:
    """Each mention's kind votes from its sentence (p.votes), once: they depend on the sentence alone."""
    if p.mentions and not p.votes:  # (no mention: nothing to vote on; p.votes stays empty)
        text = p.sentence.fixed
        p.votes = list(map(context_votes, repeat(p.toks), p.mentions, repeat(text), repeat(_HasHe(text))))


def _register(reg: Registry, p: Parsed) -> None:
    if not p.mentions:
        return  # (nothing to register)
    # (p.votes: analyse has voted on every sentence's mentions before it registers any)
    reg.add_all(p.mentions, p.votes, p.sentence.index)
    toks = p.toks
    for a, b in zip(p.mentions, p.mentions[1:], strict=False):
        gap = b.t0 - a.t1
        if gap == 1:  # (only one or two tokens between can be a list or an acronym)
            between = toks[a.t1].text
            if between in (",", "and", "or") and not a.possessive:
                reg.add_coordination(a.text, b.text)
            # "New Economic Policy (NEP)"
            elif between == "(" and b.t1 < len(toks) and toks[b.t1].text == ")" and b.text.isupper():
                initials = "".join(w[0] for w in a.text.split() if w[:1].isupper())
                if b.text[0] == initials[:1]:
                    reg.add_acronym(a.text, b.text)
        elif gap == 2 and toks[a.t1].text == "," and toks[a.t1 + 1].text in ("and", "or") and not a.possessive:
            reg.add_coordination(a.text, b.text)


# (each lookbehind after the first character: a pattern that starts with a character class scans fast)
# (possessive quantifiers, *+ and ++: what follows each run, a space or a capital, is never in the run, so giving
# back a character could not help a match; the engine stops trying, at every capital that starts no run)
_CAP_RUN: Final = re.compile(
    r"[A-Z](?<![\w'’][A-Z])[\w’'.-]*+(?:\s++(?:of\s++|de\s++|von\s++|van\s++)?[A-Z][\w’'.-]*+)+")
_POSS: Final = re.compile(r"([A-Z](?<![\w'’][A-Z])[a-z]+)['’]s\b")
_INITIAL_SUBJECT: Final = re.compile(r"([A-Z][a-z]+) (?:was|is|had|became|[a-z]{3,}ed)\b")
# \b(?:in|at|to|from|near)\s+([A-Z][a-z]+)\b as one pattern per preposition, each starting with its word
# (the word-start test behind it): the engine scans for a literal start much faster than for one of five
# letters. (The matches are the same: no two can overlap, as a match's name is capitalised and each
# preposition starts a word in lower case.)
_PLACE_AFTER_PREP: Final = tuple(re.compile(rf"{w}(?<!\w{w})\s+([A-Z][a-z]+)\b")
                                  for w in ("in", "at", "to", "from", "near"))


def _repairs(live: list[Sentence], mid_caps: set[str]) -> tuple[dict[str, str], set[str]]:
    """Damaged spellings to repair ('Ramn' -> 'Ramon') and names that lost their apostrophe ('Trotskys')."""
    mid_caps = set(mid_caps)  # a local copy grown in place
    texts = [s.fixed for s in live]
    # One scan of all sentences for each pattern: "\x00" between two of them reads as the start or end of a
    # string to each (not a space, not a word character, not an apostrophe), so no match runs across.
    joined = "\x00".join(texts)
    run_texts: list[str] = _CAP_RUN.findall(joined)
    # "Stalin's": said of someone (only the sentences with a possessive are scanned: most have none)
    found: list[str] = _POSS.findall("\x00".join([t for t in texts if "'s" in t or "’s" in t]))
    for place_prep in _PLACE_AFTER_PREP:  # (name words: a set below, their order does not matter)
        found += place_prep.findall(joined)
    for text in texts:
        m = _INITIAL_SUBJECT.match(text)
        if m:
            found.append(m[1])
            mid_caps.add(m[1])  # "Bismarck was ...": a name even at the start of a sentence
    name_words = set(found)
    # the capitalised words of each distinct run, worked out once (names recur; equal runs share one list)
    words_of: dict[str, list[str]] = {}
    for run in run_texts:
        if run not in words_of:
            words = words_of[run] = [w for w in run.split() if w[:1].isupper()]
            if 2 <= len(words) <= 3:
                name_words.add(words[-1])  # "Leon Trotsky": a surname
    runs = [words_of[run] for run in run_texts]
    letters = letter_repairs(runs)
    possessives = possessive_words(live, name_words & mid_caps)
    return letters, possessives


def _link_entities(analysis: Analysis) -> dict[int, set[str]]:
    """Set each mention's entity; return each sentence's name words for the topic model."""
    reg = analysis.registry
    # the same name recurs: its entity and name words are worked out once per spelling
    known = analysis.spellings
    names: dict[int, set[str]] = {}
    for p in analysis.parsed.values():
        found: set[str] = set()
        for m in p.mentions:
            text = m.text
            if text in known:
                hit = known[text]
            else:
                ent = reg.entity(text)
                # the topic model counts name words: "Japan" is shared by "Imperial Japan" and "Japan"
                words = frozenset() if ent is None else frozenset((ent.name, *(
                    w for w in ent.name.split() if len(w) > 3 and w.lower() not in STOPWORDS)))
                hit = known[text] = [ent, words, 0]
            hit[2] += 1
            m.entity = hit[0]
            found |= hit[1]
        names[p.sentence.index] = found
    return names


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
    years = analysis.years
    repair = repairer(letters, possessives)
    for s in live:
        s.fixed = repair(s.fixed)
        found = YEAR.findall(s.fixed)  # (topic.years_in, inlined: most sentences name no year)
        years[s.index] = list(map(int, found)) if found else []
    # each sentence read (step by step over all of them), its mentions voted on, then registered in order
    parsed = _read_all(live, mid_caps, lower_vocab)
    for p in parsed:
        _vote(p)
    for k, p in enumerate(parsed):
        analysis.parsed[p.sentence.index] = p
        _register(reg, p)
        if progress and k % 100 == 99:
            progress.advance(200)
    if progress:
        progress.advance(2 * (len(live) % 100))
    reg.resolve()
    names = _link_entities(analysis)
    classify(live, names, analysis.years)
    for s in live:
        if s.topic == "ok":
            s.stance = stance(s)
    return analysis
