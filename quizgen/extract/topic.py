"""Which sentences are the document's own prose: boilerplate cues, and a topic model of the document.

Two filters. Cues catch web furniture whatever the topic ("cookies", "sign up", "this answer", a
question ending in "?"). The topic model is the document's own: its central entities (names that
recur) and central vocabulary (content words that recur); a sentence sharing nothing with either is
off-topic ("Do I need a thermal expansion tank...", an SQL error message).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from .folding import fold
from .lexicon import AUXILIARIES, BOILERPLATE, FIRST_SECOND_PERSON, HEDGES, STOPWORDS
from .morph import IRREGULAR_PAST
from .sentences import Sentence
from .wordtrie import alternation

_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_ANAPHORIC = re.compile(r"(?:The|This|These|That|Those|It|He|She|They|His|Her|Their|Its)\s")
_YEAR = re.compile(r"\b(1\d{3}|20\d{2})\b")
_HEDGE_RE = re.compile(r"\b" + alternation(HEDGES) + r"\b")
_WORD_CUES = sorted((b for b in BOILERPLATE if b[0].isalnum() and b[-1].isalnum()), key=len, reverse=True)
_BOILER_RE = re.compile(r"(?<![\w-])" + alternation(_WORD_CUES) + r"(?![\w-])")
_OTHER_CUES = tuple(b for b in BOILERPLATE if not (b[0].isalnum() and b[-1].isalnum()))
# "I demand ..." after a dash is speech the sentence reports; "if you read X" is the generic you.
_SPEECH = re.compile(r"\s—\s*(?=I\b)[^—]*")
_REGNAL = re.compile(r"I(?<=[a-z] I)\b(?= [a-z])")  # "Elizabeth I ruled": a numeral, not the pronoun
_GENERIC_YOU = re.compile(r"\bif you\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_SHOUT = re.compile(r"\b[A-Z]{2,}(?:\s+[A-Z]{2,}){2,}\b")
_WORDS_RE = re.compile(r"[a-z]+")
_VERB_WORDS = AUXILIARIES | IRREGULAR_PAST | {"will", "can", "may", "shall", "must"}


_QUESTION_END = re.compile(r"\?[\"”']?$")
_DANGLING_END = re.compile(r"\b(?:of|the|a|for|to|and|by)\W*$")
# (lookbehinds after the first letter: a pattern that starts with a character class scans fast)
_STANCE_WORDS = re.compile(r"(?:I(?<![\w']I)|[a-z'](?<![\w'][a-z'])[a-z']*)(?![\w'])")
_FIRST_WORD = re.compile(r"\W*([A-Za-z']+)")
_CONTINUATION = re.compile(r"^(?:and|but|so|which|because|or)\b")


def _has_verb(low: str) -> bool:
    """Any word that can be a finite verb: a sentence without one is a heading or a fragment."""
    for w in _WORDS_RE.findall(low):
        if w in _VERB_WORDS or len(w) >= 4 and w.endswith("ed") or len(w) >= 4 and w.endswith("s") \
                and not w.endswith(("ss", "us", "is")):
            return True
    return False


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem good enough for overlap: 'Victorians' ~ 'Victoria', 'revolutionary' ~ 'revolution'."""
    w = word.strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    return w[:7] if len(w) > 7 else w.rstrip("s") if len(w) > 4 else w


def content_stems(text: str) -> set[str]:
    return {stem(w) for w in _WORD.findall(fold(text)) if w not in STOPWORDS}


def cue_topic(s: Sentence) -> str:
    """Classify by surface cues alone: boilerplate | question | fragment | ok."""
    text = s.fixed.strip()
    low = text.lower()
    if _BOILER_RE.search(low) or any(c in low for c in _OTHER_CUES) or _SHOUT.search(text) or "@" in text:
        return "boilerplate"
    if text.endswith("?") or text.endswith("?)") or _QUESTION_END.search(text):
        return "question"
    words = text.split()
    if not text[:1].isupper() and not text[:1].isdigit() and text[:1] not in "\"“'‘":
        return "fragment"  # starts mid-sentence: a scraping remnant
    if len(words) < 4 or not _has_verb(low):
        return "fragment"
    if len(words) < 8 and _DANGLING_END.search(low):
        return "fragment"
    if text[-1:] not in ".!\"”'’)" and len(words) < 8:
        return "fragment"
    return "ok"


_FIRST_SECOND = frozenset(FIRST_SECOND_PERSON | {"I"})


def stance(s: Sentence) -> str:
    """fact | hedged | opinion: only `fact` sentences give candidates."""
    text = s.fixed
    # each substitution only where its character occurs (most sentences have none of them)
    if "I" in text:
        text = _REGNAL.sub("", text)
    if '"' in text or "“" in text:
        text = _QUOTED.sub(" ", text)
    if "—" in text:
        text = _SPEECH.sub(" ", text)
    low = text.lower()
    if "you" in low:
        text = _GENERIC_YOU.sub(" ", text)
        low = text.lower()
    # "I", "we", "my" (but "My Life" inside a sentence is a title, not the writer speaking)
    words = set(_STANCE_WORDS.findall(text))
    first = _FIRST_WORD.match(text)
    if first:
        words.add(first.group(1).lower())
    if words & _FIRST_SECOND:
        return "opinion"
    if _HEDGE_RE.search(low):
        return "hedged"
    if s.fixed.rstrip().endswith("!") and len(s.fixed.split()) < 12:
        return "opinion"
    if _CONTINUATION.match(low):
        return "hedged"
    return "fact"


class TopicModel:
    """Central entities and vocabulary of one document, from its own non-boilerplate sentences."""

    def __init__(self, sentences: list[Sentence], names: dict[int, set[str]]):
        self.n = max(1, len(sentences))
        self.df: Counter = Counter()
        self.name_df: Counter = Counter()
        self.stems: dict[int, set[str]] = {}
        for s in sentences:
            st = content_stems(s.fixed)
            self.stems[s.index] = st
            self.df.update(st)
            self.name_df.update(names.get(s.index, set()))
        # "central": recurs in the document (at least twice, and in the top part of its vocabulary)
        min_df = 2 if self.n < 400 else max(2, int(self.n * 0.004))
        self.central_names = {k for k, c in self.name_df.items() if c >= min_df}
        ranked = [w for w, c in self.df.most_common() if c >= min_df]
        self.central_words = set(ranked[: max(40, int(math.sqrt(self.n) * 12))])
        # the document's own period: a sentence dated inside it belongs to the story
        years = sorted(int(y) for s in sentences for y in _YEAR.findall(s.fixed))
        if len(years) >= 3:
            lo, hi = years[len(years) // 20], years[(len(years) * 19) // 20]
            self.period = (lo - 10, hi + 10)
        else:
            self.period = None

    def score(self, s: Sentence, names: set[str]) -> float:
        """How much a sentence shares with the document's centre (0: nothing)."""
        own = self.stems.get(s.index) or content_stems(s.fixed)
        shared_names = len(names & self.central_names)
        # a word counts only if it recurs elsewhere: a sentence cannot make itself central
        shared_words = sum(1 for w in own if w in self.central_words and self.df[w] >= 2)
        in_period = self.period is not None and any(
            self.period[0] <= int(y) <= self.period[1] for y in _YEAR.findall(s.fixed))
        return 2.0 * shared_names + shared_words + (1.0 if in_period else 0.0)

    def on_topic(self, s: Sentence, names: set[str]) -> bool:
        """Off-topic means sharing nothing: no central name, no central word, no date in the period."""
        return self.score(s, names) >= 1


def classify(sentences: Iterable[Sentence], names: dict[int, set[str]]) -> None:
    """Set `topic` (off-topic by the document's own topic model) on sentences that passed the cues."""
    by_doc: dict[str, list[Sentence]] = {}
    for s in sentences:
        if s.topic == "ok":
            by_doc.setdefault(s.doc, []).append(s)
    for doc_sentences in by_doc.values():
        if len(doc_sentences) < 8:
            continue  # too little text to know its topic: keep it all
        model = TopicModel(doc_sentences, names)
        previous_on = False
        for s in doc_sentences:
            own = model.on_topic(s, names.get(s.index, set()))
            # "The novel sold 300,000 copies": a sentence that points back continues its neighbour's topic
            if not own and not (previous_on and _ANAPHORIC.match(s.fixed)):
                s.topic = "offtopic"
            previous_on = own
